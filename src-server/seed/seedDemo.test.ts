import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../src-shared/demo';
import type { VerifyResponse } from '../../src-shared/sync/protocol';
import type { TestDb } from '../testing/harness';
import { ApiClient, openTestDb, startTestServer } from '../testing/harness';
import type { RunningServer } from '../startServer';
import { startServer } from '../startServer';
import { seedDemo } from './seedDemo';

describe('demo seeding', () => {
  let testDb: TestDb;
  let server: RunningServer;
  beforeAll(async () => {
    testDb = await openTestDb('pglite');
    // A small slice of the demo set keeps the suite fast; the server's own seedDemo then finds it and keeps it.
    expect(await seedDemo(testDb.db, Date.now(), 40)).toBe(true);
    server = await startTestServer(testDb.db, { seedDemo: true });
  });
  afterAll(async () => {
    await server?.close();
    await testDb?.dispose();
  });

  it('loads the demo set once; demo agents and the gateway can log in and sync their scope', async () => {
    expect(await seedDemo(testDb.db, Date.now())).toBe(false);
    const agent = new ApiClient(server.url);
    await agent.login('chen.mei', DEMO_PASSWORD);
    const scope = await agent.call<VerifyResponse>('GET', '/sync/v1/verify');
    expect(scope.body.count).toBeGreaterThan(0);
    const supervisor = new ApiClient(server.url);
    await supervisor.login('wang.lei', DEMO_PASSWORD);
    const wider = await supervisor.call<VerifyResponse>('GET', '/sync/v1/verify');
    expect(wider.body.count).toBeGreaterThan(scope.body.count);
    const gateway = new ApiClient(server.url);
    await gateway.login('gateway', DEMO_PASSWORD);
    const posted = await gateway.call('POST', '/api/v1/inbound', {
      externalId: 'demo-1',
      channel: 'line',
      receivedAt: new Date().toISOString(),
      market: 'JP',
      locale: 'ja-JP',
      customer: { name: { given: '花子', family: '山田', order: 'family_given' }, address: 'line:hanako' },
      body: '返品したいです。',
    });
    expect(posted.status).toBe(201);
  });

  it('refuses to seed the demo accounts, admin included, on an address other computers reach (issue 19.10)', async () => {
    const fresh = await openTestDb('pglite');
    try {
      for (const host of ['0.0.0.0', '::', '192.0.2.10'])
        await expect(startServer({ db: fresh.db, host, seedDemo: true, runOutbound: false })).rejects.toThrow(
          /SEED_DEMO.*loopback/,
        );
      const users = await fresh.db.query('SELECT 1 FROM users');
      expect(users).toEqual([]);
    } finally {
      await fresh.dispose();
    }
  });
});
