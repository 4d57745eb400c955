import { normalizeText, readDates } from './factReader';
import { finding, type Finding } from './findings';
import { language } from './localeFallback';
import type { ReplyContext } from './replyContext';

interface WindowWords {
  days: RegExp;
  returning: RegExp;
  refunding: RegExp;
}

/** Day counts and the words that make a sentence about returning goods or about paying money back. */
const WORDS: Readonly<Record<string, WindowWords>> = {
  en: {
    days: /(\d+)[\s-]*(?:calendar\s+|business\s+|working\s+)?days?\b/giu,
    returning: /return|send (?:it|them|the \w+) back|withdraw|cancel/iu,
    refunding: /refund|reimburs|money back/iu,
  },
  de: {
    days: /(\d+)(?:\s*(?:Kalender|Werk|Arbeits)?tage?n?|-tägig)/giu,
    returning: /rücksend|zurücksend|zurückschick|widerruf|zurückgeb|rückgabe|retour/iu,
    refunding: /erstatt|rückzahl/iu,
  },
  fr: {
    days: /(\d+)\s*jours?/giu,
    returning: /retourner|renvoyer|rétractation|(?<!aller et )retour(?! en stock)/iu,
    refunding: /rembours/iu,
  },
  es: { days: /(\d+)\s*días?/giu, returning: /devol|devuelv|desistimiento/iu, refunding: /reembols|reintegr/iu },
  pt: { days: /(\d+)\s*dias?/giu, returning: /devol|arrependimento/iu, refunding: /reembols|estorno|restitu/iu },
  ru: {
    days: /(\d+)\s*(?:календарн\S*\s+|рабоч\S*\s+)?(?:дн(?:ей|я|ь))/giu,
    returning: /вернуть (?:товар|его|её|их)|возврат\S* товар|отказ\S* от товара/iu,
    refunding: /возврат\S* (?:денег|средств)|верн(?:ём|ем|уть) (?:деньги|средства|разницу|сумму)|перечисл/iu,
  },
  ja: { days: /(?<![月\d])(\d+)\s*日(?:間|以内)/gu, returning: /返品|返送|キャンセル|ご返却/u, refunding: /返金/u },
  zh: {
    days: /(?<![月\d])(\d+)\s*(?:个)?(?:自然日|工作日|天|日)(?:内|之内)?/gu,
    returning: /退货|退回|退换|无理由/u,
    refunding: /退款/u,
  },
  ko: { days: /(\d+)\s*일\s*(?:이내|내|간|동안)/gu, returning: /반품|청약철회/u, refunding: /환불/u },
  it: { days: /(\d+)\s*giorn[oi]/giu, returning: /reso|restitu|rispedi|recesso/iu, refunding: /rimbors/iu },
  nl: {
    days: /(\d+)\s*(?:werk)?dag(?:en)?\b/giu,
    returning: /retour|terugstur|herroep|bedenktijd/iu,
    // Dutch splits the verb: "we betalen het bedrag binnen 14 dagen terug".
    refunding: /terugbeta|terugstort|geld terug|\bbetal\S*\b.*\bterug\b|\bstort\S*\b.*\bterug\b/iu,
  },
  pl: {
    days: /(\d+)\s*(?:dni|dnia|dzień)/giu,
    returning: /odesła|odstąpi|zwrot towaru|zwrotu z zamówienia/iu,
    refunding: /zwrot\S* (?:pieniędzy|kwoty|środków)|zwróci|zwrot \S+ (?:na|za)/iu,
  },
  th: { days: /(\d+)\s*วัน/gu, returning: /คืนสินค้า|ส่งคืน|ส่งสินค้าคืน|เลิกสัญญา/u, refunding: /คืนเงิน/u },
  vi: { days: /(\d+)\s*ngày/giu, returning: /trả hàng|gửi trả hàng|trả lại sản phẩm/iu, refunding: /hoàn tiền/iu },
  id: {
    days: /(\d+)\s*hari/giu,
    returning: /pengembalian barang|mengembalikan barang|barang kembali|retur/iu,
    refunding: /pengembalian dana|dana dikembalikan|refund/iu,
  },
  hi: { days: /(\d+)\s*दिन/gu, returning: /वापस भेज|रिटर्न|वापसी/u, refunding: /रिफ़ंड|रिफंड|धनवापसी/u },
  ar: {
    days: /(\d+)\s*(?:يومًا|يوما|يوم|أيام)/gu,
    returning: /إرجاع|ارجاع|إعادة المنتج|الانسحاب|العدول/u,
    refunding: /استرداد|استرجاع المبلغ|رد المبلغ/u,
  },
};

