import type { Case, CaseEvent, Message } from '../../src-shared/domain/case';
import { refreshSlaDue } from './slaDue';
import type { Entity } from '../../src-shared/sync/protocol';
import type { Queryable } from '../db/db';
import { scopeOf } from '../../src-shared/caseRules';
import type { Scope } from './scope';
import { sameScope } from './scope';
import { textArray } from '../db/sqlArray';

/** Every writer of change_log or change_seq holds this lock until commit, so sequence numbers become visible in order. */
export const CHANGE_LOG_LOCK = 72_150_002;
/** NOTIFY channel for pokes and resets; crosses processes on PostgreSQL, stays in-process on PGlite. */
export const SYNC_CHANNEL = 'crossdesk_sync';
const MAX_NOTIFY_BYTES = 7_000;

export type ChildEntity = Extract<Entity, 'message' | 'note' | 'case_event'>;
const CHILD_TABLES: Record<ChildEntity, string> = { message: 'messages', note: 'notes', case_event: 'case_events' };
const CHILD_ENTITIES = ['message', 'note', 'case_event'] as const satisfies readonly ChildEntity[];

/** What decides whether a caller could be permitted to change a case, before any rule has run. */
export interface LockScope {
  teamId: string;
  assigneeId: string | null;
  previousAssigneeId: string | null;
}

export interface CaseRecord {
  data: Case;
  /** Scope when loaded; null for a case created in this unit of work. */
  original: Scope | null;
  previousAssigneeId: string | null;
  assigneeChangedMs: number;
  dirty: boolean;
  /** slaInputs() when loaded or last flushed; null for a new case. */
  slaInputs: string | null;
}

interface ChildWrite {
  entity: ChildEntity;
  id: string;
  caseId: string;
  version: number;
  data: unknown;
  isNew: boolean;
}

interface ChangeRow {
  ord: number;
  entity: Entity;
  entity_id: string;
  op: 'upsert' | 'remove_from_scope';
  team_id: string;
  assignee_id: string | null;
  has_except: boolean;
  except_team_id: string | null;
  except_assignee_id: string | null;
  version: number;
  data: unknown;
  /** The data is the case row as written by this flush. */
  from_case: boolean;
  created_ms: number;
}

/** What Case.slaDueAt depends on besides the case's messages and status history (slaDue.ts). */
function slaInputs(data: Case): string {
  return JSON.stringify([data.status, data.priority, data.type, data.customer.market, data.teamId, data.createdAt]);
}

export { scopeOf };

/**
 * The writes of one transaction, collected in memory and flushed in a handful of statements: cases are
 * read once (locked), mutated in place, and written with their change-log rows at the end. Reassigned
 * cases get remove_from_scope rows for the old scope and carry their messages, notes and events into the new.
 */
export class UnitOfWork {
  private readonly cases = new Map<string, CaseRecord>();
  /** Cases read without a row lock (out of the caller's possible reach); they must be locked before a change. */
  private readonly unlocked = new Set<string>();
  private readonly children = new Map<string, ChildWrite>();
  private readonly newMessages: Message[] = [];
  private readonly newEvents: CaseEvent[] = [];
  private readonly knownChildIds = new Set<string>();
  /** Ids looked up and found absent, so deduplication checks do not query again. */
  private readonly absentChildIds = new Set<string>();
  private readonly touchedScopes: Scope[] = [];
  private readonly outbound: { message_id: string; case_id: string }[] = [];
  private isLocked = false;

  constructor(
    readonly tx: Queryable,
    readonly nowMs: number,
  ) {}

  get nowIso(): string {
    return new Date(this.nowMs).toISOString();
  }

  /**
   * Reads cases into the unit of work. Each row is locked FOR UPDATE unless `lockable` says the caller could
   * not be permitted to change it (issue 19.6: authorization before locks); such a row is read without a
   * lock and locked (lockCases) only once a rule has permitted the change.
   */
  async loadCases(ids: readonly string[], lockable?: (scope: LockScope) => boolean): Promise<void> {
    const missing = [...new Set(ids)].filter((id) => !this.cases.has(id));
    if (missing.length === 0) return;
    if (lockable === undefined) return this.readCases(missing, true);
    await this.readCases(missing, false);
    const toLock = missing.filter((id) => {
      const record = this.cases.get(id);
      return (
        record !== undefined && lockable({ ...scopeOf(record.data), previousAssigneeId: record.previousAssigneeId })
      );
    });
    await this.lockCases(toLock);
  }

  /** Locks cases read without a lock, reading them again under the lock (what a rule decides on). */
  async lockCases(ids: readonly string[]): Promise<void> {
    const toLock = [...new Set(ids)].filter((id) => this.unlocked.has(id));
    if (toLock.length > 0) await this.readCases(toLock, true);
  }

