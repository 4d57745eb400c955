import Paper from '@mui/material/Paper';
import Typography from '@mui/material/Typography';
import { useTranslation } from 'react-i18next';
import type { ScreenId } from './navigation';

/** A slot in the shell that a later feature fills; says so plainly instead of pretending. */
export function PlaceholderScreen({ screen, detail }: { screen: Exclude<ScreenId, 'queue'>; detail?: string }) {
  const { t } = useTranslation('app');
  return (
    <Paper variant="outlined" sx={{ p: 3, maxWidth: 640 }}>
      <Typography component="h1" variant="h5" gutterBottom>
        {t(`nav.${screen}`)}
        {detail ? ` · ${detail}` : ''}
      </Typography>
      <Typography color="text.secondary">{t('placeholder.body')}</Typography>
    </Paper>
  );
}
