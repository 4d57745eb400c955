import type { Case } from '../domain/case';
import type { Money } from '../domain/money';
import {
  WORKFLOW_OF_TYPE,
  type Workflow,
  type WorkflowStep,
  type WorkflowStepDetail,
  type WorkflowStepKind,
} from '../domain/workflow';

type StepOf<K extends WorkflowStepKind> = WorkflowStep & { detail: Extract<WorkflowStepDetail, { kind: K }> };

export function stepsOf(c: Pick<Case, 'workflowSteps'>): readonly WorkflowStep[] {
  return c.workflowSteps ?? [];
}

export function firstStep<K extends WorkflowStepKind>(steps: readonly WorkflowStep[], kind: K): StepOf<K> | undefined {
  return steps.find((step): step is StepOf<K> => step.detail.kind === kind);
}

export function lastStep<K extends WorkflowStepKind>(steps: readonly WorkflowStep[], kind: K): StepOf<K> | undefined {
  return steps.findLast((step): step is StepOf<K> => step.detail.kind === kind);
}

export function allSteps<K extends WorkflowStepKind>(steps: readonly WorkflowStep[], kind: K): StepOf<K>[] {
  return steps.filter((step): step is StepOf<K> => step.detail.kind === kind);
}

/** The steps of the latest repair round: from the last "received for repair" on (a product can come back twice). */
export function currentRepairRound(steps: readonly WorkflowStep[]): readonly WorkflowStep[] {
  const start = steps.findLastIndex((step) => step.detail.kind === 'received_for_repair');
  return start < 0 ? [] : steps.slice(start);
}

/** Money refunded so far on the case (refunds and price differences), in minor units of the order's currency. */
export function refundedMinor(steps: readonly WorkflowStep[]): number {
  let total = 0;
  for (const step of steps) {
    if (step.detail.kind === 'refund_issued' || step.detail.kind === 'difference_refunded')
      total += step.detail.amount.amountMinor;
  }
  return total;
}

/** Where a case's process stands, for queue views: one value per case, so a view is an index lookup. */
export const WORKFLOW_STAGES = [
  'none',
  'declared',
  'awaiting_return',
  'received_not_refunded',
  'refunded',
  'refused',
  'replacement_under_way',
  'in_repair',
  'repair_done',
  'price_claim_open',
  'payment_dispute_open',
  'settled',
] as const;
export type WorkflowStage = (typeof WORKFLOW_STAGES)[number];

/** The dates and amounts the recorded steps establish, read by the rights calculator, replies and queues. */
export interface WorkflowFacts {
  workflow: Workflow | null;
  stage: WorkflowStage;
  /** The day the customer declared the withdrawal (starts the EU refund clock). */
  withdrawalOn?: string;
  /** The day the return reached the seller: the warehouse's receipt, else the carrier's delivery. */
  returnReceivedOn?: string;
  /** The day the product of the current repair round reached the seller (starts a repair period). */
  repairReceivedOn?: string;
  /** The last completed repair or replacement (extends a guarantee where the law says so). */
  repairedOn?: string;
  refunded?: Money;
  /** The latest refund, for a reply that quotes it. */
  lastRefund?: { amount: Money; on: string; reference: string };
  trackingNumber?: string;
}

function returnStage(steps: readonly WorkflowStep[], isExchange: boolean): WorkflowStage {
  const has = (kind: WorkflowStepKind) => steps.some((step) => step.detail.kind === kind);
  if (has('refused')) return 'refused';
  if (has('refund_issued')) return 'refunded';
  if (isExchange && has('replacement_delivered')) return 'settled';
  if (has('received') || has('delivered'))
    return isExchange && has('replacement_shipped') ? 'replacement_under_way' : 'received_not_refunded';
  if (has('return_authorised') || has('label_issued') || has('in_transit')) return 'awaiting_return';
  if (has('withdrawal_declared')) return 'declared';
  return 'none';
}

function repairStage(steps: readonly WorkflowStep[]): WorkflowStage {
  const round = currentRepairRound(steps);
  if (round.length === 0) return steps.some((step) => step.detail.kind === 'refused') ? 'refused' : 'none';
  if (round.some((step) => step.detail.kind === 'shipped_back')) return 'repair_done';
  return 'in_repair';
}

function stageOf(workflow: Workflow | null, steps: readonly WorkflowStep[]): WorkflowStage {
  if (workflow === null || steps.length === 0) return 'none';
  const has = (kind: WorkflowStepKind) => steps.some((step) => step.detail.kind === kind);
  switch (workflow) {
    case 'return':
    case 'exchange':
      return returnStage(steps, workflow === 'exchange');
    case 'repair':
      return repairStage(steps);
    case 'price_protection':
      if (has('refused')) return 'refused';
      return has('difference_refunded') ? 'settled' : 'price_claim_open';
    case 'payment': {
      const open = allSteps(steps, 'chargeback_opened').length > allSteps(steps, 'chargeback_resolved').length;
      if (open) return 'payment_dispute_open';
      return has('refund_issued') || has('chargeback_resolved') ? 'settled' : 'payment_dispute_open';
    }
  }
}

export function workflowFacts(c: Pick<Case, 'type' | 'workflowSteps' | 'order'>): WorkflowFacts {
  const steps = stepsOf(c);
  const workflow = WORKFLOW_OF_TYPE[c.type] ?? null;
  const facts: WorkflowFacts = { workflow, stage: stageOf(workflow, steps) };
  const withdrawal = firstStep(steps, 'withdrawal_declared');
  if (withdrawal) facts.withdrawalOn = withdrawal.on;
  const received = firstStep(steps, 'received') ?? firstStep(steps, 'delivered');
  if (received) facts.returnReceivedOn = received.on;
  const repairReceived = firstStep(currentRepairRound(steps), 'received_for_repair');
  if (repairReceived) facts.repairReceivedOn = repairReceived.on;
  const repaired = steps.findLast(
    (step) => step.detail.kind === 'repaired' && step.detail.outcome !== 'returned_unrepaired',
  );
  if (repaired) facts.repairedOn = repaired.on;
  const refunds = allSteps(steps, 'refund_issued');
  const currency = refunds[0]?.detail.amount.currency ?? c.order?.total.currency;
  const total = refundedMinor(steps);
  if (total > 0 && currency) facts.refunded = { amountMinor: total, currency };
  const last = refunds.at(-1);
  if (last) facts.lastRefund = { amount: last.detail.amount, on: last.on, reference: last.detail.reference };
  const tracking = steps.findLast(
    (step) =>
      step.detail.kind === 'label_issued' ||
      step.detail.kind === 'replacement_shipped' ||
      step.detail.kind === 'shipped_back',
  );
  if (tracking && 'trackingNumber' in tracking.detail) facts.trackingNumber = tracking.detail.trackingNumber;
  return facts;
}
