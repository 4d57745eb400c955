import { beforeEach, describe, expect, it } from 'vitest';
import { CasePage } from './pages/CasePage';
import type { CaseRow } from '../../src-shared/contract/workstation';
import { contractData } from './support/bridgeClient';
import { queueRows } from './support/storeRows';
import type { RunningWebHost } from './support/webHostProcess';
import { screenPerFile } from './support/workstationFixture';

// Issue 14, "the agent's day": what misled or slowed an agent on the screens they use all day.
// One web host for the file: each test reads the store as it finds it and opens its own page.
const file = screenPerFile(CasePage);
let host: RunningWebHost;
let screen: CasePage;
let pageErrors: string[];

beforeEach(() => {
  host = file.host();
  screen = file.screen();
  pageErrors = [];
  screen.page.on('pageerror', (error) => pageErrors.push(error.message));
});

/** The queue position (default view and sort) of the first case that fits. */
async function firstCaseWhere(fits: (row: CaseRow) => boolean, what: string) {
  const rows = await queueRows(host, 200);
  const index = rows.findIndex(fits);
  const row = rows[index];
  if (row === undefined) throw new Error(`no ${what} among the first 200 rows`);
  return { index, row };
}

function firstCaseIn(language: string) {
  return firstCaseWhere((row) => row.locale.split('-')[0] === language, `${language} case`);
}

const REPLY = /^Reply to /;
const TRANSLATION = 'Translation of your reply';

describe('composer: what is sent is what the agent sees', () => {
  it('follows an edited canned reply in the translation and marks the sentence it cannot translate', async () => {
    const { index } = await firstCaseIn('ja');
    await screen.openFromQueue(host.url, 'en', index);
    await screen.insertFirstReply('Insert canned reply', 'Insert a canned reply');
    const reply = screen.replyBox(REPLY);
    await expect.poll(async () => (await reply.inputValue()).length).toBeGreaterThan(20);
    const translated = screen.translationParts(TRANSLATION, 'translated');
    await translated.first().waitFor();
    expect(await screen.translationParts(TRANSLATION, 'edited').count()).toBe(0);
    const before = await translated.allInnerTexts();

    const promise = '3日以内に返金いたします。';
    const paragraphs = (await reply.inputValue()).split('\n\n');
    const changed = paragraphs.map((paragraph, at) => (at === 1 ? `${paragraph}${promise}` : paragraph));
    await reply.fill(changed.join('\n\n'));
    const edited = screen.translationParts(TRANSLATION, 'edited');
    await edited.first().waitFor();
    expect(await screen.translation(TRANSLATION).innerText()).toContain('Edited: not translated');
    expect((await edited.allInnerTexts()).join('\n')).toContain(promise);
    // What is still translated is the canned reply's own translation of untouched paragraphs, and less of it.
    const after = await translated.allInnerTexts();
    expect(after.length).toBeLessThan(before.length);
    expect(after.every((text) => before.includes(text))).toBe(true);
    await screen.screenshot('en', 'composer-edited');
    expect(pageErrors).toEqual([]);
  });

  it('inserts a canned reply after what the agent typed, and Ctrl+Z brings the typed text back', async () => {
    const { index } = await firstCaseIn('ja');
    await screen.openFromQueue(host.url, 'en', index);
    const reply = screen.replyBox(REPLY);
    const typed = 'I have checked the invoice you sent.';
    await reply.fill(typed);
    await screen.insertFirstReply('Insert canned reply', 'Insert a canned reply');
    await expect.poll(async () => (await reply.inputValue()).length).toBeGreaterThan(typed.length + 20);
    expect((await reply.inputValue()).startsWith(`${typed}\n\n`)).toBe(true);
    await reply.press('Control+z');
    await expect.poll(() => reply.inputValue()).toBe(typed);
  });
});

