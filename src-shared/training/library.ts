// The shipped scenarios, imported statically so the renderer, core and server read the same files without a
// file system. Adding a file under resources/scenarios means adding a line here (a unit test holds the two equal).
import brPaymentPixFormal from '../../resources/scenarios/br-payment-pix-formal.scenario.json';
import cnInquiryCasualChat from '../../resources/scenarios/cn-inquiry-casual-chat.scenario.json';
import cnPriceProtectionNin from '../../resources/scenarios/cn-price-protection-nin.scenario.json';
import deComplaintEmpathyFirst from '../../resources/scenarios/de-complaint-empathy-first.scenario.json';
import deReturnWithdrawal from '../../resources/scenarios/de-return-withdrawal.scenario.json';
import esExchangeTuteoWhatsapp from '../../resources/scenarios/es-exchange-tuteo-whatsapp.scenario.json';
import frInquiryTutoiementChat from '../../resources/scenarios/fr-inquiry-tutoiement-chat.scenario.json';
import frPrivacyAccessVous from '../../resources/scenarios/fr-privacy-access-vous.scenario.json';
import jpExchangeCasualLine from '../../resources/scenarios/jp-exchange-casual-line.scenario.json';
import jpRepairKeigo from '../../resources/scenarios/jp-repair-keigo.scenario.json';
import krReturnHaeyoKakao from '../../resources/scenarios/kr-return-haeyo-kakao.scenario.json';
import ruRepairWarmTelegram from '../../resources/scenarios/ru-repair-warm-telegram.scenario.json';
import saPaymentNoGreeting from '../../resources/scenarios/sa-payment-no-greeting.scenario.json';
import saReturnSalamWhatsapp from '../../resources/scenarios/sa-return-salam-whatsapp.scenario.json';
import usComplaintLateDelivery from '../../resources/scenarios/us-complaint-late-delivery.scenario.json';
import usInquiryFormalTitle from '../../resources/scenarios/us-inquiry-formal-title.scenario.json';
import { ScenarioSchema, type Scenario } from './schema';

export const SCENARIO_FILES: ReadonlyArray<{ file: string; data: unknown }> = [
  { file: 'br-payment-pix-formal.scenario.json', data: brPaymentPixFormal },
  { file: 'cn-inquiry-casual-chat.scenario.json', data: cnInquiryCasualChat },
  { file: 'cn-price-protection-nin.scenario.json', data: cnPriceProtectionNin },
  { file: 'de-complaint-empathy-first.scenario.json', data: deComplaintEmpathyFirst },
  { file: 'de-return-withdrawal.scenario.json', data: deReturnWithdrawal },
  { file: 'es-exchange-tuteo-whatsapp.scenario.json', data: esExchangeTuteoWhatsapp },
  { file: 'fr-inquiry-tutoiement-chat.scenario.json', data: frInquiryTutoiementChat },
  { file: 'fr-privacy-access-vous.scenario.json', data: frPrivacyAccessVous },
  { file: 'jp-exchange-casual-line.scenario.json', data: jpExchangeCasualLine },
  { file: 'jp-repair-keigo.scenario.json', data: jpRepairKeigo },
  { file: 'kr-return-haeyo-kakao.scenario.json', data: krReturnHaeyoKakao },
  { file: 'ru-repair-warm-telegram.scenario.json', data: ruRepairWarmTelegram },
  { file: 'sa-payment-no-greeting.scenario.json', data: saPaymentNoGreeting },
  { file: 'sa-return-salam-whatsapp.scenario.json', data: saReturnSalamWhatsapp },
  { file: 'us-complaint-late-delivery.scenario.json', data: usComplaintLateDelivery },
  { file: 'us-inquiry-formal-title.scenario.json', data: usInquiryFormalTitle },
];

let library: Scenario[] | undefined;

/** The shipped scenarios, parsed once; `npm run scenarios -- check` is what proves them sound. */
export function builtinScenarios(): readonly Scenario[] {
  library ??= SCENARIO_FILES.map(({ data }) => ScenarioSchema.parse(data));
  return library;
}
