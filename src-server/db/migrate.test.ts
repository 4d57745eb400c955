import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestDb } from '../testing/harness';
import { DRIVERS, openTestDb } from '../testing/harness';
import { loadMigrations, migrate } from './migrate';

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
