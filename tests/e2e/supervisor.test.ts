import { rmSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CaseRow } from '../../src-shared/contract/workstation';
import { DEMO_PASSWORD } from '../../src-shared/demo';
import type { UiLanguage } from '../../src-renderer/i18n/languages';
import { QueuePage } from './pages/QueuePage';
import { ReassignPage } from './pages/ReassignPage';
import { callContract, contractData } from './support/bridgeClient';
import { launchChromium, newAgentContext } from './support/browser';
import { startCentralApiProcess } from './support/centralApiProcess';
import { stopStartedProcesses } from './support/childProcess';
import { uiText } from './support/uiText';
import { copyDemoCentralApi, startWebHostProcess, type RunningWebHost } from './support/webHostProcess';

const AGENT = 'chen.mei';
const SUPERVISOR = 'wang.lei';
/** The Asia-Pacific desk's markets: the demo agent's team, so its unassigned cases can be given to her. */
const APAC_MARKETS = new Set(['CN', 'JP', 'KR', 'SG', 'TH', 'VN', 'ID', 'AU']);
const SYNCED = { timeout: 60_000, interval: 200 };

/**
 * Issue 15 with two desks on one central API (each its own web host and browser context): the demo
 * supervisor and the demo agent. One server, one pair of desks for the whole file.
 */
describe('the supervisor console', { timeout: 300_000 }, () => {
  let browser: Browser;
  let apiDataDir: string;
  let supervisorHost: RunningWebHost;
  let agentHost: RunningWebHost;

  async function signIn(host: RunningWebHost, username: string): Promise<void> {
    await contractData(host, 'auth:signIn', { username, password: DEMO_PASSWORD });
    // In a hook, where expect.poll is not available: the first sync as that user, or the hook's timeout.
    while ((await contractData(host, 'sync:status', {})).lastSyncedAt === null)
      await new Promise((resolve) => setTimeout(resolve, SYNCED.interval));
  }

  async function pageOn(host: RunningWebHost, language: UiLanguage): Promise<Page> {
    const context = await newAgentContext(browser);
    const page = await context.newPage();
    await new QueuePage(page).open(host.url, language);
    return page;
  }

  const held = async (host: RunningWebHost, assigneeId: string): Promise<CaseRow[]> =>
    (await contractData(host, 'cases:list', { view: 'all', holder: { assigneeId }, limit: 500 })).rows;

  beforeAll(async () => {
    browser = await launchChromium();
    apiDataDir = await copyDemoCentralApi();
    const api = await startCentralApiProcess({ dataDir: apiDataDir });
    [supervisorHost, agentHost] = await Promise.all([
      startWebHostProcess({ serverUrl: api.url }),
      startWebHostProcess({ serverUrl: api.url }),
    ]);
    await Promise.all([signIn(supervisorHost, SUPERVISOR), signIn(agentHost, AGENT)]);
  }, 180_000);
  afterAll(async () => {
    await browser?.close();
    await stopStartedProcesses();
    if (apiDataDir) rmSync(apiDataDir, { recursive: true, force: true });
  });

  it('an agent never sees the Supervisor section, and the core refuses the supervisor methods to them', async () => {
    const page = await pageOn(agentHost, 'en');
    const reassign = new ReassignPage(page, 'en');
    await page
      .getByRole('navigation')
      .getByRole('button', { name: uiText('en')('app:nav.queue') })
      .waitFor();
    expect(await reassign.supervisorSection().count()).toBe(0);
    const mine = await contractData(agentHost, 'cases:list', { view: 'mine', limit: 5 });
    expect(
      await callContract(agentHost, 'cases:reassign', { caseIds: mine.rows.map((row) => row.id), to: null }),
    ).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    await page.context().close();
  });

  it('a supervisor moves 50 cases away from an agent in one go; the agent’s queue loses them', async () => {
    const session = await contractData(supervisorHost, 'session:get', {});
    const agent = session.colleagues.find((user) => user.username === AGENT);
    const teammate = session.colleagues.find((user) => user.username === 'tanaka.yui');
    if (!agent || !teammate) throw new Error('the demo directory lacks the agent or her teammate');
    // Fifty open Asia-Pacific cases (the team queue's and other teammates') go to the agent first, through the same contract.
    const candidates = (await contractData(supervisorHost, 'cases:list', { view: 'all', limit: 500 })).rows.filter(
      (row) =>
        APAC_MARKETS.has(row.market) &&
        !['solved', 'closed'].includes(row.status) &&
        row.assigneeId !== agent.id &&
        row.assigneeId !== teammate.id,
    );
    const given = candidates.slice(0, 50).map((row) => row.id);
    expect(given).toHaveLength(50);
    expect(await contractData(supervisorHost, 'cases:reassign', { caseIds: given, to: agent.id })).toMatchObject({
      refused: [],
    });
    await expect
      .poll(async () => (await held(agentHost, agent.id)).filter((row) => given.includes(row.id)).length, SYNCED)
      .toBe(50);
    await expect
      .poll(async () => (await held(supervisorHost, agent.id)).length, SYNCED)
      .toBe((await held(agentHost, agent.id)).length);
    const before = await held(supervisorHost, agent.id);

    const agentPage = await pageOn(agentHost, 'en');
    const agentQueue = new QueuePage(agentPage);
    const sample = before.find((row) => given.includes(row.id));
    if (!sample) throw new Error('no moved case to look for');
    await agentQueue.rowByRef(sample.ref).waitFor();

    // The screen in each language, with the agent's cases listed; the move itself in English.
    for (const language of ['zh-CN', 'ar', 'en'] as const) {
      const page = await pageOn(supervisorHost, language);
      const screen = new ReassignPage(page, language);
      await screen.open();
      await screen.casesHeldBy(agent.displayName);
      await expect.poll(() => screen.caseRows().count(), SYNCED).toBe(before.length);
      if (language !== 'en') {
        await screen.queue.screenshot(language, 'supervisor-reassign');
        await page.context().close();
        continue;
      }
      await screen.selectAll(before.length);
      await screen.reassignTo(teammate.displayName);
      await screen.reason('Shift handover');
      await screen.queue.screenshot(language, 'supervisor-reassign');
      await screen.submit(before.length);
      await expect
        .poll(() => screen.result().first().innerText(), SYNCED)
        .toContain(uiText(language)('supervision:reassign.result', { moved: before.length, refused: 0 }));
      await screen.queue.screenshot(language, 'supervisor-reassign-done');
      await page.context().close();
    }

    // The agent's desk hears of it by itself (the server's poke), and her queue no longer lists any of them.
    await expect.poll(async () => (await held(agentHost, agent.id)).length, SYNCED).toBe(0);
    await expect.poll(() => agentQueue.rowByRef(sample.ref).count(), SYNCED).toBe(0);
    expect((await held(supervisorHost, teammate.id)).filter((row) => given.includes(row.id))).toHaveLength(50);
    await agentPage.context().close();
  });
});
