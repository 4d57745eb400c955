import { randomUUID } from 'node:crypto';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { ATTACHMENT_LIMITS, type Attachment } from '../../src-shared/domain/attachment';
import type { Message, Note } from '../../src-shared/domain/case';
import { InboundResponseSchema, UploadedFileSchema } from '../../src-shared/sync/protocol';
import { DRIVERS, makeCase, serverSuite } from '../testing/harness';
import type { ProtocolClient } from '../testing/protocolClient';
import {
  EXECUTABLE,
  GPS_IFD_TAG,
  HTML_PAGE,
  SAMPLE_CAMERA_MAKE,
  pdfDocument,
  photoWithLocation,
  pngImage,
} from '../testing/sampleFiles';
import { sha256Hex } from './blobStore';

const base64 = (bytes: Buffer): string => bytes.toString('base64');

function inbound(caseId: string, attachments: unknown[]) {
  return {
    externalId: `attach-${randomUUID()}`,
    channel: 'email',
    receivedAt: '2026-11-25T09:00:00.000Z',
    market: 'DE',
    locale: 'de-DE',
    customer: { name: { given: 'Lena', family: 'Schmidt', order: 'given_family' }, address: 'l@example.test' },
    caseId,
    body: 'Anbei die Fotos vom Schaden und die Rechnung.',
    attachments,
  };
}

async function uploaded(client: ProtocolClient, caseId: string | undefined, name: string, bytes: Uint8Array) {
  const id = randomUUID();
  const reply = await client.uploadFile(id, bytes, { name, ...(caseId ? { caseId } : {}) });
  expect(reply.status, JSON.stringify(reply.body)).toBe(201);
  return UploadedFileSchema.parse(reply.body);
}

