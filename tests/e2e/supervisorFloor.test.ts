// The supervisor console in Chromium (issue 15): a supervisor's desk on a central API that counts presence in
// seconds. The Floor, Agents and At risk screens in zh-CN, en and ar; then an agent's desk goes quiet, their
// leases expire, their cases return to the team queue, and the supervisor's Agents screen shows it by itself.
import { rmSync } from 'node:fs';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../src-shared/demo';
import type { SupervisedCaseList } from '../../src-shared/supervision/views';
import { ProtocolClient } from '../../src-server/testing/protocolClient';
import { FloorPage } from './pages/FloorPage';
import { launchChromium, newAgentContext } from './support/browser';
import { contractData } from './support/bridgeClient';
import { startCentralApiProcess, type RunningCentralApi } from './support/centralApiProcess';
import { processMark, stopStartedProcesses } from './support/childProcess';
import { copyDemoCentralApi, startWebHostProcess, type RunningWebHost } from './support/webHostProcess';

const SUPERVISOR = 'wang.lei';
const AGENT = 'jonas.weber';
const LANGUAGES = ['zh-CN', 'en', 'ar'] as const;
const LIVE = { timeout: 60_000 };

let browser: Browser;
let apiDataDir: string;
let api: RunningCentralApi;
let host: RunningWebHost;
let mark = 0;

beforeAll(async () => {
  mark = processMark();
  browser = await launchChromium();
  apiDataDir = await copyDemoCentralApi();
  api = await startCentralApiProcess({
    dataDir: apiDataDir,
    env: { PRESENCE_DISCONNECT_MS: '3000', LEASE_GRACE_MS: '2000', LEASE_SWEEP_MS: '500' },
  });
  host = await startWebHostProcess({ serverUrl: api.url });
  await contractData(host, 'auth:signIn', { username: SUPERVISOR, password: DEMO_PASSWORD });
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await stopStartedProcesses(mark);
  if (apiDataDir) rmSync(apiDataDir, { recursive: true, force: true });
});

async function heartbeat(agent: ProtocolClient): Promise<void> {
  const reply = await agent.call('POST', '/sync/v1/presence', {
    protocol: 1,
    clientId: agent.clientId,
    status: 'online',
  });
  expect(reply.status).toBe(200);
}

describe('supervisor console', { timeout: 300_000 }, () => {
  it('shows the Floor, Agents and At risk screens in zh-CN, en and ar', async () => {
    for (const language of LANGUAGES) {
      const context = await newAgentContext(browser);
      try {
        const screen = new FloorPage(await context.newPage(), language);
        await screen.open(host.url);
        await screen.go('floor');
        await screen.floorTable().locator('tbody tr').first().waitFor(LIVE);
        await screen.page.locator('tbody tr').first().click();
        await screen.page.locator('tr[data-case-id]').first().waitFor(LIVE);
        await screen.screenshot('supervisor-floor');
        await screen.go('agents');
        await screen.page.locator('tr[data-agent-id]').first().waitFor(LIVE);
        await screen.screenshot('supervisor-agents');
        await screen.go('atRisk');
        await screen.atRiskTable().locator('tbody tr').first().waitFor(LIVE);
        await screen.screenshot('supervisor-at-risk');
      } finally {
        await context.close();
      }
    }
  });

  it('returns a silent agent’s cases to the queue after the grace period, and the Agents screen shows it live', async () => {
    const agent = await ProtocolClient.signIn(api.url, AGENT);
    const supervisor = await ProtocolClient.signIn(api.url, SUPERVISOR);
    const agentId = agent.user?.id ?? '';
    await heartbeat(agent);
    const held = await supervisor.call<SupervisedCaseList>(
      'GET',
      `/api/v1/supervisor/cases?assigneeId=${agentId}&limit=500`,
    );
    expect(held.body.cases.length).toBeGreaterThan(0);

    // The agent's desk beats as a desk does (every second here, the server counts 3 s of silence as gone).
    const beating = setInterval(() => void heartbeat(agent), 1000);
    const context = await newAgentContext(browser);
    try {
      const screen = new FloorPage(await context.newPage(), 'en');
      await screen.open(host.url);
      await screen.go('agents');
      await screen.presenceOf(agentId).and(screen.page.locator('[data-presence="online"]')).waitFor(LIVE);
      await screen.screenshot('supervisor-agents-online');
      clearInterval(beating);

      // The agent's desk goes quiet: no heartbeat, no push. Nothing is reloaded by hand from here on.
      await screen.presenceOf(agentId).and(screen.page.locator('[data-presence="disconnected"]')).waitFor(LIVE);
      await expect
        .poll(async () => (await screen.agentRow(agentId).locator('td').nth(3).textContent()) ?? '', LIVE)
        .toMatch(/^0 \//);
      await screen.screenshot('supervisor-agents-leases-expired');

      const after = await supervisor.call<SupervisedCaseList>(
        'GET',
        `/api/v1/supervisor/cases?assigneeId=${agentId}&limit=500`,
      );
      expect(after.body.cases).toEqual([]);
      const queue = await supervisor.call<SupervisedCaseList>(
        'GET',
        '/api/v1/supervisor/cases?unassigned=true&limit=500',
      );
      const queued = new Set(queue.body.cases.map((each) => each.id));
      expect(held.body.cases.every((each) => queued.has(each.id))).toBe(true);
    } finally {
      clearInterval(beating);
      await context.close();
    }
  });
});
