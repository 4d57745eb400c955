import type { MarketPack } from './schema';
import { holidayOverride } from './registry';

/** Clock kinds every pack must either compute or explain as absent, so the UI never shows a silent gap. */
export const REQUIRED_CLOCK_KINDS = [
  'withdrawal_ends',
  'refund_due',
  'guarantee_ends',
  'privacy_response_due',
] as const;

export interface PackReport {
  code: string;
  /** Clock kinds neither computed nor explained as absent (refund and guarantee may be covered by a descriptive fact). */
  missing: string[];
  /** JSON paths of facts marked verified: false. */
  unverified: string[];
  /** Years needing an override file that has none (markets whose holidays the library cannot compute). */
  missingHolidayOverrides: number[];
  overrideYears: number[];
  facts: number;
}

function walkFacts(value: unknown, path: string, visit: (path: string, verified: boolean) => void): void {
  if (Array.isArray(value)) {
    value.forEach((item, index) => walkFacts(item, `${path}[${index}]`, visit));
    return;
  }
  if (value === null || typeof value !== 'object') return;
  const record = value as Record<string, unknown>;
  if (typeof record.verified === 'boolean') visit(path, record.verified);
  for (const [key, child] of Object.entries(record)) {
    if (key !== 'verified') walkFacts(child, path ? `${path}.${key}` : key, visit);
  }
}

export function packReport(pack: MarketPack, years: readonly number[]): PackReport {
  const kinds = new Set([
    ...pack.rights.clocks.map((clock) => clock.kind),
    ...pack.rights.absentClocks.map((clock) => clock.kind),
    ...Object.values(pack.regions).flatMap((region) => region.clocks.map((clock) => clock.kind)),
  ]);
  // A refund or guarantee described in words (no fixed day count in the law) is not a gap.
  const describedOnly = new Set(['refund_due', 'guarantee_ends']);
  const missing = REQUIRED_CLOCK_KINDS.filter((kind) => !kinds.has(kind) && !describedOnly.has(kind));
  const unverified: string[] = [];
  let facts = 0;
  walkFacts({ rights: pack.rights, regions: pack.regions, culture: pack.culture }, '', (path, verified) => {
    facts += 1;
    if (!verified) unverified.push(path);
  });
  const overrideYears = years.filter((year) => holidayOverride(pack.code, year) !== undefined);
  const missingHolidayOverrides = pack.holidays.needsYearlyOverride
    ? years.filter((year) => !overrideYears.includes(year))
    : [];
  return { code: pack.code, missing, unverified, missingHolidayOverrides, overrideYears, facts };
}
