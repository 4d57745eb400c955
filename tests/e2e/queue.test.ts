import { describe, expect, it } from 'vitest';
import { QueuePage } from './pages/QueuePage';
import { callContract, contractData } from './support/bridgeClient';
import { queueRows, topRow } from './support/storeRows';
import { uiText } from './support/uiText';
import { UNREACHABLE_SERVER_URL, startWebHostProcess } from './support/webHostProcess';
import { screenPerFile } from './support/workstationFixture';

// The tests share one workstation (its store keeps what each writes) and read the store when they start.
const { host, screen: queue } = screenPerFile(QueuePage);

const LANGUAGES = [
  { language: 'zh-CN', dir: 'ltr' },
  { language: 'en', dir: 'ltr' },
  { language: 'ar', dir: 'rtl' },
] as const;

describe('queue screen through the web host', () => {
  for (const { language, dir } of LANGUAGES) {
    it(`shows the demo store's cases in ${language}`, async () => {
      const t = uiText(language);
      await queue().open(host().url, language);
      expect(await queue().documentLanguage()).toEqual({ lang: language, dir });
      expect(await queue().columnHeaders().nth(1).innerText()).toBe(t('queue:columns.customer'));
      // The tab's name is the view's name and its count.
      const allTab = queue().viewTab(new RegExp(`^${t('queue:views.all')}`));
      await expect.poll(() => allTab.getAttribute('aria-selected')).toBe('true');

      const expected = await queueRows(host(), 5);
      expect(expected.length).toBe(5);
      const shown = await queue().rowTexts(5);
      shown.forEach((text, index) => {
        const row = expected[index];
        expect(text).toContain(row?.ref);
        expect(text).toContain(row?.customerName);
        expect(text).toContain(row?.market);
      });
      await queue().screenshot(language, 'queue');
    });
  }

  it('starts in the saved UI language, switches from the app bar, flips to right-to-left and remembers it', async () => {
    const saved = await contractData(host(), 'settings:get', {});
    await queue().open(host().url);
    expect((await queue().documentLanguage()).lang).toBe(saved.uiLocale);
    await queue().switchLanguage('English');
    await expect.poll(() => queue().documentLanguage()).toEqual({ lang: 'en', dir: 'ltr' });
    await queue().switchLanguage('العربية');
    await expect.poll(() => queue().documentLanguage()).toEqual({ lang: 'ar', dir: 'rtl' });
    expect(await queue().columnHeaders().nth(1).innerText()).toBe(uiText('ar')('queue:columns.customer'));
    const gridBox = await queue().grid().boundingBox();
    const navBox = await queue().page.getByRole('navigation').boundingBox();
    // In Arabic the navigation sits on the right of the queue, not the left.
    expect(navBox?.x ?? 0).toBeGreaterThan(gridBox?.x ?? Infinity);

    await queue().page.reload();
    await queue().dataRows().first().waitFor();
    expect(await queue().documentLanguage()).toEqual({ lang: 'ar', dir: 'rtl' });
  });

  it('moves through the rows with the keyboard and opens the active case', async () => {
    await queue().open(host().url, 'en');
    const expected = await queueRows(host(), 3);
    await queue().grid().focus();
    expect(await queue().activeRowId()).toBe(`queue-row-${expected[0]?.id}`);
    await queue().page.keyboard.press('ArrowDown');
    await queue().page.keyboard.press('ArrowDown');
    expect(await queue().activeRowId()).toBe(`queue-row-${expected[2]?.id}`);
    await queue().page.keyboard.press('ArrowUp');
    expect(await queue().activeRowId()).toBe(`queue-row-${expected[1]?.id}`);
    await queue().page.keyboard.press('Enter');
    await expect
      .poll(() => queue().page.getByRole('heading', { level: 1 }).innerText())
      .toContain(expected[1]?.ref ?? '?');
  });

  it('marks a row with unsent changes as soon as a local write lands', async () => {
    // A desk of its own that is offline, so the change stays unsent (online, sync could deliver it before
    // the page looks) and the shared store is not touched.
    const offline = await startWebHostProcess({ serverUrl: UNREACHABLE_SERVER_URL });
    await queue().open(offline.url, 'en');
    const first = await topRow(offline);
    const row = queue()
      .dataRows()
      .filter({ has: queue().page.getByText(first.ref) });
    const unsent = row.getByRole('img', { name: uiText('en')('queue:pending') });
    await expect.poll(() => unsent.count()).toBe(0);
    const write = await callContract(offline, 'cases:addTag', { caseId: first.id, tag: 'e2e-follow-up' });
    expect(write).toMatchObject({ ok: true });
    // No reload: the core's cases:changed event reaches the page over the bridge.
    await expect.poll(() => unsent.count()).toBe(1);
  });

  it('has no serious or critical accessibility violations on the queue', async () => {
    for (const language of ['en', 'ar']) {
      await queue().open(host().url, language);
      const violations = await queue().accessibilityViolations(['serious', 'critical']);
      expect(violations, JSON.stringify(violations, null, 2)).toEqual([]);
    }
  });
});
