import { PROTOCOL_VERSION } from '../../../src-shared/sync/protocol';
import type { RunUpload } from '../../../src-shared/training/records';
import { RunUploadResponseSchema, TrainingPullResponseSchema } from '../../../src-shared/training/trainingProtocol';
import type { PracticeRun, PracticeStore } from '../store/practice/practiceStore';
import { SyncHttpError, type SyncHttp } from './syncHttp';

export interface TrainingSyncOptions {
  http: SyncHttp;
  token(): string;
  practice: PracticeStore;
}

/** Answers that will not change by sending the run again: the run is kept, marked refused with the reason. */
const PERMANENT_REFUSALS = new Set([400, 403, 413, 422]);

function uploadOf(run: PracticeRun): RunUpload | null {
  if (run.finishedAt === null) return null;
  return {
    id: run.id,
    scenarioKey: run.scenarioKey,
    scenarioHash: run.scenarioHash,
    ...(run.assignmentId === null ? {} : { assignmentId: run.assignmentId }),
    uiLanguage: run.uiLanguage,
    startedAt: run.startedAt,
    finishedAt: run.finishedAt,
    answers: run.answers,
  };
}

/**
 * Practice's part of a sync cycle (its own scope, src-shared/training/trainingProtocol.ts): finished runs
 * go up, each exactly once (the server answers a re-send as a duplicate, so a lost answer is harmless),
 * then the training changes come down page by page with their cursor. A transient failure throws and the
 * next cycle tries again; nothing of it touches the live store.
 */
export async function syncTraining(options: TrainingSyncOptions): Promise<void> {
  const { http, practice } = options;
  for (const run of practice.pendingUploads()) {
    const upload = uploadOf(run);
    if (!upload) continue;
    try {
      const answer = await http.json('POST', '/sync/v1/training/runs', RunUploadResponseSchema, {
        token: options.token(),
        body: { protocol: PROTOCOL_VERSION, run: upload },
      });
      practice.markUploaded(run.id, answer.run);
    } catch (error) {
      if (!(error instanceof SyncHttpError) || !PERMANENT_REFUSALS.has(error.status)) throw error;
      practice.markRefused(run.id, `${error.code}: ${error.message}`);
    }
  }
  let cursor = practice.trainingCursor();
  for (let resets = 0; ;) {
    let page;
    try {
      page = await http.json('POST', '/sync/v1/training/pull', TrainingPullResponseSchema, {
        token: options.token(),
        body: { protocol: PROTOCOL_VERSION, cursor },
      });
    } catch (error) {
      // The server was reset, or the cursor is not this server's: pull everything again (upserts by id).
      const isStale = error instanceof SyncHttpError && (error.status === 409 || error.status === 400);
      if (!isStale || cursor === null || resets++ > 0) throw error;
      cursor = null;
      continue;
    }
    practice.applyTrainingChanges(page.changes, page.cursor);
    cursor = page.cursor;
    if (!page.hasMore) return;
  }
}
