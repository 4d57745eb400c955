import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Message } from '../../src-shared/domain/case';
import { pdfDocument, photoWithLocation } from '../../src-server/testing/sampleFiles';
import type { DesktopClient } from './desktopClient';
import type { World } from './world';
import { worldWithJonas } from './worldWithJonas';

const UPLOAD = /^\/api\/v1\/attachments\/[0-9a-f-]+\?/;

/** Issue 18: files attached offline go up exactly once, also when the desk dies in the middle of an upload. */
describe('files attached offline', { timeout: 120_000 }, () => {
  let world: World;
  let jonas: DesktopClient;
  let caseIds: string[];

  beforeAll(async () => {
    let caseAt: (index: number) => { id: string };
    ({ world, jonas, caseAt } = await worldWithJonas({ minOpenCases: 2 }));
    caseIds = [caseAt(0).id, caseAt(1).id];
  });
  afterAll(() => world?.destroy());

  async function serverFiles(ids: readonly string[]): Promise<{ id: string; sha256: string }[]> {
    return world.server.database.query<{ id: string; sha256: string }>(
      'SELECT id, sha256 FROM attachments WHERE id = ANY($1::text[]) ORDER BY id',
      [`{${ids.join(',')}}`],
    );
  }

  async function serverMessage(id: string): Promise<Message | undefined> {
    const [row] = await world.server.database.query<{ data: Message }>('SELECT data FROM messages WHERE id = $1', [id]);
    return row?.data;
  }

  /** Offline: a reply with a photo and a PDF, then back online with the first upload held on the wire. */
  async function replyWithFilesOffline(caseId: string) {
    world.proxy.setDown(true);
    const photo = jonas.store.attachFile({ caseId, fileName: 'schaden.jpg', bytes: await photoWithLocation() });
    const label = jonas.store.attachFile({ caseId, fileName: 'ruecksendeetikett.pdf', bytes: pdfDocument() });
    const reply = jonas.write('case.reply@2', {
      caseId,
      messageId: crypto.randomUUID(),
      body: 'Anbei das Rücksendeetikett; das Foto haben wir erhalten.',
      locale: 'de-DE',
      attachmentIds: [photo.id, label.id],
    });
    const optimistic = jonas.store.caseDetail(caseId)?.messages.find((each) => each.id === reply.args.messageId);
    expect(optimistic?.attachments?.map((file) => file.fileName)).toEqual(['schaden.jpg', 'ruecksendeetikett.pdf']);
    const hold = world.proxy.addRule({ method: 'PUT', path: UPLOAD }, { kind: 'hold' }, { times: 1 });
    world.proxy.setDown(false);
    jonas.engine.kick();
    await world.proxy.waitForHeld();
    return { photo, label, messageId: String(reply.args.messageId), hold };
  }

  it('desk killed while the server was receiving the upload: after restart each file is stored once and the reply carries both', async () => {
    const { photo, label, messageId, hold } = await replyWithFilesOffline(caseIds[0] ?? '');
    jonas.kill();
    // The bytes were on the wire when the app died; the server gets them anyway.
    world.proxy.release();
    expect(hold.hits).toBe(1);
    await jonas.restart();
    expect(await world.settleAndCheck()).toEqual([]);
    expect((await serverFiles([photo.id, label.id])).map((row) => row.sha256).sort()).toEqual(
      [photo.sha256, label.sha256].sort(),
    );
    expect((await serverMessage(messageId))?.attachments?.map((file) => file.id)).toEqual([photo.id, label.id]);
    // The first upload was sent twice (once before the crash, once after) and stored once.
    const puts = world.proxy.exchanges({ method: 'PUT', path: UPLOAD });
    expect(puts.filter((each) => each.path.includes(photo.id) || each.path.includes(label.id)).length).toBe(3);
    expect(jonas.store.filesToUpload(10)).toEqual([]);
  });

  it('desk killed before the server saw the upload: after restart the file goes up once', async () => {
    const { photo, label, messageId } = await replyWithFilesOffline(caseIds[1] ?? '');
    jonas.kill();
    world.proxy.discardHeld();
    await jonas.restart();
    expect(await world.settleAndCheck()).toEqual([]);
    expect(await serverFiles([photo.id, label.id])).toHaveLength(2);
    const message = await serverMessage(messageId);
    expect(message?.attachments?.map((file) => [file.fileName, file.mediaType])).toEqual([
      ['schaden.jpg', 'image/jpeg'],
      ['ruecksendeetikett.pdf', 'application/pdf'],
    ]);
    // The desk keeps its own files as cached originals, within the cache's bound.
    expect(jonas.store.cachedFile(label.id, 'original')?.bytes.equals(pdfDocument())).toBe(true);
  });
});
