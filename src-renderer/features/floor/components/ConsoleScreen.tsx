import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import LinearProgress from '@mui/material/LinearProgress';
import Typography from '@mui/material/Typography';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ContractError } from '../../../../src-shared/contract/workstation';
import { contractErrorText } from '../../../i18n/contractErrorText';
import { LiveSwitch } from './LiveSwitch';

/** The frame of a console screen: its title with the Live / Paused switch, then the error, a loading bar or the content. */
export function ConsoleScreen({
  title,
  isLive,
  onLiveChange,
  serverTime,
  error,
  isLoading,
  children,
}: {
  title: string;
  isLive: boolean;
  onLiveChange: (isLive: boolean) => void;
  serverTime: string | null;
  error: ContractError | null;
  isLoading: boolean;
  children: ReactNode;
}) {
  const { t } = useTranslation('floor');
  const { t: tApp } = useTranslation('app');
  return (
    <Box sx={{ display: 'grid', gap: 2, alignContent: 'start', minHeight: 0, height: '100%', overflow: 'auto' }}>
      <Box sx={{ display: 'flex', alignItems: 'center', gap: 2, flexWrap: 'wrap' }}>
        <Typography component="h1" variant="h5" sx={{ flex: 1 }}>
          {title}
        </Typography>
        <LiveSwitch isLive={isLive} onChange={onLiveChange} serverTime={serverTime} />
      </Box>
      {error !== null && <Alert severity="error">{contractErrorText(tApp, error)}</Alert>}
      {isLoading ? error === null && <LinearProgress aria-label={t('loading')} /> : children}
    </Box>
  );
}
