import type { Migration } from '../migrate';
import { m001Initial } from './m001Initial';

/** Append only. A shipped migration is never edited; a later one changes what it made. */
export const MIGRATIONS: readonly Migration[] = [
  { version: 1, name: '001_initial', sql: m001Initial },
];
