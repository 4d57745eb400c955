import { beforeEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { SettingsSchema } from '../../src-shared/contract/workstation';
import { QueuePage } from './pages/QueuePage';
import { callContract, contractData } from './support/bridgeClient';
import { UNREACHABLE_SERVER_URL, startWebHostProcess, type RunningWebHost } from './support/webHostProcess';
import { startWorkstation, workstationPerTest } from './support/workstationFixture';

const workstation = workstationPerTest(startWorkstation);
let host: RunningWebHost;
let queue: QueuePage;

beforeEach(() => {
  host = workstation().host;
  queue = new QueuePage(workstation().page);
});

/** What the store returns for the screen's default view, fetched through the same contract. */
async function firstRowsFromStore(count: number) {
  return (await contractData(host, 'cases:list', { view: 'all', sort: 'sla', limit: count })).rows;
}

const LANGUAGES = [
  { language: 'zh-CN', dir: 'ltr', customerHeader: '客户', allTab: /全部工单/ },
  { language: 'en', dir: 'ltr', customerHeader: 'Customer', allTab: /All cases/ },
  { language: 'ar', dir: 'rtl', customerHeader: 'العميل', allTab: /كل الحالات/ },
] as const;

describe('queue screen through the web host', () => {
  for (const { language, dir, customerHeader, allTab } of LANGUAGES) {
    it(`shows the demo store's cases in ${language}`, async () => {
      await queue.open(host.url, language);
      expect(await queue.documentLanguage()).toEqual({ lang: language, dir });
      expect(await queue.columnHeaders().nth(1).innerText()).toBe(customerHeader);
      await expect.poll(() => queue.viewTab(allTab).getAttribute('aria-selected')).toBe('true');

      const expected = await firstRowsFromStore(5);
      expect(expected.length).toBe(5);
      const shown = await queue.rowTexts(5);
      shown.forEach((text, index) => {
        const row = expected[index];
        expect(text).toContain(row?.ref);
        expect(text).toContain(row?.customerName);
        expect(text).toContain(row?.market);
      });
      await queue.screenshot(language, 'queue');
    });
  }

  it('starts in the saved UI language, switches from the app bar, flips to right-to-left and remembers it', async () => {
    const saved = z
      .object({ ok: z.literal(true), data: SettingsSchema })
      .parse(await callContract(host, 'settings:get', {}));
    await queue.open(host.url);
    expect((await queue.documentLanguage()).lang).toBe(saved.data.uiLocale);
    await queue.switchLanguage('English');
    await expect.poll(() => queue.documentLanguage()).toEqual({ lang: 'en', dir: 'ltr' });
    await queue.switchLanguage('العربية');
    await expect.poll(() => queue.documentLanguage()).toEqual({ lang: 'ar', dir: 'rtl' });
    expect(await queue.columnHeaders().nth(1).innerText()).toBe('العميل');
    const gridBox = await queue.grid().boundingBox();
    const navBox = await queue.page.getByRole('navigation').boundingBox();
    // In Arabic the navigation sits on the right of the queue, not the left.
    expect(navBox?.x ?? 0).toBeGreaterThan(gridBox?.x ?? Infinity);

    await queue.page.reload();
    await queue.dataRows().first().waitFor();
    expect(await queue.documentLanguage()).toEqual({ lang: 'ar', dir: 'rtl' });
  });

  it('moves through the rows with the keyboard and opens the active case', async () => {
    await queue.open(host.url, 'en');
    const expected = await firstRowsFromStore(3);
    await queue.grid().focus();
    expect(await queue.activeRowId()).toBe(`queue-row-${expected[0]?.id}`);
    await queue.page.keyboard.press('ArrowDown');
    await queue.page.keyboard.press('ArrowDown');
    expect(await queue.activeRowId()).toBe(`queue-row-${expected[2]?.id}`);
    await queue.page.keyboard.press('ArrowUp');
    expect(await queue.activeRowId()).toBe(`queue-row-${expected[1]?.id}`);
    await queue.page.keyboard.press('Enter');
    await expect
      .poll(() => queue.page.getByRole('heading', { level: 1 }).innerText())
      .toContain(expected[1]?.ref ?? '?');
  });

  it('marks a row with unsent changes as soon as a local write lands', async () => {
    // Offline, so the change stays unsent (online, sync could deliver it before the page looks).
    await host.stop();
    host = await startWebHostProcess({ serverUrl: UNREACHABLE_SERVER_URL });
    await queue.open(host.url, 'en');
    const [first] = await firstRowsFromStore(1);
    if (first === undefined) throw new Error('the demo store has no cases');
    const row = queue.dataRows().filter({ has: queue.page.getByText(first.ref) });
    await expect.poll(() => row.getByRole('img', { name: 'Unsent changes' }).count()).toBe(0);
    const write = await callContract(host, 'cases:addTag', { caseId: first.id, tag: 'e2e-follow-up' });
    expect(write).toMatchObject({ ok: true });
    // No reload: the core's cases:changed event reaches the page over the bridge.
    await expect.poll(() => row.getByRole('img', { name: 'Unsent changes' }).count()).toBe(1);
  });

  it('has no serious or critical accessibility violations on the queue', async () => {
    for (const language of ['en', 'ar']) {
      await queue.open(host.url, language);
      const violations = await queue.accessibilityViolations(['serious', 'critical']);
      expect(violations, JSON.stringify(violations, null, 2)).toEqual([]);
    }
  });
});
