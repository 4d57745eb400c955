import { app, session, type WebContents } from 'electron';
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

/** Web contents stay on the app document: no navigation elsewhere, no new windows, no webviews. */
function lockContents(contents: WebContents, appUrl: string): void {
  contents.on('will-navigate', (event, url) => {
    if (!isAllowedNavigation(url, appUrl)) event.preventDefault();
  });
  contents.on('will-redirect', (event, url) => {
    if (!isAllowedNavigation(url, appUrl)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
}

/**
 * Every web contents the app ever creates is locked as it is created, not only the main window's: a
 * devtools page, a future window or anything a bug opens gets the same rules before it can load a page.
 */
export function lockAllWebContents(appUrl: string): void {
  app.on('web-contents-created', (_event, contents) => lockContents(contents, appUrl));
}
