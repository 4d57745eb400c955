import type { Case } from '../../../src-shared/domain/case';
import { findMarketPack } from '../../../src-shared/markets/index';
import {
  computeStatutoryClocks,
  type StatutoryClock,
  type StatutoryClockInput,
  type StepDetail,
} from '../../../src-shared/rights/index';

/** The rights calculator's input for a case: what the order says happened, and when the case arrived. */
export function clockInputFor(caseRecord: Case): StatutoryClockInput {
  const { customer, order } = caseRecord;
  // A subdivision the pack has no rules for (ID "JK") falls under the national rules, not an error.
  const hasRegionRules =
    customer.region !== undefined && findMarketPack(customer.market)?.regions[customer.region] !== undefined;
  return {
    market: customer.market,
    ...(hasRegionRules ? { region: customer.region } : {}),
    caseType: caseRecord.type,
    receivedAt: caseRecord.createdAt,
    ...(order === undefined
      ? {}
      : {
          purchasedAt: order.purchasedAt,
          ...(order.deliveredAt === undefined ? {} : { deliveredAt: order.deliveredAt }),
          ...(order.returnReceivedAt === undefined ? {} : { returnReceivedAt: order.returnReceivedAt }),
          itemCategories: [...new Set(order.items.map((item) => item.category))],
        }),
  };
}

/** not_running: the clock has no end date (an event it counts from has not happened, or the goods are excluded). */
export type ClockPhase = 'running' | 'ended' | 'not_running';

/** reason: why a not_running clock has no end date, as data the panel words in the agent's language. */
export type RightsClock = StatutoryClock & { phase: ClockPhase; remainingMs: number | null; reason: StepDetail | null };

export type Rights = { hasPack: false } | { hasPack: true; clocks: RightsClock[] };

/** Live statutory clocks, computed offline from the case; `serverNowMs` keeps a wrong laptop clock out of it. */
export function rightsFor(caseRecord: Case, serverNowMs: number): Rights {
  if (findMarketPack(caseRecord.customer.market) === undefined) return { hasPack: false };
  const clocks = computeStatutoryClocks(clockInputFor(caseRecord)).map((clock): RightsClock => {
    if (clock.dueAt === null)
      return { ...clock, phase: 'not_running', remainingMs: null, reason: clock.notRunning ?? null };
    const remainingMs = Date.parse(clock.dueAt) - serverNowMs;
    return { ...clock, phase: remainingMs < 0 ? 'ended' : 'running', remainingMs, reason: null };
  });
  return { hasPack: true, clocks };
}
