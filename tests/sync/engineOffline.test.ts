// The sync engine end to end: the real server, two desktop cores on real SQLite files, an agent who works
// offline while a supervisor reassigns, closes and merges, and every outcome of SYNC.md's offline-reply
// table after reconnecting.
import { openTestConnection } from '../../src-main/core/store/testStore';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { DEMO_PASSWORD } from '../../src-shared/demo';
import { openSyncedWorkstation } from '../../src-main/core/sync';
import type { Desk } from './engineHarness';
import { openDesk } from './engineHarness';
import { TestServer } from './testServer';

let demo: TestServer;
let agent: Desk;
let supervisor: Desk;

type CaseRow = { id: string; status: string; assignee_id: string | null; team_id: string; locale: string };

function activeCasesOf(desk: Desk, assigneeId: string): CaseRow[] {
  return desk.sql((db) =>
    db
      .prepare<[string], CaseRow>(
        "SELECT id, status, assignee_id, team_id, locale FROM cases WHERE assignee_id = ? AND status IN ('new', 'open') ORDER BY id",
      )
      .all(assigneeId),
  );
}

function userId(desk: Desk, username: string): string {
  const user = desk.store.users().find((each) => each.username === username);
  if (!user) throw new Error(`${username} is not in this desk's directory`);
  return user.id;
}

function messagesOn(desk: Desk, caseId: string) {
  return desk.store.caseDetail(caseId)?.messages ?? [];
}

beforeAll(async () => {
  demo = await TestServer.create();
  agent = await openDesk(demo.url, 'jonas.weber');
  supervisor = await openDesk(demo.url, 'wang.lei');
}, 120_000);

afterAll(async () => {
  await agent?.close();
  await supervisor?.close();
  await demo?.destroy();
});

