import type { RatingMatrix } from './alpha';

export interface Ratings {
  units: string[];
  raters: string[];
  /** One row per rater, one column per unit; null is a missing rating. */
  matrix: RatingMatrix;
}

export class RatingsCsvError extends Error {
  constructor(
    message: string,
    /** 1-based line of the CSV, when the problem sits on one line. */
    readonly line?: number,
  ) {
    super(line === undefined ? message : `line ${line}: ${message}`);
    this.name = 'RatingsCsvError';
  }
}

/** Splits one CSV record (RFC 4180 quoting: "a, b" and "" for a quote inside quotes). */
function fields(record: string, line: number): string[] {
  const out: string[] = [];
  let current = '';
  let quoted = false;
  for (let i = 0; i < record.length; i++) {
    const char = record[i];
    if (quoted) {
      if (char === '"' && record[i + 1] === '"') {
        current += '"';
        i++;
      } else if (char === '"') quoted = false;
      else current += char;
    } else if (char === '"' && current.trim() === '') {
      quoted = true;
      current = '';
    } else if (char === ',') {
      out.push(current.trim());
      current = '';
    } else current += char;
  }
  if (quoted) throw new RatingsCsvError('a quoted field is not closed', line);
  out.push(current.trim());
  return out;
}

/**
 * Reads `rater,<unit ids...>` then one row per rater; an empty cell is a missing rating.
 * Numbers stay numbers (the alpha levels decide whether labels are allowed).
 */
export function parseRatingsCsv(text: string): Ratings {
  const lines = text
    .replace(/^\uFEFF/u, '')
    .split(/\r?\n/u)
    .map((record, index) => ({ record, line: index + 1 }))
    .filter(({ record }) => record.trim() !== '');
  const header = lines[0];
  if (!header) throw new RatingsCsvError('the file is empty; the first row must be rater,<unit ids...>');
  const [first, ...units] = fields(header.record, header.line);
  if (first?.toLowerCase() !== 'rater')
    throw new RatingsCsvError(`the first row must start with "rater", found "${first ?? ''}"`, header.line);
  if (units.length === 0) throw new RatingsCsvError('the first row names no units', header.line);
  const seenUnits = new Set<string>();
  for (const unit of units) {
    if (unit === '') throw new RatingsCsvError('a unit id in the first row is empty', header.line);
    if (seenUnits.has(unit)) throw new RatingsCsvError(`unit "${unit}" appears twice in the first row`, header.line);
    seenUnits.add(unit);
  }
  if (lines.length < 2) throw new RatingsCsvError('no rater rows after the first row');

  const raters: string[] = [];
  const matrix: Array<Array<string | number | null>> = [];
  for (const { record, line } of lines.slice(1)) {
    const [rater = '', ...cells] = fields(record, line);
    if (rater === '') throw new RatingsCsvError('the rater name is empty', line);
    if (raters.includes(rater)) throw new RatingsCsvError(`rater "${rater}" has two rows`, line);
    if (cells.length !== units.length)
      throw new RatingsCsvError(`expected ${units.length} ratings after the rater name, found ${cells.length}`, line);
    raters.push(rater);
    matrix.push(
      cells.map((cell) => {
        if (cell === '') return null;
        const value = Number(cell);
        return Number.isFinite(value) ? value : cell;
      }),
    );
  }
  return { units, raters, matrix };
}
