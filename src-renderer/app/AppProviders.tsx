import { useEffect, useMemo, useState, type ReactNode } from 'react';
import { CacheProvider } from '@emotion/react';
import CssBaseline from '@mui/material/CssBaseline';
import { ThemeProvider } from '@mui/material/styles';
import type { i18n as I18n } from 'i18next';
import { I18nextProvider } from 'react-i18next';
import type { WorkstationApi } from '../../src-shared/contract/workstation';
import { WorkstationProvider } from '../contract/WorkstationProvider';
import { languageDirection } from '../i18n/languages';
import { emotionCacheFor } from './emotionCache';
import { createAppTheme } from './theme';

type Props = { api: WorkstationApi; i18n: I18n; children: ReactNode };

/** Contract, translations and a theme that follows the UI language's direction. */
export function AppProviders({ api, i18n, children }: Props) {
  const [language, setLanguage] = useState(i18n.language);
  useEffect(() => {
    const onChange = (next: string) => setLanguage(next);
    i18n.on('languageChanged', onChange);
    return () => i18n.off('languageChanged', onChange);
  }, [i18n]);
  const theme = useMemo(() => createAppTheme(language), [language]);
  return (
    <WorkstationProvider api={api}>
      <I18nextProvider i18n={i18n}>
        <CacheProvider value={emotionCacheFor(languageDirection(language))}>
          <ThemeProvider theme={theme}>
            <CssBaseline />
            {children}
          </ThemeProvider>
        </CacheProvider>
      </I18nextProvider>
    </WorkstationProvider>
  );
}
