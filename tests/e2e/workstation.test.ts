import { beforeEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { QueuePageSchema } from '../../src-shared/contract/workstation';
import { CasePage } from './pages/CasePage';
import { callContract, contractData } from './support/bridgeClient';
import type { RunningWebHost } from './support/webHostProcess';
import { startWorkstation, workstationPerTest } from './support/workstationFixture';

const ListSchema = z.object({ ok: z.literal(true), data: QueuePageSchema });

const workstation = workstationPerTest(startWorkstation);
let host: RunningWebHost;
let screen: CasePage;

beforeEach(() => {
  host = workstation().host;
  screen = new CasePage(workstation().page);
});

async function firstRow() {
  const row = (await contractData(host, 'cases:list', { view: 'all', sort: 'sla', limit: 1 })).rows[0];
  if (row === undefined) throw new Error('demo store is empty');
  return row;
}

/** The first case in the default queue order that is a return with a delivered order: its rights clocks run. */
async function firstReturnCase() {
  const { rows } = await contractData(host, 'cases:list', { view: 'all', sort: 'sla', limit: 60 });
  for (const [index, row] of rows.entries()) {
    if (row.type !== 'return_refund') continue;
    const detail = await detailOf(row.id);
    if (detail.case.order?.deliveredAt !== undefined) return { index, row, detail };
  }
  throw new Error('no delivered return case among the first 60 rows');
}

async function detailOf(caseId: string) {
  return contractData(host, 'cases:get', { caseId });
}

const SCREENS = [
  {
    language: 'zh-CN',
    rights: '客户的法定权利',
    sla: '服务时限',
    guidance: '如何与该客户沟通',
    thread: '会话与内部备注',
    localTime: '当地时间',
  },
  {
    language: 'en',
    rights: "Customer's statutory rights",
    sla: 'Service targets',
    guidance: 'Writing to this customer',
    thread: 'Conversation and internal notes',
    localTime: 'Local time',
  },
  {
    language: 'ar',
    rights: 'الحقوق القانونية للعميل',
    sla: 'أهداف الخدمة',
    guidance: 'الكتابة لهذا العميل',
    thread: 'المحادثة والملاحظات الداخلية',
    localTime: 'الوقت المحلي',
  },
] as const;

describe('case view through the web host', () => {
  for (const names of SCREENS) {
    it(`shows the thread, rights, SLA and guidance of a case in ${names.language}`, async () => {
      const { index, row, detail } = await firstReturnCase();
      await screen.openFromQueue(host.url, names.language, index);
      expect(await screen.heading().innerText()).toContain(row.ref);
      await expect
        .poll(() => screen.threadEntries(names.thread).count())
        .toBe(detail.messages.length + detail.notes.length);
      expect(await screen.page.getByTestId('customer-local-time').innerText()).toContain(names.localTime);
      await screen.region(names.sla).locator('[data-sla-target]').first().waitFor();
      await screen.region(names.guidance).waitFor();
      const rights = screen.region(names.rights);
      await rights.waitFor();
      // A market without a change-of-mind right lists it as a rule, not as a clock.
      await rights
        .locator('[data-clock-kind="withdrawal_ends"], [data-rights-note="withdrawal_ends"]')
        .first()
        .waitFor();
      expect(await rights.locator('[data-verified]').count()).toBeGreaterThan(0);
      await screen.screenshot(names.language, 'case');
    });
  }

  it('inserts a canned reply, shows both languages and the checks, and queues the send', async () => {
    const row = await firstRow();
    await screen.openFromQueue(host.url, 'en');
    await screen.page.keyboard.press('i');
    const picker = screen.dialog('Insert a canned reply');
    await picker.waitFor();
    const options = picker.getByRole('button');
    const optionCount = await options.count();
    expect(optionCount).toBeGreaterThan(0);
    await options.first().click();
    const reply = screen.replyBox(/^Reply to /);
    await expect.poll(async () => (await reply.inputValue()).length).toBeGreaterThan(20);
    // The translation pane shows only when the reply is not in the agent's language (a fallback may be English).
    if ((await reply.getAttribute('lang'))?.startsWith('en'))
      expect(await screen.region('Translation of your reply').count()).toBe(0);
    else await screen.region('Translation of your reply').waitFor();
    await screen.screenshot('en', 'composer');
    expect(
      await screen
        .findings()
        .evaluateAll((nodes) => nodes.filter((node) => node.classList.contains('MuiAlert-standardError')).length),
    ).toBe(0);

    const sentText = await reply.inputValue();
    await screen.button('Send reply').click();
    await screen.sendState().waitFor();
    // Queued in the outbox at once; "sent" once the embedded central API has accepted it.
    expect(await screen.sendState().getAttribute('data-send-state')).toMatch(/^(queued|sent)$/);
    const after = await detailOf(row.id);
    const sent = after.messages.filter(
      (message) => message.direction === 'outbound' && message.body === sentText.trim(),
    );
    expect(sent.length).toBe(1);
    expect(await reply.inputValue()).toBe('');
  });

  it('blocks sending when the agent breaks the order number in the customer text', async () => {
    const row = await firstRow();
    const detail = await detailOf(row.id);
    const orderId = detail.case.order?.orderId;
    if (orderId === undefined) return;
    await screen.openFromQueue(host.url, 'en');
    await screen.button('Insert canned reply').click();
    const picker = screen.dialog('Insert a canned reply');
    const withOrder = picker.getByRole('button');
    await withOrder.first().click();
    const reply = screen.replyBox(/^Reply to /);
    await expect.poll(async () => (await reply.inputValue()).length).toBeGreaterThan(20);
    const text = await reply.inputValue();
    if (!text.includes(orderId)) return;
    await reply.fill(text.replace(orderId, '11111111111111'));
    await screen.page.locator('[data-finding="order_id_mismatch"]').waitFor();
    expect(await screen.button('Send reply').isDisabled()).toBe(true);
  });

  it('keeps a half-written reply across a page reload', async () => {
    await screen.openFromQueue(host.url, 'en');
    const reply = screen.replyBox(/^Reply to /);
    await reply.fill('Thank you for your patience, we are checking with the warehouse');
    // Drafts are written as the agent types; give IndexedDB its transaction before reloading.
    await screen.page.waitForFunction(
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
    await screen.page.reload();
    await screen.queue.dataRows().first().dblclick();
    await expect
      .poll(() => screen.replyBox(/^Reply to /).inputValue())
      .toBe('Thank you for your patience, we are checking with the warehouse');
  });

  it('changes status, adds a tag and an internal note, each saved for sync', async () => {
    const row = await firstRow();
    await screen.openFromQueue(host.url, 'en');
    const before = await detailOf(row.id);
    await screen.page.getByRole('combobox', { name: 'Status' }).click();
    // The first option is the current status; the others are the transitions the status machine allows.
    await screen.page.getByRole('option').nth(1).click();
    await screen.page.getByText(/^Status set to /).waitFor();
    const tagBox = screen.replyBox('Add tag');
    await tagBox.fill('vip-e2e');
    await tagBox.press('Enter');
    await screen.page.getByText('Tag vip-e2e added.').waitFor();
    await screen.page.keyboard.press('Escape');
    await screen.page.getByRole('tab', { name: 'Internal note' }).click();
    await screen.replyBox(/^Internal note/).fill('Customer called, prefers WeChat');
    await screen.button('Add note').click();
    await screen.page.getByText('Note added').waitFor();
    const after = await detailOf(row.id);
    expect(after.case.status).not.toBe(before.case.status);
    expect(after.case.tags).toContain('vip-e2e');
    expect(
      after.notes.map((note) => note.body),
      JSON.stringify(after.notes),
    ).toContain('Customer called, prefers WeChat');
  });

  it('opens the shortcuts help with ? and moves to the next case with j', async () => {
    const rows = ListSchema.parse(await callContract(host, 'cases:list', { view: 'all', sort: 'sla', limit: 2 })).data
      .rows;
    await screen.openFromQueue(host.url, 'en');
    await screen.page.keyboard.press('Shift+?');
    const help = screen.dialog('Keyboard shortcuts');
    await help.waitFor();
    // Let the fade-in finish so the screenshot shows the dialog, not the transition.
    await expect
      .poll(() => help.evaluate((element) => getComputedStyle(element.parentElement ?? element).opacity))
      .toBe('1');
    await screen.screenshot('en', 'shortcuts');
    await screen.page.keyboard.press('Escape');
    await screen.page.keyboard.press('j');
    await expect.poll(() => screen.heading().innerText()).toContain(rows[1]?.ref ?? '?');
  });

  it('finds a case by its customer name as the agent types, and opens it', async () => {
    const rows = ListSchema.parse(await callContract(host, 'cases:list', { view: 'all', sort: 'age', limit: 5 })).data
      .rows;
    const wanted = rows[4];
    if (wanted === undefined) throw new Error('demo store too small');
    await screen.queue.open(host.url, 'en');
    await screen.page.keyboard.press('/');
    const box = screen.page.getByRole('searchbox', { name: 'Search cases' });
    await expect.poll(() => box.evaluate((element) => element === document.activeElement)).toBe(true);
    await box.pressSequentially(wanted.customerName);
    const results = screen.page.getByRole('list', { name: /^Search results/ });
    await results.getByRole('button', { name: new RegExp(wanted.ref) }).click();
    await expect.poll(() => screen.heading().innerText()).toContain(wanted.ref);
  });

  it('tags every case of a search in one bulk action', async () => {
    const rows = ListSchema.parse(await callContract(host, 'cases:list', { view: 'all', sort: 'age', limit: 1 })).data
      .rows;
    const wanted = rows[0];
    if (wanted === undefined) throw new Error('demo store is empty');
    await screen.queue.open(host.url, 'en');
    await screen.page.getByRole('searchbox', { name: 'Search cases' }).fill(wanted.customerName);
    const results = screen.page.getByRole('list', { name: /^Search results/ });
    await results.getByRole('button', { name: new RegExp(wanted.ref) }).waitFor();
    const hitCount = await results.getByRole('listitem').count();
    await screen.page.getByRole('checkbox', { name: 'Select all results' }).check();
    const bulk = screen.page.getByRole('toolbar', { name: 'Bulk actions' });
    await bulk.getByRole('textbox', { name: 'Tag' }).fill('bulk-e2e');
    await bulk.getByRole('button', { name: 'Add tag to all' }).click();
    await bulk.getByText(`Applied to ${hitCount} ${hitCount === 1 ? 'case' : 'cases'}. Refused for 0 cases.`).waitFor();
    const detail = await detailOf(wanted.id);
    expect(detail.case.tags).toContain('bulk-e2e');
  });

  it('shows needs attention, settings and the sync indicator in three languages, without serious axe violations', async () => {
    const labels = {
      'zh-CN': { attention: '待处理问题', settings: '设置' },
      en: { attention: 'Needs attention', settings: 'Settings' },
      ar: { attention: 'بحاجة إلى متابعة', settings: 'الإعدادات' },
    } as const;
    for (const [language, names] of Object.entries(labels)) {
      await screen.openFromQueue(host.url, language);
      const caseViolations = await screen.queue.accessibilityViolations(['serious', 'critical']);
      expect(caseViolations, JSON.stringify(caseViolations, null, 2)).toEqual([]);
      await screen.page.getByRole('navigation').getByRole('button', { name: names.attention }).click();
      await screen.page.getByRole('heading', { level: 1, name: names.attention }).waitFor();
      await screen.screenshot(language, 'attention');
      const attentionViolations = await screen.queue.accessibilityViolations(['serious', 'critical']);
      expect(attentionViolations, JSON.stringify(attentionViolations, null, 2)).toEqual([]);
      await screen.page.getByRole('navigation').getByRole('button', { name: names.settings }).click();
      await screen.page.getByRole('heading', { level: 1, name: names.settings }).waitFor();
      await screen.screenshot(language, 'settings');
      const settingsViolations = await screen.queue.accessibilityViolations(['serious', 'critical']);
      expect(settingsViolations, JSON.stringify(settingsViolations, null, 2)).toEqual([]);
    }
  });
});
