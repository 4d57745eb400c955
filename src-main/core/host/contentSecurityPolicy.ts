/**
 * The renderer's Content-Security-Policy, sent by both of its hosts (the Electron shell and the
 * loopback web host) so the page runs under the same rules in either.
 */
export type CspOptions = {
  /** Extra connect-src sources (the dev server's websocket); none in the packaged app. */
  connectSources?: readonly string[];
};

/**
 * Scripts only from the app itself, nothing remote, no plugins, no framing. style-src allows inline
 * styles because MUI's emotion injects <style> elements at runtime; scripts stay strict.
 */
export function contentSecurityPolicy(options: CspOptions = {}): string {
  const directives: Record<string, readonly string[]> = {
    'default-src': ["'none'"],
    'script-src': ["'self'"],
    'style-src': ["'self'", "'unsafe-inline'"],
    'img-src': ["'self'", 'data:'],
    'font-src': ["'self'"],
    'connect-src': ["'self'", ...(options.connectSources ?? [])],
    'object-src': ["'none'"],
    'base-uri': ["'none'"],
    'form-action': ["'none'"],
    'frame-src': ["'none'"],
    'frame-ancestors': ["'none'"],
  };
  return Object.entries(directives)
    .map(([name, sources]) => `${name} ${sources.join(' ')}`)
    .join('; ');
}