describe('sync engine end to end', () => {
  it('bootstraps each desk to exactly the server view of its scope', async () => {
    expect(agent.engine.status()).toMatchObject({
      connection: 'online',
      pendingCount: 0,
      lastError: null,
      bootstrap: null,
    });
    expect(agent.store.caseCount()).toBeGreaterThan(0);
    expect(supervisor.store.caseCount()).toBeGreaterThan(agent.store.caseCount());
    expect(agent.store.verifyHash()).toEqual(await (await demo.login('jonas.weber')).verify());
    expect(supervisor.store.verifyHash()).toEqual(await (await demo.login('wang.lei')).verify());
    // The snapshot's search entries are built after it is swapped in, on the engine's timers.
    await vi.waitFor(() => expect(agent.store.searchBacklog()).toBe(0), { timeout: 10_000 });
    const indexed = agent.sql((db) => {
      const some = db
        .prepare<[], { id: string; order_id: string }>(
          'SELECT id, order_id FROM cases WHERE order_id IS NOT NULL LIMIT 1',
        )
        .get();
      return db.prepare('SELECT count(*) AS n FROM case_fts WHERE case_fts MATCH ?').get(`"${some?.order_id ?? ''}"`);
    });
    expect(indexed).toEqual({ n: 1 });
  });

  it('carries a reply from one desk to the other and delivers it once', async () => {
    const jonas = userId(agent, 'jonas.weber');
    const target = activeCasesOf(agent, jonas)[0];
    if (!target) throw new Error('the demo data gives jonas.weber no active case');
    const messageId = randomUUID();
    agent.store.write('case.reply@1', {
      caseId: target.id,
      messageId,
      body: 'Wir erstatten den Betrag heute.',
      locale: 'de-DE',
    });
    expect(agent.engine.status().pendingCount).toBe(1);
    await agent.engine.syncNow();
    expect(agent.engine.status().pendingCount).toBe(0);
    expect(messagesOn(agent, target.id).find((m) => m.id === messageId)?.isPending).toBe(false);

    await supervisor.engine.syncNow();
    expect(messagesOn(supervisor, target.id).filter((m) => m.id === messageId)).toHaveLength(1);
    await demo.deliverAll();
    expect(demo.deliveries.get(messageId)).toBe(1);
  });

  it('after an offline stretch, every reply ends as the offline-reply table says', async () => {
    const jonas = userId(agent, 'jonas.weber');
    const camille = userId(agent, 'camille.durand');
    const cases = activeCasesOf(agent, jonas);
    const [reassigned, closed, merged, into] = cases;
    if (!reassigned || !closed || !merged || !into)
      throw new Error(`jonas.weber needs 4 active cases in the demo data, has ${cases.length}`);

    agent.offline = true;
    const replies = {
      reassigned: randomUUID(),
      closed: randomUUID(),
      merged: randomUUID(),
    };
    agent.store.write('case.reply@1', {
      caseId: reassigned.id,
      messageId: replies.reassigned,
      body: 'Your refund is on its way.',
      locale: 'en',
    });
    agent.store.write('case.reply@1', {
      caseId: closed.id,
      messageId: replies.closed,
      body: 'Der Ersatz wurde versandt.',
      locale: 'de-DE',
    });
    agent.store.write('case.reply@1', {
      caseId: merged.id,
      messageId: replies.merged,
      body: 'Nous avons bien reçu votre retour.',
      locale: 'fr-FR',
    });
    await expect(agent.engine.syncNow()).rejects.toThrow(/unreachable/);
    expect(agent.engine.status()).toMatchObject({ connection: 'offline', pendingCount: 3 });
    expect(agent.engine.status().lastError).toEqual({ code: 'NETWORK' });

    supervisor.store.write('case.assign@1', { caseId: reassigned.id, to: camille });
    supervisor.store.write('case.setStatus@1', { caseId: closed.id, to: 'solved' });
    expect(
      await (await demo.login('wang.lei')).pushOne('case.merge@1', { caseId: merged.id, intoId: into.id }),
    ).toMatchObject({ status: 'applied' });
    await supervisor.engine.syncNow();
    expect(supervisor.engine.status().pendingCount).toBe(0);
    expect(supervisor.store.attention()).toEqual([]);

    agent.offline = false;
    await agent.engine.syncNow();
    expect(agent.engine.status()).toMatchObject({ connection: 'online', pendingCount: 0, lastError: null });

    // Same team, reassigned: applied once, and the new assignee's case says the previous one replied offline.
    await supervisor.engine.syncNow();
    expect(messagesOn(supervisor, reassigned.id).filter((m) => m.id === replies.reassigned)).toHaveLength(1);
    expect(supervisor.store.caseDetail(reassigned.id)?.events.some((e) => e.kind === 'replied_while_offline')).toBe(
      true,
    );
    // The reassigned case left jonas's scope; his reply is not left behind as a pending row either.
    expect(agent.store.caseDetail(reassigned.id)).toBeNull();

    // Solved meanwhile: rejected, and the text comes back in "Needs attention".
    const attention = agent.store.attention();
    expect(attention).toHaveLength(1);
    expect(attention[0]).toMatchObject({
      caseId: closed.id,
      code: 'CASE_CLOSED',
      body: 'Der Ersatz wurde versandt.',
      locale: 'de-DE',
    });
    expect(messagesOn(agent, closed.id).some((m) => m.id === replies.closed)).toBe(false);
    expect(messagesOn(supervisor, closed.id).some((m) => m.id === replies.closed)).toBe(false);

    // Merged meanwhile: redirected to the surviving case.
    expect(messagesOn(supervisor, into.id).filter((m) => m.id === replies.merged)).toHaveLength(1);
    expect(messagesOn(agent, into.id).filter((m) => m.id === replies.merged)).toEqual([
      expect.objectContaining({ isPending: false }),
    ]);

    await demo.deliverAll();
    expect(demo.deliveries.get(replies.reassigned)).toBe(1);
    expect(demo.deliveries.get(replies.merged)).toBe(1);
    expect(demo.deliveries.has(replies.closed)).toBe(false);

    // Delivery moved the replies to "sent" on the server: once the desks pull that, all views agree.
    await agent.engine.syncNow();
    await supervisor.engine.syncNow();
    expect(agent.store.verifyHash()).toEqual(await (await demo.login('jonas.weber')).verify());
    expect(supervisor.store.verifyHash()).toEqual(await (await demo.login('wang.lei')).verify());
  });
});

