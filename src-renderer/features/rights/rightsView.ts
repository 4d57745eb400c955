import type { Case } from '../../../src-shared/domain/case';
import type { CaseType } from '../../../src-shared/domain/caseType';
import { findMarketPack, type ClockKind, type LegalFact } from '../../../src-shared/markets/index';
import {
  clockInputForCase,
  computeStatutoryClocks,
  type StatutoryClock,
  type StepDetail,
} from '../../../src-shared/rights/index';

/** The rights calculator's input for a case, recorded workflow steps included (src-shared/rights). */
export const clockInputFor = clockInputForCase;

/** not_running: the clock has no end date (an event it counts from has not happened, or the goods are excluded). */
export type ClockPhase = 'running' | 'ended' | 'not_running';

/** reason: why a not_running clock has no end date, as data the panel words in the agent's language. */
export type RightsClock = StatutoryClock & { phase: ClockPhase; remainingMs: number | null; reason: StepDetail | null };

/**
 * A right the market has without a date to count (Australia's consumer guarantees), or says it lacks
 * (Australia has no change-of-mind return): read as a rule, never shown as a clock.
 */
export type RightsNote = { kind: ClockKind | 'guarantee'; fact: LegalFact };

export type Rights = { hasPack: false } | { hasPack: true; clocks: RightsClock[]; notes: RightsNote[] };

const DEFECT_KINDS: readonly ClockKind[] = [
  'guarantee_ends',
  'defect_presumption_ends',
  'short_term_reject_ends',
  'defect_claim_ends',
];

/** The clocks that answer the case's question, most telling first; the others follow. */
const FOCUS: Record<CaseType, readonly ClockKind[]> = {
  return_refund: ['withdrawal_ends', 'refund_due', ...DEFECT_KINDS],
  exchange: ['withdrawal_ends', ...DEFECT_KINDS, 'refund_due'],
  repair_warranty: ['repair_due', ...DEFECT_KINDS],
  complaint: ['complaint_ack_due', 'complaint_redress_due', ...DEFECT_KINDS, 'withdrawal_ends', 'refund_due'],
  price_protection: [],
  privacy_request: ['privacy_ack_due', 'privacy_response_due'],
  payment_issue: ['refund_due'],
  inquiry: ['withdrawal_ends', 'refund_due'],
};

function isDefectRight(kind: RightsNote['kind']): boolean {
  return kind === 'guarantee' || DEFECT_KINDS.includes(kind);
}

const PHASE_ORDER: Record<ClockPhase, number> = { running: 0, ended: 1, not_running: 2 };

function focusIndex(caseType: CaseType, kind: ClockKind): number {
  const index = FOCUS[caseType].indexOf(kind);
  return index < 0 ? Number.MAX_SAFE_INTEGER : index;
}

/** Live statutory clocks, computed offline from the case; `serverNowMs` keeps a wrong laptop clock out of it. */
export function rightsFor(caseRecord: Case, serverNowMs: number): Rights {
  const pack = findMarketPack(caseRecord.customer.market);
  if (pack === undefined) return { hasPack: false };
  const computed = computeStatutoryClocks(clockInputFor(caseRecord));
  const notes: RightsNote[] = computed
    .filter((clock) => clock.notRunning?.kind === 'not_applicable')
    .map((clock) => ({
      kind: clock.kind,
      fact: { summary: clock.rule, source: clock.source, verified: clock.verified },
    }));
  const clocks = computed
    .filter((clock) => clock.notRunning?.kind !== 'not_applicable')
    .map((clock): RightsClock => {
      if (clock.dueAt === null)
        return { ...clock, phase: 'not_running', remainingMs: null, reason: clock.notRunning ?? null };
      const remainingMs = Date.parse(clock.dueAt) - serverNowMs;
      return { ...clock, phase: remainingMs < 0 ? 'ended' : 'running', remainingMs, reason: null };
    })
    .sort(
      (a, b) =>
        focusIndex(caseRecord.type, a.kind) - focusIndex(caseRecord.type, b.kind) ||
        PHASE_ORDER[a.phase] - PHASE_ORDER[b.phase],
    );
  // A defect is the question whenever the case type can be about one; a market whose defect right has no
  // clock (Japan's contract non-conformity) still says what applies.
  const isDefectQuestion = FOCUS[caseRecord.type].some((kind) => DEFECT_KINDS.includes(kind));
  const saysDefect = [...clocks, ...notes].some((entry) => isDefectRight(entry.kind));
  if (isDefectQuestion && !saysDefect) notes.unshift({ kind: 'guarantee', fact: pack.rights.guarantee });
  return { hasPack: true, clocks, notes };
}
