/**
 * The thin database interface the server is written against. Two drivers sit behind it: embedded PGlite
 * (a data directory, nothing to install) and a PostgreSQL server through `pg`. Both speak one dialect:
 * the SQL must run on PostgreSQL 15 and on PGlite's PostgreSQL 18.
 */
export type SqlParam = string | number | boolean | null;
export type Row = Record<string, unknown>;

export interface Queryable {
  query<T extends Row = Row>(sql: string, params?: readonly SqlParam[]): Promise<T[]>;
}

export interface Db extends Queryable {
  readonly kind: 'pglite' | 'postgres';
  /** Runs fn in one transaction: committed when it resolves, rolled back when it throws. */
  transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T>;
  /**
   * The bytes of `COPY (query) TO STDOUT WITH (FORMAT binary)` as they come, for copyRows (copyBinary.ts).
   * COPY takes no parameters: values go into the query as literals (sqlLiteral).
   */
  copyOut(query: string): AsyncIterable<Uint8Array>;
  /** Subscribes to NOTIFY on a channel; returns the unsubscribe function. */
  listen(channel: string, onPayload: (payload: string) => void): Promise<() => Promise<void>>;
  close(): Promise<void>;
}

/** int8 columns (sequence numbers, epoch milliseconds) come back as JS numbers from both drivers. */
export const INT8_OID = 20;
