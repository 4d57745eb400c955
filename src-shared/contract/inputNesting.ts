/**
 * No contract input is nested more than a few levels (a settings object, a bulk action). Deeper input is
 * refused at the host before it crosses to the worker: structured clone recurses, and an input nested a few
 * thousand levels overflows the stack in postMessage, which would leave the call unanswered.
 */
export const MAX_INPUT_NESTING = 32;

/** Whether arrays and objects in `value` nest deeper than `limit` levels; walks with its own stack. */
export function isNestedDeeperThan(value: unknown, limit: number): boolean {
  const pending: { value: unknown; depth: number }[] = [{ value, depth: 0 }];
  for (let next = pending.pop(); next !== undefined; next = pending.pop()) {
    if (typeof next.value !== 'object' || next.value === null) continue;
    const depth = next.depth + 1;
    if (depth > limit) return true;
    for (const child of Array.isArray(next.value) ? next.value : Object.values(next.value))
      pending.push({ value: child, depth });
  }
  return false;
}
