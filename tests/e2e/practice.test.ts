// Practice end to end (issue 16), the agent's half: one synced workstation for the file's flow. The agent plays
// one scenario offline in the Arabic UI and one online in Chinese; both runs reach the central API once.
// The trainer's half (assign, review, release) extends this file with its own steps.
import { beforeEach, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../src-shared/demo';
import { PROTOCOL_VERSION } from '../../src-shared/sync/protocol';
import { scenarioKey, TrainingPullResponseSchema } from '../../src-shared/training';
import { ProtocolClient } from '../../src-server/testing/protocolClient';
import { PracticePage } from './pages/PracticePage';
import { SettingsPage } from './pages/SettingsPage';
import { contractData } from './support/bridgeClient';
import { startCentralApiProcess } from './support/centralApiProcess';
import { uiTextOf } from './support/uiText';
import { startSyncedWorkstation, workstationPerTest, type SyncedWorkstation } from './support/workstationFixture';

const AGENT = 'chen.mei';
const SYNCED = { timeout: 150_000, interval: 250 };
const workstation = workstationPerTest(startSyncedWorkstation);
let setup: SyncedWorkstation;
let screen: PracticePage;

beforeEach(() => {
  setup = workstation();
  screen = new PracticePage(setup.page);
});

async function runsOnDesk() {
  return (await contractData(setup.host, 'practice:overview', {})).runs;
}

describe('practice in the sandbox, end to end', () => {
  it(
    'plays offline in Arabic and online in Chinese; the marker stays; both runs sync once',
    { timeout: 400_000 },
    async () => {
      await screen.queue.open(setup.host.url, 'en');
      await new SettingsPage(setup.page).signIn(AGENT, DEMO_PASSWORD);
      await expect
        .poll(async () => (await contractData(setup.host, 'sync:status', {})).lastSyncedAt, SYNCED)
        .not.toBeNull();
      await screen.open(setup.host.url, 'en');
      await screen.screenshot('en', 'practice-list');

      // Offline: the central API is gone; the run plays and is scored on the desk.
      const port = setup.api.port;
      await setup.api.stop();
      await screen.open(setup.host.url, 'ar');
      expect(await setup.page.locator('html').getAttribute('dir')).toBe('rtl');
      const arabic = await screen.playPerfectPath('sa-return-salam-whatsapp', 'ar');
      expect(await screen.marker().isVisible()).toBe(true);
      expect(await screen.score().innerText()).toContain('100');
      await expect.poll(async () => (await runsOnDesk()).map((run) => run.upload)).toEqual(['pending']);
      await screen.screenshot('ar', 'practice-debrief');

      const api = await startCentralApiProcess({ dataDir: setup.apiDataDir, port });
      await expect.poll(async () => (await runsOnDesk()).map((run) => run.upload), SYNCED).toEqual(['synced']);

      // Online, in Chinese.
      await screen.open(setup.host.url, 'zh-CN');
      const t = uiTextOf('zh-CN', 'practice');
      expect(await screen.marker().innerText()).toContain(t('marker.label'));
      const chinese = await screen.playPerfectPath('cn-inquiry-casual-chat', 'zh-CN');
      await screen.screenshot('zh-CN', 'practice-debrief');
      await expect
        .poll(async () => (await runsOnDesk()).map((run) => run.upload).sort(), SYNCED)
        .toEqual(['synced', 'synced']);

      const agent = await ProtocolClient.signIn(api.url, AGENT);
      const pulled = await agent.call('POST', '/sync/v1/training/pull', { protocol: PROTOCOL_VERSION, cursor: null });
      const runs = TrainingPullResponseSchema.parse(pulled.body).changes.filter((change) => change.entity === 'run');
      expect(runs).toHaveLength(2);
      const keys = (await runsOnDesk()).map((run) => run.scenarioKey).sort();
      expect(keys).toEqual([scenarioKey(chinese), scenarioKey(arabic)].sort());
      await screen.open(setup.host.url, 'ar');
      await screen.screenshot('ar', 'practice-list');
      await screen.open(setup.host.url, 'zh-CN');
      await screen.screenshot('zh-CN', 'practice-list');
    },
  );
});
