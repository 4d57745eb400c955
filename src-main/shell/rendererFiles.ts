import { isAbsolute, relative, resolve, sep } from 'node:path';
import { APP_HOST, APP_SCHEME, parse } from './securityPolicy';

// Apart from securityPolicy.ts: the sandboxed preload imports that module and may not load node:path.

/**
 * The file an app-scheme request asks for inside the built renderer directory, or null: another host, a
 * path that leaves the directory (.., encoded or not), or one that does not decode. "/" is the document.
 */
export function rendererFile(requestUrl: string, rendererDir: string): string | null {
  const url = parse(requestUrl);
  if (url === null || url.protocol !== `${APP_SCHEME}:` || url.host !== APP_HOST) return null;
  let path: string;
  try {
    path = decodeURIComponent(url.pathname);
  } catch {
    return null;
  }
  if (path.includes('\0') || path.includes('\\')) return null;
  const root = resolve(rendererDir);
  const file = resolve(root, `.${path === '/' ? '/index.html' : path}`);
  const inside = relative(root, file);
  return inside !== '' && !inside.startsWith(`..${sep}`) && inside !== '..' && !isAbsolute(inside) ? file : null;
}