  private async readCases(ids: readonly string[], forUpdate: boolean): Promise<void> {
    const rows = await this.tx.query<{ data: Case; previous_assignee_id: string | null; assignee_changed_ms: number }>(
      `SELECT data, previous_assignee_id, assignee_changed_ms FROM cases
       WHERE id = ANY($1::text[]) ORDER BY id${forUpdate ? ' FOR UPDATE' : ''}`,
      [textArray(ids)],
    );
    for (const row of rows) {
      this.cases.set(row.data.id, {
        data: row.data,
        original: scopeOf(row.data),
        previousAssigneeId: row.previous_assignee_id,
        assigneeChangedMs: row.assignee_changed_ms,
        dirty: false,
        slaInputs: slaInputs(row.data),
      });
      if (forUpdate) this.unlocked.delete(row.data.id);
      else this.unlocked.add(row.data.id);
    }
  }

  async getCase(id: string): Promise<CaseRecord | undefined> {
    await this.loadCases([id]);
    return this.cases.get(id);
  }

  /** A case this unit of work has loaded or created, without a query: shared rules read cases synchronously. */
  loaded(id: string): CaseRecord | undefined {
    return this.cases.get(id);
  }

  /**
   * Puts a case as a shared rule left it (src-shared/caseRules: version and updatedAt already moved) in
   * place of the loaded one, remembering a change of assignee for the offline-reply grace window.
   */
  replaceCase(record: CaseRecord, next: Case): void {
    if (this.unlocked.has(next.id)) throw new Error(`case ${next.id} is changed without its row lock`);
    if (next.assigneeId !== record.data.assigneeId) {
      record.previousAssigneeId = record.data.assigneeId;
      record.assigneeChangedMs = this.nowMs;
    }
    record.data = next;
    record.dirty = true;
  }

  createCase(data: Case): CaseRecord {
    const record: CaseRecord = {
      data,
      original: null,
      previousAssigneeId: null,
      assigneeChangedMs: this.nowMs,
      dirty: true,
      slaInputs: null,
    };
    this.cases.set(data.id, record);
    return record;
  }

  /** Applies a change to a case row: bumps its version and updatedAt once per call. */
  updateCase(record: CaseRecord, change: (data: Case) => void): void {
    change(record.data);
    record.data.version += 1;
    record.data.updatedAt = this.nowIso;
    record.dirty = true;
  }

  /** Loads which of these child ids already exist, so deduplication by entity id needs one query per batch. */
  async preloadChildIds(entity: ChildEntity, ids: readonly string[]): Promise<void> {
    if (ids.length === 0) return;
    const rows = await this.tx.query<{ id: string }>(
      `SELECT id FROM ${CHILD_TABLES[entity]} WHERE id = ANY($1::text[])`,
      [textArray([...new Set(ids)])],
    );
    for (const id of ids) this.absentChildIds.add(`${entity}:${id}`);
    for (const row of rows) {
      this.knownChildIds.add(`${entity}:${row.id}`);
      this.absentChildIds.delete(`${entity}:${row.id}`);
    }
  }

  async childExists(entity: ChildEntity, id: string): Promise<boolean> {
    const key = `${entity}:${id}`;
    if (this.knownChildIds.has(key) || this.children.has(key)) return true;
    if (this.absentChildIds.has(key)) return false;
    const rows = await this.tx.query(`SELECT 1 FROM ${CHILD_TABLES[entity]} WHERE id = $1`, [id]);
    if (rows.length > 0) this.knownChildIds.add(key);
    return rows.length > 0;
  }

  /** The case of a child must be loaded in this unit of work: its scope decides who receives the change. */
  addMessage(message: Message): void {
    this.newMessages.push(message);
    this.addChild('message', message);
  }

  addEvent(event: CaseEvent): void {
    this.newEvents.push(event);
    this.addChild('case_event', event);
  }

  addChild(entity: ChildEntity, data: { id: string; caseId: string }): void {
    this.children.set(`${entity}:${data.id}`, {
      entity,
      id: data.id,
      caseId: data.caseId,
      version: 1,
      data,
      isNew: true,
    });
  }

  updateChild(entity: ChildEntity, data: { id: string; caseId: string }, version: number): void {
    this.children.set(`${entity}:${data.id}`, {
      entity,
      id: data.id,
      caseId: data.caseId,
      version,
      data,
      isNew: false,
    });
  }

  /** A reply to deliver to the customer, keyed by its message id so it is queued at most once. */
  queueOutbound(messageId: string, caseId: string): void {
    this.outbound.push({ message_id: messageId, case_id: caseId });
  }

