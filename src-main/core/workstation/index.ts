export { createWorkstation } from './createWorkstation';
export type { Workstation, WorkstationOptions } from './createWorkstation';
export { openDemoWorkstation, DEMO_AGENT_USERNAME } from './openDemoWorkstation';
export { createOfflineSync } from './syncPort';
export type { SyncPort, EmitEvent } from './syncPort';
