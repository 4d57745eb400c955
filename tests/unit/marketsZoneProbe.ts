// Computes a fixed set of deadlines and clocks; the host-zone test runs it under several TZ values and
// compares the JSON, because results must not depend on the machine's time zone.
import { pathToFileURL } from 'node:url';
import { computeStatutoryClocks } from '../../src-shared/rights/index';
import {
  addBusinessDuration,
  BusinessCalendarSchema,
  DEFAULT_SLA_POLICIES,
  evaluateSla,
  marketCalendar,
  parseWeeklyHours,
  selectSlaPolicy,
  SlaTimelineSchema,
} from '../../src-shared/sla/index';
import { holidaysInYear, isWorkingDay } from '../../src-shared/markets/index';

export function probe(): unknown {
  const team = BusinessCalendarSchema.parse({
    timeZone: 'Asia/Shanghai',
    weeklyHours: parseWeeklyHours('Mon-Fri 09:00-12:00,13:00-18:00'),
    holidayMarket: 'CN',
  });
  const newYork = BusinessCalendarSchema.parse({
    timeZone: 'America/New_York',
    weeklyHours: parseWeeklyHours('Mon-Fri 09:00-17:00'),
    holidayMarket: 'US',
  });
  const timeline = SlaTimelineSchema.parse({
    createdAt: '2026-09-30T17:30:00+08:00',
    statusChanges: [
      { at: '2026-10-09T10:00:00+08:00', status: 'pending_customer' },
      { at: '2026-10-12T09:00:00+08:00', status: 'open' },
    ],
    messages: [{ at: '2026-09-30T17:35:00+08:00', direction: 'outbound', authorKind: 'automation' }],
  });
  const policy = selectSlaPolicy(DEFAULT_SLA_POLICIES, { caseType: 'complaint', priority: 'normal', market: 'DE' });
  return {
    deadlines: [
      addBusinessDuration(team, '2026-09-30T17:00:00+08:00', 4 * 3_600_000),
      addBusinessDuration(newYork, '2026-10-30T16:00:00-04:00', 6 * 3_600_000),
      addBusinessDuration([team, marketCalendar('DE')], '2026-10-23T09:00:00+08:00', 5 * 3_600_000),
      addBusinessDuration(marketCalendar('SA'), '2026-03-18T16:00:00+03:00', 4 * 3_600_000),
    ],
    evaluation: evaluateSla(timeline, policy, { team, customer: marketCalendar('DE') }, '2026-10-12T12:00:00+08:00'),
    clocks: [
      computeStatutoryClocks({
        market: 'CN',
        deliveredAt: '2026-09-28T23:30:00+08:00',
        returnReceivedAt: '2026-10-02',
      }),
      computeStatutoryClocks({ market: 'DE', deliveredAt: '2026-12-11T23:30:00Z', receivedAt: '2026-01-31T23:00:00Z' }),
      computeStatutoryClocks({
        market: 'US',
        region: 'CA',
        purchasedAt: '2026-03-08T08:30:00Z',
        receivedAt: '2026-11-20',
      }),
    ],
    holidays: [holidaysInYear('CN', 2026).length, holidaysInYear('SA', 2026)[1], isWorkingDay('CN', '2026-10-10')],
  };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  process.stdout.write(JSON.stringify(probe()));
}