  get hasOutbound(): boolean {
    return this.outbound.length > 0;
  }

  /** Takes the change-log lock; anything that draws from change_seq must call this first. */
  async lockChangeLog(): Promise<void> {
    if (this.isLocked) return;
    await this.tx.query('SELECT pg_advisory_xact_lock($1)', [CHANGE_LOG_LOCK]);
    this.isLocked = true;
  }

  async flush(): Promise<void> {
    const dirty = [...this.cases.values()].filter((record) => record.dirty);
    if (dirty.length === 0 && this.children.size === 0 && this.outbound.length === 0) return;
    await this.lockChangeLog();
    const rows: ChangeRow[] = [];
    const push = (
      entity: Entity,
      id: string,
      op: ChangeRow['op'],
      version: number,
      data: unknown,
      scope: Scope,
      except: Scope | null,
    ) => {
      rows.push({
        ord: rows.length,
        entity,
        entity_id: id,
        op,
        version,
        created_ms: this.nowMs,
        // A case's change-log row copies the row just written (one JSON parse of the case per batch, not two).
        data: op === 'upsert' && entity !== 'case' ? data : null,
        from_case: op === 'upsert' && entity === 'case',
        team_id: scope.teamId,
        assignee_id: scope.assigneeId,
        has_except: except !== null,
        except_team_id: except?.teamId ?? null,
        except_assignee_id: except?.assigneeId ?? null,
      });
    };

    const moved: CaseRecord[] = [];
    for (const record of dirty) {
      const scope = scopeOf(record.data);
      this.touchedScopes.push(scope);
      push('case', record.data.id, 'upsert', record.data.version, record.data, scope, null);
      if (record.original && !sameScope(record.original, scope)) {
        moved.push(record);
        this.touchedScopes.push(record.original);
        push('case', record.data.id, 'remove_from_scope', record.data.version, null, record.original, scope);
      }
    }
    if (moved.length > 0) {
      const existing = await this.tx.query<{
        entity: ChildEntity;
        id: string;
        case_id: string;
        version: number;
        data: unknown;
      }>(
        `SELECT 'message' AS entity, id, case_id, version, data FROM messages WHERE case_id = ANY($1::text[])
         UNION ALL SELECT 'note', id, case_id, version, data FROM notes WHERE case_id = ANY($1::text[])
         UNION ALL SELECT 'case_event', id, case_id, version, data FROM case_events WHERE case_id = ANY($1::text[])
         ORDER BY entity, id`,
        [textArray(moved.map((record) => record.data.id))],
      );
      for (const child of existing) {
        if (this.children.has(`${child.entity}:${child.id}`)) continue;
        const record = this.cases.get(child.case_id);
        if (!record?.original) continue;
        const scope = scopeOf(record.data);
        push(child.entity, child.id, 'remove_from_scope', child.version, null, record.original, scope);
        push(child.entity, child.id, 'upsert', child.version, child.data, scope, record.original);
      }
    }
    for (const child of this.children.values()) {
      const record = this.cases.get(child.caseId);
      if (!record) throw new Error(`case ${child.caseId} of ${child.entity} ${child.id} is not loaded`);
      const scope = scopeOf(record.data);
      this.touchedScopes.push(scope);
      push(child.entity, child.id, 'upsert', child.version, child.data, scope, null);
    }

    // The deadline is a function of these inputs, the messages and the status history (not of the clock:
    // a breached target keeps its due time), so a case that only got a tag, a note or a new assignee keeps it.
    const newFacts = new Set([
      ...this.newMessages.map((message) => message.caseId),
      ...this.newEvents.filter((event) => event.kind === 'status_changed').map((event) => event.caseId),
    ]);
    const slaStale = dirty.filter(
      (record) => record.slaInputs !== slaInputs(record.data) || newFacts.has(record.data.id),
    );
    await refreshSlaDue(
      this.tx,
      slaStale.map((record) => record.data),
      { messages: this.newMessages, events: this.newEvents },
      this.nowMs,
    );
    await this.writeCases(dirty);
    await this.writeChildren();
    if (this.outbound.length > 0) {
      await this.tx.query(
        `INSERT INTO outbound (message_id, case_id, state, next_attempt_ms, updated_ms)
         SELECT message_id, case_id, 'queued', $2, $2 FROM jsonb_to_recordset($1::jsonb) AS x(message_id text, case_id text)
         ON CONFLICT (message_id) DO NOTHING`,
        [JSON.stringify(this.outbound), this.nowMs],
      );
    }
    await this.tx.query(
      `INSERT INTO change_log (entity, entity_id, op, team_id, assignee_id, has_except, except_team_id, except_assignee_id, version, data, created_ms)
       SELECT x.entity, x.entity_id, x.op, x.team_id, x.assignee_id, x.has_except, x.except_team_id, x.except_assignee_id, x.version,
         CASE WHEN x.from_case THEN c.data ELSE x.data END, x.created_ms
       FROM jsonb_to_recordset($1::jsonb) AS x(ord integer, entity text, entity_id text, op text, team_id text, assignee_id text,
         has_except boolean, except_team_id text, except_assignee_id text, version integer, data jsonb, from_case boolean, created_ms bigint)
       LEFT JOIN cases c ON x.from_case AND c.id = x.entity_id
       ORDER BY x.ord`,
      [JSON.stringify(rows)],
    );
    for (const record of dirty) {
      record.original = scopeOf(record.data);
      record.dirty = false;
      record.slaInputs = slaInputs(record.data);
    }
    for (const child of this.children.values()) this.knownChildIds.add(`${child.entity}:${child.id}`);
    this.children.clear();
    this.newMessages.length = 0;
    this.newEvents.length = 0;
  }

