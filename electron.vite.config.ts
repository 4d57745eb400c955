import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { defineConfig } from 'electron-vite';
import type { Plugin } from 'vite';
import react from '@vitejs/plugin-react';
import { cspMetaPlugin } from './src-main/core/host/cspMetaTag';

const root = import.meta.dirname;

// The embedded central API reads its SQL migrations from a folder beside its code (src-server/db/migrate.ts).
function serverMigrations(): Plugin {
  const dir = resolve(root, 'src-server/db/migrations');
  return {
    name: 'crossdesk-server-migrations',
    generateBundle() {
      for (const file of readdirSync(dir).filter((name) => name.endsWith('.sql'))) {
        this.emitFile({ type: 'asset', fileName: `migrations/${file}`, source: readFileSync(join(dir, file), 'utf8') });
      }
    },
  };
}

// Our folders are named by runtime (src-main, src-renderer), so every entry is given explicitly.
export default defineConfig({
  main: {
    plugins: [serverMigrations()],
    build: {
      rolldownOptions: {
        input: {
          index: resolve(root, 'src-main/shell/index.ts'),
          // The workstation runs in a worker thread beside the main entry (src-main/core/host).
          workstationWorker: resolve(root, 'src-main/core/host/workstationWorker.ts'),
          // Its bootstrap writer thread (src-main/core/store/sync/bootstrapWriter.ts finds it beside the entries).
          bootstrapWriterWorker: resolve(root, 'src-main/core/store/sync/bootstrapWriterWorker.ts'),
          // The embedded central API for a desktop without a configured server (src-main/embedded).
          embeddedServer: resolve(root, 'src-main/embedded/embeddedServerMain.ts'),
        },
        output: { entryFileNames: '[name].js', chunkFileNames: 'chunks/[name]-[hash].js' },
      },
    },
  },
  preload: {
    build: {
      // A sandboxed preload cannot require node_modules or load ESM: one self-contained CommonJS file.
      externalizeDeps: false,
      rolldownOptions: {
        input: { preload: resolve(root, 'src-main/shell/preload.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs', codeSplitting: false },
      },
    },
  },
  renderer: {
    root: resolve(root, 'src-renderer'),
    plugins: [react(), cspMetaPlugin()],
    build: {
      rolldownOptions: { input: resolve(root, 'src-renderer/index.html') },
      // electron-vite leaves the renderer unminified by default; minified code parses faster at start.
      minify: true,
      // As in vite.web.config.ts: the case screen's chunk (market packs, holidays) loads after first paint.
      chunkSizeWarningLimit: 2_500,
    },
  },
});
