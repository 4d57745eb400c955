import { SettingsSchema, type ServerInfo } from '../../../src-shared/contract/workstation';

/** The identity recorded with local data: the embedded demo (its port changes every run) or the URL. */
export function serverIdentity(url: string | null): string {
  return url === null ? 'embedded' : new URL(url).href;
}

export class ServerUrlError extends Error {
  constructor(
    readonly source: 'flag' | 'env',
    readonly value: string,
  ) {
    super(
      `${source === 'flag' ? '--server-url' : 'CROSSDESK_SERVER_URL'} must be an https:// address (plain http:// only on 127.0.0.1 or localhost), got "${value}"`,
    );
    this.name = 'ServerUrlError';
  }
}

/**
 * The central API to use at start: --server-url, else CROSSDESK_SERVER_URL, else the address saved in
 * Settings, else the embedded demo (url null). An empty flag or variable counts as not given; a malformed
 * one is an error (a typo must not silently fall through to another server). A saved address that is no
 * longer acceptable (plain http:// to another computer) falls back to the embedded demo and says so.
 */
export function chooseServer(given: {
  flag?: string | undefined;
  env?: string | undefined;
  saved: string | null;
}): ServerInfo {
  for (const source of ['flag', 'env'] as const) {
    const value = given[source]?.trim();
    if (value === undefined || value === '') continue;
    const parsed = SettingsSchema.shape.serverUrl.safeParse(value);
    if (!parsed.success || parsed.data === null) throw new ServerUrlError(source, value);
    return { url: parsed.data, source };
  }
  if (given.saved === null) return { url: null, source: 'embedded' };
  // Saved before addresses were checked (issue 19.9): plain http:// to another computer is not used.
  if (!SettingsSchema.shape.serverUrl.safeParse(given.saved).success)
    return { url: null, source: 'embedded', ignoredSavedUrl: given.saved };
  return { url: given.saved, source: 'settings' };
}
