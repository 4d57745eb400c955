// Trainer CLI. Usage: npm run training -- alpha --level nominal|ordinal|interval|ratio FILE.csv
// Prints {"alpha": number, "level": ..., "units": n, "pairable": n}; exits 1 with a message on bad input.
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { ALPHA_LEVELS, AlphaError, krippendorffAlpha, type AlphaLevel } from '../src-shared/training/alpha';
import { parseRatingsCsv, RatingsCsvError } from '../src-shared/training/ratingsCsv';

const USAGE = 'Usage: npm run training -- alpha --level nominal|ordinal|interval|ratio FILE.csv';

class UsageError extends Error {}

function isLevel(value: string): value is AlphaLevel {
  return ALPHA_LEVELS.some((level) => level === value);
}

function alpha(args: string[]): void {
  let parsed;
  try {
    parsed = parseArgs({ args, options: { level: { type: 'string' } }, allowPositionals: true, strict: true });
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
  const level = parsed.values.level;
  if (level === undefined) throw new UsageError('Missing --level');
  if (!isLevel(level)) throw new UsageError(`Unknown level "${level}" (use ${ALPHA_LEVELS.join(', ')})`);
  const [file, ...extra] = parsed.positionals;
  if (!file) throw new UsageError('Missing the CSV file');
  if (extra.length > 0) throw new UsageError(`Unexpected argument "${extra[0]}"`);
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new UsageError(`Cannot read ${file}: ${error instanceof Error ? error.message : String(error)}`);
  }
  const { matrix } = parseRatingsCsv(text);
  process.stdout.write(`${JSON.stringify(krippendorffAlpha(matrix, level))}\n`);
}

function main(argv: string[]): number {
  const [command, ...rest] = argv;
  try {
    if (command === 'alpha') alpha(rest);
    else throw new UsageError(command ? `Unknown command "${command}"` : 'Missing a command');
    return 0;
  } catch (error) {
    if (error instanceof UsageError) process.stderr.write(`${error.message}\n${USAGE}\n`);
    else if (error instanceof RatingsCsvError) process.stderr.write(`Bad ratings CSV, ${error.message}\n`);
    else if (error instanceof AlphaError) process.stderr.write(`${error.message}\n`);
    else throw error;
    return 1;
  }
}

process.exitCode = main(process.argv.slice(2));
