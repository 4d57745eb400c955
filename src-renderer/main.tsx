import { StrictMode, startTransition } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { createWorkstationClient } from './contract/workstationClient';
import { prefetchFirstPage } from './features/queue';
import { initI18n } from './i18n/i18n';

const root = document.getElementById('root');
if (root === null) throw new Error('index.html has no #root element');

const api = createWorkstationClient(window);
// The queue's first page is asked for now, while translations load and the shell renders.
prefetchFirstPage(api);
const i18n = await initI18n(api);

// A transition renders in slices, yielding to the socket between them: the prefetched first page is
// taken as soon as it arrives, and usually the first commit already has its rows (one style, layout and
// paint pass instead of the shell's then the rows').
startTransition(() => {
  createRoot(root).render(
    <StrictMode>
      <App api={api} i18n={i18n} />
    </StrictMode>,
  );
});
