import { beforeEach, describe, expect, it } from 'vitest';
import { CasePage } from './pages/CasePage';
import { queueRows } from './support/storeRows';
import { uiText } from './support/uiText';
import type { RunningWebHost } from './support/webHostProcess';
import { screenPerFile } from './support/workstationFixture';

// Issue 14: the screens an agent uses all day, in zh-CN, en and ar, at a laptop's two common sizes. Each
// screenshot is looked at; the assertions catch what a look would: a page wider than the window, Send
// pushed below the fold.
// One web host for the file: each test reads the store as it finds it and opens its own page.
const file = screenPerFile(CasePage);
let host: RunningWebHost;
let screen: CasePage;

beforeEach(() => {
  host = file.host();
  screen = file.screen();
});

const LANGUAGES = ['zh-CN', 'en', 'ar'] as const;
const SIZES = [
  { width: 1440, height: 900 },
  { width: 1280, height: 720 },
] as const;

async function fitsTheWindow(): Promise<boolean> {
  return screen.page.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth);
}

describe("the agent's screens in three languages and two sizes", () => {
  it(
    'queue, case with composer and translation, search results and Needs attention',
    { timeout: 600_000 },
    async () => {
      const rows = await queueRows(host, 200);
      const index = rows.findIndex((row) => row.locale.startsWith('ja'));
      const wanted = rows[index];
      if (wanted === undefined) throw new Error('no Japanese case among the first 200 rows');
      for (const size of SIZES) {
        await screen.page.setViewportSize(size);
        for (const language of LANGUAGES) {
          const t = uiText(language);
          const tag = `${language}-${size.width}`;
          await screen.queue.open(host.url, language);
          expect(await fitsTheWindow(), `${tag} queue`).toBe(true);
          await screen.screenshot(tag, 'queue');

          await screen.page.getByRole('searchbox', { name: t('queue:search.label') }).fill(wanted.customerName);
          await screen.queue.searchResults().locator('[role="row"][data-case-id]').first().waitFor();
          expect(await fitsTheWindow(), `${tag} search`).toBe(true);
          await screen.screenshot(tag, 'search');
          await screen.queue
            .searchResults()
            .locator('[role="row"][data-case-id]')
            .filter({ hasText: wanted.ref })
            .click();
          await screen.page.locator('[data-sla-target]').first().waitFor();
          // The draft from the previous language is still there; start from an empty reply.
          await screen.page.locator('textarea[lang]').first().fill('');
          await screen.insertFirstReply(t('composer:insertReply'), t('composer:picker.title'));
          await screen.page.locator('[data-preview-part]').first().waitFor();
          const send = await screen.button(t('composer:send')).boundingBox();
          expect((send?.y ?? size.height) + (send?.height ?? 0), `${tag} Send in view`).toBeLessThanOrEqual(
            size.height,
          );
          expect(await fitsTheWindow(), `${tag} case`).toBe(true);
          await screen.screenshot(tag, 'case-composer');

          await screen.page
            .getByRole('navigation')
            .getByRole('button', { name: t('app:nav.attention') })
            .click();
          await screen.page.getByRole('heading', { level: 1, name: t('attention:title') }).waitFor();
          expect(await fitsTheWindow(), `${tag} attention`).toBe(true);
          await screen.screenshot(tag, 'attention');
        }
      }
    },
  );
});
