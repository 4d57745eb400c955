import type { Case } from '../domain/case';
import {
  MAX_WORKFLOW_STEPS,
  WORKFLOW_OF_TYPE,
  WORKFLOW_STEPS,
  type Workflow,
  type WorkflowStep,
  type WorkflowStepInput,
  type WorkflowStepKind,
} from '../domain/workflow';
import { allSteps, currentRepairRound, firstStep, lastStep, refundedMinor, stepsOf } from './facts';

/** Why a step cannot be recorded now, as a rejection reason key and the values its text names. */
export interface StepRefusal {
  because:
    | 'step_not_for_case'
    | 'step_needs'
    | 'step_once'
    | 'step_after_refusal'
    | 'step_in_future'
    | 'steps_full'
    | 'refund_needs_reason'
    | 'refund_over_order'
    | 'already_refunded'
    | 'currency_mismatch'
    | 'price_not_lower';
  params: Record<string, string | number>;
  message: string;
}

const needs = (step: WorkflowStepKind, needed: WorkflowStepKind): StepRefusal => ({
  because: 'step_needs',
  params: { step, needs: needed },
  message: `${step} needs ${needed} first`,
});
const once = (step: WorkflowStepKind): StepRefusal => ({
  because: 'step_once',
  params: { step },
  message: `${step} is already recorded`,
});

const has = (steps: readonly WorkflowStep[], kind: WorkflowStepKind) => steps.some((s) => s.detail.kind === kind);

/** A step dated after tomorrow (UTC, so every market's today passes) is a typing mistake, not a fact. */
function isInFuture(on: string, now: string): boolean {
  const tomorrow = new Date(Date.parse(now) + 86_400_000).toISOString().slice(0, 10);
  return on > tomorrow;
}

function currencyOf(c: Case): string | undefined {
  return c.order?.total.currency;
}

function checkRefund(
  c: Case,
  workflow: Workflow,
  steps: readonly WorkflowStep[],
  input: WorkflowStepInput,
): StepRefusal | null {
  if (input.detail.kind !== 'refund_issued') return null;
  const { amount, reason } = input.detail;
  const currency = currencyOf(c);
  if (currency !== undefined && amount.currency !== currency)
    return { because: 'currency_mismatch', params: { currency }, message: `the order is in ${currency}` };
  const total = c.order?.total.amountMinor;
  const paid = refundedMinor(steps);
  if (total !== undefined && paid >= total)
    return { because: 'already_refunded', params: {}, message: 'the order is already refunded in full' };
  if (total !== undefined && paid + amount.amountMinor > total)
    return {
      because: 'refund_over_order',
      params: { remainingMinor: total - paid },
      message: `only ${total - paid} minor units of the order are left to refund`,
    };
  const authorised =
    workflow === 'payment'
      ? has(steps, 'charge_questioned') || has(steps, 'chargeback_opened')
      : has(steps, 'return_authorised') || has(steps, 'received') || has(steps, 'delivered');
  if ((!authorised || has(steps, 'refused')) && reason === undefined)
    return {
      because: 'refund_needs_reason',
      params: {},
      message: 'a refund before the return is authorised or received, or after a refusal, needs a reason',
    };
  return null;
}

function checkReturnStep(steps: readonly WorkflowStep[], kind: WorkflowStepKind): StepRefusal | null {
  switch (kind) {
    case 'withdrawal_declared':
    case 'return_authorised':
    case 'received':
    case 'inspected':
    case 'delivered':
    case 'replacement_delivered':
      if (has(steps, kind)) return once(kind);
      if (kind === 'inspected' && !has(steps, 'received')) return needs(kind, 'received');
      if (kind === 'replacement_delivered' && !has(steps, 'replacement_shipped'))
        return needs(kind, 'replacement_shipped');
      return null;
    case 'label_issued':
    case 'replacement_shipped':
      return has(steps, 'return_authorised') ? null : needs(kind, 'return_authorised');
    case 'in_transit':
      return has(steps, 'received') ? once('received') : null;
    default:
      return null;
  }
}