describe('the workstation on the sync engine', () => {
  it('signs in through the contract, reports status events and sends a local write', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'crossdesk-engine-ws-'));
    const workstation = await openSyncedWorkstation({
      dataDir,
      serverUrl: demo.url,
      signIn: { username: 'camille.durand', password: DEMO_PASSWORD },
    });
    try {
      const session = await workstation.call('session:get', {});
      expect(session.ok && session.data.user?.username).toBe('camille.durand');
      const status = await workstation.call('sync:status', {});
      expect(status.ok && status.data).toMatchObject({ connection: 'online', pendingCount: 0, lastError: null });

      const page = await workstation.call('cases:list', { view: 'all', limit: 1 });
      const caseId = page.ok ? page.data.rows[0]?.id : undefined;
      if (!caseId) throw new Error('camille.durand has no case after the first sync');
      const statuses: number[] = [];
      const drained = new Promise<void>((resolve) => {
        workstation.subscribe('sync:status', (next) => {
          statuses.push(next.pendingCount);
          if (next.pendingCount === 0 && next.connection === 'online') resolve();
        });
      });
      const noteId = randomUUID();
      const written = await workstation.call('cases:addNote', {
        caseId,
        noteId,
        body: 'Customer called back, address confirmed.',
      });
      expect(written.ok).toBe(true);
      await drained;
      expect(statuses[0]).toBe(1);
      const detail = await workstation.call('cases:get', { caseId });
      expect(detail.ok && detail.data.notes.find((note) => note.id === noteId)?.isPending).toBe(false);

      const wrong = await workstation.call('auth:signIn', { username: 'camille.durand', password: 'not the password' });
      expect(wrong).toMatchObject({ ok: false, error: { code: 'UNAUTHORIZED' } });
    } finally {
      workstation.close();
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});

describe('a desk restored from an old backup', () => {
  it('continues as a new client after CLIENT_STATE_CONFLICT and sends every note exactly once', async () => {
    const desk = await openDesk(demo.url, 'camille.durand');
    const backupDir = mkdtempSync(join(tmpdir(), 'crossdesk-engine-backup-'));
    const backup = join(backupDir, 'backup.sqlite');
    let restored: Desk | null = null;
    try {
      const caseId = desk.sql(
        (db) =>
          db
            .prepare<[], { id: string }>("SELECT id FROM cases WHERE status IN ('new', 'open') ORDER BY id LIMIT 1")
            .get()?.id,
      );
      if (!caseId) throw new Error('camille.durand has no active case');
      const notes = [randomUUID(), randomUUID(), randomUUID()] as const;
      desk.store.write('case.addNote@1', { caseId, noteId: notes[0], body: 'Backed up while still unsent.' });
      // A backup as a tool beside the app takes it: through a connection of its own, finished before it closes.
      const copier = openTestConnection(desk.path);
      await copier.backup(backup).finally(() => copier.close());
      await desk.engine.syncNow();
      desk.store.write('case.addNote@1', { caseId, noteId: notes[1], body: 'Sent after the backup.' });
      await desk.engine.syncNow();
      const firstClientId = desk.store.getSyncState().clientId;
      await desk.close();

      restored = await openDesk(demo.url, 'camille.durand', { path: backup });
      // The restored outbox still holds the first note; its mutation id 2 now clashes with the second note's.
      restored.store.write('case.addNote@1', { caseId, noteId: notes[2], body: 'Written on the restored copy.' });
      await restored.engine.syncNow();
      expect(restored.engine.status()).toMatchObject({ connection: 'online', pendingCount: 0, lastError: null });
      expect(restored.store.getSyncState().clientId).not.toBe(firstClientId);

      await supervisor.engine.syncNow();
      const onServer = supervisor.store.caseDetail(caseId)?.notes ?? [];
      for (const noteId of notes) expect(onServer.filter((note) => note.id === noteId)).toHaveLength(1);
      expect(restored.store.verifyHash()).toEqual(await (await demo.login('camille.durand')).verify());
    } finally {
      await restored?.close();
      rmSync(backupDir, { recursive: true, force: true });
    }
  });
});
