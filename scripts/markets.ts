// Maintainer CLI for market packs (docs/MARKETS.md): validates packs, prints statutory clocks and SLA deadlines.
// Usage: npm run markets -- check [--years 2026,2027]
//        npm run markets -- clocks --market FR --delivered 2026-05-04 [--case-type return_refund] ...
//        npm run markets -- sla --zone Asia/Shanghai --hours "Mon-Fri 09:00-18:00" --market CN --start <iso> --business-hours 4
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { CaseTypeSchema } from '../src-shared/domain/caseType';
import { ItemCategorySchema } from '../src-shared/domain/case';
import { MarketCodeSchema } from '../src-shared/domain/market';
import { TimeZoneSchema } from '../src-shared/domain/ids';

const RESOURCES = join(import.meta.dirname, '..', 'resources', 'markets');

class UsageError extends Error {}

const USAGE = `Usage:
  npm run markets -- check [--years 2026,2027]
  npm run markets -- clocks --market FR [--region CA] --delivered 2026-05-04 [--purchased D] [--return-received D]
                            [--withdrawal-notified D] [--received D] [--case-type T] [--categories a,b]
      (--received: when a privacy request or complaint reached the seller; D = YYYY-MM-DD or ISO instant)
  npm run markets -- sla --zone Asia/Shanghai --hours "Mon-Fri 09:00-18:00" [--market CN] [--region R]
                         --start 2026-05-06T10:00:00+08:00 --business-hours 4`;

function print(value: unknown): void {
  process.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
}

function parse(args: string[], options: ParseArgsConfig['options']): Record<string, string | undefined> {
  try {
    const { values, positionals } = parseArgs({ args, options, strict: true, allowPositionals: true });
    if (positionals.length > 0) throw new UsageError(`Unexpected argument "${positionals[0]}"`);
    return Object.fromEntries(
      Object.entries(values).map(([key, value]) => [key, typeof value === 'string' ? value : undefined]),
    );
  } catch (error) {
    if (error instanceof UsageError) throw error;
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
}

function required(values: Record<string, string | undefined>, name: string): string {
  const value = values[name];
  if (value === undefined || value === '') throw new UsageError(`Missing --${name}`);
  return value;
}

function checked<T>(
  schema: { safeParse(value: unknown): { success: true; data: T } | { success: false } },
  value: string,
  what: string,
): T {
  const result = schema.safeParse(value);
  if (!result.success) throw new UsageError(`Invalid ${what}: "${value}"`);
  return result.data;
}

const DATE_OR_INSTANT = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?([zZ]|[+-]\d{2}:\d{2}))?$/;

function dateArg(values: Record<string, string | undefined>, name: string): string | undefined {
  const value = values[name];
  if (value === undefined) return undefined;
  if (!DATE_OR_INSTANT.test(value) || Number.isNaN(Date.parse(value.length === 10 ? `${value}T00:00:00Z` : value))) {
    throw new UsageError(`--${name} must be a date (YYYY-MM-DD) or an ISO instant with offset, got "${value}"`);
  }
  return value;
}

async function check(args: string[]): Promise<number> {
  const values = parse(args, { years: { type: 'string' } });
  const thisYear = new Date().getUTCFullYear();
  const years = values.years
    ? values.years.split(',').map((year) => {
        const parsed = Number(year);
        if (!Number.isInteger(parsed) || parsed < 2000 || parsed > 2100)
          throw new UsageError(`--years must list years like 2026,2027, got "${year}"`);
        return parsed;
      })
    : [thisYear, thisYear + 1];
  const errors: string[] = [];
  // Loading the registry validates every registered file with zod; an invalid file throws here.
  let markets: typeof import('../src-shared/markets/index');
  try {
    markets = await import('../src-shared/markets/index');
  } catch (error) {
    print({ ok: false, errors: [error instanceof Error ? error.message : String(error)] });
    return 1;
  }
  const { PACK_FILES, OVERRIDE_FILES } = await import('../src-shared/markets/packData');
  const registered = new Set([...PACK_FILES, ...OVERRIDE_FILES].map((entry) => entry.file));
  const onDisk = [
    ...readdirSync(RESOURCES).filter((file) => file.endsWith('.json')),
    ...readdirSync(join(RESOURCES, 'overrides'))
      .filter((file) => file.endsWith('.json'))
      .map((file) => `overrides/${file}`),
  ];
  for (const file of onDisk) {
    if (!registered.has(file))
      errors.push(`resources/markets/${file} is not imported in src-shared/markets/packData.ts`);
  }
  const packs = markets.listMarketPacks();
  for (const code of MarketCodeSchema.options) {
    if (!packs.some((pack) => pack.code === code)) errors.push(`No pack for market ${code}`);
  }
  for (const override of markets.listHolidayOverrides()) {
    if (!packs.some((pack) => pack.code === override.market))
      errors.push(`Override ${override.market}-${override.year} has no pack`);
  }
  const reports = packs.map((pack) => markets.packReport(pack, years));
  for (const report of reports) {
    if (report.missing.length > 0)
      errors.push(`${report.code}: clocks neither computed nor explained as absent: ${report.missing.join(', ')}`);
  }
  const warnings = reports.flatMap((report) =>
    report.missingHolidayOverrides.map(
      (year) =>
        `${report.code} ${year}: no holiday override file; the library's projection is used (official dates not yet entered)`,
    ),
  );
  print({
    ok: errors.length === 0,
    years,
    errors,
    warnings,
    markets: reports.map((report) => ({
      code: report.code,
      facts: report.facts,
      unverifiedCount: report.unverified.length,
      unverified: report.unverified,
      missing: report.missing,
      holidayOverrides: report.overrideYears,
      missingHolidayOverrides: report.missingHolidayOverrides,
    })),
  });
  return errors.length === 0 ? 0 : 1;
}

