import { escapeLiteral } from 'pg';
import type { SqlParam } from './db';

/**
 * sql with its $n placeholders replaced by params[n - 1] as literals, for statements that take no
 * parameters (COPY). Strings are quoted by pg's escapeLiteral; the SQL around them must be the server's own.
 */
export function inlineParams(sql: string, params: readonly SqlParam[]): string {
  return sql.replace(/\$(\d+)/g, (_placeholder, position: string) => {
    const value = params[Number(position) - 1];
    if (value === undefined) throw new Error(`no value for $${position}`);
    if (value === null) return 'NULL';
    if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
    if (typeof value === 'number') {
      if (!Number.isFinite(value)) throw new Error(`$${position} is not a finite number`);
      return String(value);
    }
    return escapeLiteral(value);
  });
}

/**
 * A PostgreSQL array literal for `$n::text[]`, so `= ANY($n::text[])` can use an index; the driver
 * interface passes scalars only. Every element is quoted, with backslashes and quotes escaped.
 */
export function textArray(values: readonly string[]): string {
  return `{${values.map((value) => `"${value.replaceAll('\\', '\\\\').replaceAll('"', '\\"')}"`).join(',')}}`;
}
