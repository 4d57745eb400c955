import { describe, expect, it } from 'vitest';
import {
  APP_URL,
  contentSecurityPolicy,
  eventChannel,
  isAllowedNavigation,
  isAppUrl,
  isPermissionGranted,
  isTrustedSender,
  rendererUrl,
} from './securityPolicy';

const appUrl = 'file:///opt/crossdesk/out/renderer/index.html';

describe('isAppUrl', () => {
  it('accepts the app document itself, with any query or fragment', () => {
    expect(isAppUrl(appUrl, appUrl)).toBe(true);
    expect(isAppUrl(`${appUrl}?lng=ar#queue`, appUrl)).toBe(true);
  });

  it('refuses any other local file, even next to the app', () => {
    expect(isAppUrl('file:///opt/crossdesk/out/renderer/other.html', appUrl)).toBe(false);
    expect(isAppUrl('file:///tmp/index.html', appUrl)).toBe(false);
    expect(isAppUrl('file:///opt/crossdesk/out/renderer/index.html/', appUrl)).toBe(false);
    expect(isAppUrl('file://evil-host/opt/crossdesk/out/renderer/index.html', appUrl)).toBe(false);
  });

  it('refuses other schemes and garbage', () => {
    for (const candidate of [
      'https://example.com/',
      'javascript:alert(1)',
      'data:text/html,hi',
      'about:blank',
      '',
      'not a url',
    ]) {
      expect(isAppUrl(candidate, appUrl)).toBe(false);
    }
  });

  it('on the app scheme, accepts the app document only', () => {
    expect(isAppUrl(APP_URL, APP_URL)).toBe(true);
    expect(isAppUrl(`${APP_URL}?lng=ar#queue`, APP_URL)).toBe(true);
    for (const candidate of [
      'crossdesk://app/other.html',
      'crossdesk://app/',
      'crossdesk://evil/index.html',
      'crossdesk://app.evil/index.html',
      'file:///index.html',
      'https://app/index.html',
      'crossdesk:/index.html',
    ]) {
      expect(isAppUrl(candidate, APP_URL), candidate).toBe(false);
    }
    expect(isTrustedSender({ frameUrl: APP_URL, isMainFrame: true }, APP_URL)).toBe(true);
    expect(isTrustedSender({ frameUrl: APP_URL, isMainFrame: false }, APP_URL)).toBe(false);
    expect(isAllowedNavigation('crossdesk://app/../../etc/passwd', APP_URL)).toBe(false);
  });

  it('compares origins exactly for the dev server', () => {
    const dev = 'http://localhost:5173/';
    expect(isAppUrl('http://localhost:5173/index.html', dev)).toBe(true);
    expect(isAppUrl('http://localhost:5174/', dev)).toBe(false);
    expect(isAppUrl('http://localhost.evil.com:5173/', dev)).toBe(false);
    expect(isAppUrl('https://localhost:5173/', dev)).toBe(false);
  });
});

describe('isTrustedSender', () => {
  it('serves the main frame of the app only', () => {
    expect(isTrustedSender({ frameUrl: appUrl, isMainFrame: true }, appUrl)).toBe(true);
    expect(isTrustedSender({ frameUrl: appUrl, isMainFrame: false }, appUrl)).toBe(false);
    expect(isTrustedSender({ frameUrl: null, isMainFrame: true }, appUrl)).toBe(false);
    expect(isTrustedSender({ frameUrl: 'https://example.com/', isMainFrame: true }, appUrl)).toBe(false);
  });
});

describe('navigation and permissions', () => {
  it('allows only reloading the app document', () => {
    expect(isAllowedNavigation(appUrl, appUrl)).toBe(true);
    expect(isAllowedNavigation('https://example.com/', appUrl)).toBe(false);
    expect(isAllowedNavigation('file:///etc/passwd', appUrl)).toBe(false);
  });

  it('grants no browser permission', () => {
    for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal']) {
      expect(isPermissionGranted(permission)).toBe(false);
    }
  });

  it('keeps event channels apart from method channels', () => {
    expect(eventChannel('sync:status')).toBe('event:sync:status');
  });
});

describe('contentSecurityPolicy', () => {
  const directives = (policy: string) =>
    new Map(
      policy.split('; ').map((part) => {
        const [name = '', ...sources] = part.split(' ');
        return [name, sources];
      }),
    );

  it('denies by default and runs only the app own scripts', () => {
    const policy = directives(contentSecurityPolicy());
    expect(policy.get('default-src')).toEqual(["'none'"]);
    expect(policy.get('script-src')).toEqual(["'self'"]);
    expect(policy.get('object-src')).toEqual(["'none'"]);
    expect(policy.get('frame-ancestors')).toEqual(["'none'"]);
    expect(contentSecurityPolicy()).not.toMatch(/unsafe-eval|\*/);
  });

  it('adds connect sources only where asked', () => {
    expect(directives(contentSecurityPolicy()).get('connect-src')).toEqual(["'self'"]);
    expect(directives(contentSecurityPolicy({ connectSources: ['ws://127.0.0.1:4000'] })).get('connect-src')).toEqual([
      "'self'",
      'ws://127.0.0.1:4000',
    ]);
  });
});

describe('rendererUrl', () => {
  it('honours ELECTRON_RENDERER_URL only when the app is not packaged', () => {
    expect(rendererUrl(false, 'http://localhost:5173/')).toBe('http://localhost:5173/');
    expect(rendererUrl(true, 'http://localhost:5173/')).toBe(APP_URL);
    expect(rendererUrl(true, 'https://attacker.example/')).toBe(APP_URL);
    expect(rendererUrl(false, undefined)).toBe(APP_URL);
    expect(rendererUrl(false, '')).toBe(APP_URL);
  });
});
