import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestDb } from '../testing/harness';
import { DRIVERS, openTestDb } from '../testing/harness';
import { loadMigrations, migrate } from './migrate';
import { openPgliteDb } from './pgliteDb';

describe.each(DRIVERS)('migrations on %s', (driver) => {
  let testDb: TestDb;
  beforeAll(async () => {
    testDb = await openTestDb(driver);
  });
  afterAll(async () => {
    await testDb?.dispose();
  });

  it('are numbered files applied once, also when two callers race', async () => {
    const migrations = loadMigrations();
    expect(migrations.map((migration) => migration.version)).toEqual(migrations.map((_, index) => index + 1));
    const again = await Promise.all([migrate(testDb.db), migrate(testDb.db)]);
    expect(again).toEqual([[], []]);
    const rows = await testDb.db.query<{ version: number }>('SELECT version FROM schema_migrations ORDER BY version');
    expect(rows.map((row) => row.version)).toEqual(migrations.map((migration) => migration.version));
  });
});

describe('PGlite data directory', () => {
  it('refuses a second open of a directory in use and reopens after close', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'crossdesk-lock-'));
    try {
      const first = await openPgliteDb(join(dir, 'data'));
      await expect(openPgliteDb(join(dir, 'data'))).rejects.toThrow(/in use by process/);
      await first.close();
      const again = await openPgliteDb(join(dir, 'data'));
      await again.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
