import type Database from 'better-sqlite3-multiple-ciphers';

export interface Migration {
  /** 1, 2, 3, ... with no gaps; PRAGMA user_version holds the last one applied. */
  version: number;
  name: string;
  sql: string;
}

/** Signal's DBVersionFromFutureError: a newer app wrote this file, and an older one must not touch it. */
export class DatabaseFromFutureError extends Error {
  constructor(
    readonly fileVersion: number,
    readonly appVersion: number,
  ) {
    super(
      `This database was written by a newer Crossdesk (schema ${fileVersion}; this app knows up to ${appVersion}). Update Crossdesk to open it; the file was left unchanged.`,
    );
    this.name = 'DatabaseFromFutureError';
  }
}

export function schemaVersion(db: Database.Database): number {
  return Number(db.pragma('user_version', { simple: true }));
}

/**
 * Applies the pending migrations in ONE transaction and bumps user_version at its end, so a crash or a
 * failing migration leaves the database exactly as it was. Migration files never change after they ship.
 */
export function migrate(db: Database.Database, migrations: readonly Migration[]): { from: number; to: number } {
  migrations.forEach((m, i) => {
    if (m.version !== i + 1) throw new Error(`migration ${m.name} has version ${m.version}, expected ${i + 1}`);
  });
  const target = migrations.length;
  const from = schemaVersion(db);
  if (from > target) throw new DatabaseFromFutureError(from, target);
  if (from === target) return { from, to: target };
  db.transaction(() => {
    for (const m of migrations.slice(from)) db.exec(m.sql);
    db.pragma(`user_version = ${target}`);
  }).immediate();
  return { from, to: target };
}
