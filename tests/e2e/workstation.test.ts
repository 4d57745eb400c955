import { describe, expect, it } from 'vitest';
import { CasePage } from './pages/CasePage';
import { caseDetail, queueRows, topRow } from './support/storeRows';
import { fixedParts, uiText } from './support/uiText';
import { screenPerFile } from './support/workstationFixture';

// The tests share one workstation (its store keeps what each writes) and read the store when they start.
const { host, screen } = screenPerFile(CasePage);

/** The first case in the default queue order that is a return with a delivered order: its rights clocks run. */
async function firstReturnCase() {
  for (const [index, row] of (await queueRows(host(), 60)).entries()) {
    if (row.type !== 'return_refund') continue;
    const detail = await caseDetail(host(), row.id);
    if (detail.case.order?.deliveredAt !== undefined) return { index, row, detail };
  }
  throw new Error('no delivered return case among the first 60 rows');
}

describe('case view through the web host', () => {
  for (const language of ['zh-CN', 'en', 'ar'] as const) {
    it(`shows the thread, rights, SLA and guidance of a case in ${language}`, async () => {
      const t = uiText(language);
      const { index, row, detail } = await firstReturnCase();
      await screen().openFromQueue(host().url, language, index);
      expect(await screen().heading().innerText()).toContain(row.ref);
      await expect
        .poll(() => screen().threadEntries(t('case:thread.label')).count())
        .toBe(detail.messages.length + detail.notes.length);
      const [localTime = ''] = fixedParts((hole) =>
        t('case:customer.localTime', { time: hole, zone: hole, offset: hole }),
      );
      expect(await screen().page.getByTestId('customer-local-time').innerText()).toContain(localTime.trim());
      await screen().region(t('case:panels.sla')).locator('[data-sla-target]').first().waitFor();
      await screen().region(t('case:panels.guidance')).waitFor();
      const rights = screen().region(t('case:panels.rights'));
      await rights.waitFor();
      // A market without a change-of-mind right lists it as a rule, not as a clock.
      await rights
        .locator('[data-clock-kind="withdrawal_ends"], [data-rights-note="withdrawal_ends"]')
        .first()
        .waitFor();
      expect(await rights.locator('[data-verified]').count()).toBeGreaterThan(0);
      await screen().screenshot(language, 'case');
    });
  }

  it('inserts a canned reply, shows both languages and the checks, and queues the send', async () => {
    const row = await topRow(host());
    await screen().openFromQueue(host().url, 'en');
    await screen().page.keyboard.press('i');
    const picker = screen().dialog('Insert a canned reply');
    await picker.waitFor();
    const options = picker.getByRole('button');
    const optionCount = await options.count();
    expect(optionCount).toBeGreaterThan(0);
    await options.first().click();
    const reply = screen().replyBox(/^Reply to /);
    await expect.poll(async () => (await reply.inputValue()).length).toBeGreaterThan(20);
    // The translation pane shows only when the reply is not in the agent's language (a fallback may be English).
    if ((await reply.getAttribute('lang'))?.startsWith('en'))
      expect(await screen().region('Translation of your reply').count()).toBe(0);
    else await screen().region('Translation of your reply').waitFor();
    await screen().screenshot('en', 'composer');
    expect(
      await screen()
        .findings()
        .evaluateAll((nodes) => nodes.filter((node) => node.classList.contains('MuiAlert-standardError')).length),
    ).toBe(0);

    const sentText = await reply.inputValue();
    await screen().button('Send reply').click();
    await screen().sendState().waitFor();
    // Queued in the outbox at once; "sent" once the embedded central API has accepted it.
    expect(await screen().sendState().getAttribute('data-send-state')).toMatch(/^(queued|sent)$/);
    const after = await caseDetail(host(), row.id);
    const sent = after.messages.filter(
      (message) => message.direction === 'outbound' && message.body === sentText.trim(),
    );
    expect(sent.length).toBe(1);
    expect(await reply.inputValue()).toBe('');
  });

  it('blocks sending when the agent breaks the order number in the customer text', async () => {
    const row = await topRow(host());
    const detail = await caseDetail(host(), row.id);
    const orderId = detail.case.order?.orderId;
    if (orderId === undefined) return;
    await screen().openFromQueue(host().url, 'en');
    await screen().button('Insert canned reply').click();
    const picker = screen().dialog('Insert a canned reply');
    const withOrder = picker.getByRole('button');
    await withOrder.first().click();
    const reply = screen().replyBox(/^Reply to /);
    await expect.poll(async () => (await reply.inputValue()).length).toBeGreaterThan(20);
    const text = await reply.inputValue();
    if (!text.includes(orderId)) return;
    await reply.fill(text.replace(orderId, '11111111111111'));
    await screen().page.locator('[data-finding="order_id_mismatch"]').waitFor();
    expect(await screen().button('Send reply').isDisabled()).toBe(true);
  });

  it('keeps a half-written reply across a page reload', async () => {
    await screen().openFromQueue(host().url, 'en');
    const reply = screen().replyBox(/^Reply to /);
    await reply.fill('Thank you for your patience, we are checking with the warehouse');
    // Drafts are written as the agent types; give IndexedDB its transaction before reloading.
    await screen().page.waitForFunction(
      () =>
        new Promise((resolve) => {
          const open = indexedDB.open('crossdesk-drafts');
          open.onsuccess = () => {
            const request = open.result.transaction('drafts').objectStore('drafts').getAll();
            request.onsuccess = () =>
              resolve(request.result.some((draft: { body: string }) => draft.body.includes('warehouse')));
          };
        }),
    );
    await screen().page.reload();
    await screen().queue.dataRows().first().click();
    await expect
      .poll(() =>
        screen()
          .replyBox(/^Reply to /)
          .inputValue(),
      )
      .toBe('Thank you for your patience, we are checking with the warehouse');
  });

  it('changes status, adds a tag and an internal note, each saved for sync', async () => {
    const row = await topRow(host());
    await screen().openFromQueue(host().url, 'en');
    const before = await caseDetail(host(), row.id);
    await screen().page.getByRole('combobox', { name: 'Status' }).click();
    // The first option is the current status; the others are the transitions the status machine allows.
    await screen().page.getByRole('option').nth(1).click();
    await screen()
      .page.getByText(/^Status set to /)
      .waitFor();
    const tagBox = screen().tagBox('Add tag');
    await tagBox.fill('vip-e2e');
    await tagBox.press('Enter');
    await screen().page.getByText('Tag vip-e2e added.').waitFor();
    await screen().page.keyboard.press('Escape');
    await screen().page.getByRole('tab', { name: 'Internal note' }).click();
    await screen()
      .replyBox(/^Internal note/)
      .fill('Customer called, prefers WeChat');
    await screen().button('Add note').click();
    await screen().page.getByText('Note added').waitFor();
    const after = await caseDetail(host(), row.id);
    expect(after.case.status).not.toBe(before.case.status);
    expect(after.case.tags).toContain('vip-e2e');
    expect(
      after.notes.map((note) => note.body),
      JSON.stringify(after.notes),
    ).toContain('Customer called, prefers WeChat');
  });

  it('opens the shortcuts help with ? and moves to the next case with j', async () => {
    const rows = await queueRows(host(), 2);
    await screen().openFromQueue(host().url, 'en');
    await screen().page.keyboard.press('Shift+?');
    const help = screen().dialog('Keyboard shortcuts');
    await help.waitFor();
    // Let the fade-in finish so the screenshot shows the dialog, not the transition.
    await expect
      .poll(() => help.evaluate((element) => getComputedStyle(element.parentElement ?? element).opacity))
      .toBe('1');
    await screen().screenshot('en', 'shortcuts');
    await screen().page.keyboard.press('Escape');
    await screen().page.keyboard.press('j');
    await expect.poll(() => screen().heading().innerText()).toContain(rows[1]?.ref ?? '?');
  });

  it('finds a case by its customer name as the agent types, and opens it', async () => {
    const wanted = (await queueRows(host(), 5, { sort: 'age' }))[4];
    if (wanted === undefined) throw new Error('demo store too small');
    await screen().queue.open(host().url, 'en');
    await screen().page.keyboard.press('/');
    const box = screen().page.getByRole('searchbox', { name: 'Search cases' });
    await expect.poll(() => box.evaluate((element) => element === document.activeElement)).toBe(true);
    await box.pressSequentially(wanted.customerName);
    const results = screen().page.getByRole('grid', { name: /^Search results/ });
    await results.locator('[role="row"][data-case-id]').filter({ hasText: wanted.ref }).click();
    await expect.poll(() => screen().heading().innerText()).toContain(wanted.ref);
  });

  it('tags every case of a search in one bulk action', async () => {
    const wanted = await topRow(host(), { sort: 'age' });
    await screen().queue.open(host().url, 'en');
    await screen().page.getByRole('searchbox', { name: 'Search cases' }).fill(wanted.customerName);
    const results = screen().page.getByRole('grid', { name: /^Search results/ });
    await results.locator('[role="row"][data-case-id]').filter({ hasText: wanted.ref }).waitFor();
    // Rows are virtual: the grid's row count (less its header) is every result.
    const hitCount = Number(await results.getAttribute('aria-rowcount')) - 1;
    await screen().page.getByRole('checkbox', { name: 'Select all results' }).check();
    const bulk = screen().page.getByRole('toolbar', { name: 'Bulk actions' });
    await bulk.getByRole('textbox', { name: 'Tag' }).fill('bulk-e2e');
    await bulk.getByRole('button', { name: 'Add tag to all' }).click();
    await bulk.getByText(`Applied to ${hitCount} ${hitCount === 1 ? 'case' : 'cases'}. Refused for 0 cases.`).waitFor();
    const detail = await caseDetail(host(), wanted.id);
    expect(detail.case.tags).toContain('bulk-e2e');
  });

  it('shows needs attention, settings and the sync indicator in three languages, without serious axe violations', async () => {
    const seriousViolations = async () => {
      const violations = await screen().queue.accessibilityViolations(['serious', 'critical']);
      expect(violations, JSON.stringify(violations, null, 2)).toEqual([]);
    };
    for (const language of ['zh-CN', 'en', 'ar'] as const) {
      const t = uiText(language);
      await screen().openFromQueue(host().url, language);
      await seriousViolations();
      for (const [nav, title, name] of [
        [t('app:nav.attention'), t('attention:title'), 'attention'],
        [t('app:nav.settings'), t('settings:title'), 'settings'],
      ] as const) {
        await screen().page.getByRole('navigation').getByRole('button', { name: nav }).click();
        await screen().page.getByRole('heading', { level: 1, name: title }).waitFor();
        await screen().screenshot(language, name);
        await seriousViolations();
      }
    }
  });
});
