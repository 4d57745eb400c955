import type { Case } from '../../src-shared/domain/case';
import type { DesktopClient } from './desktopClient';
import { World, type WorldOptions } from './world';

export type WorldWithJonas = {
  world: World;
  jonas: DesktopClient;
  /** jonas.weber's open case at `index`, in id order, as the server had them when the world was made. */
  caseAt(index: number): Case;
};

export interface WorldWithJonasOptions extends WorldOptions {
  /** The scenario needs this many open cases of jonas.weber: setup fails with a clear error otherwise. */
  minOpenCases?: number;
}

/**
 * The usual start of a fault scenario: a fresh world with jonas.weber's desk signed in and bootstrapped
 * through the proxy, and his open cases on the server.
 */
export async function worldWithJonas({
  minOpenCases = 0,
  ...options
}: WorldWithJonasOptions = {}): Promise<WorldWithJonas> {
  const world = await World.create(options);
  try {
    const jonas = await world.client('jonas', 'jonas.weber');
    const open = await world.server.openCasesOf(await world.userId('jonas.weber'));
    if (open.length < minOpenCases)
      throw new Error(`jonas.weber needs ${minOpenCases} open cases in the demo data, has ${open.length}`);
    return { world, jonas, caseAt: (index) => nthCase(open, index) };
  } catch (error) {
    await world.destroy();
    throw error;
  }
}

/** The case at `index` of a scenario's list, with a clear error when the demo data has too few. */
export function nthCase(cases: readonly Case[], index: number): Case {
  const found = cases[index];
  if (!found) throw new Error(`no case ${index}`);
  return found;
}
