/**
 * A PostgreSQL array literal for `$n::text[]`, so `= ANY($n::text[])` can use an index; the driver
 * interface passes scalars only. Every element is quoted, with backslashes and quotes escaped.
 */
export function textArray(values: readonly string[]): string {
  return `{${values.map((value) => `"${value.replaceAll('\\', '\\\\').replaceAll('"', '\\"')}"`).join(',')}}`;
}
