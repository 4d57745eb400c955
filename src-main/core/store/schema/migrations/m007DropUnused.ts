/**
 * Migration 007: what nothing reads or writes any more goes. bootstrap_stage held bootstrap rows before
 * the next-generation tables (sync/nextGeneration.ts) and has been emptied on every bootstrap since; the
 * outbox's state and attempts were written only by a markSent nobody called (a mutation is pending until
 * its result arrives, and the engine retries a whole batch, never a counted row).
 */
export const m007DropUnused = `
DROP TABLE IF EXISTS bootstrap_stage;
ALTER TABLE outbox DROP COLUMN state;
ALTER TABLE outbox DROP COLUMN attempts;
`;
