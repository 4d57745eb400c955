import { DateTime } from 'luxon';
import type { Customer } from '../../../src-shared/domain/case';
import { findMarketPack, marketDayStatus, type DayStatus } from '../../../src-shared/markets/index';

export type CustomerDay =
  | { kind: 'unknown' }
  | { kind: 'working' }
  | { kind: 'make_up_working_day'; note: string }
  | { kind: 'weekend' }
  | { kind: 'holiday'; name: string };

export type CustomerClock = {
  /** The customer's local date (YYYY-MM-DD) in their own zone. */
  date: string;
  /** Minutes east of UTC in the customer's zone right now. */
  offsetMinutes: number;
  day: CustomerDay;
  /** Inside the market's usual office hours on a working day: a phone call or chat is welcome. */
  isBusinessHours: boolean | null;
};

function dayOf(status: DayStatus): CustomerDay {
  switch (status.reason) {
    case 'working_day':
      return { kind: 'working' };
    case 'make_up_working_day':
      return { kind: 'make_up_working_day', note: status.note };
    case 'weekend':
      return { kind: 'weekend' };
    case 'holiday':
      return { kind: 'holiday', name: status.holiday.name };
  }
}

/** Where the customer is in their day: local date, and whether that day is a weekend or holiday in their market. */
export function customerClock(
  customer: Pick<Customer, 'market' | 'region' | 'timeZone'>,
  serverNowMs: number,
): CustomerClock {
  const local = DateTime.fromMillis(serverNowMs, { zone: customer.timeZone });
  const date = local.toISODate() ?? '';
  const pack = findMarketPack(customer.market);
  if (pack === undefined) return { date, offsetMinutes: local.offset, day: { kind: 'unknown' }, isBusinessHours: null };
  const day = dayOf(marketDayStatus(customer.market, date, customer.region));
  const time = local.toFormat('HH:mm');
  const [open, close] = pack.businessHours;
  const isWorking = day.kind === 'working' || day.kind === 'make_up_working_day';
  return { date, offsetMinutes: local.offset, day, isBusinessHours: isWorking && time >= open && time < close };
}
