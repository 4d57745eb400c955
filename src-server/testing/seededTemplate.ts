import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { Db } from '../db/db';
import { loadMigrations } from '../db/migrate';
import { openDatabase } from '../startServer';

export interface SeededTemplateOptions {
  /** Folder the template and its staging directory go to. */
  root: string;
  /** Start of the template's folder name, one per kind of seed. */
  prefix: string;
  /** Whatever else the seed depends on (size, start instant): part of the template's key with the migrations. */
  keyParts: readonly unknown[];
  /** Rows to add to the migrated database; none for an empty one. */
  seed?(db: Db): Promise<unknown>;
}

/**
 * Initialising, migrating and seeding a PGlite cluster costs seconds, most of a test file's time: a data
 * directory is made once per machine, keyed by the migrations' content and the seed, and copied for each
 * database a test opens.
 * It is published by rename, so test processes racing to make the same one are safe.
 */
export async function seededTemplate({ root, prefix, keyParts, seed }: SeededTemplateOptions): Promise<string> {
  const key = createHash('sha256')
    .update(JSON.stringify([loadMigrations().map((migration) => migration.sql), ...keyParts]))
    .digest('hex')
    .slice(0, 12);
  const dir = join(root, `${prefix}-template-${key}`);
  if (existsSync(join(dir, 'PG_VERSION'))) return dir;
  const staging = mkdtempSync(join(root, `${prefix}-staging-`));
  const db = await openDatabase({ dataDir: staging });
  await seed?.(db);
  await db.close();
  try {
    renameSync(staging, dir);
  } catch {
    // Another test process made the same template first: its content is identical.
    rmSync(staging, { recursive: true, force: true });
  }
  return dir;
}
