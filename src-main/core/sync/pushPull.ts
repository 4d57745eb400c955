import type { MutationEnvelope, MutationResult } from '../../../src-shared/sync/mutations';
import type { PushResponse } from '../../../src-shared/sync/protocol';
import {
  MAX_PUSH_BYTES,
  MAX_PUSH_MUTATIONS,
  PROTOCOL_VERSION,
  PullResponseSchema,
  PushResponseSchema,
} from '../../../src-shared/sync/protocol';
import type { ChangeOutcome, SyncStore } from '../store';
import { SyncError } from './syncFailure';
import { SyncHttpError, type SyncHttp } from './syncHttp';

/** Room for the push envelope around the mutations (protocol, clientId, versions, brackets). */
const PUSH_ENVELOPE_BYTES = 512;

/** Takes pending mutations from the front while the request stays within 500 mutations and 1 MB. */
export function pushBatch(pending: readonly MutationEnvelope[]): MutationEnvelope[] {
  const batch: MutationEnvelope[] = [];
  let bytes = PUSH_ENVELOPE_BYTES;
  for (const mutation of pending) {
    const size = Buffer.byteLength(JSON.stringify(mutation)) + 1;
    if (batch.length > 0 && (batch.length >= MAX_PUSH_MUTATIONS || bytes + size > MAX_PUSH_BYTES)) break;
    batch.push(mutation);
    bytes += size;
  }
  return batch;
}

export interface PushPullOptions {
  http: SyncHttp;
  store: SyncStore;
  /** The session's token; throws SyncError NOT_SIGNED_IN when there is none. */
  token(): string;
  appVersion: string;
  schemaVersion: number;
  /** A bootstrap is due or half received: no pull until it is done (a pull needs current data to apply to). */
  isBootstrapDue(): boolean;
  /** Data from the server landed (a pull page, or results settled). */
  onApplied(outcome: ChangeOutcome & { attentionAdded?: number }): void;
}

/** The push and pull halves of a sync cycle (SYNC.md): the outbox sent in batches, the changes pulled in pages. */
export function createPushPull(options: PushPullOptions) {
  const { http, store } = options;

  /**
   * Files the agent attached go up before the mutations that name them. Each upload is a PUT under the id the
   * desk chose, so one repeated after a crash or a lost answer is stored once (the API answers the same
   * file). A file the API refuses for good (its type, size, a case gone from view) is never sent again; the
   * reply naming it is then refused and reaches Needs attention with the agent's text.
   */
  async function uploadFiles(): Promise<void> {
    for (let batch = store.filesToUpload(8); batch.length > 0; batch = store.filesToUpload(8)) {
      for (const { attachment, bytes } of batch) {
        const query = new URLSearchParams({ caseId: attachment.caseId, name: attachment.fileName });
        try {
          await http.request('PUT', `/api/v1/attachments/${attachment.id}?${query.toString()}`, {
            token: options.token(),
            bytes,
          });
          store.markFileUploaded(attachment.id);
        } catch (error) {
          if (!(error instanceof SyncHttpError) || !isFinalRefusal(error.status)) throw error;
          store.markFileRefused(attachment.id, error.code);
        }
      }
    }
  }

  /** Pulls until the server has no more; the results that come with a page are settled with it. */
  async function pullAll(): Promise<void> {
    for (;;) {
      const state = store.getSyncState();
      if (state.cursor === null) return;
      const page = await http.json('POST', '/sync/v1/pull', PullResponseSchema, {
        token: options.token(),
        body: { protocol: PROTOCOL_VERSION, clientId: state.clientId, cursor: state.cursor },
      });
      const applied = store.applyServerChanges(page.changes, page.cursor, page.results);
      // Read again: a push answered while this page was on its way may have moved it further.
      if (page.lastMutationId > store.getSyncState().lastMutationId)
        store.setSyncState({ lastMutationId: page.lastMutationId });
      options.onApplied(applied);
      if (!page.hasMore) return;
    }
  }

  /** One push request; a response without a result for every mutation is not the protocol. */
  async function pushOne(batch: readonly MutationEnvelope[]): Promise<PushResponse> {
    const response = await http.json('POST', '/sync/v1/push', PushResponseSchema, {
      token: options.token(),
      body: {
        protocol: PROTOCOL_VERSION,
        clientId: store.getSyncState().clientId,
        appVersion: options.appVersion,
        schemaVersion: options.schemaVersion,
        mutations: batch,
      },
    });
    const answered = new Set(response.results.map((result) => result.mutationId));
    if (!batch.every((mutation) => answered.has(mutation.id)))
      throw new SyncError(
        { code: 'BAD_RESPONSE', detail: 'push answered without a result for every mutation' },
        `the server answered push without a result for every mutation ${batch[0]?.id}..${batch.at(-1)?.id}`,
      );
    return response;
  }

  /**
   * Sends the whole outbox, one request at a time; answers the results, marked later by the cycle. While a
   * later batch is in flight, the effects of the earlier ones are pulled and applied (pulls are not pushes:
   * SYNC.md allows one push in flight), so the store's work overlaps the server's.
   */
  async function pushAll(): Promise<MutationResult[]> {
    const results: MutationResult[] = [];
    let chase: Promise<void> = Promise.resolve();
    // Set by a chasing pull that failed: no more batches, and the cycle fails with its error.
    const chased: { failure: { error: unknown } | null } = { failure: null };
    const chasePull = () => {
      chase = chase
        .then(async () => {
          if (chased.failure === null) await pullAll();
        })
        .catch((error: unknown) => {
          chased.failure ??= { error };
        });
    };
    let sentThrough = 0;
    await uploadFiles();
    try {
      for (let batch = pushBatch(store.pendingMutations(MAX_PUSH_MUTATIONS)); batch.length > 0;) {
        const response = await pushOne(batch);
        results.push(...response.results);
        sentThrough = batch.at(-1)?.id ?? sentThrough;
        store.setSyncState({ lastMutationId: response.lastMutationId });
        if (chased.failure) break;
        batch = pushBatch(store.pendingMutations(MAX_PUSH_MUTATIONS, sentThrough));
        // Only a drain of more than one batch chases; a cycle with one batch pulls once, after it.
        if (batch.length > 0 && !options.isBootstrapDue()) chasePull();
      }
    } finally {
      // A failed push still waits for the pull it started, so no pull outlives its cycle.
      await chase;
    }
    if (chased.failure) throw chased.failure.error;
    return results;
  }

  return { pushAll, pullAll };
}

/** 4xx that a repeat cannot change; 401 (signed out), 408 and 429 are worth another try later. */
function isFinalRefusal(status: number): boolean {
  return status >= 400 && status < 500 && status !== 401 && status !== 408 && status !== 429;
}
