/** Screens of the app shell. Later features fill the slots (case view, needs attention, settings). */
export const SCREENS = ['queue', 'case', 'attention', 'settings'] as const;
export type ScreenId = (typeof SCREENS)[number];

export type Route =
  | { screen: 'queue' }
  | { screen: 'case'; caseId: string; caseRef: string }
  | { screen: 'attention' }
  | { screen: 'settings' };
