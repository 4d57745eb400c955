import { TEXT_LIMITS } from './limits';

export type TagProblem = 'empty' | 'too_long' | 'spaces';

/**
 * One spelling per tag, so "#VIP", "vip" and "Vip" are one tag: trimmed, without leading "#" (agents
 * type it from chat tools), in lower case.
 */
export function normalizeTag(raw: string): string {
  return raw.trim().replace(/^#+/u, '').trim().toLowerCase();
}

/** Why a normalized tag cannot be saved, or null; the same rules as TagSchema on the wire. */
export function tagProblem(tag: string): TagProblem | null {
  if (tag === '') return 'empty';
  if (tag.length > TEXT_LIMITS.tag) return 'too_long';
  if (/[\s,]/u.test(tag)) return 'spaces';
  return null;
}
