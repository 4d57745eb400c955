import pg from 'pg';
import { to as copyTo } from 'pg-copy-streams';
import type { Db, Queryable, Row, SqlParam } from './db';
import { INT8_OID } from './db';

// Per-pool parsers instead of pg.types.setTypeParser, which would change every pg user in the process.
// The cast bridges getTypeParser's overloads, which a single implementation cannot declare.
const types = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
    oid === INT8_OID
      ? (value: string) => Number(value)
      : pg.types.getTypeParser(oid, format)) as typeof pg.types.getTypeParser,
};

/** Connects a pool to a PostgreSQL server; LISTEN uses its own dedicated connection. */
export async function openPostgresDb(connectionString: string): Promise<Db> {
  const pool = new pg.Pool({ connectionString, max: 10, types });
  // An idle client that loses its server connection must not crash the process; the pool replaces it.
  pool.on('error', () => undefined);
  await pool.query('SELECT 1');
  const asQueryable = (target: pg.Pool | pg.PoolClient): Queryable => ({
    async query<T extends Row>(sql: string, params: readonly SqlParam[] = []) {
      const result = await target.query<T>(sql, [...params]);
      return result.rows;
    },
  });
  const listeners = new Map<string, Set<(payload: string) => void>>();
  let listenClient: pg.Client | undefined;

  async function listenConnection(): Promise<pg.Client> {
    if (listenClient) return listenClient;
    const client = new pg.Client({ connectionString, types });
    client.on('error', () => undefined);
    client.on('notification', (message) => {
      for (const callback of listeners.get(message.channel) ?? []) callback(message.payload ?? '');
    });
    await client.connect();
    listenClient = client;
    return client;
  }

  return {
    kind: 'postgres',
    query: asQueryable(pool).query,
    async transaction(fn) {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        const result = await fn(asQueryable(client));
        await client.query('COMMIT');
        return result;
      } catch (error) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw error;
      } finally {
        client.release();
      }
    },
    async *copyOut(query) {
      const client = await pool.connect();
      let finished = false;
      try {
        for await (const chunk of client.query(copyTo(`COPY (${query}) TO STDOUT WITH (FORMAT binary)`)))
          yield chunk as Buffer;
        finished = true;
      } finally {
        // A COPY left mid-way (the reader stopped, or it failed) leaves the connection unusable: destroyed, not pooled.
        client.release(!finished);
      }
    },
    async listen(channel, onPayload) {
      if (!/^[a-z_][a-z0-9_]*$/.test(channel)) throw new Error(`invalid channel name ${channel}`);
      const client = await listenConnection();
      let set = listeners.get(channel);
      if (!set) {
        set = new Set();
        listeners.set(channel, set);
        await client.query(`LISTEN ${channel}`);
      }
      set.add(onPayload);
      return async () => {
        set.delete(onPayload);
      };
    },
    async close() {
      listeners.clear();
      await listenClient?.end().catch(() => undefined);
      listenClient = undefined;
      await pool.end();
    },
  };
}
