import { existsSync } from 'node:fs';
import type { Worker } from 'node:worker_threads';
import { startWorker } from '../../threads/workerThreads';
import { readNextRow } from './nextGenerationRow';
import { rowGroups, type RowGroup } from './nextGeneration';
import type { BootstrapWriter } from '../interface';
import { StoreError } from '../ports';

/** Pages sent ahead of the last one committed: enough to keep the writer busy, few enough to bound memory (~2 MB each). */
const PAGES_AHEAD = 4;

export type WriterRequest =
  { kind: 'page'; seq: number; generation: number; groups: RowGroup[]; pageToken: string | null } | { kind: 'close' };
export type WriterReply =
  | { kind: 'committed'; seq: number }
  | { kind: 'failed'; seq: number; error: { name: string; message: string; code?: string } };

/** The writer's entry: beside this module when run from source, beside the bundle's entries when built. */
function writerEntry(): URL | null {
  const here = new URL(import.meta.url);
  if (here.pathname.endsWith('.ts')) return new URL('./bootstrapWriterWorker.ts', here);
  // electron-vite emits it as an entry of its own (electron.vite.config.ts); this code may sit in a chunk below.
  return (
    ['./bootstrapWriterWorker.js', '../bootstrapWriterWorker.js']
      .map((path) => new URL(path, here))
      .find((url) => existsSync(url)) ?? null
  );
}

function revive(error: { name: string; message: string; code?: string }): Error {
  if (error.name === 'StoreError') return new StoreError(error.code ?? 'STORE', error.message);
  return Object.assign(new Error(error.message), { name: error.name, code: error.code });
}

/**
 * A BootstrapWriter (interface.ts) on a thread and connection of its own, while the sync engine reads and
 * validates the next pages: a 100,000-case bootstrap spends ~3 s in SQLite inserts and commits, which then
 * no longer wait for the stream, nor the stream for them (BENCHMARKS.md "Sync"). Pages commit in order, each
 * with its resume token in one transaction exactly as stageBootstrap commits it, and after a page fails none
 * after it is written, so the stored token never skips rows.
 * Null when the database has no file another connection could open, or the writer's entry is missing.
 */
export function startBootstrapWriter(
  path: string,
  generation: number,
  key: Buffer | null = null,
): BootstrapWriter | null {
  const entry = writerEntry();
  if (!entry || path === '' || path === ':memory:') return null;
  // The key stays inside this process: a worker thread's data is copied in memory, never written out.
  const worker: Worker = startWorker(entry, { path, key });
  let sent = 0;
  let committed = 0;
  let failure: Error | null = null;
  let exited = false;
  const waiting = new Set<() => void>();
  const wake = () => {
    for (const check of waiting) check();
  };
  worker.on('message', (reply: WriterReply) => {
    if (reply.kind === 'committed') committed = reply.seq;
    else failure ??= revive(reply.error);
    wake();
  });
  worker.on('error', (error) => {
    failure ??= error;
    wake();
  });
  const exit = new Promise<void>((resolve) =>
    worker.once('exit', () => {
      exited = true;
      failure ??= new Error('the bootstrap writer thread ended');
      wake();
      resolve();
    }),
  );

  /** Resolves when page `seq` is committed; rejects on the first failure. */
  function committedUpTo(seq: number): Promise<void> {
    return new Promise((resolve, reject) => {
      const check = () => {
        if (committed >= seq) resolve();
        else if (failure) reject(failure);
        else return;
        waiting.delete(check);
      };
      waiting.add(check);
      check();
    });
  }

  return {
    async stage(rows, pageToken) {
      if (failure) throw failure;
      const groups = rowGroups(rows.map(readNextRow));
      worker.postMessage({ kind: 'page', seq: ++sent, generation, groups, pageToken } satisfies WriterRequest);
      await committedUpTo(sent - PAGES_AHEAD);
    },
    flush: () => committedUpTo(sent),
    async close() {
      await committedUpTo(sent).catch(() => undefined);
      if (!exited) worker.postMessage({ kind: 'close' } satisfies WriterRequest);
      await exit;
    },
  };
}