  /** Publishes the committed high-water mark and pokes the touched scopes (NOTIFY is delivered at commit). */
  async seal(): Promise<void> {
    if (!this.isLocked) return;
    const rows = await this.tx.query<{ high_seq: number }>(
      `UPDATE sync_state SET high_seq = GREATEST(high_seq, (SELECT last_value FROM change_seq)) WHERE id = 1 RETURNING high_seq`,
    );
    const seq = rows[0]?.high_seq ?? 0;
    const unique = new Map(this.touchedScopes.map((scope) => [`${scope.teamId}|${scope.assigneeId ?? ''}`, scope]));
    let payload = JSON.stringify({
      seq,
      scopes: [...unique.values()].map((scope) => [scope.teamId, scope.assigneeId]),
    });
    if (payload.length > MAX_NOTIFY_BYTES) payload = JSON.stringify({ seq, all: true });
    await this.tx.query('SELECT pg_notify($1, $2)', [SYNC_CHANNEL, payload]);
  }

  private async writeCases(records: readonly CaseRecord[]): Promise<void> {
    if (records.length === 0) return;
    const payload = records.map((record) => ({
      id: record.data.id,
      ref: record.data.ref,
      team_id: record.data.teamId,
      assignee_id: record.data.assigneeId,
      status: record.data.status,
      version: record.data.version,
      assignee_version: record.data.assigneeVersion,
      merged_into_id: record.data.mergedIntoId,
      previous_assignee_id: record.previousAssigneeId,
      assignee_changed_ms: record.assigneeChangedMs,
      data: record.data,
    }));
    await this.tx.query(
      `INSERT INTO cases (id, ref, team_id, assignee_id, status, version, assignee_version, merged_into_id, previous_assignee_id, assignee_changed_ms, data)
       SELECT id, ref, team_id, assignee_id, status, version, assignee_version, merged_into_id, previous_assignee_id, assignee_changed_ms, data
       FROM jsonb_to_recordset($1::jsonb) AS x(id text, ref text, team_id text, assignee_id text, status text, version integer,
         assignee_version integer, merged_into_id text, previous_assignee_id text, assignee_changed_ms bigint, data jsonb)
       ON CONFLICT (id) DO UPDATE SET team_id = EXCLUDED.team_id, assignee_id = EXCLUDED.assignee_id, status = EXCLUDED.status,
         version = EXCLUDED.version, assignee_version = EXCLUDED.assignee_version, merged_into_id = EXCLUDED.merged_into_id,
         previous_assignee_id = EXCLUDED.previous_assignee_id, assignee_changed_ms = EXCLUDED.assignee_changed_ms, data = EXCLUDED.data`,
      [JSON.stringify(payload)],
    );
  }

  private async writeChildren(): Promise<void> {
    for (const entity of CHILD_ENTITIES) {
      const writes = [...this.children.values()].filter((child) => child.entity === entity);
      if (writes.length === 0) continue;
      await this.tx.query(
        `INSERT INTO ${CHILD_TABLES[entity]} (id, case_id, version, data)
         SELECT id, case_id, version, data FROM jsonb_to_recordset($1::jsonb) AS x(id text, case_id text, version integer, data jsonb)
         ON CONFLICT (id) DO UPDATE SET version = EXCLUDED.version, data = EXCLUDED.data`,
        [
          JSON.stringify(
            writes.map((child) => ({ id: child.id, case_id: child.caseId, version: child.version, data: child.data })),
          ),
        ],
      );
    }
  }
}
