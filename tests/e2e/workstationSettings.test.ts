import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../src-shared/demo';
import { CasePage } from './pages/CasePage';
import { contractData, callContract } from './support/bridgeClient';
import { caseDetail, queueRows, topRow } from './support/storeRows';
import { uiText } from './support/uiText';
import { startCentralApiProcess } from './support/centralApiProcess';
import { copyDemoCentralApi, UNREACHABLE_SERVER_URL, type RunningWebHost } from './support/webHostProcess';
import { startWorkstation, workstationPerTest } from './support/workstationFixture';

const LANGUAGES = ['zh-CN', 'en', 'ar'] as const;
type Language = (typeof LANGUAGES)[number];
const en = uiText('en');

async function openSettings(page: Page, host: RunningWebHost, language: Language): Promise<void> {
  await new CasePage(page).loadQueue(host.url, language);
  await page
    .getByRole('navigation')
    .getByRole('button', { name: uiText(language)('app:nav.settings') })
    .click();
  await page.getByRole('heading', { level: 1, name: uiText(language)('settings:title') }).waitFor();
}

/** The screen isolates addresses (FSI ... PDI) so they read left to right inside Arabic sentences. */
const isolate = (address: string) => `\u2068${address}\u2069`;

function statusMessage(page: Page) {
  return page.getByRole('status').filter({ has: page.getByRole('alert') });
}

async function saveAddress(page: Page, address: string, confirm: boolean): Promise<void> {
  await page.getByRole('textbox', { name: en('settings:server.url') }).fill(address);
  await page.getByRole('button', { name: en('settings:server.save') }).click();
  if (!confirm) return;
  const dialog = page.getByRole('dialog', { name: en('settings:server.confirmTitle') });
  await dialog.getByRole('button', { name: en('settings:server.confirm') }).click();
  await dialog.waitFor({ state: 'hidden' });
}

describe('Settings: the server address', () => {
  const workstation = workstationPerTest((browser) => startWorkstation(browser));

  it('switches from the demo server to another at once, after sign-in there, and never with unsent changes', async () => {
    const { host, page } = workstation();
    const demoCases = (await contractData(host, 'cases:counts', {})).all;
    expect(demoCases).toBeGreaterThan(0);
    await openSettings(page, host, 'en');
    await page.getByText(en('settings:server.current', { server: en('settings:server.embedded') })).waitFor();

    // A malformed address: a clear message, nothing asked, nothing changed.
    await saveAddress(page, 'ftp://example.test', false);
    await statusMessage(page).getByText(en('settings:server.invalid')).waitFor();
    expect(await page.getByRole('dialog').count()).toBe(0);

    // An address where nothing answers: refused after confirmation, the demo data stays.
    await saveAddress(page, UNREACHABLE_SERVER_URL, true);
    await statusMessage(page)
      .getByText(en('settings:server.unreachable', { url: isolate(UNREACHABLE_SERVER_URL) }))
      .waitFor();
    expect(await contractData(host, 'server:get', {})).toEqual({ url: null, source: 'embedded' });
    expect((await contractData(host, 'cases:counts', {})).all).toBe(demoCases);

    // A real central API: the agent is told what happens, the demo cases go, sign-in is asked for.
    const api = await startCentralApiProcess({ dataDir: await copyDemoCentralApi() });
    await page.getByRole('textbox', { name: en('settings:server.url') }).fill(api.url);
    await page.getByRole('button', { name: en('settings:server.save') }).click();
    const dialog = page.getByRole('dialog', { name: en('settings:server.confirmTitle') });
    await dialog
      .getByText(
        en('settings:server.confirmBody', {
          from: en('settings:server.embedded'),
          to: isolate(api.url),
        }),
      )
      .waitFor();
    await screenshotSettings(page, 'en', 'settings-server-confirm');
    await dialog.getByRole('button', { name: en('settings:server.confirm') }).click();
    await statusMessage(page)
      .getByText(en('settings:server.switched', { server: isolate(api.url) }))
      .waitFor();
    expect(await contractData(host, 'server:get', {})).toEqual({ url: api.url, source: 'settings' });
    expect((await contractData(host, 'settings:get', {})).serverUrl).toBe(api.url);
    expect((await contractData(host, 'cases:counts', {})).all).toBe(0);
    expect((await contractData(host, 'sync:status', {})).connection).toBe('signed_out');

    await page.getByRole('textbox', { name: en('settings:account.username') }).fill('chen.mei');
    await page.getByLabel(en('settings:account.password')).fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: en('settings:account.signIn'), exact: true }).click();
    await expect
      .poll(async () => (await contractData(host, 'cases:counts', {})).all, { timeout: 120_000, interval: 500 })
      .toBeGreaterThan(0);
    for (const language of LANGUAGES) {
      await openSettings(page, host, language);
      await page.getByText(uiText(language)('settings:server.current', { server: isolate(api.url) })).waitFor();
      await screenshotSettings(page, language, 'settings-server');
    }

    // The server goes away with a change still unsent: switching back is refused, the change kept.
    await api.stop();
    const row = await topRow(host);
    await contractData(host, 'cases:addTag', { caseId: row.id, tag: 'unsent-before-switch' });
    await openSettings(page, host, 'en');
    await saveAddress(page, '', true);
    await statusMessage(page)
      .getByText(en('settings:server.unsent', { number: '1' }))
      .waitFor();
    expect(await contractData(host, 'server:get', {})).toEqual({ url: api.url, source: 'settings' });
    expect((await contractData(host, 'sync:status', {})).pendingCount).toBe(1);
    expect(await callContract(host, 'settings:update', { serverUrl: 'not a url' })).toMatchObject({
      ok: false,
      error: { code: 'BAD_INPUT' },
    });
  }, 400_000);
});