// A dot after a one- or two-digit number is a German ordinal date ("3. Dezember"), not a sentence end.
const SENTENCE_END = /(?<!(?:^|\D)\d{1,2})[.!?]+(?=\s|$)|[。！？\n؟]+/u;

export interface DaySentence {
  sentence: string;
  days: number[];
  /** What the sentence promises: paying money back, taking goods back, or neither. */
  topic: 'refund' | 'return' | 'other';
}

/**
 * The sentences of a text with the day counts they state and what they are about. Sentences about
 * refunds are judged as refund timing only. A product name ("Noise-Cancelling Headphones") is not a
 * promise about returns.
 */
export function daySentences(text: string, locale: string, itemTitle?: string): DaySentence[] {
  const words = WORDS[language(locale)];
  if (!words) return [];
  const withoutTitle = itemTitle ? text.split(itemTitle).join(' ') : text;
  return normalizeText(withoutTitle)
    .split(SENTENCE_END)
    .map((sentence) => ({
      sentence,
      days: [...sentence.matchAll(words.days)].map((match) => Number(match[1])),
      topic: words.refunding.test(sentence) ? 'refund' : words.returning.test(sentence) ? 'return' : 'other',
    }));
}

/**
 * A reply must not promise less than the law gives: a return window shorter than the statutory
 * withdrawal period, or a last return day before the statutory one. A refund promised later than the
 * statutory refund deadline is flagged too.
 */
export function checkStatutoryWindows(
  text: string,
  locale: string,
  formatLocale: string,
  context: ReplyContext,
): Finding[] {
  const withdrawal = context.deadlines.withdrawalEnds;
  const refund = context.deadlines.refundDue;
  const findings: Finding[] = [];
  for (const { sentence, days, topic } of daySentences(text, locale, context.itemTitle)) {
    if (topic === 'refund') {
      const slowest = Math.max(...days);
      if (refund?.periodDays !== undefined && days.length > 0 && slowest > refund.periodDays) {
        findings.push(
          finding('refund_slower_than_statutory', 'warning', {
            promisedDays: slowest,
            statutoryDays: refund.periodDays,
            rule: refund.rule ?? '',
          }),
        );
      }
      continue;
    }
    if (!withdrawal || topic !== 'return') continue;
    const shortest = Math.min(...days);
    const severity = withdrawal.conditional ? 'warning' : 'error';
    if (withdrawal.periodDays !== undefined && days.length > 0 && shortest < withdrawal.periodDays) {
      findings.push(
        finding('return_window_shorter_than_statutory', severity, {
          promisedDays: shortest,
          statutoryDays: withdrawal.periodDays,
          rule: withdrawal.rule ?? '',
        }),
      );
    }
    const due = withdrawal.dueDate;
    const early =
      due === undefined
        ? undefined
        : readDates(sentence, formatLocale)
            .filter((date) => date < due)
            .sort()[0];
    if (early && due) {
      findings.push(
        finding('return_deadline_before_statutory', severity, {
          promisedDate: early,
          statutoryDate: due,
          rule: withdrawal.rule ?? '',
        }),
      );
    }
  }
  return findings;
}
