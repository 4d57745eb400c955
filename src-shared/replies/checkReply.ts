import { readFacts, type ReplyFacts } from './factReader';
import { finding, type Finding } from './findings';
import { checkFormality } from './formalityCheck';
import type { LocaleResolution } from './localeFallback';
import { findUnfilledPlaceholders } from './placeholders';
import type { ReplyContext } from './replyContext';
import type { VariantStatus } from './staleness';
import { checkStatutoryWindows } from './statutoryWindowCheck';

/** A text about to be sent (or shown to the agent), possibly edited after rendering. */
export interface DraftText {
  locale: string;
  /** The locale numbers and dates were written in (RenderedReply.formatLocale). */
  formatLocale: string;
  text: string;
  resolution?: LocaleResolution;
  status?: VariantStatus;
  /** Placeholders the renderer could not fill; they show as {name} holes. */
  missing?: readonly string[];
}

export interface CheckInput {
  context: ReplyContext;
  /** What the customer will receive. */
  customer: DraftText;
  /** The same reply in the agent's language, when shown side by side. */
  agent?: DraftText;
}

const SEVERITY_ORDER = { error: 0, warning: 1, info: 2 } as const;

/** Pre-send checks; an empty list means nothing to fix. Errors first. */
export function checkReply(input: CheckInput): Finding[] {
  const { context, customer, agent } = input;
  const findings: Finding[] = [];
  // A fact the case could not supply (no tracking number yet, no count) stays a visible hole {name} and is
  // named, so the agent knows what belongs there; other holes are placeholders someone typed or left.
  const missingFacts = new Set(customer.missing ?? []);
  for (const hole of findUnfilledPlaceholders(customer.text)) {
    findings.push(
      finding(missingFacts.has(hole.name) ? 'missing_fact' : 'unfilled_placeholder', 'error', {
        token: hole.token,
        name: hole.name,
        locale: customer.locale,
      }),
    );
  }
  // A product name ("Du bist super" mug) is quoted, not how we address the customer.
  const prose = context.itemTitle ? customer.text.split(context.itemTitle).join(' ') : customer.text;
  findings.push(...checkFormality(prose, customer.locale, context.register));
  findings.push(...checkStatutoryWindows(customer.text, customer.locale, customer.formatLocale, context));
  if (agent) findings.push(...compareFacts(customer, agent, context));
  if (customer.status === 'stale') findings.push(finding('stale_translation', 'warning', { locale: customer.locale }));
  if (customer.resolution?.usedFallback) {
    findings.push(
      finding('fallback_language', customer.resolution.sameLanguage ? 'info' : 'warning', {
        requested: customer.resolution.requested,
        used: customer.resolution.locale,
      }),
    );
  }
  return findings.sort((a, b) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity]);
}

export function contextCurrencies(context: ReplyContext): string[] {
  return [context.orderTotal, context.refundAmount, context.priceDifference].flatMap((money) =>
    money ? [money.currency] : [],
  );
}

function compareFacts(customer: DraftText, agent: DraftText, context: ReplyContext): Finding[] {
  const currencies = contextCurrencies(context);
  const left = readFacts(customer.text, customer.formatLocale, currencies);
  const right = readFacts(agent.text, agent.formatLocale, currencies);
  const kinds: [keyof ReplyFacts, 'order_id_mismatch' | 'amount_mismatch' | 'date_mismatch'][] = [
    ['identifiers', 'order_id_mismatch'],
    ['amounts', 'amount_mismatch'],
    ['dates', 'date_mismatch'],
  ];
  const findings: Finding[] = [];
  for (const [kind, code] of kinds) {
    const normalize = (values: string[]): Set<string> =>
      new Set(kind === 'identifiers' ? values.map((v) => v.toUpperCase()) : values);
    const inCustomer = normalize(left[kind]);
    const inAgent = normalize(right[kind]);
    const onlyCustomer = [...inCustomer].filter((value) => !inAgent.has(value));
    const onlyAgent = [...inAgent].filter((value) => !inCustomer.has(value));
    if (onlyCustomer.length > 0 || onlyAgent.length > 0) {
      findings.push(
        finding(code, 'error', {
          customerLocale: customer.locale,
          agentLocale: agent.locale,
          onlyInCustomerText: onlyCustomer.join(', '),
          onlyInAgentText: onlyAgent.join(', '),
        }),
      );
    }
  }
  return findings;
}
