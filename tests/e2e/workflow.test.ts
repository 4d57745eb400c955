import { describe, expect, it } from 'vitest';
import type { UiLanguage } from '../../src-renderer/i18n/languages';
import { computeStatutoryClocks, clockInputForCase } from '../../src-shared/rights/index';
import { CasePage } from './pages/CasePage';
import { contractData } from './support/bridgeClient';
import { caseDetail, queueRows } from './support/storeRows';
import { fixedParts, uiText } from './support/uiText';
import { screenPerFile } from './support/workstationFixture';

// One workstation for the file: the steps recorded in one language are on the case in the next.
const { host, screen } = screenPerFile(CasePage);

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * A return the demo agent may work (theirs or the team's unassigned), with an order, a customer message, no
 * steps yet, and a market whose law sets a refund deadline (from the withdrawal notice or the return's arrival).
 */
async function freshReturn() {
  const me = (await contractData(host(), 'session:get', {})).user?.id;
  for (const row of await queueRows(host(), 400, { view: 'all' })) {
    if (row.type !== 'return_refund' || (row.assigneeId !== null && row.assigneeId !== me)) continue;
    const detail = await caseDetail(host(), row.id);
    if (detail.case.order === undefined || (detail.case.workflowSteps ?? []).length > 0) continue;
    const hasRefundClock = computeStatutoryClocks(clockInputForCase(detail.case)).some((c) => c.kind === 'refund_due');
    if (hasRefundClock && detail.messages.some((message) => message.direction === 'inbound')) return detail;
  }
  throw new Error('no return the demo agent may work with a customer message and a refund clock');
}

describe('after-sales steps in the case view', () => {
  it(
    'records the withdrawal from the first message, a label, the arrival and the refund in en, zh-CN and ar; the refund deadline appears (screenshots)',
    { timeout: 240_000 },
    async () => {
      const start = await freshReturn();
      const ref = start.case.ref;
      const stepsOn = async () => (await caseDetail(host(), start.case.id)).case.workflowSteps ?? [];
      const open = async (language: UiLanguage) => {
        await screen().openBySearch(host().url, language, ref);
        const t = uiText(language);
        return { t, panel: screen().region(t('workflow:title')) };
      };
      const recordWith = async (
        language: UiLanguage,
        kind: 'return_authorised' | 'label_issued' | 'received',
        fill: Record<string, string> = {},
      ) => {
        const t = uiText(language);
        await screen()
          .region(t('workflow:title'))
          .getByRole('button', { name: t(`domain:workflowStep.${kind}`) })
          .click();
        const dialog = screen().dialog(t('workflow:recordTitle', { step: t(`domain:workflowStep.${kind}`) }));
        for (const [label, value] of Object.entries(fill))
          await dialog.getByRole('textbox', { name: label }).fill(value);
        await dialog.getByRole('button', { name: t('workflow:save') }).click();
        await dialog.waitFor({ state: 'detached' });
      };

      // English: the refund clock does not run before anything is recorded; one click records the withdrawal.
      let { t, panel } = await open('en');
      const refundClock = screen().region(t('case:panels.rights')).locator('[data-clock-kind="refund_due"]');
      expect(await refundClock.innerText()).toContain(t('rights:clock.notRunning'));
      const fromMessage = new RegExp(
        fixedParts((date) => t('workflow:fromFirstMessage', { date }))
          .map(escape)
          .join('.*'),
      );
      await panel.getByRole('button', { name: fromMessage }).click();
      await panel.locator('li[data-step="withdrawal_declared"]').waitFor();
      await recordWith('en', 'return_authorised');
      await panel.locator('li[data-step="return_authorised"]').waitFor();
      await panel.scrollIntoViewIfNeeded();
      await screen().screenshot('en', 'workflow');

      // Chinese: a return label with its carrier and tracking number.
      ({ t, panel } = await open('zh-CN'));
      await recordWith('zh-CN', 'label_issued', {
        [t('workflow:field.carrier')]: 'DHL',
        [t('workflow:field.trackingNumber')]: 'JJD000390007',
      });
      expect(await panel.locator('li[data-step="label_issued"]').innerText()).toContain('JJD000390007');
      await panel.scrollIntoViewIfNeeded();
      await screen().screenshot('zh-CN', 'workflow');

      // Arabic (right to left): the parcel arrives; a label before authorisation is no longer offered twice over.
      ({ t, panel } = await open('ar'));
      await recordWith('ar', 'received');
      await panel.locator('li[data-step="received"]').waitFor();
      expect((await stepsOn()).map((step) => step.detail.kind)).toEqual([
        'withdrawal_declared',
        'return_authorised',
        'label_issued',
        'received',
      ]);
      // The refund deadline now runs (from the notice in the EU, from the arrival in CN or GB), in the panel as computed.
      const recorded = (await caseDetail(host(), start.case.id)).case;
      const refundDue = computeStatutoryClocks(clockInputForCase(recorded)).find((c) => c.kind === 'refund_due');
      expect(refundDue?.dueDate).toBeTruthy();
      const arRefund = screen().region(t('case:panels.rights')).locator('[data-clock-kind="refund_due"]');
      expect(await arRefund.innerText()).not.toContain(t('rights:clock.notRunning'));
      // Withdrawal and receipt are recorded once: their buttons are gone.
      await expect(panel.getByRole('button', { name: t('domain:workflowStep.received') }).count()).resolves.toBe(0);
      await panel.scrollIntoViewIfNeeded();
      await screen().screenshot('ar', 'workflow');
    },
  );
});
