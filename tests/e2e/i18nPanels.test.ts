import { beforeEach, describe, expect, it } from 'vitest';
import { computeStatutoryClocks } from '../../src-shared/rights/index';
import { clockInputFor } from '../../src-renderer/features/rights/rightsView';
import { CasePage } from './pages/CasePage';
import { contractData } from './support/bridgeClient';
import type { RunningWebHost } from './support/webHostProcess';
import { startWorkstation, workstationPerTest } from './support/workstationFixture';

const workstation = workstationPerTest(startWorkstation);
let host: RunningWebHost;
let screen: CasePage;

beforeEach(() => {
  host = workstation().host;
  screen = new CasePage(workstation().page);
});

/** The first return in the default queue order whose withdrawal clock runs (a delivery date, a market that has one). */
async function firstCountedReturn() {
  const { rows } = await contractData(host, 'cases:list', { view: 'all', sort: 'sla', limit: 100 });
  for (const [index, row] of rows.entries()) {
    if (row.type !== 'return_refund') continue;
    const detail = await contractData(host, 'cases:get', { caseId: row.id });
    const clocks = computeStatutoryClocks(clockInputFor(detail.case));
    if (clocks.some((clock) => clock.kind === 'withdrawal_ends' && clock.dueAt !== null)) return { index, row };
  }
  throw new Error('no return case with a running withdrawal clock among the first 100 rows');
}

// The first and last counting step as each language words them, and the English that must not show.
const SCREENS = [
  { language: 'zh-CN', rights: '客户的法定权利', sla: '服务时限', start: '起算', end: '最后一日' },
  {
    language: 'en',
    rights: "Customer's statutory rights",
    sla: 'Service targets',
    start: 'Starts at',
    end: 'Last day',
  },
  { language: 'ar', rights: 'الحقوق القانونية للعميل', sla: 'أهداف الخدمة', start: 'تبدأ المهلة', end: 'آخر يوم' },
  {
    language: 'de',
    rights: 'Gesetzliche Rechte des Kunden',
    sla: 'Servicezeiten',
    start: 'Beginn',
    end: 'Letzter Tag',
  },
] as const;

describe('rights and SLA explanations in the UI language', () => {
  it(
    'counts the withdrawal clock step by step in zh-CN, en, ar and de, no English fallback (screenshots)',
    { timeout: 240_000 },
    async () => {
      const { index } = await firstCountedReturn();
      for (const names of SCREENS) {
        await screen.openFromQueue(host.url, names.language, index);
        const rights = screen.region(names.rights);
        const withdrawal = rights.locator('[data-clock-kind="withdrawal_ends"]');
        await withdrawal.getByRole('button').first().click();
        const steps = withdrawal.locator('li[data-step-kind]');
        await steps.first().waitFor();
        expect(await steps.first().innerText()).toContain(names.start);
        expect(await steps.last().innerText()).toContain(names.end);
        expect(await steps.first().getAttribute('lang')).toBe(names.language);
        if (names.language !== 'en') {
          expect(await rights.innerText()).not.toMatch(/Starts at|Counts \d|Last day|shown in English/);
        }
        const sla = screen.region(names.sla);
        const target = sla.locator('[data-sla-target]').first();
        await target.getByRole('button').first().click();
        await target.locator('.MuiAccordionDetails-root').waitFor();
        if (names.language !== 'en') expect(await sla.innerText()).not.toMatch(/Target \d|counted in|open hours of/);
        await target.scrollIntoViewIfNeeded();
        await screen.screenshot(names.language, 'sla-why');
        await withdrawal.scrollIntoViewIfNeeded();
        await screen.screenshot(names.language, 'rights');
      }
    },
  );
});
