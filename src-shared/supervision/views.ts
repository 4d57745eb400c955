import { z } from 'zod';
import { IdSchema, InstantSchema, LocaleSchema } from '../domain/ids';
import { MarketCodeSchema } from '../domain/market';
import { CaseTypeSchema, PrioritySchema } from '../domain/caseType';
import { CaseStatusSchema } from '../domain/caseStatus';
import { AgentStatusSchema, PresenceSchema } from './presence';

/**
 * What the supervisor console reads from the central API (GET /api/v1/supervisor/*) and the workstation
 * contract hands the renderer unchanged: one schema for the wire and the contract.
 */

const LanguageSchema = z.string().regex(/^[a-z]{2,3}$/, 'a language code such as de or zh');

/** One cell of the Floor: open cases of one market, language and case type across the supervisor's teams. */
export const FloorCellSchema = z.object({
  market: MarketCodeSchema,
  language: LanguageSchema,
  caseType: CaseTypeSchema,
  open: z.int().min(0),
  unassigned: z.int().min(0),
  breached: z.int().min(0),
  dueWithin1h: z.int().min(0),
  dueWithin4h: z.int().min(0),
  oldestDueAt: InstantSchema.nullable(),
  eligibleAgents: z.int().min(0),
});
export type FloorCell = z.infer<typeof FloorCellSchema>;

export const FloorSchema = z.object({ serverTime: InstantSchema, cells: z.array(FloorCellSchema) });
export type Floor = z.infer<typeof FloorSchema>;

export const DEFAULT_CAPACITY = 20;
export const CapacitySchema = z.int().min(0).max(1000);

export const AgentRowSchema = z.object({
  id: IdSchema,
  displayName: z.string(),
  username: z.string(),
  teamIds: z.array(IdSchema),
  presence: PresenceSchema,
  /** What the agent set in the app, null before their first heartbeat. */
  status: AgentStatusSchema.nullable(),
  lastSyncAt: InstantSchema.nullable(),
  load: z.int().min(0),
  capacity: CapacitySchema,
  nextDueAt: InstantSchema.nullable(),
  heldOffline: z.int().min(0),
  languages: z.array(LocaleSchema),
  markets: z.array(MarketCodeSchema),
});
export type AgentRow = z.infer<typeof AgentRowSchema>;

export const AgentListSchema = z.object({ serverTime: InstantSchema, agents: z.array(AgentRowSchema) });
export type AgentList = z.infer<typeof AgentListSchema>;

/** A case as the console lists it (At risk, a cell's cases, an agent's cases), with who holds it. */
export const SupervisedCaseSchema = z.object({
  id: IdSchema,
  ref: z.string(),
  subject: z.string(),
  teamId: IdSchema,
  market: MarketCodeSchema,
  locale: LocaleSchema,
  caseType: CaseTypeSchema,
  status: CaseStatusSchema,
  priority: PrioritySchema,
  slaDueAt: InstantSchema.nullable(),
  assigneeId: IdSchema.nullable(),
  assigneeName: z.string().nullable(),
  assigneePresence: PresenceSchema.nullable(),
  /** Since when the assignee holds the case: when it was last assigned. */
  heldSince: InstantSchema.nullable(),
  /** Pinned for offline work until then (SUPERVISION.md leases). */
  heldOfflineUntil: InstantSchema.nullable(),
});
export type SupervisedCase = z.infer<typeof SupervisedCaseSchema>;

export const SupervisedCaseListSchema = z.object({
  serverTime: InstantSchema,
  cases: z.array(SupervisedCaseSchema),
});
export type SupervisedCaseList = z.infer<typeof SupervisedCaseListSchema>;

export const MAX_LISTED_CASES = 500;

/** Which cases to list: a Floor cell, one agent's, the team queue's, or all by due time (At risk). */
export const SupervisedCaseQuerySchema = z.object({
  market: MarketCodeSchema.optional(),
  language: LanguageSchema.optional(),
  caseType: CaseTypeSchema.optional(),
  assigneeId: IdSchema.optional(),
  unassigned: z.boolean().optional(),
  limit: z.int().min(1).max(MAX_LISTED_CASES).default(100),
});
export type SupervisedCaseQuery = z.input<typeof SupervisedCaseQuerySchema>;

export const AgentSettingsSchema = z.object({
  capacity: CapacitySchema,
  languages: z.array(LocaleSchema).min(1).max(20),
  markets: z.array(MarketCodeSchema).max(40),
});
export type AgentSettings = z.infer<typeof AgentSettingsSchema>;

export const HeartbeatRequestSchema = z.object({
  protocol: z.literal(1),
  clientId: z.uuid(),
  status: AgentStatusSchema,
});
export type HeartbeatRequest = z.infer<typeof HeartbeatRequestSchema>;

export const HeartbeatResponseSchema = z.object({ status: AgentStatusSchema, serverTime: InstantSchema });

/** The rollups against a recount from the case rows: every difference, none when they agree. */
export const RollupCheckSchema = z.object({
  cells: z.int().min(0),
  agents: z.int().min(0),
  drift: z.array(
    z.object({ table: z.enum(['cell_rollup', 'agent_rollup']), key: z.string(), stored: z.int(), counted: z.int() }),
  ),
});
export type RollupCheck = z.infer<typeof RollupCheckSchema>;
