// Installers for the desktop app: `npm run dist` (README "Build installers"). electron-builder packs the
// electron-vite build (out/) into an ASAR archive, rebuilds the native SQLite module for Electron, and
// flips the Electron fuses below with @electron/fuses before any signing, so the OS signature then
// guards them. It needs the Electron binary, so it runs on a packaging machine, not in this CI;
// tests/unit/packaging.test.ts holds this file to the decisions written here.

/** @type {import('electron-builder').Configuration} */
module.exports = {
  appId: 'com.crossdesk.workstation',
  productName: 'Crossdesk',
  copyright: 'Crossdesk',
  directories: { output: 'dist', buildResources: 'build' },
  // Only the build and package.json: sources, tests and dev tools never ship.
  files: ['out/**/*', 'package.json'],
  asar: true,
  // Native code cannot be loaded from inside an archive; Electron reads these from app.asar.unpacked.
  asarUnpack: ['node_modules/better-sqlite3-multiple-ciphers/**/*.node', 'node_modules/@electric-sql/pglite/dist/**'],
  npmRebuild: true,
  electronFuses: {
    // The embedded central API runs as a utility process (src-main/shell/utilityLauncher.ts), so the
    // binary never needs to act as plain Node: a malicious local process cannot use it as a signed Node.
    runAsNode: false,
    // NODE_OPTIONS and --inspect would let anyone who starts the app inject code or attach a debugger.
    enableNodeOptionsEnvironmentVariable: false,
    enableNodeCliInspectArguments: false,
    // Cookies at rest encrypted with the OS keychain key, like the store key (safeStorage).
    enableCookieEncryption: true,
    // The app's code is checked against the hash electron-builder embeds, and only app.asar is loaded,
    // so a changed or added file beside the archive is refused.
    enableEmbeddedAsarIntegrityValidation: true,
    onlyLoadAppFromAsar: true,
    // The renderer is served from the app scheme, never file:// (src-main/shell/appProtocol.ts).
    grantFileProtocolExtraPrivileges: false,
  },
  linux: {
    target: ['AppImage', 'deb'],
    category: 'Office',
    maintainer: 'Crossdesk <support@crossdesk.example>',
  },
  deb: { depends: ['libsecret-1-0'] },
  win: { target: ['nsis'] },
  nsis: { oneClick: false, perMachine: false, allowToChangeInstallationDirectory: true },
  mac: { target: ['dmg'], category: 'public.app-category.business', hardenedRuntime: true },
};
