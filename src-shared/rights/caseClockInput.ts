import type { Case } from '../domain/case';
import { findMarketPack } from '../markets/index';
import { workflowFacts } from '../workflow/facts';
import type { StatutoryClockInput } from './statutoryClocks';

/**
 * The rights calculator's input for a case: what the order says happened, when the case arrived, and the
 * dates its recorded workflow steps establish (the withdrawal notice, the return's arrival, the goods'
 * receipt for repair, the last repair). One place, so the rights panel, the reply placeholders and the
 * queue's deadlines count from the same facts, offline too.
 */
export function clockInputForCase(caseRecord: Case): StatutoryClockInput {
  const { customer, order } = caseRecord;
  // A subdivision the pack has no rules for (ID "JK") falls under the national rules, not an error.
  const hasRegionRules =
    customer.region !== undefined && findMarketPack(customer.market)?.regions[customer.region] !== undefined;
  const facts = workflowFacts(caseRecord);
  const returnReceivedAt = facts.returnReceivedOn ?? order?.returnReceivedAt;
  return {
    market: customer.market,
    ...(hasRegionRules ? { region: customer.region } : {}),
    caseType: caseRecord.type,
    receivedAt: caseRecord.createdAt,
    ...(facts.withdrawalOn === undefined ? {} : { withdrawalNotifiedAt: facts.withdrawalOn }),
    ...(returnReceivedAt === undefined ? {} : { returnReceivedAt }),
    ...(facts.repairReceivedOn === undefined ? {} : { repairReceivedAt: facts.repairReceivedOn }),
    ...(facts.repairedOn === undefined ? {} : { repairedAt: facts.repairedOn }),
    ...(order === undefined
      ? {}
      : {
          purchasedAt: order.purchasedAt,
          ...(order.deliveredAt === undefined ? {} : { deliveredAt: order.deliveredAt }),
          itemCategories: [...new Set(order.items.map((item) => item.category))],
        }),
  };
}
