/** Screens of the app shell. Later features fill the slots (case view, needs attention, settings). */
export const SCREENS = ['queue', 'case', 'attention', 'settings'] as const;
/**
 * The Supervisor section: shown to supervisors and admins only (the core refuses its contract methods to
 * anyone else). Supervisor screens are listed here and routed as `{ screen }` like the agent's own.
 */
export const SUPERVISOR_SCREENS = ['reassign'] as const;
export type SupervisorScreenId = (typeof SUPERVISOR_SCREENS)[number];
/** Practice (issue 16): shown to agents, who practise in the sandbox. */
export const AGENT_SCREENS = ['practice'] as const;
export type AgentScreenId = (typeof AGENT_SCREENS)[number];
export type ScreenId = (typeof SCREENS)[number] | SupervisorScreenId | AgentScreenId;

export function isSupervisorScreen(screen: ScreenId): screen is SupervisorScreenId {
  const screens: readonly ScreenId[] = SUPERVISOR_SCREENS;
  return screens.includes(screen);
}

export type Route =
  | { screen: 'queue' }
  | { screen: 'case'; caseId: string; caseRef: string }
  | { screen: 'attention' }
  | { screen: 'settings' }
  | { screen: SupervisorScreenId }
  | { screen: AgentScreenId };

/** A case the agent opened recently, listed under the navigation (issue 14 item 10). */
export type RecentCase = { caseId: string; caseRef: string; customerName?: string };

/** How many recently opened cases the navigation lists. */
export const RECENT_CASES = 5;

/** The recent list after opening `opened`: it moves to the top, the oldest drops off. */
export function withRecent(recent: readonly RecentCase[], opened: RecentCase): RecentCase[] {
  const previous = recent.find((entry) => entry.caseId === opened.caseId);
  const merged = { ...previous, ...opened, customerName: opened.customerName ?? previous?.customerName };
  return [merged, ...recent.filter((entry) => entry.caseId !== opened.caseId)].slice(0, RECENT_CASES);
}
