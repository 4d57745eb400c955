import { describe, expect, it } from 'vitest';
import { isLoopbackHostname, ServerUrlSchema } from './serverUrl';

describe('server addresses', () => {
  it('knows loopback names as URL.hostname writes them', () => {
    for (const name of ['127.0.0.1', '127.3.2.1', 'localhost', 'LOCALHOST', '[::1]'])
      expect(isLoopbackHostname(name)).toBe(true);
    for (const name of ['0.0.0.0', '10.0.0.1', '127.0.0.1.example.test', 'localhost.example.test', '[::]'])
      expect(isLoopbackHostname(name)).toBe(false);
  });

  it('takes https anywhere and plain http on loopback only', () => {
    expect(ServerUrlSchema.safeParse('https://crossdesk.example.test').success).toBe(true);
    expect(ServerUrlSchema.safeParse('http://127.0.0.1:8787').success).toBe(true);
    expect(ServerUrlSchema.safeParse('http://crossdesk.example.test').success).toBe(false);
    expect(ServerUrlSchema.safeParse('http://127.0.0.1.nip.example:80').success).toBe(false);
    expect(ServerUrlSchema.safeParse('ftp://127.0.0.1').success).toBe(false);
  });
});
