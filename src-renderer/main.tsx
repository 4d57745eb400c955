import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { createWorkstationClient } from './contract/workstationClient';
import { initI18n } from './i18n/i18n';

const root = document.getElementById('root');
if (root === null) throw new Error('index.html has no #root element');

const api = createWorkstationClient(window);
const i18n = await initI18n(api);

createRoot(root).render(
  <StrictMode>
    <App api={api} i18n={i18n} />
  </StrictMode>,
);
