// Local store at scale: 100,000 cases and 1,000,000 messages on disk (BENCH_CASES / BENCH_MESSAGES_PER_CASE
// to change), imported through the store and, in the same run, by raw prepared inserts of the same rows.
// Figures: queue pages per view, view counts, full-text search (Latin and CJK), interactive calls.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type Database from 'better-sqlite3-multiple-ciphers';
import { QUEUE_VIEWS } from '../../src-shared/contract/workstation';
import { generateDemoBatches, demoDirectory, type DemoBatch } from '../../src-shared/demo';
import { openLocalStore, randomIds } from '../../src-main/core/store';
import { caseColumns } from '../../src-main/core/store/writes/caseRows';
import { cjkTokens } from '../../src-main/core/store/search/cjkText';
import { openDatabase } from '../../src-main/core/store/schema/openDatabase';
import { withTestConnection } from '../../src-main/core/store/testStore';
import { measure, report, round } from './stats';

const CASES = Number(process.env.BENCH_CASES ?? 100_000);
const PER_CASE = Number(process.env.BENCH_MESSAGES_PER_CASE ?? 10);
const SEED = 424242;
const NOW = '2026-11-25T12:00:00.000Z';

// BENCH_REUSE_DIR=<dir of an earlier run>: skip generation and import, measure the queries only.
const reuse = process.env.BENCH_REUSE_DIR;
const dir = reuse ?? mkdtempSync(join(tmpdir(), 'crossdesk-store-bench-'));
const ids = randomIds;
const clock = { now: () => Date.parse(NOW) };

/** The baseline: the same rows into the same schema with plain prepared INSERTs, values prepared untimed. */
function rawInserter(db: Database.Database) {
  const insertCase =
    db.prepare(`INSERT INTO cases (id, server_version, ref, type, status, state_group, priority, priority_sort, market,
    locale, team_id, assignee_id, subject, customer_name, order_id, tags, sla_due_at, sla_sort, created_at, created_ms, updated_at,
    has_pending, data) VALUES (@id, @server_version, @ref, @type, @status, @state_group, @priority, @priority_sort, @market, @locale,
    @team_id, @assignee_id, @subject, @customer_name, @order_id, @tags, @sla_due_at, @sla_sort, @created_at, @created_ms, @updated_at,
    @has_pending, @data)`);
  const caseFts = db.prepare('INSERT INTO case_fts (rowid, subject, customer, order_id) VALUES (?, ?, ?, ?)');
  const insertMessage = db.prepare(
    'INSERT INTO messages (id, case_id, created_at, server_version, pending, mutation_uuid, data) VALUES (?, ?, ?, 1, 0, NULL, ?)',
  );
  const messageFts = db.prepare('INSERT INTO message_fts (rowid, body) VALUES (?, ?)');
  const cjk = db.prepare('INSERT INTO cjk_fts (rowid, text) VALUES (?, ?)');
  const insertNote = db.prepare(
    'INSERT INTO notes (id, case_id, created_at, server_version, pending, mutation_uuid, data) VALUES (?, ?, ?, 1, 0, NULL, ?)',
  );
  const insertEvent = db.prepare(
    'INSERT INTO case_events (id, case_id, at, server_version, data) VALUES (?, ?, ?, 1, ?)',
  );
  return (batch: DemoBatch): number => {
    const cases = batch.cases.map((c) => caseColumns(c, c.version, false));
    const messages = batch.messages.map(
      (m) => [m.id, m.caseId, m.createdAt, JSON.stringify(m), m.body, cjkTokens(m.body)] as const,
    );
    const notes = batch.notes.map((x) => [x.id, x.caseId, x.createdAt, JSON.stringify(x)] as const);
    const events = batch.events.map((e) => [e.id, e.caseId, e.at, JSON.stringify(e)] as const);
    const start = performance.now();
    db.transaction(() => {
      for (const c of cases) {
        const rid = Number(insertCase.run(c).lastInsertRowid);
        caseFts.run(rid, c.subject, c.customer_name, c.order_id ?? '');
        const tokens = cjkTokens(`${c.subject} ${c.customer_name}`);
        if (tokens) cjk.run(rid * 2 + 1, tokens);
      }
      for (const [id, caseId, at, data, body, tokens] of messages) {
        const rid = Number(insertMessage.run(id, caseId, at, data).lastInsertRowid);
        messageFts.run(rid, body);
        if (tokens) cjk.run(rid * 2, tokens);
      }
      for (const row of notes) insertNote.run(...row);
      for (const row of events) insertEvent.run(...row);
    })();
    return performance.now() - start;
  };
}

const store = openLocalStore({ path: join(dir, 'store.db'), clock, ids });
const directory = demoDirectory(SEED);
if (!reuse) importBoth();

