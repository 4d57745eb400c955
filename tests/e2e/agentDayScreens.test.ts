import { beforeEach, describe, expect, it } from 'vitest';
import { CasePage } from './pages/CasePage';
import { contractData } from './support/bridgeClient';
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

const LANGUAGES = [
  {
    language: 'zh-CN',
    insert: '插入快捷回复',
    picker: '插入快捷回复',
    send: '发送回复',
    search: '搜索工单',
    attention: '待处理问题',
  },
  {
    language: 'en',
    insert: 'Insert canned reply',
    picker: 'Insert a canned reply',
    send: 'Send reply',
    search: 'Search cases',
    attention: 'Needs attention',
  },
  {
    language: 'ar',
    insert: 'إدراج رد جاهز',
    picker: 'إدراج رد جاهز',
    send: 'إرسال الرد',
    search: 'البحث في الحالات',
    attention: 'بحاجة إلى متابعة',
  },
] as const;
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
      const { rows } = await contractData(host, 'cases:list', { view: 'all', sort: 'sla', limit: 200 });
      const index = rows.findIndex((row) => row.locale.startsWith('ja'));
      const wanted = rows[index];
      if (wanted === undefined) throw new Error('no Japanese case among the first 200 rows');
      for (const size of SIZES) {
        await screen.page.setViewportSize(size);
        for (const names of LANGUAGES) {
          const tag = `${names.language}-${size.width}`;
          await screen.queue.open(host.url, names.language);
          expect(await fitsTheWindow(), `${tag} queue`).toBe(true);
          await screen.screenshot(tag, 'queue');

          await screen.page.getByRole('searchbox', { name: names.search }).fill(wanted.customerName);
          await screen.page.getByRole('list', { name: /.+/ }).getByRole('button').first().waitFor();
          expect(await fitsTheWindow(), `${tag} search`).toBe(true);
          await screen.screenshot(tag, 'search');
          await screen.page
            .getByRole('list', { name: /.+/ })
            .getByRole('button', { name: new RegExp(wanted.ref) })
            .click();
          await screen.page.locator('[data-sla-target]').first().waitFor();
          // The draft from the previous language is still there; start from an empty reply.
          await screen.page.getByRole('textbox', { name: /.+/ }).and(screen.page.locator('textarea[lang]')).fill('');
          await screen.insertFirstReply(names.insert, names.picker);
          await screen.page.locator('[data-preview-part]').first().waitFor();
          const send = await screen.button(names.send).boundingBox();
          expect((send?.y ?? size.height) + (send?.height ?? 0), `${tag} Send in view`).toBeLessThanOrEqual(
            size.height,
          );
          expect(await fitsTheWindow(), `${tag} case`).toBe(true);
          await screen.screenshot(tag, 'case-composer');

          await screen.page.getByRole('navigation').getByRole('button', { name: names.attention }).click();
          await screen.page.getByRole('heading', { level: 1, name: names.attention }).waitFor();
          expect(await fitsTheWindow(), `${tag} attention`).toBe(true);
          await screen.screenshot(tag, 'attention');
        }
      }
    },
  );
});
