import type { ReactNode } from 'react';
import Paper from '@mui/material/Paper';
import Typography from '@mui/material/Typography';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { PanelErrorBoundary } from './PanelErrorBoundary';

/** A titled side panel of the case view, a landmark region named by its heading. */
export function PanelSection({ title, children }: { title: string; children: ReactNode }) {
  const headingId = useId();
  const { t } = useTranslation('case');
  return (
    <Paper component="section" variant="outlined" aria-labelledby={headingId} sx={{ p: 1.5 }}>
      <Typography id={headingId} component="h2" variant="subtitle1" sx={{ fontWeight: 600, mb: 1 }}>
        {title}
      </Typography>
      <PanelErrorBoundary
        fallback={(message) => (
          <Typography variant="body2" color="error">
            {t('panelError', { message })}
          </Typography>
        )}
      >
        {children}
      </PanelErrorBoundary>
    </Paper>
  );
}
