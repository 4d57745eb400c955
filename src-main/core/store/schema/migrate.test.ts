import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import { afterEach, describe, expect, it } from 'vitest';
import { DatabaseFromFutureError, migrate, schemaVersion, type Migration } from './migrate';
import { MIGRATIONS } from './migrations';
import { openDatabase } from './openDatabase';
import { openLocalStore } from '../localStore';
import { manualClock, sequentialIds, tempStore } from '../testStore';

const dirs: string[] = [];
function tempPath(): string {
  const dir = mkdtempSync(join(tmpdir(), 'crossdesk-migrate-'));
  dirs.push(dir);
  return join(dir, 'test.db');
}
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('migrations', () => {
  it('creates a WAL database with foreign keys, STRICT tables and user_version', () => {
    const path = tempPath();
    // The store's own open path, whose connection never leaves the store.
    const db = openDatabase(path, sequentialIds());
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(schemaVersion(db)).toBe(MIGRATIONS.length);
    const tables = db
      .prepare<[], { name: string; sql: string }>(
        "SELECT name, sql FROM sqlite_schema WHERE type = 'table' AND sql NOT LIKE 'CREATE VIRTUAL%' AND name NOT LIKE '%fts%'",
      )
      .all();
    expect(tables.length).toBeGreaterThan(8);
    for (const table of tables) expect(table.sql, table.name).toMatch(/\)\s*STRICT$/);
    expect(db.prepare<[], { client_id: string }>('SELECT client_id FROM sync_state').get()?.client_id).toMatch(
      /^[0-9a-f-]{36}$/,
    );
    db.close();
  });

  it('keeps the client id across reopening', () => {
    const path = tempPath();
    const first = openLocalStore({ path, clock: manualClock(), ids: sequentialIds('a') });
    const clientId = first.getSyncState().clientId;
    first.close();
    const second = openLocalStore({ path, clock: manualClock(), ids: sequentialIds('b') });
    expect(second.getSyncState().clientId).toBe(clientId);
    second.close();
  });

  it('refuses a database written by a newer app and leaves the file unchanged', () => {
    const path = tempPath();
    openLocalStore({ path, clock: manualClock(), ids: sequentialIds() }).close();
    const raw = new Database(path);
    raw.pragma(`user_version = ${MIGRATIONS.length + 1}`);
    raw.close();
    const before = readFileSync(path);
    expect(() => openLocalStore({ path, clock: manualClock(), ids: sequentialIds() })).toThrow(DatabaseFromFutureError);
    expect(() => openLocalStore({ path, clock: manualClock(), ids: sequentialIds() })).toThrow(/newer Crossdesk/);
    expect(readFileSync(path).equals(before)).toBe(true);
  });

  it('applies pending migrations in one transaction: a failing one leaves the database as it was', () => {
    const db = new Database(tempPath());
    const fixture: Migration[] = [{ version: 1, name: '001', sql: 'CREATE TABLE a (x INTEGER NOT NULL) STRICT;' }];
    expect(migrate(db, fixture)).toEqual({ from: 0, to: 1 });
    const broken: Migration[] = [
      ...fixture,
      { version: 2, name: '002', sql: 'CREATE TABLE b (y INTEGER NOT NULL) STRICT;' },
      { version: 3, name: '003', sql: 'INSERT INTO missing_table VALUES (1);' },
    ];
    expect(() => migrate(db, broken)).toThrow(/missing_table/);
    expect(schemaVersion(db)).toBe(1);
    expect(db.prepare("SELECT count(*) AS n FROM sqlite_schema WHERE name = 'b'").get()).toEqual({ n: 0 });
    expect(() => migrate(db, [{ version: 2, name: 'gap', sql: '' }])).toThrow(/expected 1/);
    db.close();
  });

  it('upgrades a database with pending outbox rows and keeps them sendable', () => {
    const t = tempStore(40, { migrations: MIGRATIONS.slice(0, 1) });
    try {
      const row = t.store.queue({ view: 'all', sort: 'sla', limit: 100 }).rows.find((r) => t.isMine(r));
      if (!row) throw new Error('no case');
      t.store.write('case.addTag@1', { caseId: row.id, tag: 'upgrade_check' });
      t.store.write('case.addNote@1', {
        caseId: row.id,
        noteId: '22222222-2222-4222-8222-222222222222',
        body: 'before the upgrade',
      });
      const before = t.store.pendingMutations(10);
      expect(schemaVersion(t.sql)).toBe(1);
      const shipped = t.reopen({ migrations: MIGRATIONS });
      expect(schemaVersion(t.sql)).toBe(MIGRATIONS.length);
      expect(shipped.pendingMutations(10)).toEqual(before);
      const next: Migration[] = [
        ...MIGRATIONS,
        {
          version: MIGRATIONS.length + 1,
          name: 'fixture_add_column',
          sql: 'ALTER TABLE outbox ADD COLUMN last_error TEXT;',
        },
      ];
      const upgraded = t.reopen({ migrations: next });
      expect(schemaVersion(t.sql)).toBe(next.length);
      expect(upgraded.pendingMutations(10)).toEqual(before);
      expect(upgraded.caseDetail(row.id)?.case.tags).toContain('upgrade_check');
      expect(upgraded.caseDetail(row.id)?.notes.some((n) => n.isPending && n.body === 'before the upgrade')).toBe(true);
      const after = upgraded.write('case.removeTag@1', { caseId: row.id, tag: 'upgrade_check' });
      expect(upgraded.pendingMutations(10).map((m) => m.id)).toEqual([1, 2, 3]);
      expect(after.mutationUuid).toBeTruthy();
    } finally {
      t.dispose();
    }
  });

  it('007 drops bootstrap_stage and the outbox columns nothing wrote, keeping pending mutations as they were', () => {
    const before007 = MIGRATIONS.findIndex((migration) => migration.name === '007_drop_unused');
    const t = tempStore(20, { migrations: MIGRATIONS.slice(0, before007) });
    try {
      const row = t.store.queue({ view: 'all', sort: 'sla', limit: 100 }).rows.find((r) => t.isMine(r));
      if (!row) throw new Error('no case');
      t.store.write('case.addTag@1', { caseId: row.id, tag: 'kept_through_007' });
      const pending = t.store.pendingMutations(10);
      const upgraded = t.reopen({ migrations: MIGRATIONS });
      const columns = (table: string) =>
        t.sql
          .prepare<[string], { name: string }>('SELECT name FROM pragma_table_info(?)')
          .all(table)
          .map((column) => column.name);
      expect(columns('outbox')).not.toContain('state');
      expect(columns('outbox')).not.toContain('attempts');
      expect(columns('bootstrap_stage')).toEqual([]);
      expect(upgraded.pendingMutations(10)).toEqual(pending);
    } finally {
      t.dispose();
    }
  });
});
