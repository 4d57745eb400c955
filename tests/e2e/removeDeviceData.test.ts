import { describe, expect, it } from 'vitest';
import { CasePage } from './pages/CasePage';
import { callContract } from './support/bridgeClient';
import { uiText } from './support/uiText';
import { startWorkstation, workstationPerTest } from './support/workstationFixture';

const LANGUAGES = ['zh-CN', 'en', 'ar'] as const;

describe("Settings: sign out and remove this device's data", () => {
  const workstation = workstationPerTest((browser) => startWorkstation(browser));

  for (const language of LANGUAGES) {
    it(`asks first, then wipes the device and says so (${language})`, async () => {
      const { host, page } = workstation();
      const t = uiText(language);
      const view = new CasePage(page);
      await view.loadQueue(host.url, language);
      await page
        .getByRole('navigation')
        .getByRole('button', { name: t('app:nav.settings') })
        .click();
      await page.getByRole('heading', { level: 1, name: t('settings:title') }).waitFor();

      await page.getByRole('button', { name: t('settings:account.removeData') }).click();
      const dialog = page.getByRole('dialog', { name: t('settings:account.removeTitle') });
      await dialog.waitFor();
      await view.screenshot(language, 'settings-remove-data-confirm');
      await dialog.getByRole('button', { name: t('settings:account.removeConfirm') }).click();

      await page.getByRole('alert').getByText(t('sync:deviceWiped.requested')).waitFor();
      await view.screenshot(language, 'settings-remove-data-done');
      expect(await callContract(host, 'cases:list', { view: 'all' })).toMatchObject({
        ok: false,
        error: { code: 'SIGNED_OUT' },
      });
    });
  }
});
