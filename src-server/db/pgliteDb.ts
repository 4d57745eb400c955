import { PGlite } from '@electric-sql/pglite';
import type { Db, Queryable, Row, SqlParam } from './db';
import { INT8_OID } from './db';
import { lockDataDir } from './dataDirLock';

/** Opens (or creates) an embedded PGlite database; `dataDir` undefined keeps it in memory. */
export async function openPgliteDb(dataDir: string | undefined): Promise<Db> {
  const unlock = dataDir ? lockDataDir(dataDir) : () => undefined;
  const pg = new PGlite(dataDir, { parsers: { [INT8_OID]: (value: string) => Number(value) } });
  try {
    await pg.waitReady;
  } catch (error) {
    unlock();
    throw error;
  }
  const asQueryable = (target: Pick<PGlite, 'query'>): Queryable => ({
    async query<T extends Row>(sql: string, params: readonly SqlParam[] = []) {
      const result = await target.query<T>(sql, [...params]);
      return result.rows;
    },
  });
  const root = asQueryable(pg);
  return {
    kind: 'pglite',
    query: root.query,
    transaction: (fn) => pg.transaction((tx) => fn(asQueryable(tx))),
    // PGlite answers a COPY to '/dev/blob' with its whole output at once.
    async *copyOut(query) {
      const { blob } = await pg.query(`COPY (${query}) TO '/dev/blob' WITH (FORMAT binary)`);
      if (!blob) throw new Error('COPY to /dev/blob answered without its data');
      yield new Uint8Array(await blob.arrayBuffer());
    },
    async listen(channel, onPayload) {
      const unlisten = await pg.listen(channel, onPayload);
      return async () => {
        if (!pg.closed) await unlisten();
      };
    },
    async close() {
      if (!pg.closed) await pg.close();
      unlock();
    },
  };
}