describe.each(DRIVERS)('attachments on %s', (driver) => {
  const suite = serverSuite(driver, (clock) => ({
    clock: clock.now,
    loginLimit: { perUser: 1e6, perIp: 1e6, windowMs: 60_000 },
  }));

  async function messageRow(id: string): Promise<Message> {
    const [row] = await suite.db.query<{ data: Message }>('SELECT data FROM messages WHERE id = $1', [id]);
    if (!row) throw new Error(`no message ${id}`);
    return row.data;
  }

  it('takes a customer message with two photos and a PDF, refuses an executable and an oversized file, and the message still arrives', async () => {
    const { cases, as } = await suite.setup((w) => [makeCase(w.teamA.id, w.users.agentA1.id)]);
    const [open] = cases;
    if (!open) throw new Error('no case');
    const gateway = await as('gateway');
    const tooLarge = Buffer.alloc(ATTACHMENT_LIMITS.fileBytes + 1, 0x61);
    const request = inbound(open.id, [
      { fileName: 'damage-1.jpg', contentBase64: base64(await photoWithLocation()) },
      { fileName: 'damage-2.png', contentBase64: base64(await pngImage()) },
      { fileName: 'receipt.pdf', contentBase64: base64(pdfDocument('Receipt')) },
      { fileName: 'photo.jpg', contentBase64: base64(EXECUTABLE) },
      { fileName: 'big.txt', contentBase64: base64(tooLarge) },
      { fileName: 'x.txt', contentBase64: 'not base64!' },
    ]);
    const reply = await gateway.call('POST', '/api/v1/inbound', request);
    expect(reply.status, JSON.stringify(reply.body)).toBe(201);
    const answer = InboundResponseSchema.parse(reply.body);
    expect(answer.attachments?.map((each) => (each.ok ? each.attachment.mediaType : each.code))).toEqual([
      'image/jpeg',
      'image/png',
      'application/pdf',
      'UNSUPPORTED_TYPE',
      'FILE_TOO_LARGE',
      'BAD_ENCODING',
    ]);
    const message = await messageRow(answer.messageId);
    expect(message.attachments?.map((file) => [file.fileName, file.kind, file.hasPreview])).toEqual([
      ['damage-1.jpg', 'image', true],
      ['damage-2.png', 'image', true],
      ['receipt.pdf', 'pdf', false],
    ]);
    // The agent's desk gets the metadata with the message through sync.
    const agent = await as('agentA1');
    const synced = (await agent.scope()).messages.find((each) => each.id === answer.messageId);
    expect(synced?.attachments).toEqual(message.attachments);
    // A repeat of the same request changes nothing and lists what the message holds.
    const again = await gateway.call('POST', '/api/v1/inbound', request);
    expect(again.status).toBe(200);
    const repeated = InboundResponseSchema.parse(again.body);
    expect(repeated).toMatchObject({ messageId: answer.messageId, created: false });
    expect(repeated.attachments?.map((each) => each.ok && each.attachment.id)).toEqual(
      message.attachments?.map((file) => file.id),
    );
  });

  it('serves images only re-encoded: upright, without EXIF (no camera, no GPS); the original is kept but never served', async () => {
    const { cases, as } = await suite.setup((w) => [makeCase(w.teamA.id, w.users.agentA1.id)]);
    const [open] = cases;
    if (!open) throw new Error('no case');
    const photo = await photoWithLocation();
    expect(photo.includes(GPS_IFD_TAG) && photo.includes(Buffer.from(SAMPLE_CAMERA_MAKE))).toBe(true);
    const agent = await as('agentA1');
    const file = await uploaded(agent, open.id, 'kaputt.jpg', photo);
    expect(file).toMatchObject({ mediaType: 'image/jpeg', kind: 'image', hasPreview: true, sha256: sha256Hex(photo) });

    const display = await agent.downloadFile(file.id, 'display');
    expect(display.status).toBe(200);
    expect(display.headers.get('content-type')).toBe('image/jpeg');
    expect(display.headers.get('x-content-type-options')).toBe('nosniff');
    const shown = await sharp(display.bytes).metadata();
    expect([shown.width, shown.height, shown.exif, shown.orientation]).toEqual([32, 64, undefined, undefined]);
    expect(display.bytes.includes(Buffer.from(SAMPLE_CAMERA_MAKE))).toBe(false);
    expect(display.bytes.includes(GPS_IFD_TAG)).toBe(false);
    const thumbnail = await agent.downloadFile(file.id, 'thumbnail');
    expect((await sharp(thumbnail.bytes).metadata()).exif).toBeUndefined();

    const original = await agent.downloadFile(file.id, 'original');
    expect(original.status).toBe(403);
    const [row] = await suite.db.query<{ sha256: string }>('SELECT sha256 FROM attachments WHERE id = $1', [file.id]);
    expect(row?.sha256).toBe(sha256Hex(photo));
  });

  it('sniffs the type from the bytes, never the name: a PNG called .pdf is an image, an executable called .jpg and HTML called .txt are refused', async () => {
    const { cases, as } = await suite.setup((w) => [makeCase(w.teamA.id, w.users.agentA1.id)]);
    const [open] = cases;
    if (!open) throw new Error('no case');
    const agent = await as('agentA1');
    expect(await uploaded(agent, open.id, 'invoice.pdf', await pngImage())).toMatchObject({
      mediaType: 'image/png',
      kind: 'image',
    });
    expect(await uploaded(agent, open.id, 'serial.txt', Buffer.from('SN 4711-ÄÖÜ-序列号\n'))).toMatchObject({
      mediaType: 'text/plain',
      kind: 'text',
    });
    const label = await uploaded(agent, open.id, 'label.png', pdfDocument());
    expect(label).toMatchObject({ mediaType: 'application/pdf', kind: 'pdf', hasPreview: false });
    const pdf = await agent.downloadFile(label.id);
    expect(pdf.headers.get('content-type')).toBe('application/pdf');
    expect(pdf.headers.get('content-disposition')).toMatch(/^attachment; filename="label.png"/);
    expect(pdf.headers.get('content-security-policy')).toContain('sandbox');
    expect(pdf.bytes.equals(pdfDocument())).toBe(true);

    for (const [name, bytes] of [
      ['photo.jpg', EXECUTABLE],
      ['notes.txt', HTML_PAGE],
      ['broken.jpg', Buffer.from([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3])],
      ['empty.txt', Buffer.alloc(0)],
    ] as const) {
      const reply = await agent.uploadFile(randomUUID(), bytes, { name, caseId: open.id });
      expect([name, reply.status]).toEqual([name, name === 'photo.jpg' || name === 'notes.txt' ? 415 : 400]);
    }
    const badName = await agent.uploadFile(randomUUID(), Buffer.from('hello'), {
      name: '../../etc/passwd',
      caseId: open.id,
    });
    expect(badName.status).toBe(400);
  });

  it('holds each file to 10 MiB and each message to 25 MiB and 10 files; refused files leave the rest of the message', async () => {
    const { cases, as } = await suite.setup((w) => [makeCase(w.teamA.id, w.users.agentA1.id)]);
    const [open] = cases;
    if (!open) throw new Error('no case');
    const agent = await as('agentA1');
    const over = await agent.uploadFile(randomUUID(), Buffer.alloc(ATTACHMENT_LIMITS.fileBytes + 1, 0x61), {
      name: 'big.txt',
      caseId: open.id,
    });
    expect(over.status).toBe(413);
    expect(over.body).toMatchObject({ error: { code: 'PAYLOAD_TOO_LARGE' } });

    const gateway = await as('gateway');
    const nineMiB = (letter: string) => Buffer.alloc(9 * 1024 * 1024, letter);
    const uploads = [];
    for (const letter of 'abc') uploads.push(await uploaded(gateway, undefined, `${letter}.txt`, nineMiB(letter)));
    const small = [];
    for (let index = 0; index < 9; index++)
      small.push({ fileName: `note-${index}.txt`, contentBase64: base64(Buffer.from(`note ${index}`)) });
    const reply = await gateway.call(
      'POST',
      '/api/v1/inbound',
      inbound(open.id, [...uploads.map((each) => ({ uploadId: each.id })), { uploadId: randomUUID() }, ...small]),
    );
    expect(reply.status, JSON.stringify(reply.body)).toBe(201);
    const results = InboundResponseSchema.parse(reply.body).attachments ?? [];
    expect(results.map((each) => (each.ok ? 'ok' : each.code))).toEqual([
      'ok',
      'ok',
      'MESSAGE_TOO_LARGE',
      'UNKNOWN_UPLOAD',
      ...Array<string>(8).fill('ok'),
      'TOO_MANY_FILES',
    ]);
    // The refused upload is still the integration's to send with another message; the used ones are bound.
    const third = uploads[2];
    if (!third) throw new Error('no upload');
    const bound = await suite.db.query<{ id: string; case_id: string | null }>(
      'SELECT id, case_id FROM attachments WHERE id = ANY($1::text[]) ORDER BY file_name',
      [`{${uploads.map((each) => each.id).join(',')}}`],
    );
    expect(bound.map((row) => row.case_id)).toEqual([open.id, open.id, null]);
  });

  it('lets only those who see the case download its files, and stores an upload exactly once per id', async () => {
    const { cases, as } = await suite.setup((w) => [
      makeCase(w.teamA.id, w.users.agentA1.id),
      makeCase(w.teamB.id, w.users.agentB1.id),
    ]);
    const [mine, theirs] = cases;
    if (!mine || !theirs) throw new Error('no cases');
    const agent = await as('agentA1');
    const pdf = pdfDocument('Invoice 2026-118');
    const id = randomUUID();
    const first = await agent.uploadFile(id, pdf, { name: 'invoice.pdf', caseId: mine.id });
    const repeat = await agent.uploadFile(id, pdf, { name: 'invoice.pdf', caseId: mine.id });
    expect([first.status, repeat.status]).toEqual([201, 200]);
    expect(repeat.body).toEqual(first.body);
    expect(await suite.db.query('SELECT id FROM attachments WHERE id = $1', [id])).toHaveLength(1);
    const other = await agent.uploadFile(id, pdfDocument('Other'), { name: 'invoice.pdf', caseId: mine.id });
    expect(other.status).toBe(409);

    const outsiders = [await as('agentA2'), await as('agentB1'), await as('trainer'), await as('gateway')];
    for (const outsider of outsiders) expect((await outsider.downloadFile(id)).status).toBe(404);
    expect((await (await as('supervisorA')).downloadFile(id)).status).toBe(200);
    expect((await (await as('admin')).downloadFile(id)).status).toBe(200);
    const anonymous = await as('agentA1');
    anonymous.token = undefined;
    expect((await anonymous.downloadFile(id)).status).toBe(401);
    // Nor can anyone put a file on a case they cannot see.
    const foreign = await agent.uploadFile(randomUUID(), pdf, { name: 'x.pdf', caseId: theirs.id });
    expect(foreign.status).toBe(404);
  });

  it('attaches uploaded files to a reply and a note; the gateway may fetch a reply file; a file of another case is refused', async () => {
    const { cases, as } = await suite.setup((w) => [
      makeCase(w.teamA.id, w.users.agentA1.id),
      makeCase(w.teamA.id, w.users.agentA1.id),
    ]);
    const [open, other] = cases;
    if (!open || !other) throw new Error('no cases');
    const agent = await as('agentA1');
    const label = await uploaded(agent, open.id, 'return-label.pdf', pdfDocument('Return label'));
    const invoice = await uploaded(agent, open.id, 'invoice.pdf', pdfDocument('Invoice'));
    const elsewhere = await uploaded(agent, other.id, 'other.pdf', pdfDocument('Other'));
    const gateway = await as('gateway');
    expect((await gateway.downloadFile(label.id)).status).toBe(404);

    const messageId = randomUUID();
    const noteId = randomUUID();
    const results = await agent.push([
      {
        key: 'case.reply@2',
        args: {
          caseId: open.id,
          messageId,
          body: 'Anbei Ihr Rücksendeetikett.',
          locale: 'de-DE',
          attachmentIds: [label.id],
        },
      },
      {
        key: 'case.addNote@2',
        args: { caseId: open.id, noteId, body: 'Rechnung geprüft.', attachmentIds: [invoice.id] },
      },
      {
        key: 'case.reply@2',
        args: { caseId: open.id, messageId: randomUUID(), body: 'x', locale: 'de-DE', attachmentIds: [elsewhere.id] },
      },
    ]);
    expect(results.map((each) => (each.status === 'applied' ? 'applied' : each.reason?.key))).toEqual([
      'applied',
      'applied',
      'attachment_missing',
    ]);
    const message = await messageRow(messageId);
    expect(message.attachments).toEqual([{ ...label, caseId: open.id } satisfies Attachment]);
    const [note] = await suite.db.query<{ data: Note }>('SELECT data FROM notes WHERE id = $1', [noteId]);
    expect(note?.data.attachments?.map((file) => file.id)).toEqual([invoice.id]);
    // The channel gateway delivers the reply, so it may fetch that file, and only that one.
    expect((await gateway.downloadFile(label.id)).status).toBe(200);
    expect((await gateway.downloadFile(invoice.id)).status).toBe(404);
  });
});
