import { rmSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { BrowserContext, Page } from 'playwright-core';
import { beforeEach, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../src-shared/demo';
import { openDatabase } from '../../src-server/startServer';
import { AttentionPage } from './pages/AttentionPage';
import { CasePage } from './pages/CasePage';
import { SettingsPage } from './pages/SettingsPage';
import { SyncIndicator } from './pages/SyncIndicator';
import type { UiLanguage } from '../../src-renderer/i18n/languages';
import { contractData } from './support/bridgeClient';
import { caseDetail, queueRows, topRow } from './support/storeRows';
import { uiText } from './support/uiText';
import { ProtocolClient } from '../../src-server/testing/protocolClient';
import { startCentralApiProcess, type RunningCentralApi } from './support/centralApiProcess';
import { copyDemoCentralApi, startWebHostProcess, type RunningWebHost } from './support/webHostProcess';
import { startSyncedWorkstation, workstationPerTest } from './support/workstationFixture';
import { FaultProxy } from '../sync/faultProxy';

const AGENT = 'chen.mei';
const SUPERVISOR = 'wang.lei';
// Reconnecting waits on the engine's backoff (1 s doubling, up to 60 s) or the event stream's next try.
const RECONNECT = { timeout: 150_000, interval: 250 };
const FLOW_TIMEOUT = 400_000;

type Language = UiLanguage;

const workstation = workstationPerTest(startSyncedWorkstation);
let apiDataDir: string;
let api: RunningCentralApi;
let host: RunningWebHost;
let context: BrowserContext;
let screen: CasePage;

beforeEach(() => {
  ({ apiDataDir, api, host, context } = workstation());
  screen = new CasePage(workstation().page);
});

async function syncStatus() {
  return contractData(host, 'sync:status', {});
}

function indicator(page: Page, language: Language): SyncIndicator {
  return new SyncIndicator(page, language);
}

/** Opens the workstation, signs in as the demo agent from Settings and waits for the first sync. */
async function signInAsAgent(): Promise<void> {
  await screen.queue.open(host.url, 'en');
  const sync = indicator(screen.page, 'en');
  expect(await sync.tone()).toBe('signed_out');
  await new SettingsPage(screen.page).signIn(AGENT, DEMO_PASSWORD);
  await expect.poll(() => sync.tone()).toBe('ok');
  await expect.poll(async () => (await syncStatus()).lastSyncedAt).not.toBeNull();
}

/** Signs in as the demo agent and opens the first case of the queue from a fresh page load. */
async function signInAndOpenTopCase() {
  await signInAsAgent();
  const row = await topRow(host);
  await screen.page.goto('about:blank');
  await screen.openFromQueue(host.url, 'en');
  expect(await screen.heading().innerText()).toContain(row.ref);
  return row;
}

function threadEntry(view: CasePage, body: string, language: Language = 'en') {
  return view.threadEntries(uiText(language)('case:thread.label')).filter({ hasText: body });
}

async function sendTypedReply(view: CasePage, body: string): Promise<void> {
  await view.replyBox(/^Reply to /).fill(body);
  await view.button('Send reply').click();
  await expect.poll(() => view.sendState().getAttribute('data-send-state')).toBe('queued');
}

/** Reads the server's own tables after it has stopped: what was stored and handed to delivery. */
async function serverRows(caseId: string) {
  const db = await openDatabase({ dataDir: apiDataDir });
  try {
    const messages = await db.query<{ id: string; body: string; delivery: string }>(
      "SELECT id, data->>'body' AS body, data->>'deliveryState' AS delivery FROM messages WHERE case_id = $1",
      [caseId],
    );
    const outbound = await db.query<{ message_id: string; state: string; attempts: number }>(
      'SELECT message_id, state, attempts FROM outbound WHERE case_id = $1',
      [caseId],
    );
    const cases = await db.query<{ status: string }>("SELECT data->>'status' AS status FROM cases WHERE id = $1", [
      caseId,
    ]);
    return { messages, outbound, status: cases[0]?.status ?? null };
  } finally {
    await db.close();
  }
}

describe('sync flows through the web host against a central API the test runs', () => {
  it(
    'queues a reply and a status change while the server is down and delivers both once when it is back',
    async () => {
      const row = await signInAndOpenTopCase();

      // Online: a canned reply goes out and the composer says so.
      await screen.page.keyboard.press('i');
      const picker = screen.dialog('Insert a canned reply');
      await picker.getByRole('button').first().click();
      const reply = screen.replyBox(/^Reply to /);
      await expect.poll(async () => (await reply.inputValue()).length).toBeGreaterThan(20);
      const onlineText = (await reply.inputValue()).trim();
      await screen.button('Send reply').click();
      await expect.poll(() => screen.sendState().getAttribute('data-send-state')).toBe('sent');

      // Offline: the central API process is gone; the agent keeps working.
      await api.stop();
      const offlineText = `Offline follow-up ${row.ref}: the courier confirmed the parcel is on its way back.`;
      await sendTypedReply(screen, offlineText);
      await screen.page.getByRole('combobox', { name: 'Status' }).click();
      await screen.page.getByRole('option', { name: 'Pending customer' }).click();
      await screen.page.getByText(/^Status set to /).waitFor();
      await screen.page.getByRole('listbox').waitFor({ state: 'hidden' });
      expect((await caseDetail(host, row.id)).case.status).toBe('pending_customer');

      const sync = indicator(screen.page, 'en');
      await expect.poll(() => sync.tone(), RECONNECT).toBe('offline');
      await expect.poll(() => sync.text()).toContain('2 changes waiting');
      expect(await threadEntry(screen, offlineText).getAttribute('data-pending')).toBe('true');
      await screen.page.getByText('2 changes waiting to sync').waitFor();
      expect(await threadEntry(screen, onlineText.slice(0, 40)).getAttribute('data-pending')).toBe('false');
      await screen.screenshot('en', 'offline');

      // The same offline state in Chinese and Arabic, in a second tab so this one keeps its composer.
      for (const language of ['zh-CN', 'ar'] as const) {
        const tab = new CasePage(await context.newPage());
        await tab.openBySearch(host.url, language, row.ref);
        await expect.poll(() => indicator(tab.page, language).tone()).toBe('offline');
        await expect.poll(() => threadEntry(tab, offlineText, language).getAttribute('data-pending')).toBe('true');
        await tab.screenshot(language, 'offline');
        await tab.page.close();
      }

      // Back on the same data and port: both go out, once.
      api = await startCentralApiProcess({ dataDir: apiDataDir, port: api.port });
      await expect.poll(async () => (await syncStatus()).pendingCount, RECONNECT).toBe(0);
      await expect.poll(() => sync.tone(), RECONNECT).toBe('ok');
      expect(await sync.text()).not.toContain('waiting');
      await screen.page.getByText('2 changes waiting to sync').waitFor({ state: 'detached' });
      await expect.poll(() => screen.sendState().getAttribute('data-send-state')).toBe('sent');
      await expect.poll(() => threadEntry(screen, offlineText).getAttribute('data-pending')).toBe('false');
      // The outbound worker reports delivery through the change log; wait for both to read "sent".
      await expect
        .poll(
          async () =>
            (await caseDetail(host, row.id)).messages
              .filter((message) => message.body === onlineText || message.body === offlineText)
              .map((message) => message.deliveryState),
          RECONNECT,
        )
        .toEqual(['sent', 'sent']);

      await api.stop();
      const stored = await serverRows(row.id);
      const online = stored.messages.filter((message) => message.body === onlineText);
      const offline = stored.messages.filter((message) => message.body === offlineText);
      expect(online.length).toBe(1);
      expect(offline.length).toBe(1);
      for (const message of [...online, ...offline]) {
        expect(stored.outbound.filter((entry) => entry.message_id === message.id)).toEqual([
          { message_id: message.id, state: 'sent', attempts: 1 },
        ]);
      }
      expect(stored.status).toBe('pending_customer');
    },
    FLOW_TIMEOUT,
  );

  it(
    'shows a case a supervisor assigns to the agent in the queue without a reload',
    async () => {
      await signInAsAgent();
      const supervisor = await ProtocolClient.signIn(api.url, SUPERVISOR);
      const scope = await supervisor.scope();
      const agent = scope.users.find((user) => user.username === AGENT);
      const colleague = scope.users.find((user) => user.username === 'tanaka.yui');
      if (agent === undefined || colleague === undefined) throw new Error('demo users missing');
      const target = scope.cases.find(
        (candidate) => candidate.assigneeId === colleague.id && !['solved', 'closed'].includes(candidate.status),
      );
      if (target === undefined) throw new Error("no open case of a colleague on the agent's team");

      await screen.loadQueue(host.url, 'en');
      await screen.queue.viewTab(/^Mine/).click();
      await expect.poll(() => screen.queue.viewTab(/^Mine/).getAttribute('aria-selected')).toBe('true');
      const targetRow = screen.queue.dataRows().filter({ hasText: target.ref });
      expect(await targetRow.count()).toBe(0);
      const mineBefore = await screen.queue.viewTab(/^Mine/).innerText();

      const result = await supervisor.pushOne('case.assign@1', { caseId: target.id, to: agent.id });
      expect(result.status).toBe('applied');
      // No reload, no navigation: the poke, the pull and cases:changed bring it to the open page.
      await expect.poll(() => targetRow.count(), RECONNECT).toBe(1);
      await expect.poll(() => screen.queue.viewTab(/^Mine/).innerText()).not.toBe(mineBefore);
      const toast = screen.page.getByRole('alert').filter({ hasText: `Case ${target.ref} was assigned to you.` });
      await toast.waitFor();
      await expect
        .poll(() => toast.evaluate((element) => getComputedStyle(element.parentElement ?? element).opacity))
        .toBe('1');
      await screen.screenshot('en', 'assigned-live');
      expect((await caseDetail(host, target.id)).case.assigneeId).toBe(agent.id);
    },
    FLOW_TIMEOUT,
  );

  it(
    'puts offline replies to a case solved meanwhile into needs attention; reopen and send, or discard',
    async () => {
      const row = await signInAndOpenTopCase();

      await api.stop();
      const keep = `Kept reply ${row.ref}: your refund was approved today.`;
      const drop = `Dropped reply ${row.ref}: please send us a photo of the label.`;
      await sendTypedReply(screen, keep);
      await sendTypedReply(screen, drop);

      // Meanwhile, on the same data but an address the agent does not use, the supervisor solves the case.
      const elsewhere = await startCentralApiProcess({ dataDir: apiDataDir });
      try {
        const supervisor = await ProtocolClient.signIn(elsewhere.url, SUPERVISOR);
        expect(await supervisor.pushOne('case.setStatus@1', { caseId: row.id, to: 'solved' })).toMatchObject({
          status: 'applied',
        });
      } finally {
        await elsewhere.stop();
      }

      api = await startCentralApiProcess({ dataDir: apiDataDir, port: api.port });
      await expect.poll(async () => (await syncStatus()).pendingCount, RECONNECT).toBe(0);
      await expect.poll(() => screen.sendState().getAttribute('data-send-state'), RECONNECT).toBe('needs_attention');

      for (const language of ['zh-CN', 'ar', 'en'] as const) {
        const page = language === 'en' ? screen.page : await context.newPage();
        const view = new CasePage(page);
        await view.loadQueue(host.url, language);
        const attention = new AttentionPage(page, language);
        await attention.open();
        await expect.poll(() => attention.items().count()).toBe(2);
        expect(await attention.keptText(attention.item(keep)).innerText()).toBe(keep);
        expect(await attention.keptText(attention.item(drop)).innerText()).toBe(drop);
        // The server's reason ("the case is solved") in the page language, not the English server message.
        const reason = attention.item(keep).locator('[data-rejection-reason="case_done"]');
        expect(await reason.innerText()).not.toMatch(/the case is solved/);
        await view.screenshot(language, 'needs-attention');
        if (language !== 'en') await page.close();
      }

      const attention = new AttentionPage(screen.page, 'en');
      const kept = attention.item(keep);
      expect(await kept.innerText()).toContain('The case was closed before your reply arrived.');
      expect(await kept.innerText()).toContain(row.ref);
      await attention.reopenAndSend(kept);
      await expect.poll(() => attention.items().count()).toBe(1);
      await attention.discard(attention.item(drop));
      await screen.page.getByText('The server has refused none of your actions.').waitFor();

      await expect.poll(async () => (await syncStatus()).pendingCount, RECONNECT).toBe(0);
      await expect
        .poll(
          async () =>
            (await caseDetail(host, row.id)).messages.filter((message) => message.body === keep && !message.isPending)
              .length,
          RECONNECT,
        )
        .toBe(1);
      await api.stop();
      const stored = await serverRows(row.id);
      expect(stored.messages.filter((message) => message.body === keep).length).toBe(1);
      expect(stored.messages.filter((message) => message.body === drop).length).toBe(0);
      expect(stored.status).toBe('open');
    },
    FLOW_TIMEOUT,
  );

  it(
    "counts the case view's SLA down on the server's clock as it moves, without reopening the case",
    async () => {
      // The server's clock as the desk reads it (x-server-time) jumps while the case is open.
      const clock = new FaultProxy({ upstream: api.url });
      await clock.start();
      try {
        const shifted = await startWebHostProcess({ serverUrl: clock.url });
        await contractData(shifted, 'auth:signIn', { username: AGENT, password: DEMO_PASSWORD });
        await expect.poll(async () => (await contractData(shifted, 'sync:status', {})).lastSyncedAt).not.toBeNull();
        const rows = await queueRows(shifted, 200);
        const row = rows.find(
          (candidate) =>
            ['new', 'open'].includes(candidate.status) &&
            candidate.slaDueAt !== null &&
            Date.parse(candidate.slaDueAt) > Date.now() + 3_600_000,
        );
        if (row === undefined) throw new Error('no open case due later than an hour from now');
        await screen.openBySearch(shifted.url, 'en', row.ref);
        const running = screen.page.locator('[data-sla-state="active"]').first();
        await running.waitFor();
        const target = await running.getAttribute('data-sla-target');
        const panel = screen.page.locator(`[data-sla-target="${target ?? ''}"]`);
        expect(await panel.innerText()).not.toContain('overdue');

        clock.setClockShift(60 * 24 * 3_600_000);
        // Any request measures the offset again; a tag on another case moves nothing on this one.
        const other = rows.find((candidate) => candidate.id !== row.id && candidate.status === 'open');
        if (other === undefined) throw new Error('no second open case');
        await contractData(shifted, 'cases:addTag', { caseId: other.id, tag: 'clock-jump' });
        await expect.poll(() => panel.getAttribute('data-sla-state'), RECONNECT).toBe('breached');
        expect(await panel.innerText()).toContain('overdue');
        await screen.screenshot('en', 'server-clock-moved');
      } finally {
        await clock.stop();
      }
    },
    FLOW_TIMEOUT,
  );

  it(
    "shows every reply's delivery state, and sends a reply the gateway refused again",
    async () => {
      // A channel gateway on loopback that refuses (422, not retried) the first reply it sees with the marker.
      const refused = 'GATEWAY-REFUSES';
      let refusals = 0;
      const gateway = createServer((request, response) => {
        let body = '';
        request.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
        request.on('end', () => {
          const refuse = body.includes(refused) && refusals++ === 0;
          response.writeHead(refuse ? 422 : 200, { 'content-type': 'application/json' }).end('{}');
        });
      });
      await new Promise<void>((resolve) => gateway.listen(0, '127.0.0.1', resolve));
      const gatewayDataDir = await copyDemoCentralApi();
      try {
        const { port } = gateway.address() as AddressInfo;
        const withGateway = await startCentralApiProcess({
          dataDir: gatewayDataDir,
          env: { OUTBOUND_WEBHOOK_URL: `http://127.0.0.1:${port}/deliver` },
        });
        const desk = await startWebHostProcess({ serverUrl: withGateway.url });
        await contractData(desk, 'auth:signIn', { username: AGENT, password: DEMO_PASSWORD });
        await expect.poll(async () => (await contractData(desk, 'sync:status', {})).lastSyncedAt).not.toBeNull();
        const row = await topRow(desk, { view: 'mine' });
        await screen.openBySearch(desk.url, 'en', row.ref);
        const text = `${refused} ${row.ref}: your replacement left our warehouse today.`;
        await sendTypedReply(screen, text);
        const entries = threadEntry(screen, text);
        const delivery = () => entries.first().locator('[data-delivery-state]').getAttribute('data-delivery-state');
        await expect.poll(delivery, RECONNECT).toBe('failed');

        for (const language of ['zh-CN', 'ar'] as const) {
          const tab = new CasePage(await context.newPage());
          await tab.openBySearch(desk.url, language, row.ref);
          const failed = threadEntry(tab, text, language).first();
          await expect
            .poll(() => failed.locator('[data-delivery-state]').getAttribute('data-delivery-state'))
            .toBe('failed');
          await failed.getByRole('button', { name: uiText(language)('case:thread.resend') }).waitFor();
          await tab.screenshot(language, 'reply-not-delivered');
          await tab.page.close();
        }
        await screen.screenshot('en', 'reply-not-delivered');

        await entries.first().getByRole('button', { name: 'Send again' }).click();
        await entries.first().getByText('Sent again as a new reply.').waitFor();
        await expect.poll(() => entries.count()).toBe(2);
        await expect
          .poll(() => entries.nth(1).locator('[data-delivery-state]').getAttribute('data-delivery-state'), RECONNECT)
          .toBe('sent');
        // The failed one keeps saying so; it offers no second resend once its text was sent again.
        expect(await delivery()).toBe('failed');
        expect(await entries.first().getByRole('button', { name: 'Send again' }).count()).toBe(0);
        await screen.screenshot('en', 'reply-sent-again');
      } finally {
        gateway.closeAllConnections();
        await new Promise((resolve) => gateway.close(resolve));
        rmSync(gatewayDataDir, { recursive: true, force: true });
      }
    },
    FLOW_TIMEOUT,
  );
});