function checkRepairStep(steps: readonly WorkflowStep[], kind: WorkflowStepKind): StepRefusal | null {
  const round = currentRepairRound(steps);
  const roundOpen = round.length > 0 && !has(round, 'shipped_back');
  if (kind === 'received_for_repair') return roundOpen ? once(kind) : null;
  if (!roundOpen) return needs(kind, 'received_for_repair');
  if (has(round, kind)) return once(kind);
  const diagnosis = firstStep(round, 'diagnosed');
  const answer = firstStep(round, 'quote_answered');
  switch (kind) {
    case 'diagnosed':
      return null;
    case 'quote_answered':
      if (!diagnosis) return needs(kind, 'diagnosed');
      return diagnosis.detail.coverage === 'paid' && diagnosis.detail.quote ? null : needs(kind, 'diagnosed');
    case 'repaired':
      if (!diagnosis) return needs(kind, 'diagnosed');
      if (diagnosis.detail.coverage === 'paid' && answer?.detail.accepted !== true)
        return needs(kind, 'quote_answered');
      return null;
    case 'shipped_back':
      return has(round, 'repaired') || answer?.detail.accepted === false ? null : needs(kind, 'repaired');
    default:
      return null;
  }
}

function checkPriceStep(steps: readonly WorkflowStep[], input: WorkflowStepInput): StepRefusal | null {
  const { detail } = input;
  if (detail.kind !== 'refused' && has(steps, detail.kind)) return once(detail.kind);
  const change = firstStep(steps, 'price_changed');
  switch (detail.kind) {
    case 'price_changed':
      return detail.newPrice.currency === detail.oldPrice.currency &&
        detail.newPrice.amountMinor < detail.oldPrice.amountMinor
        ? null
        : { because: 'price_not_lower', params: {}, message: 'the new price must be lower, in the same currency' };
    case 'eligibility_decided':
      return change ? null : needs(detail.kind, 'price_changed');
    case 'difference_refunded': {
      const decision = lastStep(steps, 'eligibility_decided');
      if (!change || decision?.detail.eligible !== true) return needs(detail.kind, 'eligibility_decided');
      if (detail.amount.currency !== change.detail.oldPrice.currency)
        return {
          because: 'currency_mismatch',
          params: { currency: change.detail.oldPrice.currency },
          message: `the price is in ${change.detail.oldPrice.currency}`,
        };
      const difference = change.detail.oldPrice.amountMinor - change.detail.newPrice.amountMinor;
      return detail.amount.amountMinor <= difference
        ? null
        : { because: 'refund_over_order', params: { remainingMinor: difference }, message: 'more than the difference' };
    }
    default:
      return null;
  }
}

function checkPaymentStep(steps: readonly WorkflowStep[], kind: WorkflowStepKind): StepRefusal | null {
  const open = allSteps(steps, 'chargeback_opened').length > allSteps(steps, 'chargeback_resolved').length;
  switch (kind) {
    case 'charge_questioned':
      return has(steps, kind) ? once(kind) : null;
    case 'chargeback_opened':
      return open ? once(kind) : null;
    case 'chargeback_resolved':
      return open ? null : needs(kind, 'chargeback_opened');
    default:
      return null;
  }
}

/**
 * Whether a step may be recorded on the case now: it belongs to the case's workflow, its date is not in the
 * future, and it follows what is already recorded (issue 17: a refund before anything was authorised only
 * with a reason, never a second full refund, a label only for an authorised return, a repair only after a
 * diagnosis). Null when it may.
 */
export function checkStep(c: Case, input: WorkflowStepInput, now: string): StepRefusal | null {
  const workflow = WORKFLOW_OF_TYPE[c.type];
  const kind = input.detail.kind;
  if (workflow === undefined || !WORKFLOW_STEPS[workflow].includes(kind))
    return {
      because: 'step_not_for_case',
      params: { step: kind, type: c.type },
      message: `${kind} is not a step of a ${c.type} case`,
    };
  const steps = stepsOf(c);
  if (steps.length >= MAX_WORKFLOW_STEPS)
    return { because: 'steps_full', params: { max: MAX_WORKFLOW_STEPS }, message: 'the case holds its most steps' };
  if (isInFuture(input.on, now))
    return { because: 'step_in_future', params: { on: input.on }, message: `${input.on} is in the future` };
  if (kind === 'refused') {
    if (has(steps, 'refused')) return once(kind);
    const total = c.order?.total.amountMinor;
    if (total !== undefined && refundedMinor(steps) >= total)
      return { because: 'already_refunded', params: {}, message: 'the order is already refunded in full' };
    return null;
  }
  if (has(steps, 'refused') && kind !== 'refund_issued')
    return { because: 'step_after_refusal', params: { step: kind }, message: 'the claim was refused' };
  const refund = checkRefund(c, workflow, steps, input);
  if (refund) return refund;
  switch (workflow) {
    case 'return':
    case 'exchange':
      return checkReturnStep(steps, kind);
    case 'repair':
      return checkRepairStep(steps, kind);
    case 'price_protection':
      return checkPriceStep(steps, input);
    case 'payment':
      return checkPaymentStep(steps, kind);
  }
}
