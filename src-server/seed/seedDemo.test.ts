import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { VerifyResponse } from '../../src-shared/sync/protocol';
import type { RunningServer } from '../startServer';
import { startServer } from '../startServer';
import { seedDemo } from './seedDemo';
import type { TestDb } from '../testing/harness';
import { openTestDb, startTestServer } from '../testing/harness';
import { ProtocolClient } from '../testing/protocolClient';

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
    const agent = await ProtocolClient.signIn(server.url, 'chen.mei');
    const scope = await agent.call<VerifyResponse>('GET', '/sync/v1/verify');
    expect(scope.body.count).toBeGreaterThan(0);
    const supervisor = await ProtocolClient.signIn(server.url, 'wang.lei');
    const wider = await supervisor.call<VerifyResponse>('GET', '/sync/v1/verify');
    expect(wider.body.count).toBeGreaterThan(scope.body.count);
    const gateway = await ProtocolClient.signIn(server.url, 'gateway');
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
