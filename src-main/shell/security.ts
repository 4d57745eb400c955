import { session, type BrowserWindow } from 'electron';
import { contentSecurityPolicy, isAllowedNavigation, isPermissionGranted } from './securityPolicy';

/** Session-wide: CSP on every response, every permission request and check refused. */
export function hardenSession(connectSources: readonly string[]): void {
  const policy = contentSecurityPolicy({ connectSources });
  session.defaultSession.webRequest.onHeadersReceived((details, callback) => {
    callback({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [policy] } });
  });
  session.defaultSession.setPermissionRequestHandler((_contents, permission, callback) =>
    callback(isPermissionGranted(permission)),
  );
  session.defaultSession.setPermissionCheckHandler((_contents, permission) => isPermissionGranted(permission));
}

/** The window stays on the app document: no navigation elsewhere, no new windows, no webviews. */
export function lockWindow(window: BrowserWindow, appUrl: string): void {
  const contents = window.webContents;
  contents.on('will-navigate', (event, url) => {
    if (!isAllowedNavigation(url, appUrl)) event.preventDefault();
  });
  contents.on('will-redirect', (event, url) => {
    if (!isAllowedNavigation(url, appUrl)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
}
