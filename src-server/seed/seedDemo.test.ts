import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../src-shared/demo';
import type { VerifyResponse } from '../../src-shared/sync/protocol';
import type { TestDb } from '../testing/harness';
import { ApiClient, openTestDb, startTestServer } from '../testing/harness';
import type { RunningServer } from '../startServer';
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
});
