export { generateDemoData, generateDemoBatches, SMALL_DEMO, DEMO_PASSWORD, demoDirectory } from './generateDemoData';
export type { DemoOptions, DemoData, DemoBatch } from './generateDemoData';
export { placeholderSlaDueAt } from './placeholderSla';
