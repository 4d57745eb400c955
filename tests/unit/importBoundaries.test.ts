import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

// The folder layering of docs/ARCHITECTURE.md is an ESLint rule; these prove a wrong import fails lint
// (and a right one passes), using the project's real eslint.config.js on virtual files.
const eslint = new ESLint({ cwd: process.cwd() });

async function boundaryErrors(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? [])
    .filter((message) => message.ruleId === 'no-restricted-imports' || message.ruleId === 'local/folder-layers')
    .map((message) => message.message);
}

describe('import boundaries', () => {
  it.each([
    [
      'src-renderer/features/queue/Bad.tsx',
      "import { openLocalStore } from '../../../src-main/core/store/localStore';\nexport const x = openLocalStore;\n",
    ],
    [
      'src-renderer/features/queue/Bad.tsx',
      "import Database from 'better-sqlite3-multiple-ciphers';\nexport const x = Database;\n",
    ],
    [
      'src-renderer/features/queue/Bad.tsx',
      "import { readFileSync } from 'node:fs';\nexport const x = readFileSync;\n",
    ],
    ['src-main/core/store/bad.ts', "import { app } from 'electron';\nexport const x = app;\n"],
    ['src-main/core/store/bad.ts', "import { x as y } from '../../shell/security';\nexport const x = y;\n"],
    ['src-shared/sla/bad.ts', "import { readFileSync } from 'fs';\nexport const x = readFileSync;\n"],
    [
      'src-shared/sla/bad.ts',
      "import { startServer } from '../../src-server/startServer';\nexport const x = startServer;\n",
    ],
    [
      'src-server/bad.ts',
      "import { openLocalStore } from '../src-main/core/store/localStore';\nexport const x = openLocalStore;\n",
    ],
    ['src-main/web-host/bad.ts', "import { BrowserWindow } from 'electron';\nexport const x = BrowserWindow;\n"],
    // Layers inside core, resolved from the file: the store's own sync/ folder is not core/sync.
    [
      'src-main/core/store/bad.ts',
      "import { createSyncEngine } from '../sync/syncEngine';\nexport const x = createSyncEngine;\n",
    ],
    [
      'src-main/core/store/sync/bad.ts',
      "import type { Workstation } from '../../workstation';\nexport type X = Workstation;\n",
    ],
    ['src-main/core/workstation/bad.ts', "export { createSyncEngine } from '../sync/syncEngine';\n"],
    [
      'src-main/core/sync/bad.ts',
      "import { startWorkstationHost } from '../host/workstationHost';\nexport const x = startWorkstationHost;\n",
    ],
    ['src-main/core/threads/bad.ts', "import { openLocalStore } from '../store';\nexport const x = openLocalStore;\n"],
    [
      'src-main/core/store/bad.ts',
      "import { embeddedDemo } from '../../embedded/embeddedDemoSync';\nexport const x = embeddedDemo;\n",
    ],
    [
      'src-main/embedded/bad.ts',
      "import { startServer } from '../../src-server/startServer';\nexport const x = startServer;\n",
    ],
  ])('%s: forbidden import #%# fails lint', async (filePath, code) => {
    expect(await boundaryErrors(filePath, code)).not.toEqual([]);
  });

  it.each([
    [
      'src-renderer/features/queue/Good.tsx',
      "import { CaseSchema } from '../../../src-shared/domain/case';\nexport const x = CaseSchema;\n",
    ],
    [
      'src-main/core/store/good.ts',
      "import Database from 'better-sqlite3-multiple-ciphers';\nimport { CaseSchema } from '../../../src-shared/domain/case';\nexport const x = [Database, CaseSchema];\n",
    ],
    ['src-main/shell/good.ts', "import { app } from 'electron';\nexport const x = app;\n"],
    [
      'src-main/core/store/good.ts',
      "import { createServerChanges } from './sync/serverChanges';\nexport const x = createServerChanges;\n",
    ],
    ['src-main/core/sync/good.ts', "import { openLocalStore } from '../store';\nexport const x = openLocalStore;\n"],
    [
      'src-main/core/host/good.ts',
      "import { createSyncEngine } from '../sync/syncEngine';\nexport const x = createSyncEngine;\n",
    ],
    [
      'src-main/embedded/embeddedServerMain.ts',
      "import { startServer } from '../../src-server/startServer';\nexport const x = startServer;\n",
    ],
    ['src-server/good.ts', "import { CaseSchema } from '../src-shared/domain/case';\nexport const x = CaseSchema;\n"],
  ])('%s may import downward', async (filePath, code) => {
    expect(await boundaryErrors(filePath, code)).toEqual([]);
  });
});
