// Import boundaries of docs/ARCHITECTURE.md: code imports only downward, and a wrong import fails CI.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import i18next from 'eslint-plugin-i18next';
import { builtinModules } from 'node:module';
import { folderLayers } from './eslint-rules/folderLayers.js';

const nodeBuiltins = [...builtinModules, ...builtinModules.map((name) => `node:${name}`)];
const nativeAndNode = [
  ...nodeBuiltins,
  'better-sqlite3-multiple-ciphers',
  'pg',
  '@electric-sql/pglite',
  'fastify',
  'ws',
];

/** What no part of src-main/core may import (the folders above it and beside it). */
const coreForbidden = ['**/src-renderer/**', '**/src-server/**', '**/shell/**', '**/web-host/**', '**/embedded/**'];

function boundary(files, forbiddenPaths, forbiddenModules, message) {
  return {
    files,
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: forbiddenModules.map((name) => ({ name, message })),
          patterns: [{ group: forbiddenPaths, message }],
        },
      ],
    },
  };
}

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'node_modules/**', 'test-results/**', 'coverage/**', '.data/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.{js,mjs,cjs}'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly', URL: 'readonly' } },
  },
  {
    // CommonJS config files (electron-builder.config.cjs).
    files: ['**/*.cjs'],
    languageOptions: { sourceType: 'commonjs', globals: { module: 'writable', require: 'readonly' } },
  },
  {
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['src-renderer/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: { 'react-hooks/rules-of-hooks': 'error', 'react-hooks/exhaustive-deps': 'warn' },
  },
  {
    // Every text a user sees or hears goes through t(): JSX text and the attributes screen readers and tooltips read.
    files: ['src-renderer/**/*.tsx'],
    ignores: ['**/*.test.tsx'],
    plugins: { i18next },
    rules: {
      'i18next/no-literal-string': [
        'error',
        {
          mode: 'jsx-only',
          'jsx-attributes': {
            include: [
              'aria-label',
              'aria-description',
              'aria-valuetext',
              'title',
              'titleAccess',
              'placeholder',
              'label',
              'helperText',
              'alt',
            ],
          },
          // Intl option values are not words for the user.
          'object-properties': { exclude: ['[A-Z_-]+', 'dateStyle', 'timeStyle', 'timeZone'] },
        },
      ],
    },
  },
  boundary(
    ['src-shared/**'],
    ['**/src-main/**', '**/src-server/**', '**/src-renderer/**'],
    [...nativeAndNode, 'electron', 'react', 'react-dom', 'dexie'],
    'src-shared is pure: no Node, no DOM, no Electron, no app layer above it.',
  ),
  boundary(
    ['src-main/core/**'],
    coreForbidden,
    ['electron'],
    'src-main/core runs in plain Node and never imports electron, the renderer, the server, the shell, the web host or the embedded server.',
  ),
  {
    // Inside core, layers import only downward: threads <- store <- workstation <- sync <- host.
    files: ['src-main/core/**/*.{ts,tsx,js,mjs}'],
    plugins: { local: { rules: { 'folder-layers': folderLayers } } },
    rules: {
      'local/folder-layers': [
        'error',
        {
          layers: [
            {
              folder: 'src-main/core/threads',
              mayImport: [],
              message: 'core/threads starts worker threads and depends on nothing else in core',
            },
            {
              folder: 'src-main/core/store',
              mayImport: ['src-main/core/threads'],
              message: 'The local store is the bottom of core: it never imports the workstation, sync or the host',
            },
            {
              folder: 'src-main/core/workstation',
              mayImport: ['src-main/core/threads', 'src-main/core/store'],
              message: 'The workstation uses the store and the SyncConnection it is given, never sync or the host',
            },
            {
              folder: 'src-main/core/sync',
              mayImport: ['src-main/core/threads', 'src-main/core/store', 'src-main/core/workstation'],
              message: 'The sync engine never imports the host that runs it',
            },
            {
              folder: 'src-main/core/host',
              mayImport: [
                'src-main/core/threads',
                'src-main/core/store',
                'src-main/core/workstation',
                'src-main/core/sync',
              ],
              message: 'core/host runs the workstation',
            },
          ],
        },
      ],
    },
  },
  // The embedded central API runs in a child process: only its entry imports the server, and nothing in it
  // reaches the shell, the web host or the renderer.
  boundary(
    ['src-main/embedded/**'],
    ['**/src-renderer/**', '**/src-server/**', '**/shell/**', '**/web-host/**'],
    ['electron'],
    'src-main/embedded starts the central API in a child process; only embeddedServerMain.ts imports src-server.',
  ),
  boundary(
    ['src-main/embedded/embeddedServerMain.ts'],
    ['**/src-renderer/**', '**/shell/**', '**/web-host/**', '**/core/**'],
    ['electron'],
    "The embedded server's process entry runs src-server alone, without the desktop core.",
  ),
  boundary(
    ['src-main/web-host/**'],
    ['**/src-renderer/**', '**/src-server/**', '**/shell/**'],
    ['electron'],
    'The web host is plain Node: it serves core over loopback and never imports electron.',
  ),
  boundary(
    ['src-renderer/**'],
    ['**/src-main/**', '**/src-server/**'],
    [...nativeAndNode, 'electron'],
    'The renderer talks only to the contract client; it never reaches Node, Electron or the server.',
  ),
  boundary(
    ['src-server/**'],
    ['**/src-main/**', '**/src-renderer/**'],
    ['electron', 'react', 'react-dom', 'better-sqlite3-multiple-ciphers', 'dexie'],
    'The central API imports src-shared only.',
  ),
);
