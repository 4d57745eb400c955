import { describe, expect, it } from 'vitest';
import { computeStatutoryClocks } from '../../src-shared/rights/index';
import { explanationStepText } from '../../src-renderer/features/rights/explanationText';
import { clockInputFor } from '../../src-renderer/features/rights/rightsView';
import { CasePage } from './pages/CasePage';
import { caseDetail, queueRows } from './support/storeRows';
import { uiText, uiTextOf } from './support/uiText';
import { screenPerFile } from './support/workstationFixture';

// The tests share one workstation (its store keeps what each writes) and read the store when they start.
const { host, screen } = screenPerFile(CasePage);

/** The first return in the default queue order whose withdrawal clock runs (a delivery date, a market that has one). */
async function firstCountedReturn() {
  for (const [index, row] of (await queueRows(host(), 100)).entries()) {
    if (row.type !== 'return_refund') continue;
    const detail = await caseDetail(host(), row.id);
    const withdrawal = computeStatutoryClocks(clockInputFor(detail.case)).find(
      (clock) => clock.kind === 'withdrawal_ends' && clock.dueAt !== null,
    );
    if (withdrawal !== undefined) return { index, withdrawal };
  }
  throw new Error('no return case with a running withdrawal clock among the first 100 rows');
}

describe('rights and SLA explanations in the UI language', () => {
  it(
    'counts the withdrawal clock step by step in zh-CN, en, ar and de, no English fallback (screenshots)',
    { timeout: 240_000 },
    async () => {
      const { index, withdrawal: clock } = await firstCountedReturn();
      for (const language of ['zh-CN', 'en', 'ar', 'de'] as const) {
        const t = uiText(language);
        // The first and last counting step as the renderer words them in this language.
        const [first, last] = [clock.explanation.steps[0], clock.explanation.steps.at(-1)].map(
          (step) => step && explanationStepText(uiTextOf(language, 'rights'), language, step.detail).text,
        );
        await screen().openFromQueue(host().url, language, index);
        const rights = screen().region(t('case:panels.rights'));
        const withdrawal = rights.locator('[data-clock-kind="withdrawal_ends"]');
        await withdrawal.getByRole('button').first().click();
        const steps = withdrawal.locator('li[data-step-kind]');
        await steps.first().waitFor();
        expect(await steps.first().innerText()).toBe(first);
        expect(await steps.last().innerText()).toBe(last);
        expect(await steps.first().getAttribute('lang')).toBe(language);
        if (language !== 'en') {
          expect(await rights.innerText()).not.toMatch(/Starts at|Counts \d|Last day|shown in English/);
        }
        const sla = screen().region(t('case:panels.sla'));
        const target = sla.locator('[data-sla-target]').first();
        await target.getByRole('button').first().click();
        await target.locator('.MuiAccordionDetails-root').waitFor();
        if (language !== 'en') expect(await sla.innerText()).not.toMatch(/Target \d|counted in|open hours of/);
        await target.scrollIntoViewIfNeeded();
        await screen().screenshot(language, 'sla-why');
        await withdrawal.scrollIntoViewIfNeeded();
        await screen().screenshot(language, 'rights');
      }
    },
  );
});