async function clocks(args: string[]): Promise<number> {
  const values = parse(args, {
    market: { type: 'string' },
    region: { type: 'string' },
    'case-type': { type: 'string' },
    categories: { type: 'string' },
    purchased: { type: 'string' },
    delivered: { type: 'string' },
    'return-received': { type: 'string' },
    'withdrawal-notified': { type: 'string' },
    received: { type: 'string' },
  });
  const market = checked(
    MarketCodeSchema,
    required(values, 'market').toUpperCase(),
    'market (use one of ' + MarketCodeSchema.options.join(', ') + ')',
  );
  const caseType =
    values['case-type'] === undefined
      ? undefined
      : checked(CaseTypeSchema, values['case-type'], `case type (use one of ${CaseTypeSchema.options.join(', ')})`);
  const itemCategories = (values.categories ?? '')
    .split(',')
    .filter(Boolean)
    .map((category) =>
      checked(ItemCategorySchema, category.trim(), `item category (use ${ItemCategorySchema.options.join(', ')})`),
    );
  const input = {
    market,
    ...(values.region ? { region: values.region.toUpperCase() } : {}),
    ...(caseType ? { caseType } : {}),
    purchasedAt: dateArg(values, 'purchased'),
    deliveredAt: dateArg(values, 'delivered'),
    returnReceivedAt: dateArg(values, 'return-received'),
    withdrawalNotifiedAt: dateArg(values, 'withdrawal-notified'),
    receivedAt: dateArg(values, 'received'),
    itemCategories,
  };
  if (
    !input.purchasedAt &&
    !input.deliveredAt &&
    !input.returnReceivedAt &&
    !input.withdrawalNotifiedAt &&
    !input.receivedAt
  ) {
    throw new UsageError(
      'Give at least one date: --delivered, --purchased, --return-received, --withdrawal-notified or --received',
    );
  }
  const { computeStatutoryClocks } = await import('../src-shared/rights/index');
  const definedInput = Object.fromEntries(Object.entries(input).filter(([, value]) => value !== undefined));
  try {
    print({ input: definedInput, clocks: computeStatutoryClocks({ ...input, itemCategories }) });
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
  return 0;
}

async function sla(args: string[]): Promise<number> {
  const values = parse(args, {
    zone: { type: 'string' },
    hours: { type: 'string' },
    market: { type: 'string' },
    region: { type: 'string' },
    start: { type: 'string' },
    'business-hours': { type: 'string' },
  });
  const zone = checked(TimeZoneSchema, required(values, 'zone'), 'time zone (IANA name such as Asia/Shanghai)');
  const market =
    values.market === undefined ? undefined : checked(MarketCodeSchema, values.market.toUpperCase(), 'market');
  const start = required(values, 'start');
  if (!/([zZ]|[+-]\d{2}:?\d{2})$/.test(start) || Number.isNaN(Date.parse(start)))
    throw new UsageError(`--start must be an ISO instant with offset, got "${start}"`);
  const hoursText = required(values, 'business-hours');
  const hours = Number(hoursText);
  if (!Number.isFinite(hours) || hours <= 0 || hours > 24 * 366)
    throw new UsageError(`--business-hours must be a positive number, got "${hoursText}"`);
  const { parseWeeklyHours, addBusinessDuration, explainBusinessSpan, BusinessCalendarSchema } =
    await import('../src-shared/sla/index');
  let weeklyHours;
  try {
    weeklyHours = parseWeeklyHours(required(values, 'hours'));
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
  if (values.region && !/^[A-Za-z0-9]{1,3}$/.test(values.region))
    throw new UsageError(`--region must be a subdivision code such as CA or SCT, got "${values.region}"`);
  const calendar = BusinessCalendarSchema.parse({
    id: market ? `hours in ${zone}, holidays of ${market}` : `hours in ${zone}`,
    timeZone: zone,
    weeklyHours,
    ...(market ? { holidayMarket: market } : {}),
    ...(market && values.region ? { holidayRegion: values.region.toUpperCase() } : {}),
  });
  const durationMs = Math.round(hours * 3_600_000);
  let dueAt: string;
  try {
    dueAt = addBusinessDuration(calendar, start, durationMs);
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
  const explanation = explainBusinessSpan(calendar, start, dueAt);
  print({
    start,
    businessHours: hours,
    zone,
    market: market ?? null,
    dueAt,
    dueUtc: new Date(dueAt).toISOString(),
    explanation,
  });
  return 0;
}

const COMMANDS: Record<string, (args: string[]) => Promise<number>> = { check, clocks, sla };

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  if (!command || command === '--help' || command === 'help') {
    process.stderr.write(`${USAGE}\n`);
    return command ? 0 : 2;
  }
  const run = COMMANDS[command];
  if (!run) throw new UsageError(`Unknown command "${command}" (use check, clocks or sla)`);
  return run(rest);
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    if (error instanceof UsageError) {
      process.stderr.write(`markets: ${error.message}\n\n${USAGE}\n`);
      process.exitCode = 2;
      return;
    }
    process.stderr.write(`markets: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exitCode = 1;
  },
);
