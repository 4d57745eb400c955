import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { BulkResultSchema } from '../../src-shared/contract/workstation';
import { CASE_STATUSES, canTransition, type CaseStatus } from '../../src-shared/domain/caseStatus';
import { QueuePage } from './pages/QueuePage';
import { callContract } from './support/bridgeClient';
import { queueRows } from './support/storeRows';
import { uiText } from './support/uiText';
import { screenPerFile } from './support/workstationFixture';

const BulkAnswerSchema = z.object({ ok: z.literal(true), data: BulkResultSchema });
const en = uiText('en');
const statusName = (status: CaseStatus) => en(`domain:status.${status}`);

// The tests share one workstation (its store keeps what each writes) and read the store when they start.
const { host, screen: queue } = screenPerFile(QueuePage);

async function tagsInStore(caseIds: readonly string[]): Promise<Map<string, string[]>> {
  const rows = await queueRows(host(), 500, { sort: 'age' });
  return new Map(rows.filter((row) => caseIds.includes(row.id)).map((row) => [row.id, row.tags]));
}

describe('multi-select and bulk actions in the queue grid', () => {
  it('selects three rows by keyboard and mouse, tags them all, keeps the selection through the live update', async () => {
    await queue().open(host().url, 'en');
    const [first, second, , fourth] = await queueRows(host(), 4);
    if (first === undefined || second === undefined || fourth === undefined)
      throw new Error('the demo store has too few cases');
    expect(await queue().selectAllState()).toBe('none');

    await queue().grid().focus();
    await queue().page.keyboard.press('x');
    await queue().page.keyboard.press('Shift+ArrowDown');
    await queue().rowCheckbox(fourth.ref).click();
    await expect.poll(() => queue().selectedRows().count()).toBe(3);
    expect(await queue().selectAllState()).toBe('some');
    expect(await queue().rowCheckbox(first.ref).getAttribute('aria-label')).toContain(first.ref);
    await expect.poll(() => queue().bulkBar().innerText()).toContain('3 cases selected');
    // The checkbox click left focus on the grid, so the keyboard still drives it.
    expect(await queue().page.evaluate(() => document.activeElement?.getAttribute('role'))).toBe('grid');

    const tag = 'e2e-bulk-tag';
    await queue().bulkAddTag('Tag', 'Add tag to all', tag);
    await expect.poll(() => queue().bulkOutcome().innerText()).toContain('Applied to 3 cases. Refused for 0 cases.');
    for (const row of [first, second, fourth]) {
      await expect.poll(() => queue().rowByRef(row.ref).innerText()).toContain(`#${tag}`);
    }
    const stored = await tagsInStore([first.id, second.id, fourth.id]);
    for (const row of [first, second, fourth]) expect(stored.get(row.id)).toContain(tag);
    // The tag reloaded the rows through cases:changed; the same three stay selected.
    expect(
      await queue()
        .selectedRows()
        .evaluateAll((rows) => rows.map((row) => row.getAttribute('data-case-id')).sort()),
    ).toEqual([first.id, second.id, fourth.id].sort());

    await queue().grid().focus();
    await queue().page.keyboard.press('Escape');
    await expect.poll(() => queue().selectedRows().count()).toBe(0);
    await expect.poll(() => queue().bulkBar().count()).toBe(0);

    await queue().selectAllCheckbox().click();
    expect(await queue().selectAllState()).toBe('all');
    await expect.poll(async () => (await queue().selectedRows().count()) > 3).toBe(true);
    await queue()
      .viewTab(/Breaching soon/)
      .click();
    await queue()
      .viewTab(/All cases/)
      .click();
    await queue().dataRows().first().waitFor();
    // A view change clears the selection: nothing from another view is acted on unseen.
    await expect.poll(() => queue().selectedRows().count()).toBe(0);
    expect(await queue().selectAllState()).toBe('none');
  });

  it('a bulk status that is illegal for one selected case applies to the others and names the refused one', async () => {
    // Oldest first: an order that a status change does not move. Find three adjacent rows and a status
    // legal for exactly two of them (the demo data decides which; nothing here assumes it).
    const oldest = await queueRows(host(), 10, { sort: 'age' });
    const pick = oldest
      .slice(0, -2)
      .flatMap((_, start) => {
        const window = oldest.slice(start, start + 3);
        return CASE_STATUSES.map((to) => ({
          window,
          to,
          legal: window.filter((row) => canTransition(row.status, to)),
        }));
      })
      .find(({ legal }) => legal.length === 2);
    if (pick === undefined)
      throw new Error(
        `no three adjacent oldest cases with a status legal for two: ${oldest.map((row) => row.status).join(', ')}`,
      );
    const { window, to } = pick;
    const [first, , last] = window;
    const illegal = window.find((row) => !canTransition(row.status, to));
    if (first === undefined || last === undefined || illegal === undefined) throw new Error('window of three expected');

    await queue().open(host().url, 'en');
    await queue().chooseSort('Sort by', 'Oldest first');
    await expect.poll(() => queue().dataRows().first().getAttribute('data-case-id')).toBe(oldest[0]?.id);
    await queue().rowCheckbox(first.ref).click();
    await queue()
      .rowByRef(last.ref)
      .click({ modifiers: ['Shift'] });
    await expect.poll(() => queue().selectedRows().count()).toBe(3);

    await queue().bulkSetStatus('Set status of all', `${statusName(to)} (legal for 2 of 3 cases)`);
    await expect.poll(() => queue().bulkOutcome().innerText()).toContain('Applied to 2 cases. Refused for 1 case.');
    const refused = queue().bulkOutcome().getByRole('list', { name: 'Refused cases' }).getByRole('listitem');
    expect(await refused.count()).toBe(1);

    // The core refuses the same move when asked directly; the screen gives that refusal in words.
    const direct = BulkAnswerSchema.parse(
      await callContract(host(), 'cases:bulk', { caseIds: [illegal.id], action: { kind: 'setStatus', to } }),
    );
    const code = direct.data.refused[0]?.code;
    const reason =
      code === 'INVALID_TRANSITION'
        ? en('queue:bulk.reason.transition', { from: statusName(illegal.status), to: statusName(to) })
        : code === 'CASE_CLOSED'
          ? en('queue:bulk.reason.closed')
          : direct.data.refused[0]?.message;
    expect(await refused.first().innerText()).toBe(`${illegal.ref}: ${reason}`);

    const now = new Map((await queueRows(host(), 10, { sort: 'age' })).map((row) => [row.id, row.status]));
    for (const row of window) expect(now.get(row.id)).toBe(row === illegal ? illegal.status : to);
  });

  it('shows a selection in zh-CN, en and right-to-left ar (screenshots)', async () => {
    const rows = await queueRows(host(), 3);
    for (const language of ['zh-CN', 'en', 'ar']) {
      await queue().open(host().url, language);
      for (const row of rows) await queue().rowCheckbox(row.ref).click();
      await expect.poll(() => queue().selectedRows().count()).toBe(3);
      expect(await queue().selectAllState()).toBe('some');
      const checkbox = await queue()
        .rowCheckbox(rows[0]?.ref ?? '?')
        .boundingBox();
      const customer = await queue()
        .rowByRef(rows[0]?.ref ?? '?')
        .getByText(rows[0]?.customerName ?? '?')
        .boundingBox();
      if (checkbox === null || customer === null) throw new Error('row not laid out');
      // The checkbox column leads the row: left of the customer in zh-CN and en, right of it in Arabic.
      if (language === 'ar') expect(checkbox.x).toBeGreaterThan(customer.x);
      else expect(checkbox.x).toBeLessThan(customer.x);
      await queue().screenshot(language, 'queue-selection');
      // With the bulk bar open and rows selected, still nothing serious for assistive technology.
      const violations = await queue().accessibilityViolations(['serious', 'critical']);
      expect(violations, JSON.stringify(violations, null, 2)).toEqual([]);
    }
  });
});