function importBoth(): void {
  // The same schema, written by plain inserts: the baseline the store's row writer is compared with.
  const raw = openDatabase(join(dir, 'raw.db'), ids);
  const rawInsert = rawInserter(raw);
  store.importCanonical(directory);

  let storeMs = 0;
  let rawMs = 0;
  let generateMs = 0;
  let messages = 0;
  let genStart = performance.now();
  for (const batch of generateDemoBatches({ seed: SEED, cases: CASES, messagesPerCase: PER_CASE, now: NOW }, 2000)) {
    generateMs += performance.now() - genStart;
    messages += batch.messages.length;
    const start = performance.now();
    store.importCanonical(batch);
    storeMs += performance.now() - start;
    rawMs += rawInsert(batch);
    genStart = performance.now();
  }
  raw.close();
  const rows = CASES + messages;
  report('Import', {
    cases: CASES,
    messages,
    generateSeconds: round(generateMs / 1000, 1),
    storeSeconds: round(storeMs / 1000, 1),
    rawSeconds: round(rawMs / 1000, 1),
    storeRowsPerSecond: Math.round(rows / (storeMs / 1000)),
    rawRowsPerSecond: Math.round(rows / (rawMs / 1000)),
    ratioToRaw: round(rawMs / storeMs, 2),
  });
}
withTestConnection(join(dir, 'store.db'), (db) => db.pragma('optimize'));

const agent = directory.users.find((u) => u.username === 'jonas.weber');
store.setSyncState({ userId: agent?.id ?? null });
const counts = store.counts({});
report('Sizes per view (agent jonas.weber)', counts);

const queueRows: Record<string, unknown> = {};
for (const view of QUEUE_VIEWS) {
  queueRows[`${view} sla`] = await measure(() => store.queue({ view, sort: 'sla', limit: 100 }), 200);
}
const firstPage = store.queue({ view: 'all', sort: 'sla', limit: 100 });
queueRows['all sla page 2'] = await measure(
  () => store.queue({ view: 'all', sort: 'sla', limit: 100, cursor: firstPage.nextCursor ?? undefined }),
  200,
);
queueRows['all priority'] = await measure(() => store.queue({ view: 'all', sort: 'priority', limit: 100 }), 200);
queueRows['all age, market DE'] = await measure(
  () => store.queue({ view: 'all', sort: 'age', limit: 100, market: 'DE' }),
  200,
);
queueRows['team_unassigned sla, type complaint'] = await measure(
  () => store.queue({ view: 'team_unassigned', sort: 'sla', limit: 100, type: 'complaint' }),
  200,
);
report('Queue page, 100 rows (ms)', queueRows);

report('View counts, all five views (ms)', {
  'no filter': await measure(() => store.counts({}), 100),
  'market DE': await measure(() => store.counts({ market: 'DE' }), 100),
});

const LATIN = [
  'Erstattung',
  'refund',
  'garantie',
  'Müller',
  'tracking number',
  'Rücksendeetikett',
  'reembolso',
  'CD-1042',
];
const CJK = ['退款', '退货退款', '返品', '保証期間', '환불', '반품 접수', '保修期内', '王'];
const OTHER = ['คืนเงิน', 'استرداد', 'возврат', 'hoàn tiền'];
const pick = (list: readonly string[]) => (i: number) => store.search(list[i % list.length] ?? '', 50);
report('Full-text search, 50 hits (ms)', {
  latin: await measure(pick(LATIN), 200),
  cjk: await measure(pick(CJK), 200),
  'thai, arabic, cyrillic, vietnamese': await measure(pick(OTHER), 200),
});

// The agent's own cases still open: the shared case rules refuse writes outside their scope and replies to done cases.
const sample = store
  .queue({ view: 'mine', sort: 'sla', limit: 500 })
  .rows.filter((r) => r.status !== 'closed' && r.status !== 'solved');
if (sample.length === 0) throw new Error('no open cases to write to');
let k = 0;
report('Interactive calls (ms)', {
  'case detail': await measure((i) => store.caseDetail(sample[i % sample.length]?.id ?? ''), 300),
  'add tag (write + outbox)': await measure(
    (i) => store.write('case.addTag@1', { caseId: sample[i % sample.length]?.id, tag: `bench_${i}` }),
    300,
  ),
  'reply (write + outbox)': await measure(
    (i) =>
      store.write('case.reply@1', {
        caseId: sample[i % sample.length]?.id,
        messageId: ids.uuid(),
        body: `Antwort ${++k}`,
        locale: 'de-DE',
      }),
    300,
  ),
  'view counts': await measure(() => store.counts({}), 50),
});
store.close();
if (!reuse && !process.env.BENCH_KEEP) rmSync(dir, { recursive: true, force: true });
