import type { MarketCode } from '../domain/market';
import { OVERRIDE_FILES, PACK_FILES } from './packData';
import { HolidayOverrideSchema, MarketPackSchema, type HolidayOverride, type MarketPack } from './schema';

export class MarketPackError extends Error {}

function describeIssues(file: string, issues: ReadonlyArray<{ path: PropertyKey[]; message: string }>): string {
  const lines = issues
    .slice(0, 10)
    .map((issue) => `  ${issue.path.map(String).join('.') || '(root)'}: ${issue.message}`);
  return `resources/markets/${file} is invalid:\n${lines.join('\n')}`;
}

function loadPacks(): Map<string, MarketPack> {
  const packs = new Map<string, MarketPack>();
  for (const { file, data } of PACK_FILES) {
    const parsed = MarketPackSchema.safeParse(data);
    if (!parsed.success) throw new MarketPackError(describeIssues(file, parsed.error.issues));
    if (packs.has(parsed.data.code))
      throw new MarketPackError(`resources/markets/${file}: a second pack for ${parsed.data.code}`);
    packs.set(parsed.data.code, parsed.data);
  }
  return packs;
}

function loadOverrides(): Map<string, HolidayOverride> {
  const overrides = new Map<string, HolidayOverride>();
  for (const { file, data } of OVERRIDE_FILES) {
    const parsed = HolidayOverrideSchema.safeParse(data);
    if (!parsed.success) throw new MarketPackError(describeIssues(file, parsed.error.issues));
    const key = `${parsed.data.market}|${parsed.data.year}`;
    if (overrides.has(key)) throw new MarketPackError(`resources/markets/${file}: a second override for ${key}`);
    for (const entry of parsed.data.holidays) {
      if (!entry.date.startsWith(String(parsed.data.year))) {
        throw new MarketPackError(`resources/markets/${file}: ${entry.date} is outside ${parsed.data.year}`);
      }
    }
    overrides.set(key, parsed.data);
  }
  return overrides;
}

// Validated once at module load: a broken pack fails loudly at start-up, never halfway through a case.
const packs = loadPacks();
const overrides = loadOverrides();

export function findMarketPack(code: string): MarketPack | undefined {
  return packs.get(code);
}

export function getMarketPack(code: MarketCode | string): MarketPack {
  const pack = packs.get(code);
  if (!pack) throw new MarketPackError(`No market pack for "${code}" (known: ${[...packs.keys()].join(', ')})`);
  return pack;
}

export function listMarketPacks(): MarketPack[] {
  return [...packs.values()];
}

export function holidayOverride(market: MarketCode, year: number): HolidayOverride | undefined {
  return overrides.get(`${market}|${year}`);
}

export function listHolidayOverrides(): HolidayOverride[] {
  return [...overrides.values()];
}
