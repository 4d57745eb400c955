import { afterEach, describe, expect, it } from 'vitest';
import { refusal, tempStore, type TempStore } from '../testStore';

const KIB = 1024;
const bytesOf = (size: number, fill: number): Buffer => Buffer.alloc(size, fill);
const pdf = (text: string): Buffer => Buffer.from(`%PDF-1.4\n${text}\n%%EOF\n`);

describe('files on the desk', () => {
  let temp: TempStore;
  afterEach(() => temp?.dispose());

  it('keeps downloaded copies within the cache bound, the least recently used going first', () => {
    temp = tempStore(5, { fileCacheBytes: 10 * KIB });
    const { store } = temp;
    const file = (fill: number) => ({ mediaType: 'image/jpeg', bytes: bytesOf(4 * KIB, fill) });
    store.cacheFile('a', 'thumbnail', file(1));
    store.cacheFile('b', 'thumbnail', file(2));
    // Reading a makes b the least recently used.
    expect(store.cachedFile('a', 'thumbnail')?.bytes[0]).toBe(1);
    store.cacheFile('c', 'thumbnail', file(3));
    expect(store.cachedFile('b', 'thumbnail')).toBeUndefined();
    expect(store.cachedFile('a', 'thumbnail')?.bytes[0]).toBe(1);
    expect(store.cachedFile('c', 'thumbnail')?.bytes[0]).toBe(3);
    expect(store.fileCacheUsage()).toEqual({ bytes: 8 * KIB, files: 2, limitBytes: 10 * KIB });
    // A file larger than the whole cache is not kept, and evicts nothing.
    store.cacheFile('huge', 'original', { mediaType: 'application/pdf', bytes: bytesOf(11 * KIB, 4) });
    expect(store.cachedFile('huge', 'original')).toBeUndefined();
    expect(store.fileCacheUsage().files).toBe(2);
    // The bound holds across a restart too: the order of use is stored, not kept in memory.
    const reopened = temp.reopen();
    reopened.cachedFile('a', 'thumbnail');
    reopened.cacheFile('d', 'display', file(5));
    expect(reopened.heldVariants(['a', 'c', 'd'])).toEqual(
      new Map([
        ['a', ['thumbnail']],
        ['d', ['display']],
      ]),
    );
  });

  it("never evicts the agent's own files before they are uploaded, then caches them like any download", () => {
    temp = tempStore(5, { fileCacheBytes: 6 * KIB });
    const { store } = temp;
    const caseId = temp.data.cases[0]?.id ?? '';
    const label = store.attachFile({
      caseId,
      fileName: 'label.pdf',
      bytes: Buffer.concat([pdf('x'), bytesOf(5 * KIB, 32)]),
    });
    store.cacheFile('other', 'thumbnail', { mediaType: 'image/jpeg', bytes: bytesOf(5 * KIB, 1) });
    store.cacheFile('more', 'thumbnail', { mediaType: 'image/jpeg', bytes: bytesOf(5 * KIB, 2) });
    expect(store.filesToUpload(10).map((each) => each.attachment.id)).toEqual([label.id]);
    expect(store.cachedFile(label.id, 'original')?.mediaType).toBe('application/pdf');
    expect(store.heldVariants([label.id]).get(label.id)).toEqual(['original']);
    store.markFileUploaded(label.id);
    expect(store.filesToUpload(10)).toEqual([]);
    expect(store.cachedFile(label.id, 'original')?.bytes.length).toBe(label.size);
    // Still named by the optimistic reply after the upload.
    expect(store.heldAttachment(label.id)).toEqual(label);
    // Wiping the device (a lost laptop) leaves no file behind.
    store.wipeDevice();
    expect([store.heldAttachment(label.id), store.fileCacheUsage().files]).toEqual([undefined, 0]);
  });

  it('refuses what the API would refuse, by the bytes and not the name', () => {
    temp = tempStore(5);
    const caseId = temp.data.cases[0]?.id ?? '';
    const attach = (fileName: string, bytes: Buffer) => () => temp.store.attachFile({ caseId, fileName, bytes });
    expect(refusal(attach('photo.jpg', Buffer.from('MZ\u0090\u0000'))).details).toEqual({ reason: 'UNSUPPORTED_TYPE' });
    expect(refusal(attach('empty.txt', Buffer.alloc(0))).details).toEqual({ reason: 'EMPTY_FILE' });
    expect(refusal(attach('../x.txt', Buffer.from('hello'))).details).toEqual({ reason: 'BAD_FILE_NAME' });
    expect(refusal(attach('big.txt', bytesOf(10 * KIB * KIB + 1, 97))).details).toEqual({ reason: 'FILE_TOO_LARGE' });
    expect(temp.store.attachFile({ caseId, fileName: 'serial.pdf', bytes: Buffer.from('SN 4711\n') })).toMatchObject({
      mediaType: 'text/plain',
      kind: 'text',
      hasPreview: false,
    });
  });
});
