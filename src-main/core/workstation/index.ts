export { createWorkstation } from './createWorkstation';
export type { Workstation, WorkstationOptions } from './createWorkstation';
export { openDemoWorkstation, DEMO_AGENT_USERNAME } from './openDemoWorkstation';
export { createOfflineSync } from './syncConnection';
export type { SyncConnection, EmitEvent } from './syncConnection';
