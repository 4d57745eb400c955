import { z } from 'zod';

/**
 * Ids of practice data are marked as training so nothing of a run can pass for live data: a training id is
 * a UUID of version 8 (RFC 9562's custom version), while every live id is a v4 or v7 UUID (domain/ids.ts).
 * The central API refuses a training id in a case mutation, and its database refuses one in the outbound
 * queue and the messages table (migration 0006), so a training message can never be queued for delivery.
 */
const VERSION_NIBBLE = 14;

export function isTrainingId(id: string): boolean {
  return id.length === 36 && id[VERSION_NIBBLE] === '8';
}

/** A training id made from any random UUID (crypto.randomUUID()): its version nibble becomes 8. */
export function trainingIdFrom(uuid: string): string {
  const parsed = z.uuid().parse(uuid).toLowerCase();
  return `${parsed.slice(0, VERSION_NIBBLE)}8${parsed.slice(VERSION_NIBBLE + 1)}`;
}

export const TrainingIdSchema = z.uuid().refine(isTrainingId, 'a training id (a version 8 UUID)');

/** Every string anywhere in a value that is a training id: a case mutation carrying one is refused. */
export function trainingIdsIn(value: unknown): string[] {
  if (typeof value === 'string') return isTrainingId(value) && z.uuid().safeParse(value).success ? [value] : [];
  if (Array.isArray(value)) return value.flatMap(trainingIdsIn);
  if (value !== null && typeof value === 'object') return Object.values(value).flatMap(trainingIdsIn);
  return [];
}
