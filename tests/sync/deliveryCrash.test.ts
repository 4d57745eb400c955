import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Case, Message } from '../../src-shared/domain/case';
import { seedDemo } from '../../src-server/seed/seedDemo';
import { openDatabase } from '../../src-server/startServer';
import { mutation, ProtocolClient, pushBody } from '../../src-server/testing/protocolClient';
import { seededTemplate } from '../../src-server/testing/seededTemplate';
import { WORLD_START } from './testServer';

const REPLIES = 120;
const GATEWAY_MS = 150;

/**
 * A channel gateway that takes 150 ms per reply and honours Idempotency-Key as the gateway contract asks:
 * a key it has seen is acknowledged again and not sent to the customer a second time.
 */
function startGateway(): Promise<{ server: Server; url: string; received: string[]; toCustomer: Set<string> }> {
  const received: string[] = [];
  const toCustomer = new Set<string>();
  const server = createServer((request, response) => {
    request.resume();
    request.on('end', () => {
      const key = String(request.headers['idempotency-key'] ?? '');
      received.push(key);
      setTimeout(() => {
        toCustomer.add(key);
        response.end('{}');
      }, GATEWAY_MS);
    });
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      resolve({ server, url: `http://127.0.0.1:${port}/deliver`, received, toCustomer });
    }),
  );
}

function startApi(dataDir: string, webhookUrl: string): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', join(import.meta.dirname, 'deliveryServerMain.ts')], {
    env: { ...process.env, DATA_DIR: dataDir, WEBHOOK_URL: webhookUrl, LEASE_MS: '3000' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return new Promise((resolve, reject) => {
    let output = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const url = /READY (\S+)/.exec(output)?.[1];
      if (url) resolve({ child, url });
    });
    child.once('exit', (code) => reject(new Error(`the API exited with ${code} before it was ready`)));
  });
}

async function until(condition: () => boolean | Promise<boolean>, what: string, timeoutMs = 90_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`gave up waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

// Issue 19.11: SIGKILL of the central API while replies are being delivered strands none of them.
describe('delivery across a server crash', { timeout: 240_000 }, () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'crossdesk-delivery-crash-'));
  const children: ChildProcess[] = [];
  let gateway: Awaited<ReturnType<typeof startGateway>> | undefined;

  afterAll(async () => {
    for (const child of children) child.kill('SIGKILL');
    await new Promise((resolve) => gateway?.server.close(resolve) ?? resolve(undefined));
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('delivers every reply after a SIGKILL mid-delivery, none twice to a gateway that honours the key', async () => {
    const template = await seededTemplate({
      root: tmpdir(),
      prefix: 'crossdesk-sync',
      keyParts: [100, WORLD_START],
      seed: (db) => seedDemo(db, Date.parse(WORLD_START), 100),
    });
    cpSync(template, dataDir, { recursive: true });
    const db = await openDatabase({ dataDir });
    const [agent] = await db.query<{ id: string }>(`SELECT id FROM users WHERE username = 'chen.mei'`);
    const cases = await db.query<{ data: Case }>(
      `SELECT data FROM cases WHERE assignee_id = $1 AND status IN ('new', 'open', 'pending_customer', 'on_hold')
       AND merged_into_id IS NULL ORDER BY id LIMIT 12`,
      [agent?.id ?? ''],
    );
    await db.close();
    expect(cases.length).toBeGreaterThan(0);

    gateway = await startGateway();
    const first = await startApi(dataDir, gateway.url);
    children.push(first.child);
    const client = await ProtocolClient.signIn(first.url, 'chen.mei');
    const replies = Array.from({ length: REPLIES }, (_, index) => {
      const forCase = cases[index % cases.length]?.data;
      return mutation(index + 1, 'case.reply', {
        caseId: forCase?.id,
        messageId: randomUUID(),
        body: `Reply ${index + 1}: we have received your request.`,
        locale: forCase?.locale ?? 'en',
      });
    });
    const pushed = await client.call<{ results: { status: string }[] }>(
      'POST',
      '/sync/v1/push',
      pushBody(randomUUID(), replies),
    );
    expect(pushed.body.results.every((result) => result.status === 'applied')).toBe(true);
    const ids = replies.map((reply) => String(Reflect.get(Object(reply.args), 'messageId')));

    const received = gateway.received;
    await until(() => received.length >= 30, 'deliveries to start');
    first.child.kill('SIGKILL');
    await new Promise((resolve) => first.child.once('exit', resolve));
    expect(gateway.toCustomer.size).toBeLessThan(REPLIES);

    const second = await startApi(dataDir, gateway.url);
    children.push(second.child);
    await until(() => ids.every((id) => gateway?.toCustomer.has(id)), 'every reply to reach the customer');

    // Each reply reached the customer once; only the ones in flight at the kill were sent to the gateway twice.
    expect(new Set(received).size).toBe(REPLIES);
    expect(received.length - REPLIES).toBeLessThanOrEqual(4);
    const after = await ProtocolClient.signIn(second.url, 'chen.mei');
    await until(async () => {
      const bootstrap = await after.call<string>('GET', '/sync/v1/bootstrap');
      const states = String(bootstrap.body)
        .trim()
        .split('\n')
        .map((line) => JSON.parse(line) as { entity?: string; data?: Message })
        .filter((line) => line.entity === 'message' && ids.includes(line.data?.id ?? ''))
        .map((line) => line.data?.deliveryState);
      return states.length === REPLIES && states.every((state) => state === 'sent');
    }, 'every reply to show as sent');
  });
});
