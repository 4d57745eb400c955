import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Case } from '../../src-shared/domain/case';
import type { DesktopClient } from './desktopClient';
import type { ProtocolClient } from '../../src-server/testing/protocolClient';
import type { World } from './world';
import { worldWithJonas } from './worldWithJonas';

/** SYNC.md fault scenarios: disk full on the client; a mutation that fails forever must not block later ones. */
describe('failures inside the client', { timeout: 90_000 }, () => {
  let world: World;
  let jonas: DesktopClient;
  let caseAt: (index: number) => Case;
  let supervisor: ProtocolClient;

  beforeAll(async () => {
    ({ world, jonas, caseAt } = await worldWithJonas({ minOpenCases: 3 }));
    supervisor = await world.supervisor();
  });
  afterAll(() => world?.destroy());

  it('disk full: pulls fail with a clear status and change nothing; syncing resumes once there is room', async () => {
    const reply = jonas.reply(caseAt(0).id, 'Bitte senden Sie uns ein Foto des Schadens.', 'de-DE');
    await world.settle();
    jonas.disk.fill();
    const before = jonas.store.verifyHash();
    const cursor = jonas.store.getSyncState().cursor;
    // While jonas is cut off, the supervisor writes a lot into his cases: the next pull page needs more room than there is.
    world.proxy.setDown(true);
    const long = 'Lange interne Notiz. '.repeat(900);
    for (let index = 0; index < 30; index++) {
      await supervisor.apply('case.addNote@1', { caseId: caseAt(index % 3).id, noteId: randomUUID(), body: long });
    }
    world.proxy.setDown(false);
    try {
      await world.runFor(2 * 60_000, 10_000);
      expect(jonas.engine.status().lastError).toEqual({ code: 'DISK_FULL' });
      expect(jonas.store.verifyHash()).toEqual(before);
      expect(jonas.store.getSyncState().cursor).toBe(cursor);
      // A local write either fits in the free pages or fails whole with SQLITE_FULL, never half-saved.
      const pending = jonas.store.pendingCount();
      try {
        jonas.write('case.addTag@1', { caseId: caseAt(1).id, tag: 'no-room' });
        expect(jonas.store.pendingCount()).toBe(pending + 1);
      } catch (error) {
        expect(Reflect.get(Object(error), 'code')).toBe('SQLITE_FULL');
        expect(jonas.store.pendingCount()).toBe(pending);
      }
    } finally {
      jonas.disk.makeRoom();
    }
    expect(await world.settleAndCheck()).toEqual([]);
    expect(jonas.engine.status().lastError).toBeNull();
    expect(jonas.store.caseDetail(caseAt(0).id)?.messages.some((message) => message.id === reply.args.messageId)).toBe(
      true,
    );
  });

  it('a mutation the server can never apply is rejected for good and does not block the ones after it', async () => {
    const unknown = jonas.writeForeign('case.snooze', 1, { caseId: caseAt(1).id, until: '2026-12-01T09:00:00.000Z' });
    const after = jonas.write('case.addTag@1', { caseId: caseAt(1).id, tag: 'after-snooze' });
    const reply = jonas.reply(caseAt(2).id, 'Thanks for your patience.');
    expect(await world.settleAndCheck()).toEqual([]);
    const results = await world.server.database.query<{ uuid: string; result: { status: string; code?: string } }>(
      'SELECT uuid, result FROM mutations WHERE uuid IN ($1, $2, $3)',
      [unknown.uuid, after.uuid, reply.uuid],
    );
    const byUuid = new Map(results.map((row) => [row.uuid, row.result]));
    expect(byUuid.get(unknown.uuid)).toMatchObject({ status: 'rejected', code: 'UNSUPPORTED_MUTATION' });
    expect(byUuid.get(after.uuid)).toMatchObject({ status: 'applied' });
    expect(byUuid.get(reply.uuid)).toMatchObject({ status: 'applied' });
    // Its verdict is kept so a retry is answered the same, but not its payload: a mutation the server does not
    // know is arbitrary client data it has no reason to store (issue 19.6).
    const kept = await world.server.database.query<{ args: Record<string, unknown> }>(
      'SELECT args FROM mutations WHERE uuid = $1',
      [unknown.uuid],
    );
    expect(kept).toEqual([{ args: {} }]);
  });
});