describe('limits are said before they are hit, in a sentence', () => {
  it('counts a pasted 50,000 or 300,000 character reply against its limit and does not send it', async () => {
    await screen.openFromQueue(host.url, 'en');
    const reply = screen.replyBox(REPLY);
    await reply.fill('a'.repeat(18_500));
    await screen.page.getByText('18,500 / 20,000 characters').waitFor();
    for (const length of [50_000, 300_000]) {
      await reply.fill('b'.repeat(length));
      await screen.page
        .getByText(
          `The reply has ${length.toLocaleString('en')} characters; the limit is 20,000. Shorten it to continue.`,
        )
        .waitFor();
      expect(await screen.button('Send reply').isDisabled()).toBe(true);
    }
    expect(await screen.page.getByText('✖').count()).toBe(0);
    expect(pageErrors).toEqual([]);
  });

  it('refuses an over-long search text and tag with a sentence naming the field and the limit', async () => {
    await screen.queue.open(host.url, 'en');
    await screen.page.getByRole('searchbox', { name: 'Search cases' }).fill('x'.repeat(300));
    await screen.page
      .getByText('The search text has 300 characters; the limit is 200. Shorten it to continue.')
      .waitFor();
    expect(await screen.page.getByText(/Search failed|✖/).count()).toBe(0);
    await screen.page.getByRole('searchbox', { name: 'Search cases' }).fill('');
    await screen.queue.dataRows().first().dblclick();
    const tagBox = screen.replyBox('Add tag');
    await tagBox.fill('t'.repeat(300));
    await tagBox.press('Enter');
    await screen.page.getByText('A tag can have at most 64 characters; this one has 300.').waitFor();
    expect(pageErrors).toEqual([]);
  });
});

describe('urgency reads the same everywhere', () => {
  it('shows a breaching-soon case amber in the queue and "Breaching soon" in its own SLA panel', async () => {
    const rows = await queueRows(host, 200, { view: 'breaching_soon' });
    // More than an hour left: the queue used to colour only the last hour and the panel said "On track".
    const wanted = rows.find((row) => row.slaDueAt !== null && Date.parse(row.slaDueAt) - Date.now() > 90 * 60_000);
    if (wanted === undefined) throw new Error('no breaching-soon case with more than 90 minutes left');
    await screen.queue.open(host.url, 'en');
    await screen.queue.viewTab(/^Breaching soon/).click();
    const row = screen.queue.rowByRef(wanted.ref);
    await expect.poll(() => row.locator('[data-sla-state]').getAttribute('data-sla-state')).toBe('warning');
    await row.dblclick();
    const panel = screen.region('Service targets');
    const warning = panel.locator('[data-sla-state="warning"]');
    await warning.first().waitFor();
    expect(await warning.first().innerText()).toContain('Breaching soon');
  });
});

describe('the rights panel says what applies', () => {
  it("lists Australia's missing change-of-mind right as a rule, not a clock", async () => {
    const { index } = await firstCaseWhere(
      (row) => row.market === 'AU' && ['return_refund', 'exchange'].includes(row.type),
      'Australian return',
    );
    await screen.openFromQueue(host.url, 'en', index);
    const rights = screen.region("Customer's statutory rights");
    await rights.locator('[data-rights-note="withdrawal_ends"]').waitFor();
    expect(await rights.locator('[data-clock-kind="withdrawal_ends"]').count()).toBe(0);
    expect(await rights.getByText('Not running').count()).toBe(0);
  });

  it('says what applies to a defect for a Japanese return, and that the source is what is verified', async () => {
    const { index } = await firstCaseWhere(
      (row) => row.market === 'JP' && ['return_refund', 'complaint'].includes(row.type),
      'Japanese return or complaint',
    );
    await screen.openFromQueue(host.url, 'en', index);
    const rights = screen.region("Customer's statutory rights");
    await rights.locator('[data-rights-note="guarantee"]').waitFor();
    expect(await rights.locator('[data-rights-note="guarantee"]').innerText()).toContain('non-conformity');
    expect(await rights.getByText(/^Source (verified|not verified)$/).count()).toBeGreaterThan(0);
    expect(await rights.getByText(/^Verified$/).count()).toBe(0);
  });
});

