import { beforeEach, describe, expect, it } from 'vitest';
import { CasePage } from './pages/CasePage';
import type { CaseRow } from '../../src-shared/contract/workstation';
import { priorityReason } from '../../src-shared/domain/priorityReason';
import { contractData } from './support/bridgeClient';
import { caseDetail, queueRows } from './support/storeRows';
import { uiText } from './support/uiText';
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
    await screen.queue.dataRows().first().click();
    const tagBox = screen.tagBox('Add tag');
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
    await row.click();
    const panel = screen.region('Service targets');
    const warning = panel.locator('[data-sla-state="warning"]');
    await warning.first().waitFor();
    expect(await warning.first().innerText()).toContain('Breaching soon');
  });
});

describe('the reason for a high priority is on screen', () => {
  it('says why a high or urgent case is so, in its queue row and in the case', async () => {
    const { row } = await firstCaseWhere((candidate) => priorityReason(candidate) !== null, 'high or urgent case');
    const reason = priorityReason(row);
    if (reason === null) throw new Error('unreachable');
    const t = uiText('en');
    await screen.queue.open(host.url, 'en');
    const queueReason = screen.queue.rowByRef(row.ref).locator('[data-priority-reason]');
    await expect.poll(() => queueReason.innerText()).toBe(t(`domain:priorityReason.short.${reason.kind}`));
    await screen.queue.rowByRef(row.ref).click();
    await screen.heading().filter({ hasText: row.ref }).waitFor();
    const events = (await caseDetail(host, row.id)).events;
    const inCase = priorityReason(row, events);
    const caseReason = screen.page.locator(`[data-priority-reason="${inCase?.kind ?? '?'}"]`);
    expect(await caseReason.innerText()).toContain(
      inCase?.kind === 'changed' ? 'set by' : t(`domain:priorityReason.long.${inCase?.kind ?? 'atIntake'}`),
    );
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

  it('puts the translation beside the reply at 1280x720, both in view', async () => {
    await screen.page.setViewportSize({ width: 1280, height: 720 });
    const { index } = await firstCaseIn('ja');
    await screen.openFromQueue(host.url, 'en', index);
    await screen.insertFirstReply('Insert canned reply', 'Insert a canned reply');
    await screen.translationParts(TRANSLATION, 'translated').first().waitFor();
    const reply = await screen.replyBox(REPLY).boundingBox();
    const translation = await screen.translation(TRANSLATION).boundingBox();
    if (reply === null || translation === null) throw new Error('reply or translation not laid out');
    expect(translation.x).toBeGreaterThanOrEqual(reply.x + reply.width - 1);
    expect(Math.abs(translation.y - reply.y)).toBeLessThan(40);
    expect(translation.y + 60).toBeLessThanOrEqual(720);
    expect(translation.width).toBeGreaterThanOrEqual(240);
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
    // The sent reply shows at the foot of the conversation, and the focus goes there.
    await expect.poll(() => screen.page.evaluate(() => document.activeElement?.id)).toBe('case-thread');
  });

  it('starts in the queue: J, K and arrows move, Enter opens the case with the focus on it, U goes back', async () => {
    await screen.queue.open(host.url, 'en');
    const grid = screen.queue.grid();
    await screen.queue.dataRows().nth(3).waitFor();
    await expect.poll(() => grid.evaluate((element) => element === document.activeElement)).toBe(true);
    // Positions are read from the page itself: earlier tests in this file re-sort the queue, so an order read
    // from the store before the page opened may not be the one on screen.
    const activeIndex = async () => {
      const id = await screen.queue.activeRowId();
      const ids = await screen.queue.dataRows().evaluateAll((rows) => rows.map((row) => row.id));
      return id === null ? -1 : ids.indexOf(id);
    };
    await screen.page.keyboard.press('j');
    await screen.page.keyboard.press('j');
    await expect.poll(activeIndex).toBe(2);
    await screen.page.keyboard.press('k');
    await screen.page.keyboard.press('ArrowDown');
    await screen.page.keyboard.press('ArrowDown');
    await expect.poll(activeIndex).toBe(3);
    const activeText = await screen.page.locator(`#${(await screen.queue.activeRowId()) ?? ''}`).innerText();
    const ref = /CD-\d+/.exec(activeText)?.[0] ?? '?';
    await screen.page.keyboard.press('Enter');
    await screen.heading().filter({ hasText: ref }).waitFor();
    await expect.poll(() => screen.heading().evaluate((element) => element === document.activeElement)).toBe(true);
    await screen.page.keyboard.press('u');
    await expect.poll(() => grid.evaluate((element) => element === document.activeElement)).toBe(true);
  });

  it('takes and tags with T and L, and does not steal those letters while the agent types', async () => {
    const { index, row } = await firstCaseWhere(
      (candidate) => candidate.assigneeId === null && candidate.status !== 'closed',
      'unassigned case',
    );
    await screen.openFromQueue(host.url, 'en', index);
    await screen.page.getByText('Unassigned', { exact: true }).waitFor();
    const reply = screen.replyBox(REPLY);
    await reply.pressSequentially('tl ju');
    expect(await reply.inputValue()).toBe('tl ju');
    expect(await screen.page.getByText('Assigned to you', { exact: true }).count()).toBe(0);
    await screen.heading().click();
    await screen.page.keyboard.press('t');
    await screen.page.getByText('Assigned to you', { exact: true }).waitFor();
    await screen.page.keyboard.press('l');
    const tagBox = screen.tagBox('Add tag');
    await expect.poll(() => tagBox.evaluate((element) => element === document.activeElement)).toBe(true);
    await tagBox.pressSequentially('keyboard-tag');
    await tagBox.press('Enter');
    await expect.poll(async () => (await caseDetail(host, row.id)).case.tags).toContain('keyboard-tag');
  });

  it('lists every shortcut in the help, in the UI language', async () => {
    for (const language of ['en', 'ar'] as const) {
      const t = uiText(language);
      await screen.loadQueue(host.url, language);
      await screen.page.keyboard.press('Shift+?');
      const help = screen.dialog(t('shortcuts:title'));
      await help.waitFor();
      for (const action of ['take', 'tag', 'backToQueue', 'nextCase'] as const)
        await help.getByRole('rowheader', { name: t(`shortcuts:action.${action}`) }).waitFor();
      for (const key of ['openCase', 'selectRow', 'searchToResults'] as const)
        await help.getByRole('rowheader', { name: t(`shortcuts:list.${key}`) }).waitFor();
      await screen.screenshot(language, 'shortcuts-help');
      await screen.page.keyboard.press('Escape');
    }
  });
});

describe('the mouse: one click opens, recent cases stay one click away', () => {
  it('opens a case with one click, and selects with Ctrl+click instead', async () => {
    const rows = await queueRows(host, 3);
    await screen.queue.open(host.url, 'en');
    await screen.queue.rowByRef(rows[1]?.ref ?? '?').click({ modifiers: ['Control'] });
    await expect.poll(() => screen.queue.selectedRows().count()).toBe(1);
    await screen.queue.rowByRef(rows[2]?.ref ?? '?').click();
    await screen
      .heading()
      .filter({ hasText: rows[2]?.ref ?? '?' })
      .waitFor();
  });

  it('lists the cases opened last under the navigation, newest first, each one click away', async () => {
    const rows = await queueRows(host, 3);
    await screen.queue.open(host.url, 'en');
    for (const row of [rows[0], rows[2]]) {
      await screen.page.getByRole('navigation').getByRole('button', { name: 'Queue' }).click();
      await screen.queue.rowByRef(row?.ref ?? '?').click();
      await screen
        .heading()
        .filter({ hasText: row?.ref ?? '?' })
        .waitFor();
    }
    // The navigation shows its labels (and the recent list) when the agent opens it on a narrow window.
    const expand = screen.page.getByRole('button', { name: 'Show the navigation labels' });
    if ((await expand.count()) > 0) await expand.click();
    const recent = screen.page.getByRole('list', { name: 'Recent cases' }).getByRole('button');
    expect(await recent.allInnerTexts()).toEqual([
      expect.stringContaining(rows[2]?.ref ?? '?'),
      expect.stringContaining(rows[0]?.ref ?? '?'),
    ]);
    await recent.nth(1).click();
    await screen
      .heading()
      .filter({ hasText: rows[0]?.ref ?? '?' })
      .waitFor();
  });
});

describe("search: the queue's columns, the match marked, what agents paste", () => {
  const results = () => screen.queue.searchResults();
  const resultRow = (ref: string) => results().locator('[role="row"][data-case-id]').filter({ hasText: ref });

  it('shows results with the queue columns and marks the match; arrows and Enter open one', async () => {
    const rows = await queueRows(host, 40);
    const wanted = rows.find((row) => /^[A-Za-z]{4,}/u.test(row.customerName));
    if (wanted === undefined) throw new Error('no case with a Latin customer name');
    const term = wanted.customerName.split(' ')[0] ?? '?';
    await screen.queue.open(host.url, 'en');
    const box = screen.page.getByRole('searchbox', { name: 'Search cases' });
    await box.fill(term);
    await resultRow(wanted.ref).waitFor();
    const headers = await results().getByRole('columnheader').allInnerTexts();
    for (const column of ['SLA due', 'Priority', 'Market', 'Assignee']) expect(headers).toContain(column);
    const marks = await results().locator('mark').allInnerTexts();
    expect(marks.length).toBeGreaterThan(0);
    for (const mark of marks) expect(mark.toLowerCase()).toBe(term.toLowerCase());
    await screen.screenshot('en', 'search-grid');
    await box.press('ArrowDown');
    await expect.poll(() => results().evaluate((element) => element === document.activeElement)).toBe(true);
    const first = await results().locator('[role="row"][data-case-id]').first().innerText();
    await screen.page.keyboard.press('Enter');
    await screen
      .heading()
      .filter({ hasText: /CD-\d+/u.exec(first)?.[0] ?? '?' })
      .waitFor();
  });

  it('finds a case by tag, customer e-mail, product title, reference without CD- and order number without separators', async () => {
    const rows = await queueRows(host, 60);
    const detailOf = async (row: CaseRow) => (await caseDetail(host, row.id)).case;
    const tagged = rows.find((row) => row.tags.length > 0);
    const details = await Promise.all(rows.slice(0, 30).map(detailOf));
    const withEmail = details.find((c) => c.customer.contacts.some((contact) => contact.address.includes('@')));
    const withItem = details.find((c) => (c.order?.items[0]?.title.length ?? 0) > 8);
    const withSeparators = details.find((c) => /[-\s]/u.test(c.order?.orderId ?? ''));
    const numbered = details.find((c) => (c.order?.orderId.length ?? 0) > 8);
    const searches: [string, string][] = [
      [`#${tagged?.tags[0] ?? '?'}`, tagged?.ref ?? '?'],
      [
        withEmail?.customer.contacts.find((contact) => contact.address.includes('@'))?.address ?? '?',
        withEmail?.ref ?? '?',
      ],
      [withItem?.order?.items[0]?.title ?? '?', withItem?.ref ?? '?'],
      [rows[5]?.ref.replace(/^CD-/u, '') ?? '?', rows[5]?.ref ?? '?'],
      [
        (withSeparators ?? numbered)?.order?.orderId.replace(/[-\s]/gu, '') ?? '?',
        (withSeparators ?? numbered)?.ref ?? '?',
      ],
    ];
    await screen.queue.open(host.url, 'en');
    const box = screen.page.getByRole('searchbox', { name: 'Search cases' });
    for (const [text, ref] of searches) {
      await box.fill(text);
      await resultRow(ref).waitFor();
    }
  });
});

describe('who owns the case, in the queue', () => {
  it('shows the assignee of every row: you, a colleague by name, or unassigned', async () => {
    const session = await contractData(host, 'session:get', {});
    const names = new Map(session.colleagues.map((user) => [user.id, user.displayName]));
    const rows = await queueRows(host, 12);
    await screen.queue.open(host.url, 'en');
    const headers = await screen.queue.columnHeaders().allInnerTexts();
    expect(headers).toContain('Assignee');
    for (const row of rows) {
      const expected =
        row.assigneeId === null
          ? 'Unassigned'
          : row.assigneeId === session.user?.id
            ? 'You'
            : (names.get(row.assigneeId) ?? 'A colleague');
      expect(await screen.queue.rowByRef(row.ref).locator('[data-assignee]').innerText()).toBe(expected);
    }
  });
});

describe('tags: one spelling', () => {
  it('offers the tags already in use as the agent types one', async () => {
    const uses = await contractData(host, 'cases:tags', {});
    const { index, row } = await firstCaseWhere(
      (candidate) => candidate.status !== 'closed' && uses.some((use) => !candidate.tags.includes(use.tag)),
      'case without some tag in use',
    );
    const tag = uses.find((use) => !row.tags.includes(use.tag))?.tag ?? '?';
    await screen.openFromQueue(host.url, 'en', index);
    const tagBox = screen.tagBox('Add tag');
    await tagBox.fill(tag.slice(0, 4));
    await screen.page.getByRole('option', { name: tag, exact: true }).click();
    await expect.poll(async () => (await caseDetail(host, row.id)).case.tags).toContain(tag);
  });
});

describe('refused actions read as what they are', () => {
  it('names the screen after the refused actions and shows no badge while there are none', async () => {
    const refused = await contractData(host, 'attention:list', {});
    await screen.queue.open(host.url, 'en');
    const entry = screen.page.getByRole('navigation').getByRole('button', { name: /^Refused actions/ });
    await entry.waitFor();
    expect(await screen.page.locator('[data-nav-badge]').count()).toBe(refused.length > 0 ? 1 : 0);
    if (refused.length === 0) expect(await entry.getAttribute('aria-label')).toBe('Refused actions');
    await entry.click();
    await screen.page.getByRole('heading', { level: 1, name: 'Actions the server refused' }).waitFor();
  });
});

describe('small screens and right to left', () => {
  it('folds the navigation at 1280x720, shows at least 12 queue rows, and unfolds on request', async () => {
    await screen.page.setViewportSize({ width: 1280, height: 720 });
    await screen.queue.open(host.url, 'en');
    const nav = await screen.page.getByRole('navigation').boundingBox();
    expect(nav?.width ?? 999).toBeLessThanOrEqual(80);
    const fullyVisible = await screen.queue
      .dataRows()
      .evaluateAll((rows) => rows.filter((row) => row.getBoundingClientRect().bottom <= window.innerHeight).length);
    expect(fullyVisible).toBeGreaterThanOrEqual(12);
    await screen.page.getByRole('button', { name: 'Show the navigation labels' }).click();
    await screen.page.getByRole('navigation').getByText('Queue', { exact: true }).waitFor();
  });

  it('cuts a Latin subject or tag at its end, not its start, in a right-to-left row', async () => {
    await screen.page.setViewportSize({ width: 1280, height: 720 });
    await screen.queue.open(host.url, 'ar');
    const lines = screen.queue.dataRows().locator('[dir="ltr"]');
    await lines.first().waitFor();
    const layout = await lines.evaluateAll((elements) =>
      elements.map((element) => {
        const box = element.getBoundingClientRect();
        const range = document.createRange();
        range.selectNodeContents(element);
        const text = range.getBoundingClientRect();
        const isCut = text.width > box.width + 1;
        return {
          direction: getComputedStyle(element).direction,
          overflow: getComputedStyle(element).textOverflow,
          // Cut: the start of the text shows at the line's left. Not cut: it sits at the row's start (right).
          isPlaced: isCut ? Math.abs(text.left - box.left) < 2 : Math.abs(text.right - box.right) < 2,
        };
      }),
    );
    expect(layout.length).toBeGreaterThan(0);
    for (const line of layout) expect(line).toEqual({ direction: 'ltr', overflow: 'ellipsis', isPlaced: true });
    await screen.screenshot('ar', 'queue-1280-rtl');
  });
});
