import { resolve } from 'node:path';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { cspMetaPlugin } from './src-main/core/host/cspMetaTag';

const root = import.meta.dirname;

// The same renderer, built for the loopback web host (src-main/web-host) instead of Electron.
export default defineConfig({
  root: resolve(root, 'src-renderer'),
  base: './',
  plugins: [react(), cspMetaPlugin()],
  build: {
    outDir: resolve(root, 'out/web'),
    emptyOutDir: true,
    target: 'chrome120',
    reportCompressedSize: false,
    // Loaded from loopback or disk, never over a network: chunk size matters for parse time only. The
    // queue's chunks stay small (src-renderer/app/App.tsx loads the other screens lazily); the case
    // screen's chunk carries every market pack and the holiday calendars and is loaded after first paint.
    chunkSizeWarningLimit: 2_500,
  },
});
