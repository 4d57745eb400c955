import { useState } from 'react';
import type { i18n as I18n } from 'i18next';
import type { WorkstationApi } from '../../src-shared/contract/workstation';
import { QueueScreen } from '../features/queue';
import { AppProviders } from './AppProviders';
import { AppShell } from './AppShell';
import type { Route } from './navigation';
import { PlaceholderScreen } from './PlaceholderScreen';

export function App({ api, i18n }: { api: WorkstationApi; i18n: I18n }) {
  const [route, setRoute] = useState<Route>({ screen: 'queue' });
  return (
    <AppProviders api={api} i18n={i18n}>
      <AppShell route={route} onNavigate={setRoute}>
        {route.screen === 'queue' && (
          <QueueScreen onOpenCase={(row) => setRoute({ screen: 'case', caseId: row.id, caseRef: row.ref })} />
        )}
        {route.screen === 'case' && <PlaceholderScreen screen="case" detail={route.caseRef} />}
        {route.screen === 'attention' && <PlaceholderScreen screen="attention" />}
        {route.screen === 'settings' && <PlaceholderScreen screen="settings" />}
      </AppShell>
    </AppProviders>
  );
}