describe('the case view keeps the conversation and the tools on screen', () => {
  it('keeps the thread and Send in view at 1280x720 with a canned reply and its translation', async () => {
    await screen.page.setViewportSize({ width: 1280, height: 720 });
    const { index } = await firstCaseIn('ja');
    await screen.openFromQueue(host.url, 'en', index);
    await screen.insertFirstReply('Insert canned reply', 'Insert a canned reply');
    await screen.translationParts(TRANSLATION, 'translated').first().waitFor();
    const send = await screen.button('Send reply').boundingBox();
    expect(send).not.toBeNull();
    expect((send?.y ?? 720) + (send?.height ?? 0)).toBeLessThanOrEqual(720);
    const thread = await screen.thread('Conversation and internal notes').boundingBox();
    expect(thread?.height ?? 0).toBeGreaterThanOrEqual(100);
    expect((thread?.y ?? 720) + 100).toBeLessThanOrEqual(720);
    await screen.screenshot('en', 'case-1280');
  });

  it('puts the order above the rules and folds the etiquette to its first notes', async () => {
    const { index } = await firstCaseWhere((row) => row.market === 'JP', 'Japanese case');
    await screen.openFromQueue(host.url, 'en', index);
    const side = screen.page.getByRole('complementary');
    const headings = await side.getByRole('heading', { level: 2 }).allInnerTexts();
    expect(headings.indexOf('Order')).toBeGreaterThan(-1);
    expect(headings.indexOf('Order')).toBeLessThan(headings.indexOf('Service targets'));
    const guidance = screen.region('Writing to this customer');
    expect(await guidance.locator('dt').count()).toBeLessThanOrEqual(3);
    await guidance.getByRole('button', { name: /^Show \d+ more notes?$/ }).click();
    expect(await guidance.locator('dt').count()).toBeGreaterThan(3);
  });

  it("says who owns the case, and signs the agent's reply in the thread with their name", async () => {
    const session = await contractData(host, 'session:get', {});
    const { index } = await firstCaseWhere(
      (row) => row.assigneeId === null && row.status !== 'closed',
      'unassigned case',
    );
    await screen.openFromQueue(host.url, 'en', index);
    await screen.page.getByText('Unassigned', { exact: true }).waitFor();
    await screen.button('Take this case').click();
    await screen.page.getByText('Assigned to you', { exact: true }).waitFor();
    const reply = screen.replyBox(REPLY);
    await reply.fill('Thank you, we are on it.');
    await screen.button('Send reply').click();
    const thread = screen.thread('Conversation and internal notes');
    const mine = thread.locator('[data-thread-kind="outbound"]').last();
    await expect.poll(() => mine.innerText()).toContain('Thank you, we are on it.');
    expect(await mine.innerText()).toContain(session.user?.displayName ?? '?');
  });
});

describe('the case just left stays reachable', () => {
  it('reopens the last case from the Case entry after going back to the queue', async () => {
    const { index } = await firstCaseWhere(() => true, 'case');
    await screen.queue.open(host.url, 'en');
    const caseEntry = screen.page.getByRole('navigation').getByRole('button', { name: 'Case' });
    expect(await caseEntry.isDisabled()).toBe(true);
    await screen.openFromQueue(host.url, 'en', index);
    // The case that was opened, whatever the queue's order was by then (earlier tests in this file change cases).
    const openedRef = /CD-\d+/.exec(await screen.heading().innerText())?.[0];
    expect(openedRef).toBeDefined();
    await screen.page.getByRole('navigation').getByRole('button', { name: 'Queue' }).click();
    await screen.queue.dataRows().first().waitFor();
    expect(await caseEntry.isDisabled()).toBe(false);
    await caseEntry.click();
    await expect.poll(() => screen.heading().innerText()).toContain(openedRef!);
  });
});

describe('keyboard', () => {
  it('sends with Ctrl+Enter, and not while a check blocks the reply', async () => {
    const { index } = await firstCaseIn('en');
    await screen.openFromQueue(host.url, 'en', index);
    const reply = screen.replyBox(REPLY);
    await reply.fill('x'.repeat(20_001));
    await reply.press('Control+Enter');
    expect(await screen.sendState().count()).toBe(0);
    await reply.fill('Thanks, the replacement left our warehouse today.');
    await reply.press('Control+Enter');
    await screen.sendState().waitFor();
    await expect.poll(() => reply.inputValue()).toBe('');
  });
});
