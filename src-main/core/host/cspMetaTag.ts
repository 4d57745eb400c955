import { contentSecurityPolicy } from './contentSecurityPolicy';

/**
 * The same policy as a <meta> tag for built renderers (file:// pages get no response headers in
 * Electron). frame-ancestors is dropped because browsers ignore it in meta; ws: is limited to loopback.
 * The dev server gets no meta tag: React refresh needs an inline script there.
 */
export function cspMetaTag(): string {
  const policy = contentSecurityPolicy({ connectSources: ['ws://127.0.0.1:*'] })
    .split('; ')
    .filter((directive) => !directive.startsWith('frame-ancestors'))
    .join('; ');
  return `<meta http-equiv="Content-Security-Policy" content="${policy}" />`;
}

/** Vite plugin: adds the tag to index.html in production builds only. */
export function cspMetaPlugin() {
  return {
    name: 'crossdesk-csp-meta',
    apply: 'build' as const,
    transformIndexHtml: (html: string) =>
      html.replace('<meta charset="UTF-8" />', `<meta charset="UTF-8" />\n    ${cspMetaTag()}`),
  };
}
