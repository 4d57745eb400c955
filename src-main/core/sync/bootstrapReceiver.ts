import { BootstrapLineSchema } from '../../../src-shared/sync/protocol';
import type { BootstrapRow, BootstrapWriter, ChangeOutcome, SyncStore } from '../store';
import { isBootstrapRow, readBootstrapRow } from './bootstrapLine';
import { readLineBatches } from './lineReader';
import { watchdog } from './scheduler';
import { isDiskFull, isStoreError, SyncError } from './syncFailure';
import { NetworkError, SyncHttpError } from './syncHttp';
import type { SyncHttp } from './syncHttp';
import type { Timers } from './timers';

export interface BootstrapReceiverOptions {
  http: SyncHttp;
  store: SyncStore;
  timers: Timers;
  /** The session's token; throws SyncError NOT_SIGNED_IN when there is none. */
  token(): string;
  /** A stream silent this long counts as a dead connection. */
  stallTimeoutMs: number;
  /** Rows staged on this thread before the store's bootstrap writer takes over the rest. */
  writerAfterRows: number;
  /** Rows received so far changed (null: no bootstrap running). */
  onProgress(): void;
  /** The snapshot is current: every case changed. */
  onComplete(outcome: ChangeOutcome): void;
}

/**
 * Receives the server's snapshot (GET /sync/v1/bootstrap, NDJSON) into a staged generation, page by page,
 * resuming after the last page the store kept; the store makes it current on the stream's last line.
 *
 * Over 100 lines as a factory only: the page stager, line reader and stream share the progress count and the writer's health; each function inside is short.
 */
export function createBootstrapReceiver(options: BootstrapReceiverOptions) {
  const { store, timers } = options;
  let received: number | null = null;
  // A writer that failed for its own reasons (its thread, a busy database) is not used again: the retry
  // resumes after its last committed page on this thread.
  let writerFailed = false;

  /** Stages pages on this thread until the bootstrap is big enough for the store's writer thread. */
  function pageStager(generation: number) {
    let staged = 0;
    let writer: BootstrapWriter | null = null;
    const watched = async (work: Promise<void>) => {
      try {
        await work;
      } catch (error) {
        if (!isStoreError(error) && !isDiskFull(error)) writerFailed = true;
        throw error;
      }
    };
    return {
      async stage(rows: readonly BootstrapRow[], pageToken: string | null): Promise<void> {
        if (!writer && !writerFailed && staged >= options.writerAfterRows)
          writer = store.openBootstrapWriter(generation);
        if (writer) await watched(writer.stage(rows, pageToken));
        else store.stageBootstrap(generation, rows, pageToken);
        staged += rows.length;
      },
      flush: async () => writer && watched(writer.flush()),
      close: async () => writer?.close(),
    };
  }

  /** A row line (read without parsing its data where it can be), or a page token or completion line. */
  function readLine(line: string): { row: BootstrapRow } | { control: { pageToken: string } | { cursor: string } } {
    const row = readBootstrapRow(line);
    if (row) return { row };
    const raw: unknown = JSON.parse(line);
    if (isBootstrapRow(raw)) return { row: raw };
    const parsed = BootstrapLineSchema.safeParse(raw);
    if (!parsed.success)
      throw new SyncError(
        { code: 'BAD_RESPONSE', detail: 'bootstrap line' },
        'a bootstrap line does not match the protocol',
      );
    const value = parsed.data;
    if ('pageToken' in value) return { control: value };
    if ('complete' in value) return { control: value };
    return { row: value };
  }

  /** Reads the stream to its last line; true once the snapshot is current. */
  async function readStream(
    body: ReadableStream<Uint8Array>,
    generation: number,
    signal: AbortSignal,
    alive: () => void,
  ) {
    const stager = pageStager(generation);
    let rows: BootstrapRow[] = [];
    try {
      for await (const lines of readLineBatches(body, { signal })) {
        for (const line of lines) {
          if (line === '') continue;
          const read = readLine(line);
          if ('row' in read) {
            rows.push(read.row);
          } else if ('pageToken' in read.control) {
            received = (received ?? 0) + rows.length;
            await stager.stage(rows, read.control.pageToken);
            rows = [];
            alive();
            options.onProgress();
          } else {
            if (rows.length > 0) await stager.stage(rows, null);
            await stager.flush();
            const outcome = store.completeBootstrap(generation, read.control.cursor);
            received = null;
            options.onComplete(outcome);
            return true;
          }
        }
      }
      return false;
    } catch (error) {
      if (error instanceof SyncError || error instanceof SyncHttpError || isDiskFull(error) || isStoreError(error))
        throw error;
      throw new NetworkError('the bootstrap stream was interrupted', { cause: error });
    } finally {
      // Pages already queued still commit (each with its token), so a retry resumes after the last of them.
      await stager.close();
    }
  }

  return {
    /** Rows received by the bootstrap in progress; null when none runs. */
    received: () => received,
    /** Forget the progress of an abandoned bootstrap (a reset starts afresh). */
    reset() {
      received = null;
    },
    /** Streams the snapshot into a staged generation (a new one when fresh), resuming where the store left off. */
    async receive(fresh: boolean): Promise<void> {
      const state = store.getSyncState();
      const resumable = !fresh && state.bootstrapGeneration !== null && state.bootstrapPageToken !== null;
      const generation =
        resumable && state.bootstrapGeneration !== null ? state.bootstrapGeneration : store.beginBootstrap();
      const pageToken = resumable ? state.bootstrapPageToken : null;
      received ??= 0;
      options.onProgress();
      const controller = new AbortController();
      const stall = watchdog(timers, options.stallTimeoutMs, () => controller.abort());
      try {
        const query = pageToken ? `?pageToken=${encodeURIComponent(pageToken)}` : '';
        const response = await options.http.request('GET', `/sync/v1/bootstrap${query}`, {
          token: options.token(),
          signal: controller.signal,
          timeout: false,
        });
        if (!response.body) throw new NetworkError('bootstrap answered without a body');
        if (!(await readStream(response.body, generation, controller.signal, stall.reset)))
          throw new NetworkError('the bootstrap stream ended before it was complete');
      } finally {
        stall.dispose();
      }
    },
  };
}
export type BootstrapReceiver = ReturnType<typeof createBootstrapReceiver>;
