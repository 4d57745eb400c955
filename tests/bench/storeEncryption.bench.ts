// What encryption at rest costs (issue 19): the same demo rows imported into a plain store and into a
// SQLCipher-encrypted one (the app's), in the same run and on the same disk, then the same queue pages,
// counts, searches, case reads and writes on each. BENCH_CASES / BENCH_MESSAGES_PER_CASE to scale
// (default 20,000 cases x 10 messages); store.bench.ts has the full 100,000-case figures.
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateDemoBatches, demoDirectory } from '../../src-shared/demo';
import { openLocalStore, randomIds } from '../../src-main/core/store';
import type { LocalStore } from '../../src-main/core/store';
import { measure, report, round, type Summary } from './stats';

const CASES = Number(process.env.BENCH_CASES ?? 20_000);
const PER_CASE = Number(process.env.BENCH_MESSAGES_PER_CASE ?? 10);
const SEED = 424242;
const NOW = '2026-11-25T12:00:00.000Z';
const clock = { now: () => Date.parse(NOW) };
const dir = mkdtempSync(join(tmpdir(), 'crossdesk-encryption-bench-'));
const directory = demoDirectory(SEED);
const agent = directory.users.find((user) => user.username === 'jonas.weber');
const key = randomBytes(32);

const variants = {
  plain: openLocalStore({ path: join(dir, 'plain.db'), clock, ids: randomIds, key: null }),
  encrypted: openLocalStore({ path: join(dir, 'encrypted.db'), clock, ids: randomIds, key }),
} satisfies Record<string, LocalStore>;

// Import: batches alternate between the two stores, so both see the same machine load.
const importMs = { plain: 0, encrypted: 0 };
for (const store of Object.values(variants)) store.importCanonical(directory);
for (const batch of generateDemoBatches({ seed: SEED, cases: CASES, messagesPerCase: PER_CASE, now: NOW }, 2000)) {
  for (const [name, store] of Object.entries(variants)) {
    const start = performance.now();
    store.importCanonical(batch);
    importMs[name as keyof typeof importMs] += performance.now() - start;
  }
}
for (const store of Object.values(variants)) store.setSyncState({ userId: agent?.id ?? null });
report('Import (s)', {
  cases: CASES,
  messages: CASES * PER_CASE,
  plain: round(importMs.plain / 1000, 2),
  encrypted: round(importMs.encrypted / 1000, 2),
  'encrypted / plain': round(importMs.encrypted / importMs.plain, 2),
  'file MB plain': round(statSync(join(dir, 'plain.db')).size / 1e6, 1),
  'file MB encrypted': round(statSync(join(dir, 'encrypted.db')).size / 1e6, 1),
});

async function both(run: (store: LocalStore, i: number) => unknown, runs: number) {
  const out: Record<string, Summary | number> = {};
  for (const [name, store] of Object.entries(variants)) out[name] = await measure((i) => run(store, i), runs);
  const plain = out.plain as Summary;
  const encrypted = out.encrypted as Summary;
  out['median encrypted / plain'] = round(encrypted.medianMs / plain.medianMs, 2);
  return out;
}

const first = variants.plain.queue({ view: 'all', sort: 'sla', limit: 100 });
report('Queue page, 100 rows (ms)', {
  'mine sla': await both((store) => store.queue({ view: 'mine', sort: 'sla', limit: 100 }), 200),
  'all sla page 2': await both(
    (store) => store.queue({ view: 'all', sort: 'sla', limit: 100, cursor: first.nextCursor ?? undefined }),
    200,
  ),
  'view counts': await both((store) => store.counts({}), 100),
});

const LATIN = ['Erstattung', 'refund', 'garantie', 'Müller', 'tracking number', 'reembolso'];
const CJK = ['退款', '退货退款', '返品', '保証期間', '환불', '保修期内'];
report('Full-text search, 50 hits (ms)', {
  latin: await both((store, i) => store.search(LATIN[i % LATIN.length] ?? '', 50), 200),
  cjk: await both((store, i) => store.search(CJK[i % CJK.length] ?? '', 50), 200),
});

const sample = variants.plain
  .queue({ view: 'mine', sort: 'sla', limit: 500 })
  .rows.filter((row) => row.status !== 'closed' && row.status !== 'solved');
report('Interactive calls (ms)', {
  'case detail': await both((store, i) => store.caseDetail(sample[i % sample.length]?.id ?? ''), 300),
  'add tag (write + outbox)': await both(
    (store, i) => store.write('case.addTag@1', { caseId: sample[i % sample.length]?.id, tag: `bench_${i}` }),
    300,
  ),
});

// Opening: the app opens its store once per start; the key costs no derivation (a raw key).
for (const store of Object.values(variants)) store.close();
report('Open the store (ms)', {
  plain: await measure(() => openLocalStore({ path: join(dir, 'plain.db'), clock, ids: randomIds }).close(), 20, 2),
  encrypted: await measure(
    () => openLocalStore({ path: join(dir, 'encrypted.db'), clock, ids: randomIds, key }).close(),
    20,
    2,
  ),
});
rmSync(dir, { recursive: true, force: true });
