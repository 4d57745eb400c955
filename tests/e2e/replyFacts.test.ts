import { beforeEach, describe, expect, it } from 'vitest';
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

/** The first return case in the default queue order. */
async function firstReturnIndex(): Promise<number> {
  const { rows } = await contractData(host, 'cases:list', { view: 'all', sort: 'sla', limit: 60 });
  const index = rows.findIndex((row) => row.type === 'return_refund');
  if (index < 0) throw new Error('no return case among the first 60 rows');
  return index;
}

const LANGUAGES = [
  { language: 'zh-CN', fact: '您承诺的天数' },
  { language: 'en', fact: 'number of days you promise' },
  { language: 'ar', fact: 'عدد الأيام التي تعدون بها' },
] as const;

describe('a canned reply the case cannot fill (issue 14.3)', () => {
  for (const { language, fact } of LANGUAGES) {
    it(`blocks it and names the missing fact in ${language}`, async () => {
      await screen.openFromQueue(host.url, language, await firstReturnIndex());
      await screen.page.keyboard.press('i');
      const picker = screen.page.getByRole('dialog');
      await picker.waitFor();
      // The follow-up reply counts days the agent promises; the case does not know them yet.
      await picker.getByRole('textbox').fill('follow');
      await picker.getByRole('textbox').press('Enter');
      const finding = screen.page.locator('[data-finding="missing_fact"]');
      await finding.waitFor();
      expect(await finding.innerText()).toContain(fact);
      expect(await screen.findings().innerText()).not.toMatch(/NaN|undefined/u);
      await finding.scrollIntoViewIfNeeded();
      await screen.screenshot(language, 'missing-fact');
    });
  }
});
