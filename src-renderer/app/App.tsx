import { Suspense, lazy, memo, useCallback, useEffect, useState, type ComponentProps } from 'react';
import LinearProgress from '@mui/material/LinearProgress';
import type { i18n as I18n } from 'i18next';
import type { CaseRow, WorkstationApi } from '../../src-shared/contract/workstation';
import { useAttentionCount } from '../features/attention/hooks/useAttention';
import { QueueScreen as QueueScreenUnmemoized } from '../features/queue';
import { ShortcutsHelpButton, ShortcutsProvider, useShortcut } from '../features/shortcuts';
import { useIsSupervisor, useSession } from '../features/supervision/hooks/useSession';
import { DeviceWipedNotice, Notifications, ServerAddressNotice, SyncIndicator } from '../features/sync';
import { AppProviders } from './AppProviders';
import { AppShell } from './AppShell';
import { isSupervisorScreen, withRecent, type RecentCase, type Route } from './navigation';

// The queue paints first; the other screens (market packs, holiday calendars, the reply library) load on
// first use so the queue's chunk stays small (issue 6: queue open under 500 ms with 50,000 cases).
// Drafts (Dexie, IndexedDB) serve the case screen's composer only: they load with it, one store per page.
let drafts: ReturnType<typeof openDrafts> | null = null;
function openDrafts() {
  return import('../drafts').then((module) => ({
    Provider: module.DraftsProvider,
    store: module.draftStore(module.openDraftsDb()),
  }));
}
const loadCaseScreen = () => {
  drafts ??= openDrafts();
  return Promise.all([import('../features/case'), drafts]);
};
const CaseScreen = lazy(() =>
  loadCaseScreen().then(([screen, { Provider, store }]) => ({
    default: function CaseScreenWithDrafts(props: ComponentProps<typeof screen.CaseScreen>) {
      // Drafts are the signed-in user's own; nobody signed in (a locked device) has none to show.
      const userId = useSession()?.user?.id;
      if (userId === undefined) return <LinearProgress />;
      return (
        <Provider store={store} userId={userId}>
          <screen.CaseScreen {...props} />
        </Provider>
      );
    },
  })),
);
const AttentionScreen = lazy(() =>
  import('../features/attention').then((module) => ({ default: module.AttentionScreen })),
);
const ReassignScreen = lazy(() =>
  import('../features/supervision/components/ReassignScreen').then((module) => ({ default: module.ReassignScreen })),
);
const PracticeScreen = lazy(() =>
  import('../features/practice').then((module) => ({ default: module.PracticeScreen })),
);
const SettingsScreen = lazy(() =>
  import('../features/settings').then((module) => ({ default: module.SettingsScreen })),
);
// Sync status, attention count and notifications update the app around the queue while its first page
// loads: none of them should re-render the queue's grid, tabs and filters.
const QueueScreen = memo(QueueScreenUnmemoized);

/** The device's data is gone: its drafts go too, whether or not the case screen ever loaded them. */
async function clearDrafts(): Promise<void> {
  drafts ??= openDrafts();
  await (await drafts).store.clearAll();
}

/** Long enough for the queue's first page to paint; then the case screen loads while the agent reads. */
const PREFETCH_DELAY_MS = 1_500;

function usePrefetchCaseScreen(): void {
  useEffect(() => {
    let idle = 0;
    const timer = window.setTimeout(() => {
      idle = window.requestIdleCallback(() => void loadCaseScreen(), { timeout: 5_000 });
    }, PREFETCH_DELAY_MS);
    return () => {
      window.clearTimeout(timer);
      window.cancelIdleCallback(idle);
    };
  }, []);
}

function Screens() {
  const [route, setRoute] = useState<Route>({ screen: 'queue' });
  const lastCase = route.screen === 'case' ? route : null;
  const [previousCase, setPreviousCase] = useState<Extract<Route, { screen: 'case' }> | null>(null);
  const [recentCases, setRecentCases] = useState<readonly RecentCase[]>([]);
  useEffect(() => {
    if (lastCase === null) return;
    setPreviousCase(lastCase);
    setRecentCases((recent) => withRecent(recent, { caseId: lastCase.caseId, caseRef: lastCase.caseRef }));
  }, [lastCase]);
  // The rows the agent last saw in the queue, so next/previous case follow the same view and sort.
  const [caseOrder, setCaseOrder] = useState<readonly CaseRow[]>([]);
  const attentionCount = useAttentionCount();
  const isSupervisor = useIsSupervisor();
  const isAgent = useSession()?.user?.role === 'agent';
  // Signed out, or signed in as an agent: no supervisor screen stays open.
  useEffect(() => {
    if (!isSupervisor && isSupervisorScreen(route.screen)) setRoute({ screen: 'queue' });
  }, [isSupervisor, route.screen]);
  usePrefetchCaseScreen();
  const openCase = useCallback(
    (caseId: string, caseRef: string | null) => setRoute({ screen: 'case', caseId, caseRef: caseRef ?? '' }),
    [],
  );
  const openFromQueue = useCallback(
    (row: CaseRow, rows: readonly CaseRow[]) => {
      setCaseOrder(rows);
      setRecentCases((recent) =>
        withRecent(recent, { caseId: row.id, caseRef: row.ref, customerName: row.customerName }),
      );
      openCase(row.id, row.ref);
    },
    [openCase],
  );
  // Next and previous case mean something on the case screen only; elsewhere the queue's grid has them.
  const step = (delta: number) => {
    if (route.screen !== 'case') return false;
    const index = caseOrder.findIndex((row) => row.id === route.caseId);
    const next = caseOrder[index + delta];
    if (index >= 0 && next !== undefined) openCase(next.id, next.ref);
    return true;
  };
  useShortcut('nextCase', () => step(1));
  useShortcut('previousCase', () => step(-1));
  useShortcut('backToQueue', () => {
    if (route.screen === 'queue') return false;
    setRoute({ screen: 'queue' });
    return true;
  });
  useShortcut('search', () => {
    setRoute({ screen: 'queue' });
    setTimeout(() => document.querySelector<HTMLInputElement>('input[type="search"]')?.focus(), 0);
  });
  return (
    <AppShell
      route={route}
      onNavigate={setRoute}
      lastCase={lastCase ?? previousCase}
      toolbarExtras={
        <>
          <SyncIndicator />
          <ShortcutsHelpButton />
        </>
      }
      navBadges={{ attention: attentionCount }}
      recentCases={recentCases}
      showSupervisor={isSupervisor}
      showPractice={isAgent}
    >
      {route.screen === 'queue' && <QueueScreen onOpenCase={openFromQueue} />}
      <Suspense fallback={<LinearProgress />}>
        {route.screen === 'case' && <CaseScreen key={route.caseId} caseId={route.caseId} />}
        {route.screen === 'attention' && <AttentionScreen onOpenCase={openCase} />}
        {route.screen === 'settings' && <SettingsScreen />}
        {route.screen === 'practice' && isAgent && <PracticeScreen />}
        {route.screen === 'reassign' && isSupervisor && <ReassignScreen />}
      </Suspense>
      <Notifications onOpenCase={openCase} />
      <DeviceWipedNotice clearDrafts={clearDrafts} />
      <ServerAddressNotice />
    </AppShell>
  );
}

export function App({ api, i18n }: { api: WorkstationApi; i18n: I18n }) {
  return (
    <AppProviders api={api} i18n={i18n}>
      <ShortcutsProvider>
        <Screens />
      </ShortcutsProvider>
    </AppProviders>
  );
}
