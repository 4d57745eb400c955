import { describe, expect, it } from 'vitest';
import { loadMigrations, migrate } from './migrate';
import { openPgliteDb } from './pgliteDb';

describe('migration 0002 (Team.brand)', () => {
  it('gives teams stored without a brand their name and keeps a brand already set', async () => {
    const db = await openPgliteDb(undefined);
    try {
      const migrations = loadMigrations();
      const brandIndex = migrations.findIndex((migration) => migration.name === '0002_team_brand.sql');
      expect(brandIndex).toBeGreaterThan(0);
      await migrate(db, migrations.slice(0, brandIndex));
      await db.query(`INSERT INTO teams (id, data) VALUES ($1, $2::jsonb), ($3, $4::jsonb)`, [
        'team-old',
        JSON.stringify({ id: 'team-old', name: 'Europe desk' }),
        'team-set',
        JSON.stringify({ id: 'team-set', name: 'Asia-Pacific desk', brand: 'Lumora Home Asia' }),
      ]);
      expect(await migrate(db, migrations)).toContain(brandIndex + 1);
      const rows = await db.query<{ id: string; brand: string }>(
        `SELECT id, data->>'brand' AS brand FROM teams ORDER BY id`,
      );
      expect(rows).toEqual([
        { id: 'team-old', brand: 'Europe desk' },
        { id: 'team-set', brand: 'Lumora Home Asia' },
      ]);
    } finally {
      await db.close();
    }
  });
});
