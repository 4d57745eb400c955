// The bootstrap writer's thread (bootstrapWriter.ts): its own connection to the agent's database, staging
// the pages it is sent, in order, through the same transaction as the store's stageBootstrap.
import { isMainThread, parentPort, workerData } from 'node:worker_threads';
import type { WriterReply, WriterRequest } from './bootstrapWriter';
import { createNextGeneration, createPageStager } from './nextGeneration';
import { openConnection, tuneConnection } from '../schema/openDatabase';

if (isMainThread || !parentPort)
  throw new Error('bootstrapWriterWorker runs only inside a worker thread (see bootstrapWriter.ts)');
const port = parentPort;
const { path, key } = workerData as { path: unknown; key: unknown };
const db = openConnection(String(path), key instanceof Uint8Array ? Buffer.from(key) : null, { fileMustExist: true });
tuneConnection(db);
const stagePage = createPageStager(db, createNextGeneration(db));
// After a failed page nothing more is written: a later page's token would skip the failed page's rows.
let failed = false;

port.on('message', (request: WriterRequest) => {
  if (request.kind === 'close') {
    db.close();
    port.close();
    return;
  }
  let reply: WriterReply = { kind: 'committed', seq: request.seq };
  if (failed) {
    reply = {
      kind: 'failed',
      seq: request.seq,
      error: { name: 'Error', message: `page ${request.seq} follows a page that failed` },
    };
  } else {
    try {
      stagePage.immediate(request.generation, request.groups, request.pageToken);
    } catch (error) {
      failed = true;
      const { name, message, code } = error as { name?: string; message?: string; code?: unknown };
      reply = {
        kind: 'failed',
        seq: request.seq,
        error: {
          name: name ?? 'Error',
          message: message ?? String(error),
          ...(typeof code === 'string' ? { code } : {}),
        },
      };
    }
  }
  port.postMessage(reply);
});
