import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { TeamSchema } from '../../../../../src-shared/domain/user';
import { openLocalStore } from '../../localStore';
import { manualClock, sequentialIds, withTestConnection } from '../../testStore';
import { openDatabase } from '../openDatabase';
import { MIGRATIONS } from './index';

let dir = '';
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const team = (id: string, name: string) => ({
  id,
  name,
  timeZone: 'Europe/Berlin',
  holidayMarket: 'DE',
  markets: ['DE'],
  weeklyHours: { mon: [], tue: [], wed: [], thu: [], fri: [], sat: [], sun: [] },
});

describe('migration 004 (Team.brand)', () => {
  it('gives synced teams without a brand their name, staged ones too, and keeps a brand already set', () => {
    dir = mkdtempSync(join(tmpdir(), 'crossdesk-m004-'));
    const path = join(dir, 'workstation.db');
    const version = MIGRATIONS.findIndex((migration) => migration.name === '004_team_brand');
    expect(version).toBeGreaterThan(0);
    // A database as the release before 004 left it, written through the schema's own open path.
    const old = openDatabase(path, sequentialIds(), MIGRATIONS.slice(0, version));
    const insert = old.prepare<[string, string]>('INSERT INTO teams (id, server_version, data) VALUES (?, 1, ?)');
    insert.run(
      '11111111-1111-4111-8111-111111111111',
      JSON.stringify(team('11111111-1111-4111-8111-111111111111', 'Europe desk')),
    );
    insert.run(
      '22222222-2222-4222-8222-222222222222',
      JSON.stringify({
        ...team('22222222-2222-4222-8222-222222222222', 'Asia-Pacific desk'),
        brand: 'Lumora Home Asia',
      }),
    );
    old
      .prepare(
        "INSERT INTO bootstrap_stage (generation, entity, entity_id, version, data) VALUES (1, 'team', 'x', 1, ?)",
      )
      .run(JSON.stringify(team('33333333-3333-4333-8333-333333333333', 'Americas desk')));
    old.close();

    // Up to 004 itself: 007 drops bootstrap_stage.
    const store = openLocalStore({
      path,
      clock: manualClock(),
      ids: sequentialIds(),
      migrations: MIGRATIONS.slice(0, version + 1),
    });
    expect(store.teams().map((t) => TeamSchema.parse(t).brand)).toEqual(['Europe desk', 'Lumora Home Asia']);
    const staged = withTestConnection(path, (db) =>
      db.prepare<[], { data: string }>("SELECT data FROM bootstrap_stage WHERE entity = 'team'").get(),
    );
    expect(JSON.parse(staged?.data ?? '{}')).toMatchObject({ brand: 'Americas desk' });
    store.close();
  });
});
