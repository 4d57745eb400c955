import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { probe } from './marketsZoneProbe';

// SLA deadlines, statutory clocks and holidays must be identical whatever the host's TZ (the server runs in UTC,
// agents' laptops in their own zones). The probe runs in fresh processes under other zones; `npm test` also runs
// the SLA and rights suites under TZ=Asia/Shanghai (test:tz).
describe('results do not depend on the host time zone', () => {
  const expected = JSON.stringify(probe());
  for (const zone of ['America/Los_Angeles', 'Asia/Kolkata']) {
    it(`TZ=${zone}`, () => {
      const output = execFileSync(process.execPath, ['--import', 'tsx', 'tests/unit/marketsZoneProbe.ts'], {
        env: { ...process.env, TZ: zone },
        encoding: 'utf8',
        timeout: 60_000,
      });
      expect(output).toBe(expected);
    });
  }
});