async function screenshotSettings(page: Page, language: Language, name: string): Promise<void> {
  await new CasePage(page).screenshot(language, name);
}

describe('the case view while offline', () => {
  const workstation = workstationPerTest((browser) => startWorkstation(browser, { serverUrl: UNREACHABLE_SERVER_URL }));

  it('pauses the SLA clocks and the queue countdown at once for "waiting on customer", and signs replies with the team brand', async () => {
    const { host, page } = workstation();
    const row = (await queueRows(host, 100, { view: 'mine' })).find(
      (candidate) => candidate.status === 'open' && candidate.slaDueAt !== null,
    );
    if (row === undefined) throw new Error('the demo agent has no open case with a deadline');
    const session = await contractData(host, 'session:get', {});
    const detail = await caseDetail(host, row.id);
    const brand = session.teams.find((team) => team.id === detail.case.teamId)?.brand;
    expect(brand).toMatch(/^Lumora Home /);

    const view = new CasePage(page);
    await view.openBySearch(host.url, 'en', row.ref);
    const running = () => page.locator('[data-sla-target]:not([data-sla-state="achieved"])');
    expect(
      await running().evaluateAll((nodes) => nodes.map((node) => node.getAttribute('data-sla-state'))),
    ).not.toContain('paused');

    // The reply's sign-off carries the brand of the seller team that owns the case.
    await page.keyboard.press('i');
    await view.dialog('Insert a canned reply').getByRole('button').first().click();
    const reply = view.replyBox(/^Reply to /);
    await expect.poll(async () => (await reply.inputValue()).length).toBeGreaterThan(20);
    expect(await reply.inputValue()).toContain(brand);
    await reply.fill('');

    await page.getByRole('combobox', { name: 'Status' }).click();
    await page.getByRole('option', { name: 'Pending customer' }).click();
    await page.getByRole('listbox').waitFor({ state: 'hidden' });
    await expect
      .poll(async () => {
        const states = await running().evaluateAll((nodes) => nodes.map((node) => node.getAttribute('data-sla-state')));
        return states.length > 0 && states.every((state) => state === 'paused');
      })
      .toBe(true);
    expect((await contractData(host, 'sync:status', {})).pendingCount).toBeGreaterThan(0);

    for (const language of LANGUAGES) {
      const cell = page.locator(`[role="row"][data-case-id="${row.id}"] [data-sla-state]`);
      await view.openBySearch(host.url, language, row.ref);
      await expect
        .poll(async () => {
          const states = await running().evaluateAll((nodes) =>
            nodes.map((node) => node.getAttribute('data-sla-state')),
          );
          return states.length > 0 && states.every((state) => state === 'paused');
        })
        .toBe(true);
      await view.screenshot(language, 'case-paused-offline');
      await view.loadQueue(host.url, language);
      await view.queue.viewTab(new RegExp(`^${uiText(language)('queue:views.pending_customer')}`)).click();
      await cell.waitFor();
      expect(await cell.getAttribute('data-sla-state')).toBe('paused');
      expect(await cell.innerText()).toBe(uiText(language)('queue:sla.paused'));
    }
  }, 300_000);
});
