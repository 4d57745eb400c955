import { contextBridge, ipcRenderer } from 'electron';
import { buildPreloadApi } from './preloadApi';

// Sandboxed preloads cannot load ES modules: electron.vite.config.ts bundles this file as one .cjs.
contextBridge.exposeInMainWorld('crossdesk', buildPreloadApi(ipcRenderer));
