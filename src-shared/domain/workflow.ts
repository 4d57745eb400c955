import { z } from 'zod';
import { DateOnlySchema, IdSchema, InstantSchema } from './ids';
import { MoneySchema } from './money';
import type { CaseType } from './caseType';

/**
 * The after-sales process of a case as steps with dates (issue 17): what happened to a return, an exchange,
 * a repair, a price protection claim or a payment problem, in the order it happened. The dates are the
 * days in the customer's market (the law counts market days); recordedAt is when someone wrote it down.
 */

export const WORKFLOWS = ['return', 'exchange', 'repair', 'price_protection', 'payment'] as const;
export type Workflow = (typeof WORKFLOWS)[number];

/** Which process a case type follows; other types (complaint, inquiry, privacy) have none. */
export const WORKFLOW_OF_TYPE: Partial<Record<CaseType, Workflow>> = {
  return_refund: 'return',
  exchange: 'exchange',
  repair_warranty: 'repair',
  price_protection: 'price_protection',
  payment_issue: 'payment',
};

const Text = (max: number) => z.string().trim().min(1).max(max);

export const WITHDRAWAL_CHANNELS = ['message', 'email', 'phone', 'letter', 'form'] as const;
export const INSPECTION_OUTCOMES = ['as_sold', 'used_beyond_testing', 'damaged', 'incomplete'] as const;
export const REFUND_METHODS = ['original_payment', 'bank_transfer', 'store_credit', 'other'] as const;
/** The legal grounds a seller may give for refusing a return or a refund. */
export const REFUSAL_GROUNDS = [
  'withdrawal_period_ended',
  'excluded_goods',
  'goods_not_returned',
  'value_reduced_by_use',
  'no_defect_found',
  'guarantee_ended',
] as const;
export const REPAIR_COVERAGES = ['statutory_guarantee', 'commercial_warranty', 'paid'] as const;
export const REPAIR_OUTCOMES = ['repaired', 'replaced', 'returned_unrepaired'] as const;
export const CHARGEBACK_OUTCOMES = ['won', 'lost', 'withdrawn'] as const;

const Shipment = { carrier: Text(64), trackingNumber: Text(64) };

/** Each step kind with what it records besides its date; one schema per kind, so a step is self-describing. */
export const WorkflowStepDetailSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('withdrawal_declared'),
    via: z.enum(WITHDRAWAL_CHANNELS),
    /** The customer message that declared it, when the agent recorded it from one. */
    messageId: IdSchema.optional(),
  }),
  z.object({ kind: z.literal('return_authorised') }),
  z.object({ kind: z.literal('label_issued'), ...Shipment }),
  z.object({ kind: z.literal('in_transit'), trackingNumber: Text(64).optional() }),
  z.object({ kind: z.literal('delivered'), trackingNumber: Text(64).optional() }),
  z.object({ kind: z.literal('received'), condition: Text(200).optional() }),
  z.object({ kind: z.literal('inspected'), outcome: z.enum(INSPECTION_OUTCOMES) }),
  z.object({
    kind: z.literal('refund_issued'),
    amount: MoneySchema.refine((money) => money.amountMinor > 0, 'a refund of more than nothing'),
    method: z.enum(REFUND_METHODS),
    reference: Text(120),
    /** Why money goes back before the return was authorised or received (goodwill, lost parcel). */
    reason: Text(500).optional(),
  }),
  z.object({ kind: z.literal('refused'), ground: z.enum(REFUSAL_GROUNDS), note: Text(500).optional() }),
  z.object({ kind: z.literal('replacement_shipped'), ...Shipment }),
  z.object({ kind: z.literal('replacement_delivered') }),
  z.object({ kind: z.literal('received_for_repair') }),
  z.object({ kind: z.literal('diagnosed'), coverage: z.enum(REPAIR_COVERAGES), quote: MoneySchema.optional() }),
  z.object({ kind: z.literal('quote_answered'), accepted: z.boolean() }),
  z.object({ kind: z.literal('repaired'), outcome: z.enum(REPAIR_OUTCOMES) }),
  z.object({ kind: z.literal('shipped_back'), ...Shipment }),
  z.object({
    kind: z.literal('price_changed'),
    oldPrice: MoneySchema,
    newPrice: MoneySchema,
    source: Text(200),
  }),
  z.object({
    kind: z.literal('eligibility_decided'),
    eligible: z.boolean(),
    policyWindowDays: z.int().min(0).max(365),
  }),
  z.object({ kind: z.literal('difference_refunded'), amount: MoneySchema, reference: Text(120) }),
  z.object({ kind: z.literal('charge_questioned'), charge: MoneySchema, providerReference: Text(120) }),
  z.object({ kind: z.literal('chargeback_opened'), providerReference: Text(120) }),
  z.object({ kind: z.literal('chargeback_resolved'), outcome: z.enum(CHARGEBACK_OUTCOMES) }),
]);
export type WorkflowStepDetail = z.infer<typeof WorkflowStepDetailSchema>;
export type WorkflowStepKind = WorkflowStepDetail['kind'];

/** What an agent or an integration asks to record: the step, its market date and an id that makes it idempotent. */
export const WorkflowStepInputSchema = z.object({
  stepId: IdSchema,
  on: DateOnlySchema,
  detail: WorkflowStepDetailSchema,
});
export type WorkflowStepInput = z.infer<typeof WorkflowStepInputSchema>;

export const WorkflowStepSchema = WorkflowStepInputSchema.extend({
  recordedAt: InstantSchema,
  /** The agent who recorded it; null for an integration (the event's source says which). */
  recordedBy: IdSchema.nullable(),
  source: z.enum(['agent', 'integration']),
});
export type WorkflowStep = z.infer<typeof WorkflowStepSchema>;

/** A case holds at most this many steps: a long repair saga fits, an integration loop does not grow it forever. */
export const MAX_WORKFLOW_STEPS = 100;

/** The way back of a return, shared by exchanges. */
const RETURN_LEG: readonly WorkflowStepKind[] = [
  'withdrawal_declared',
  'return_authorised',
  'label_issued',
  'in_transit',
  'delivered',
  'received',
  'inspected',
];

/** The step kinds each workflow offers, in the order the process usually runs (the stepper's columns). */
export const WORKFLOW_STEPS: Record<Workflow, readonly WorkflowStepKind[]> = {
  return: [...RETURN_LEG, 'refund_issued', 'refused'],
  exchange: [...RETURN_LEG, 'replacement_shipped', 'replacement_delivered', 'refund_issued', 'refused'],
  repair: ['received_for_repair', 'diagnosed', 'quote_answered', 'repaired', 'shipped_back', 'refused'],
  price_protection: ['price_changed', 'eligibility_decided', 'difference_refunded', 'refused'],
  payment: ['charge_questioned', 'chargeback_opened', 'chargeback_resolved', 'refund_issued'],
};

export const WORKFLOW_STEP_KINDS: readonly WorkflowStepKind[] = WorkflowStepDetailSchema.options.map(
  (option) => option.shape.kind.value,
);

export function isWorkflowStepKind(value: string): value is WorkflowStepKind {
  return (WORKFLOW_STEP_KINDS as readonly string[]).includes(value);
}
