import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readStaticFile } from './staticFiles';

const base = mkdtempSync(join(tmpdir(), 'crossdesk-static-'));
const root = join(base, 'web');
mkdirSync(join(root, 'assets'), { recursive: true });
writeFileSync(join(root, 'index.html'), '<!doctype html>');
writeFileSync(join(root, 'assets', 'app.js'), 'export {}');
writeFileSync(join(base, 'secret.json'), '{"secret":true}');
writeFileSync(join(root, 'notes.txt'), 'unknown type');

afterAll(() => rmSync(base, { recursive: true, force: true }));

describe('readStaticFile', () => {
  it('serves index.html for / and files with their content type', async () => {
    expect((await readStaticFile(root, '/'))?.contentType).toBe('text/html; charset=utf-8');
    const script = await readStaticFile(root, '/assets/app.js');
    expect(script?.contentType).toBe('text/javascript; charset=utf-8');
    expect(script?.body.toString()).toBe('export {}');
  });

  it('never leaves the directory', async () => {
    for (const path of [
      '/../secret.json',
      '/assets/../../secret.json',
      '/%2e%2e/secret.json',
      '/..%2fsecret.json',
      '/%2e%2e%2fsecret.json',
    ]) {
      expect(await readStaticFile(root, path)).toBeNull();
    }
  });

  it('answers null for missing files, directories, unknown types and bad encodings', async () => {
    for (const path of ['/missing.js', '/assets', '/notes.txt', '/%E0%A4%A', '/index.html%00.js']) {
      expect(await readStaticFile(root, path)).toBeNull();
    }
  });
});
