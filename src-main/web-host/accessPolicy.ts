import { randomBytes, timingSafeEqual } from 'node:crypto';

/** A fresh secret per run: whoever can read the printed URL may use the bridge, nobody else. */
export function createAccessToken(): string {
  return randomBytes(24).toString('base64url');
}

export function isTokenValid(candidate: string | null, token: string): boolean {
  if (candidate === null) return false;
  const a = Buffer.from(candidate);
  const b = Buffer.from(token);
  return a.length === b.length && timingSafeEqual(a, b);
}

/**
 * A page on another site (or a DNS-rebinding name) must not reach the bridge: the Host header must be the
 * loopback address we listen on and a WebSocket's Origin must be our own page's origin.
 */
export function isAllowedHost(hostHeader: string | undefined, port: number): boolean {
  return hostHeader === `127.0.0.1:${port}`;
}

export function isAllowedOrigin(origin: string | undefined, port: number): boolean {
  return origin === `http://127.0.0.1:${port}`;
}

/**
 * The request target as a URL, or null when no URL parser accepts it (`GET //[`): such a request gets a
 * 400, never an exception outside any handler, which would end the host for everyone (issue 19.1).
 */
export function parseRequestTarget(target: string | undefined): URL | null {
  return URL.canParse(target ?? '/', 'http://127.0.0.1') ? new URL(target ?? '/', 'http://127.0.0.1') : null;
}

export type UpgradeDecision = { allowed: true } | { allowed: false; status: 400 | 401 | 403 | 404; reason: string };

export function decideUpgrade(
  request: { url: string | undefined; host: string | undefined; origin: string | undefined },
  port: number,
  token: string,
  bridgePath: string,
): UpgradeDecision {
  const url = parseRequestTarget(request.url);
  if (url === null) return { allowed: false, status: 400, reason: 'bad request' };
  if (url.pathname !== bridgePath) return { allowed: false, status: 404, reason: 'no such endpoint' };
  if (!isAllowedHost(request.host, port)) return { allowed: false, status: 403, reason: 'wrong host' };
  if (!isAllowedOrigin(request.origin, port)) return { allowed: false, status: 403, reason: 'wrong origin' };
  if (!isTokenValid(url.searchParams.get('token'), token))
    return { allowed: false, status: 401, reason: 'missing or wrong token' };
  return { allowed: true };
}
