import type { Case } from '../../src-shared/domain/case';
import type { MutationEnvelope, MutationResult } from '../../src-shared/sync/mutations';
import type { Principal } from '../auth/principal';
import type { NewAuditEntry } from './auditLog';

/** A mutation that reached the server this long after it was made waited in an outbox: it was made offline. */
export const OFFLINE_AFTER_MS = 60_000;

export interface PushedMutation {
  principal: Principal;
  device: { clientId: string; appVersion: string };
  mutation: MutationEnvelope;
  result: MutationResult;
  /** The case as it was before the mutation and after it (undefined: not loaded, or it does not exist). */
  before: Case | undefined;
  after: Case | undefined;
  nowMs: number;
}

function caseIdOf(args: unknown): string {
  const value: unknown = typeof args === 'object' && args !== null ? Reflect.get(args, 'caseId') : undefined;
  return typeof value === 'string' ? value : '';
}

function reasonOf(args: unknown): string | null {
  const value: unknown = typeof args === 'object' && args !== null ? Reflect.get(args, 'reason') : undefined;
  return typeof value === 'string' ? value : null;
}

/** The audit entry of one pushed mutation, applied or refused, with how long it waited in the desk's outbox. */
export function mutationAuditEntry(pushed: PushedMutation): NewAuditEntry {
  const { mutation, result, before, after } = pushed;
  const clientMs = Date.parse(mutation.clientTime);
  const queuedForMs = Number.isFinite(clientMs) ? Math.max(0, pushed.nowMs - clientMs) : 0;
  const isApplied = result.status === 'applied';
  const changed = isApplied && after !== undefined && JSON.stringify(after) !== JSON.stringify(before);
  return {
    atServer: new Date(pushed.nowMs).toISOString(),
    atClient: mutation.clientTime,
    actor: { id: pushed.principal.id, role: pushed.principal.role },
    device: pushed.device,
    action: `${mutation.name}@${mutation.v}`,
    entity: { type: 'case', id: caseIdOf(mutation.args) },
    before: changed ? (before ?? null) : null,
    after: changed ? after : null,
    reason: reasonOf(mutation.args),
    mutation: {
      id: mutation.id,
      uuid: mutation.uuid,
      result: result.status,
      code: result.status === 'rejected' ? result.code : null,
      offline: queuedForMs >= OFFLINE_AFTER_MS,
      queuedForMs,
    },
    teamId: after?.teamId ?? before?.teamId ?? null,
  };
}
