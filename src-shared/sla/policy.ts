import { z } from 'zod';
import { CaseTypeSchema, PrioritySchema, type CaseType, type Priority } from '../domain/caseType';
import { MarketCodeSchema, type MarketCode } from '../domain/market';

export const SLA_TARGET_KINDS = ['first_reply', 'next_reply', 'periodic_update', 'resolution'] as const;
export const SlaTargetKindSchema = z.enum(SLA_TARGET_KINDS);
export type SlaTargetKind = z.infer<typeof SlaTargetKindSchema>;

export const SlaTargetSchema = z.object({
  kind: SlaTargetKindSchema,
  minutes: z
    .int()
    .min(1)
    .max(60 * 24 * 366),
  /** calendar: every hour counts (the 24 h reply norm of marketplaces counts weekends); business: only open hours. */
  clock: z.enum(['calendar', 'business']),
  /** For business targets: whose opening hours count; "both" counts only when team and customer market are open. */
  calendar: z.enum(['team', 'customer_market', 'both']).default('team'),
});
export type SlaTarget = z.infer<typeof SlaTargetSchema>;

export const SlaPolicySchema = z.object({
  id: z.string().min(1).max(64),
  name: z.string().min(1).max(200),
  /** Empty or missing lists match everything; a more specific match wins (market > case type > priority). */
  match: z.object({
    caseTypes: z.array(CaseTypeSchema).optional(),
    priorities: z.array(PrioritySchema).optional(),
    markets: z.array(MarketCodeSchema).optional(),
  }),
  targets: z
    .array(SlaTargetSchema)
    .min(1)
    .refine(
      (targets) => new Set(targets.map((target) => target.kind)).size === targets.length,
      'at most one target per kind',
    ),
  /** Share of the target elapsed at which the state becomes "warning". */
  warningThreshold: z.number().gt(0).lt(1).default(0.75),
});
export type SlaPolicy = z.infer<typeof SlaPolicySchema>;
export type SlaPolicyInput = z.input<typeof SlaPolicySchema>;

export interface PolicyContext {
  caseType: CaseType;
  priority: Priority;
  market?: MarketCode;
}

function specificity(policy: SlaPolicy, context: PolicyContext): number {
  const { caseTypes, priorities, markets } = policy.match;
  if (caseTypes?.length && !caseTypes.includes(context.caseType)) return -1;
  if (priorities?.length && !priorities.includes(context.priority)) return -1;
  if (markets?.length && (!context.market || !markets.includes(context.market))) return -1;
  return (markets?.length ? 4 : 0) + (caseTypes?.length ? 2 : 0) + (priorities?.length ? 1 : 0);
}

/** The most specific policy for a case; the earlier one wins a tie. Throws when none matches (keep a catch-all). */
export function selectSlaPolicy(policies: readonly SlaPolicy[], context: PolicyContext): SlaPolicy {
  let best: SlaPolicy | undefined;
  let bestScore = -1;
  for (const policy of policies) {
    const score = specificity(policy, context);
    if (score > bestScore) {
      best = policy;
      bestScore = score;
    }
  }
  if (!best)
    throw new Error(
      `No SLA policy matches ${context.caseType}/${context.priority}${context.market ? `/${context.market}` : ''}: add a catch-all policy`,
    );
  return best;
}
