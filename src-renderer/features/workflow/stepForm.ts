import type { Case } from '../../../src-shared/domain/case';
import { minorDigits } from '../../../src-shared/domain/money';
import {
  CHARGEBACK_OUTCOMES,
  INSPECTION_OUTCOMES,
  REFUND_METHODS,
  REFUSAL_GROUNDS,
  REPAIR_COVERAGES,
  REPAIR_OUTCOMES,
  WITHDRAWAL_CHANNELS,
  WORKFLOW_OF_TYPE,
  WORKFLOW_STEPS,
  WorkflowStepDetailSchema,
  type WorkflowStepDetail,
  type WorkflowStepKind,
} from '../../../src-shared/domain/workflow';
import { checkStep } from '../../../src-shared/workflow';

/** The choices a select field offers, named after the option group in locales/<lng>/workflow.json. */
export const OPTION_GROUPS = {
  via: WITHDRAWAL_CHANNELS,
  inspection: INSPECTION_OUTCOMES,
  method: REFUND_METHODS,
  ground: REFUSAL_GROUNDS,
  coverage: REPAIR_COVERAGES,
  repairOutcome: REPAIR_OUTCOMES,
  chargebackOutcome: CHARGEBACK_OUTCOMES,
  yesNo: ['yes', 'no'],
} as const;
export type OptionGroup = keyof typeof OPTION_GROUPS;

export type FieldName =
  | 'via'
  | 'carrier'
  | 'trackingNumber'
  | 'condition'
  | 'outcome'
  | 'amount'
  | 'method'
  | 'reference'
  | 'reason'
  | 'ground'
  | 'note'
  | 'coverage'
  | 'quote'
  | 'accepted'
  | 'oldPrice'
  | 'newPrice'
  | 'source'
  | 'eligible'
  | 'policyWindowDays'
  | 'charge'
  | 'providerReference';

/** One input of a step's form: text, money in the order's currency, a whole number, or a choice. */
export type Field =
  | { name: FieldName; kind: 'text' | 'money' | 'count'; optional?: boolean }
  | { name: FieldName; kind: 'choice'; options: OptionGroup; optional?: boolean };

const text = (name: FieldName, optional = false): Field => ({ name, kind: 'text', optional });
const money = (name: FieldName, optional = false): Field => ({ name, kind: 'money', optional });
const choice = (name: FieldName, options: OptionGroup): Field => ({ name, kind: 'choice', options });
const shipment = [text('carrier'), text('trackingNumber')];

/** What the agent fills in for each step besides its date. */
export const STEP_FIELDS: Record<WorkflowStepKind, readonly Field[]> = {
  withdrawal_declared: [choice('via', 'via')],
  return_authorised: [],
  label_issued: shipment,
  in_transit: [text('trackingNumber', true)],
  delivered: [text('trackingNumber', true)],
  received: [text('condition', true)],
  inspected: [choice('outcome', 'inspection')],
  refund_issued: [money('amount'), choice('method', 'method'), text('reference'), text('reason', true)],
  refused: [choice('ground', 'ground'), text('note', true)],
  replacement_shipped: shipment,
  replacement_delivered: [],
  received_for_repair: [],
  diagnosed: [choice('coverage', 'coverage'), money('quote', true)],
  quote_answered: [choice('accepted', 'yesNo')],
  repaired: [choice('outcome', 'repairOutcome')],
  shipped_back: shipment,
  price_changed: [money('oldPrice'), money('newPrice'), text('source')],
  eligibility_decided: [choice('eligible', 'yesNo'), { name: 'policyWindowDays', kind: 'count' }],
  difference_refunded: [money('amount'), text('reference')],
  charge_questioned: [money('charge'), text('providerReference')],
  chargeback_opened: [text('providerReference')],
  chargeback_resolved: [choice('outcome', 'chargebackOutcome')],
};

/** The field's value for the step's schema, or undefined when left empty (or not a number where one is needed). */
function fieldValue(field: Field, raw: string, currency: string): unknown {
  const value = raw.trim();
  if (value === '') return undefined;
  switch (field.kind) {
    case 'text':
      return value;
    case 'count':
      return /^\d+$/.test(value) ? Number(value) : Number.NaN;
    case 'choice':
      return field.options === 'yesNo' ? value === 'yes' : value;
    case 'money': {
      // A decimal comma is as common as a point among the agents' languages.
      const major = Number(value.replace(',', '.'));
      if (!Number.isFinite(major) || major < 0) return { amountMinor: -1, currency };
      return { amountMinor: Math.round(major * 10 ** minorDigits(currency)), currency };
    }
  }
}

