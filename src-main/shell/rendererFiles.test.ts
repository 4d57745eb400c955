import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { rendererFile } from './rendererFiles';

const root = resolve('/opt/crossdesk/out/renderer');

describe('rendererFile', () => {
  it('maps the app scheme onto files of the built renderer, "/" to the document', () => {
    expect(rendererFile('crossdesk://app/', root)).toBe(join(root, 'index.html'));
    expect(rendererFile('crossdesk://app/index.html?lng=ar#queue', root)).toBe(join(root, 'index.html'));
    expect(rendererFile('crossdesk://app/assets/index-abc123.js', root)).toBe(join(root, 'assets', 'index-abc123.js'));
    expect(rendererFile('crossdesk://app/assets/%E4%B8%AD%20a.js', root)).toBe(join(root, 'assets', '中 a.js'));
  });

  it('never leaves it: other hosts and schemes, .. plain or encoded, encoded separators, backslashes, NUL, bad escapes', () => {
    for (const url of [
      'crossdesk://evil/index.html',
      'file:///opt/crossdesk/out/renderer/index.html',
      'https://app/index.html',
      'not a url',
      'crossdesk://app/assets/%2E%2E%2F%2E%2E%2Fmain%2Findex.js',
      'crossdesk://app/..%5Cmain%5Cindex.js',
      'crossdesk://app/index.html%00.js',
      'crossdesk://app/%E4%B8',
    ]) {
      expect(rendererFile(url, root), url).toBeNull();
    }
    // The URL parser resolves dot segments (%2e too) before the path is looked at: these stay inside.
    expect(rendererFile('crossdesk://app/../main/index.js', root)).toBe(join(root, 'main', 'index.js'));
    expect(rendererFile('crossdesk://app/%2e%2e/%2e%2e/main/index.js', root)).toBe(join(root, 'main', 'index.js'));
  });
});
