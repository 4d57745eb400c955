import type { ContractError, ServerInfo } from '../../../src-shared/contract/workstation';

/** Why the server was not switched; the settings screen words it in the agent's language. */
export type ServerSwitchFailure =
  | { kind: 'unsent' | 'attention'; number: string }
  | { kind: 'invalid' | 'locked' | 'demoFailed' }
  | { kind: 'unreachable'; url: string }
  | { kind: 'other'; code: string };

function countOf(error: ContractError, language: string): string {
  const details = error.details;
  const count = typeof details === 'object' && details !== null && 'count' in details ? details.count : undefined;
  return typeof count === 'number' ? new Intl.NumberFormat(language).format(count) : '—';
}

/** The core's refusal codes (settings:update in the contract) as failures the screen can translate. */
export function serverSwitchFailure(error: ContractError, url: string | null, language: string): ServerSwitchFailure {
  switch (error.code) {
    case 'UNSENT_CHANGES':
      return { kind: 'unsent', number: countOf(error, language) };
    case 'NEEDS_ATTENTION':
      return { kind: 'attention', number: countOf(error, language) };
    case 'BAD_INPUT':
      return { kind: 'invalid' };
    case 'SERVER_URL_LOCKED':
      return { kind: 'locked' };
    case 'SERVER_UNREACHABLE':
      return { kind: 'unreachable', url: url ?? '' };
    case 'SERVER_UNAVAILABLE':
      return { kind: 'demoFailed' };
    default:
      return { kind: 'other', code: error.code };
  }
}

/** The option that set the address at start, shown as typed (it is a command-line name, not prose). */
export function lockSource(info: ServerInfo): string | null {
  if (info.source === 'flag') return '--server-url';
  if (info.source === 'env') return 'CROSSDESK_SERVER_URL';
  return null;
}
