import { z } from 'zod';
import { CurrencySchema } from './ids';

/**
 * Money as an integer count of the currency's minor unit (cents; yen have none), so sums are exact.
 * The number of minor digits comes from Intl for the currency, never from a float.
 */
export const MoneySchema = z.object({
  amountMinor: z.int().min(0),
  currency: CurrencySchema,
});
export type Money = z.infer<typeof MoneySchema>;

export function minorDigits(currency: string): number {
  return new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
}

export function toMajor(money: Money): number {
  return money.amountMinor / 10 ** minorDigits(money.currency);
}
