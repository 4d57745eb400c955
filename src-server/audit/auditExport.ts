import type { FastifyPluginAsync, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { IdSchema, InstantSchema } from '../../src-shared/domain/ids';
import type { Principal } from '../auth/principal';
import type { Db, SqlParam } from '../db/db';
import { textArray } from '../db/sqlArray';
import { HttpError } from '../http/httpError';
import { AuditEntrySchema, type AuditEntry } from './auditChain';

const AuditQuerySchema = z.object({
  format: z.enum(['json', 'csv', 'ndjson']).default('json'),
  caseId: IdSchema.optional(),
  actorId: IdSchema.optional(),
  action: z
    .string()
    .regex(/^[a-zA-Z.]{1,60}@\d{1,3}$/)
    .optional(),
  from: InstantSchema.optional(),
  to: InstantSchema.optional(),
  /** Entries after this seq: the next page. */
  afterSeq: z.coerce.number().int().min(0).optional(),
  limit: z.coerce.number().int().min(1).max(5000).default(500),
});
export type AuditQuery = z.infer<typeof AuditQuerySchema>;

const REDACTED = '[redacted]';

/** The customer's name and contacts are personal data: only an admin's export keeps them. */
function redactCase(value: unknown): unknown {
  if (typeof value !== 'object' || value === null) return value;
  const customer: unknown = Reflect.get(value, 'customer');
  if (typeof customer !== 'object' || customer === null) return value;
  return { ...value, customer: { ...customer, name: REDACTED, contacts: REDACTED } };
}

export function redactEntry(entry: AuditEntry): AuditEntry {
  return { ...entry, before: redactCase(entry.before), after: redactCase(entry.after) };
}

/** A CSV cell: quoted, and text a spreadsheet would run as a formula prefixed so it stays text. */
function cell(value: unknown): string {
  const text = value === null || value === undefined ? '' : typeof value === 'string' ? value : JSON.stringify(value);
  const safe = /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
  return `"${safe.replaceAll('"', '""')}"`;
}

const CSV_COLUMNS = [
  'seq',
  'atServer',
  'atClient',
  'actorId',
  'actorRole',
  'clientId',
  'appVersion',
  'action',
  'caseId',
  'result',
  'code',
  'offline',
  'queuedForMs',
  'reason',
  'before',
  'after',
] as const;

function csvRow(entry: AuditEntry): string {
  const values = [
    entry.seq,
    entry.atServer,
    entry.atClient,
    entry.actor.id,
    entry.actor.role,
    entry.device?.clientId,
    entry.device?.appVersion,
    entry.action,
    entry.entity.id,
    entry.mutation?.result,
    entry.mutation?.code,
    entry.mutation?.offline,
    entry.mutation?.queuedForMs,
    entry.reason,
    entry.before,
    entry.after,
  ];
  return values.map(cell).join(',');
}

/** The entries a principal may read: an admin all, a supervisor their teams' cases; nobody else any. */
export async function readAudit(db: Db, principal: Principal, query: AuditQuery): Promise<AuditEntry[]> {
  if (principal.role !== 'admin' && principal.role !== 'supervisor')
    throw new HttpError(403, 'FORBIDDEN', 'only supervisors and admins may read the audit log');
  const where: string[] = ['seq > $1'];
  const params: SqlParam[] = [query.afterSeq ?? 0];
  const add = (sql: string, value: SqlParam) => {
    params.push(value);
    where.push(sql.replace('?', `$${params.length}`));
  };
  if (principal.role === 'supervisor') add('team_id = ANY(?::text[])', textArray(principal.teamIds));
  if (query.caseId) add('case_id = ?', query.caseId);
  if (query.actorId) add('actor_id = ?', query.actorId);
  if (query.action) add('action = ?', query.action);
  if (query.from) add('at_ms >= ?', Date.parse(query.from));
  if (query.to) add('at_ms < ?', Date.parse(query.to));
  params.push(query.limit);
  const rows = await db.query<{ entry: unknown }>(
    `SELECT entry FROM audit_log WHERE ${where.join(' AND ')} ORDER BY seq LIMIT $${params.length}`,
    params,
  );
  const entries = rows.map((row) => AuditEntrySchema.parse(row.entry));
  return principal.role === 'admin' ? entries : entries.map(redactEntry);
}

/**
 * GET /api/v1/audit: the audit log filtered by case, actor, action and time, as JSON, CSV or NDJSON, a page
 * of `limit` entries after `afterSeq`. Customers' personal data is redacted unless the reader is an admin.
 */
export function auditRoutes(options: {
  db: Db;
  principalOf(request: FastifyRequest): Promise<Principal>;
}): FastifyPluginAsync {
  return async (scope) => {
    scope.get('/api/v1/audit', async (request, reply) => {
      const principal = await options.principalOf(request);
      const query = AuditQuerySchema.parse(request.query);
      const entries = await readAudit(options.db, principal, query);
      if (query.format === 'csv')
        return reply
          .type('text/csv; charset=utf-8')
          .header('content-disposition', 'attachment; filename="audit.csv"')
          .send([CSV_COLUMNS.join(','), ...entries.map(csvRow)].join('\r\n') + '\r\n');
      if (query.format === 'ndjson')
        return reply
          .type('application/x-ndjson; charset=utf-8')
          .send(entries.map((entry) => `${JSON.stringify(entry)}\n`).join(''));
      return { entries };
    });
  };
}
