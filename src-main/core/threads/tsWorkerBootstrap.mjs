// Development only (tsx, vitest): loads a TypeScript worker entry through tsx, because Node 20 does not
// carry the parent's module hooks into worker threads. Built Electron workers are plain JavaScript.
import { workerData } from 'node:worker_threads';
import { tsImport } from 'tsx/esm/api';

await tsImport(workerData.tsEntry, import.meta.url);
