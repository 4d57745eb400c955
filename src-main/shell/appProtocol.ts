import { net, protocol } from 'electron';
import { pathToFileURL } from 'node:url';
import { rendererFile } from './rendererFiles';
import { APP_SCHEME } from './securityPolicy';

/**
 * Registers the app scheme before the app is ready (Electron allows it only then): standard and secure so
 * the page has an origin of its own ('self' in the CSP, IndexedDB for drafts), codeCache so V8 keeps the
 * compiled scripts between starts. No service workers, no CORS: the page fetches nothing from it but itself.
 */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true } },
  ]);
}

/** Serves the built renderer (and nothing else) on the app scheme; call once the app is ready. */
export function serveRenderer(rendererDir: string): void {
  protocol.handle(APP_SCHEME, (request) => {
    const file = rendererFile(request.url, rendererDir);
    if (file === null) return new Response('Not found', { status: 404, headers: { 'content-type': 'text/plain' } });
    return net.fetch(pathToFileURL(file).href);
  });
}
