// better-sqlite3-multiple-ciphers (SQLite with SQLCipher encryption) is a native module, and Electron's ABI differs from Node's: `npm start` needs it built
// for Electron, vitest and the web host need it built for Node. This makes switching between them cheap
// and automatic: it rebuilds only when the build on disk is for the other runtime.
// Usage: node scripts/ensureNativeAbi.mjs node|electron
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const require = createRequire(import.meta.url);
const target = process.argv[2];
if (target !== 'node' && target !== 'electron') {
  console.error('usage: node scripts/ensureNativeAbi.mjs node|electron');
  process.exit(2);
}

const moduleDir = dirname(require.resolve('better-sqlite3-multiple-ciphers/package.json'));
const marker = join(moduleDir, 'build', '.crossdesk-abi');
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const npx = process.platform === 'win32' ? 'npx.cmd' : 'npx';

function loadsInNode() {
  try {
    const Database = require('better-sqlite3-multiple-ciphers');
    new Database(':memory:').close();
    return true;
  } catch {
    return false;
  }
}

if (target === 'node') {
  if (loadsInNode()) process.exit(0);
  console.log('better-sqlite3-multiple-ciphers was built for Electron; rebuilding it for Node…');
  execFileSync(npm, ['rebuild', 'better-sqlite3-multiple-ciphers'], { stdio: 'inherit' });
  writeFileSync(marker, `node-${process.versions.modules}`);
} else {
  const electronVersion = JSON.parse(readFileSync(require.resolve('electron/package.json'), 'utf8')).version;
  const wanted = `electron-${electronVersion}`;
  if (existsSync(marker) && readFileSync(marker, 'utf8') === wanted) process.exit(0);
  console.log(`Building better-sqlite3-multiple-ciphers for Electron ${electronVersion}…`);
  execFileSync(npx, ['electron-rebuild', '--only', 'better-sqlite3-multiple-ciphers', '--force'], { stdio: 'inherit' });
  writeFileSync(marker, wanted);
}
