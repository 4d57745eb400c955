import { z } from 'zod';

/**
 * Customer markets Crossdesk has researched packs for (shared/domain/markets.md).
 * A market is a country or region whose consumer law, calendar and etiquette apply to the customer.
 */
export const MARKET_CODES = [
  'CN',
  'US',
  'GB',
  'DE',
  'FR',
  'ES',
  'IT',
  'NL',
  'PL',
  'JP',
  'KR',
  'AU',
  'BR',
  'MX',
  'SA',
  'AE',
  'RU',
  'IN',
  'ID',
  'TH',
  'VN',
  'SG',
  'CA',
] as const;
export const MarketCodeSchema = z.enum(MARKET_CODES);
export type MarketCode = z.infer<typeof MarketCodeSchema>;

/** ISO 3166-2 subdivision suffix within a market (US "CA" for California, CA "QC" for Quebec). */
export const RegionCodeSchema = z.string().regex(/^[A-Z0-9]{1,3}$/);
export type RegionCode = z.infer<typeof RegionCodeSchema>;
