import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import LinearProgress from '@mui/material/LinearProgress';
import Typography from '@mui/material/Typography';
import { useTranslation } from 'react-i18next';
import type { SupervisedCaseQuery } from '../../../../src-shared/supervision/views';
import { contractErrorText } from '../../../i18n/contractErrorText';
import { useLiveRead } from '../hooks/useLiveRead';
import { BreakableCasesTable } from './BreakableCasesTable';

/** The cases behind a Floor cell or an agent, read live like the screen that opened them. */
export function CaseListPanel({
  title,
  query,
  isLive,
  onClose,
}: {
  title: string;
  query: SupervisedCaseQuery;
  isLive: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation('floor');
  const { t: tApp } = useTranslation('app');
  const { data, error, reload, api } = useLiveRead((floor) => floor.cases(query), isLive);
  return (
    <Box component="section" aria-label={title} sx={{ display: 'grid', gap: 1 }}>
      <Box sx={{ display: 'flex', alignItems: 'center', gap: 2 }}>
        <Typography component="h2" variant="h6" sx={{ flex: 1 }}>
          {title}
        </Typography>
        <Button onClick={onClose}>{t('close')}</Button>
      </Box>
      {error !== null && <Alert severity="error">{contractErrorText(tApp, error)}</Alert>}
      {data === null ? (
        error === null && <LinearProgress aria-label={t('loading')} />
      ) : (
        <BreakableCasesTable cases={data.cases} label={title} api={api} onChanged={() => void reload()} />
      )}
    </Box>
  );
}
