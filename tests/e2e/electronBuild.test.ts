import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';

// The Electron binary cannot run here, so CI proves the shell at least compiles and bundles the way a
// sandboxed window needs it to.
const root = resolve(import.meta.dirname, '../..');
const out = (path: string) => resolve(root, 'out', path);

beforeAll(() => {
  const build = spawnSync(
    process.execPath,
    [resolve(root, 'node_modules/electron-vite/bin/electron-vite.js'), 'build'],
    {
      cwd: root,
      encoding: 'utf8',
    },
  );
  if (build.status !== 0) throw new Error(`electron-vite build failed:\n${build.stdout}\n${build.stderr}`);
});

describe('electron-vite build', () => {
  it('emits the main entry and the workstation worker beside it', () => {
    expect(existsSync(out('main/index.js'))).toBe(true);
    expect(existsSync(out('main/workstationWorker.js'))).toBe(true);
    const main = readFileSync(out('main/index.js'), 'utf8');
    expect(main).toContain('workstationWorker.js');
    expect(main).toContain('sandbox: true');
    expect(main).toContain('contextIsolation: true');
    expect(main).toContain('nodeIntegration: false');
  });

  it('hardens the packaged app: sandbox for all, every web contents locked, no dev URL once packaged', () => {
    const main = readFileSync(out('main/index.js'), 'utf8');
    expect(main).toContain('enableSandbox()');
    expect(main).toContain('web-contents-created');
    expect(main).toContain('isPackaged');
  });

  it('starts the embedded central API as a utility process, never by running Electron as Node', () => {
    const main = readFileSync(out('main/index.js'), 'utf8');
    expect(main).toContain('utilityProcess');
    for (const file of ['main/index.js', 'main/embeddedServer.js', 'main/workstationWorker.js'])
      expect(readFileSync(out(file), 'utf8')).not.toMatch(/ELECTRON_RUN_AS_NODE['"]?\s*[:=]/);
  });

  it('emits the preload as one self-contained CommonJS file that requires only electron', () => {
    const preload = readFileSync(out('preload/preload.cjs'), 'utf8');
    const required = [...preload.matchAll(/require\(["']([^"']+)["']\)/g)].map((match) => match[1]);
    expect(new Set(required)).toEqual(new Set(['electron']));
    expect(preload).not.toMatch(/^\s*(import|export)\s/m);
    expect(preload).toContain('exposeInMainWorld');
  });

  it('emits the renderer with its Content-Security-Policy', () => {
    const html = readFileSync(out('renderer/index.html'), 'utf8');
    expect(html).toMatch(/http-equiv="Content-Security-Policy"[^>]*script-src 'self'/);
  });
});