/**
 * The step's details from the form, checked by the same schema the core checks; the names of the fields
 * that are missing or wrong otherwise, so the form can mark them before anything is sent.
 */
export function detailFromForm(
  kind: WorkflowStepKind,
  values: Partial<Record<FieldName, string>>,
  caseRecord: Case,
): { ok: true; detail: WorkflowStepDetail } | { ok: false; fields: FieldName[] } {
  const currency = caseRecord.order?.total.currency ?? 'EUR';
  const draft: Record<string, unknown> = { kind };
  for (const field of STEP_FIELDS[kind]) {
    const value = fieldValue(field, values[field.name] ?? '', currency);
    if (value !== undefined) draft[field.name] = value;
  }
  const parsed = WorkflowStepDetailSchema.safeParse(draft);
  if (parsed.success) return { ok: true, detail: parsed.data };
  const wrong = new Set(parsed.error.issues.map((issue) => String(issue.path[0] ?? '')));
  return { ok: false, fields: STEP_FIELDS[kind].map((field) => field.name).filter((name) => wrong.has(name)) };
}

/** The day an instant falls on in the market's zone (YYYY-MM-DD), as the law counts it. */
export function marketDateOf(iso: string | number, zone: string): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(
    new Date(iso),
  );
}

/** A stand-in of each step, to ask the case rules whether its kind may follow what is recorded. */
function probeOf(kind: WorkflowStepKind, currency: string): WorkflowStepDetail {
  const one = { amountMinor: 1, currency };
  const sent = { carrier: '-', trackingNumber: '-' };
  const probes: { [K in WorkflowStepKind]: Extract<WorkflowStepDetail, { kind: K }> } = {
    withdrawal_declared: { kind: 'withdrawal_declared', via: 'message' },
    return_authorised: { kind: 'return_authorised' },
    label_issued: { kind: 'label_issued', ...sent },
    in_transit: { kind: 'in_transit' },
    delivered: { kind: 'delivered' },
    received: { kind: 'received' },
    inspected: { kind: 'inspected', outcome: 'as_sold' },
    refund_issued: { kind: 'refund_issued', amount: one, method: 'original_payment', reference: '-', reason: '-' },
    refused: { kind: 'refused', ground: 'excluded_goods' },
    replacement_shipped: { kind: 'replacement_shipped', ...sent },
    replacement_delivered: { kind: 'replacement_delivered' },
    received_for_repair: { kind: 'received_for_repair' },
    diagnosed: { kind: 'diagnosed', coverage: 'statutory_guarantee' },
    quote_answered: { kind: 'quote_answered', accepted: true },
    repaired: { kind: 'repaired', outcome: 'repaired' },
    shipped_back: { kind: 'shipped_back', ...sent },
    price_changed: { kind: 'price_changed', oldPrice: { amountMinor: 2, currency }, newPrice: one, source: '-' },
    eligibility_decided: { kind: 'eligibility_decided', eligible: true, policyWindowDays: 0 },
    difference_refunded: { kind: 'difference_refunded', amount: one, reference: '-' },
    charge_questioned: { kind: 'charge_questioned', charge: one, providerReference: '-' },
    chargeback_opened: { kind: 'chargeback_opened', providerReference: '-' },
    chargeback_resolved: { kind: 'chargeback_resolved', outcome: 'won' },
  };
  return probes[kind];
}

/** The steps the agent may record next, in the workflow's order: the same case rules the core applies decide. */
export function nextSteps(caseRecord: Case, nowIso: string): WorkflowStepKind[] {
  const workflow = WORKFLOW_OF_TYPE[caseRecord.type];
  if (workflow === undefined) return [];
  const currency = caseRecord.order?.total.currency ?? 'EUR';
  const on = nowIso.slice(0, 10);
  return WORKFLOW_STEPS[workflow].filter(
    (kind) =>
      checkStep(
        caseRecord,
        { stepId: '00000000-0000-4000-8000-000000000000', on, detail: probeOf(kind, currency) },
        nowIso,
      ) === null,
  );
}
