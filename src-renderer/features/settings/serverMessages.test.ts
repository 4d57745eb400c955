import { describe, expect, it } from 'vitest';
import { lockSource, serverSwitchFailure } from './serverMessages';

describe('serverSwitchFailure', () => {
  it('turns each refusal code of settings:update into a failure the screen translates, counts in the UI language', () => {
    expect(serverSwitchFailure({ code: 'UNSENT_CHANGES', message: 'x', details: { count: 1234 } }, null, 'de')).toEqual(
      { kind: 'unsent', number: '1.234' },
    );
    expect(serverSwitchFailure({ code: 'NEEDS_ATTENTION', message: 'x', details: { count: 3 } }, null, 'ar')).toEqual({
      kind: 'attention',
      number: new Intl.NumberFormat('ar').format(3),
    });
    expect(serverSwitchFailure({ code: 'UNSENT_CHANGES', message: 'x' }, null, 'en')).toEqual({
      kind: 'unsent',
      number: '—',
    });
    expect(serverSwitchFailure({ code: 'BAD_INPUT', message: 'x' }, 'x', 'en')).toEqual({ kind: 'invalid' });
    expect(serverSwitchFailure({ code: 'SERVER_URL_LOCKED', message: 'x' }, 'x', 'en')).toEqual({ kind: 'locked' });
    expect(serverSwitchFailure({ code: 'SERVER_UNREACHABLE', message: 'x' }, 'http://a.test', 'en')).toEqual({
      kind: 'unreachable',
      url: 'http://a.test',
    });
    expect(serverSwitchFailure({ code: 'SERVER_UNAVAILABLE', message: 'x' }, null, 'en')).toEqual({
      kind: 'demoFailed',
    });
    expect(serverSwitchFailure({ code: 'HOST_STOPPED', message: 'gone' }, null, 'en')).toEqual({
      kind: 'other',
      code: 'HOST_STOPPED',
    });
  });

  it('names the start option that locks the address', () => {
    expect(lockSource({ url: 'http://a.test', source: 'flag' })).toBe('--server-url');
    expect(lockSource({ url: 'http://a.test', source: 'env' })).toBe('CROSSDESK_SERVER_URL');
    expect(lockSource({ url: 'http://a.test', source: 'settings' })).toBeNull();
    expect(lockSource({ url: null, source: 'embedded' })).toBeNull();
  });
});
