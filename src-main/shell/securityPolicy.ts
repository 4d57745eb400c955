/**
 * The shell's security decisions as pure functions, so they are unit-tested without Electron.
 * security.ts and ipc.ts apply them to the real session, window and ipcMain.
 */
export { contentSecurityPolicy } from '../core/host/contentSecurityPolicy';

/**
 * The packaged renderer is served from this privileged scheme rather than file:// (Electron's security
 * checklist: a custom protocol, so the page's origin is the app alone and no other local file shares it),
 * and its scripts get V8's code cache, which file:// never has: ~150 ms of compiling on each open of the
 * queue (BENCHMARKS.md "Workstation UI").
 */
export const APP_SCHEME = 'crossdesk';
export const APP_HOST = 'app';
export const APP_URL = `${APP_SCHEME}://${APP_HOST}/index.html`;

/**
 * The document the window loads. electron-vite sets ELECTRON_RENDERER_URL for `electron-vite dev`; a
 * packaged app ignores it, or anyone who can set an environment variable could point the window (and the
 * IPC trust that follows its origin) at a page of their own.
 */
export function rendererUrl(isPackaged: boolean, devServerUrl: string | undefined): string {
  return !isPackaged && devServerUrl ? devServerUrl : APP_URL;
}

export function parse(url: string): URL | null {
  try {
    return new URL(url);
  } catch {
    return null;
  }
}

/**
 * Whether a URL is the app's own renderer document. App-scheme and file: URLs must name exactly the same
 * document (any other file is untrusted); http(s) (the dev server) must have exactly the same origin.
 * Query and fragment do not matter.
 */
export function isAppUrl(candidate: string, appUrl: string): boolean {
  const url = parse(candidate);
  const app = parse(appUrl);
  if (url === null || app === null) return false;
  if (url.protocol !== app.protocol) return false;
  if (app.protocol === 'file:' || app.protocol === `${APP_SCHEME}:`)
    return url.host === app.host && url.pathname === app.pathname;
  if (app.protocol === 'http:' || app.protocol === 'https:') return url.origin === app.origin;
  return false;
}

export type SenderInfo = {
  /** The sending frame's URL, or null when the frame is gone. */
  frameUrl: string | null;
  isMainFrame: boolean;
};

/** An IPC call is served only for the app's own top-level document, never for a subframe. */
export function isTrustedSender(sender: SenderInfo, appUrl: string): boolean {
  return sender.isMainFrame && sender.frameUrl !== null && isAppUrl(sender.frameUrl, appUrl);
}

/** The window never navigates away from the app document; only a reload of it is allowed. */
export function isAllowedNavigation(target: string, appUrl: string): boolean {
  return isAppUrl(target, appUrl);
}

/** The app asks for no browser permission (camera, notifications go through the shell, ...). */
export function isPermissionGranted(_permission: string): boolean {
  return false;
}

/** Events travel on their own channel namespace: 'sync:status' is both a method and an event name. */
export function eventChannel(event: string): string {
  return `event:${event}`;
}
