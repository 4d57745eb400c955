import { useState } from 'react';
import type { i18n as I18n } from 'i18next';
import type { CaseRow, WorkstationApi } from '../../src-shared/contract/workstation';
import { DraftsProvider } from '../drafts';
import { AttentionScreen, useAttentionCount } from '../features/attention';
import { CaseScreen } from '../features/case';
import { QueueScreen } from '../features/queue';
import { SettingsScreen } from '../features/settings';
import { ShortcutsHelpButton, ShortcutsProvider, useShortcut } from '../features/shortcuts';
import { Notifications, SyncIndicator } from '../features/sync';
import { AppProviders } from './AppProviders';
import { AppShell } from './AppShell';
import type { Route } from './navigation';

function Screens() {
  const [route, setRoute] = useState<Route>({ screen: 'queue' });
  // The rows the agent last saw in the queue, so next/previous case follow the same view and sort.
  const [caseOrder, setCaseOrder] = useState<readonly CaseRow[]>([]);
  const attentionCount = useAttentionCount();
  const openCase = (caseId: string, caseRef: string | null) => setRoute({ screen: 'case', caseId, caseRef: caseRef ?? '' });
  const step = (delta: number) => {
    if (route.screen !== 'case') return;
    const index = caseOrder.findIndex((row) => row.id === route.caseId);
    const next = caseOrder[index + delta];
    if (index >= 0 && next !== undefined) openCase(next.id, next.ref);
  };
  useShortcut('nextCase', () => step(1));
  useShortcut('previousCase', () => step(-1));
  useShortcut('search', () => {
    setRoute({ screen: 'queue' });
    setTimeout(() => document.querySelector<HTMLInputElement>('input[type="search"]')?.focus(), 0);
  });
  return (
    <AppShell
      route={route}
      onNavigate={setRoute}
      toolbarExtras={<><SyncIndicator /><ShortcutsHelpButton /></>}
      navBadges={{ attention: attentionCount }}
    >
      {route.screen === 'queue' && (
        <QueueScreen onOpenCase={(row, rows) => { setCaseOrder(rows); openCase(row.id, row.ref); }} />
      )}
      {route.screen === 'case' && <CaseScreen key={route.caseId} caseId={route.caseId} />}
      {route.screen === 'attention' && <AttentionScreen onOpenCase={openCase} />}
      {route.screen === 'settings' && <SettingsScreen />}
      <Notifications onOpenCase={openCase} />
    </AppShell>
  );
}

export function App({ api, i18n }: { api: WorkstationApi; i18n: I18n }) {
  return (
    <AppProviders api={api} i18n={i18n}>
      <DraftsProvider>
        <ShortcutsProvider>
          <Screens />
        </ShortcutsProvider>
      </DraftsProvider>
    </AppProviders>
  );
}
