import Box from '@mui/material/Box';
import Chip from '@mui/material/Chip';
import LinearProgress from '@mui/material/LinearProgress';
import Tooltip from '@mui/material/Tooltip';
import CloudDoneIcon from '@mui/icons-material/CloudDone';
import CloudOffIcon from '@mui/icons-material/CloudOff';
import CloudSyncIcon from '@mui/icons-material/CloudSync';
import ErrorOutlineIcon from '@mui/icons-material/ErrorOutlineOutlined';
import PersonOffIcon from '@mui/icons-material/PersonOff';
import { useEffect, useMemo, useState, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { SyncStatus } from '../../../../src-shared/contract/workstation';
import { useWorkstation } from '../../../contract/WorkstationProvider';
import { formatDateTime } from '../../../i18n/format';
import { syncApi } from '../syncApi';
import { bootstrapPercent, syncTone, type SyncTone } from '../syncLabel';

const ICONS: Record<SyncTone, ReactElement> = {
  ok: <CloudDoneIcon />,
  busy: <CloudSyncIcon />,
  offline: <CloudOffIcon />,
  signed_out: <PersonOffIcon />,
  error: <ErrorOutlineIcon />,
};

export function useSyncStatus(): SyncStatus | null {
  const workstation = useWorkstation();
  const api = useMemo(() => syncApi(workstation), [workstation]);
  const [status, setStatus] = useState<SyncStatus | null>(null);
  useEffect(() => {
    let isCurrent = true;
    void api.status().then((result) => {
      if (isCurrent && result.ok) setStatus(result.data);
    });
    const unsubscribe = api.onStatus(setStatus);
    return () => {
      isCurrent = false;
      unsubscribe();
    };
  }, [api]);
  return status;
}

/** Online, offline or syncing; what is waiting to be sent; when the last sync finished. Always honest. */
export function SyncIndicator() {
  const { t, i18n } = useTranslation('sync');
  const status = useSyncStatus();
  if (status === null) return null;
  const tone = syncTone(status);
  const percent = bootstrapPercent(status);
  const label = [
    t(`state.${tone}`),
    ...(status.pendingCount > 0 ? [t('pending', { count: status.pendingCount })] : []),
  ].join(' · ');
  const details = [
    status.lastSyncedAt === null
      ? t('neverSynced')
      : t('lastSynced', { time: formatDateTime(i18n.language, status.lastSyncedAt) }),
    ...(status.lastError === null
      ? []
      : [
          t('lastError', {
            message: t(`problem.${status.lastError.code}`, { serverCode: status.lastError.serverCode ?? '' }),
          }),
        ]),
  ].join('\n');
  return (
    <Box
      role="status"
      aria-live="polite"
      aria-label={t('label')}
      sx={{ display: 'flex', flexDirection: 'column', gap: 0.25, minWidth: 150 }}
    >
      <Tooltip title={<Box sx={{ whiteSpace: 'pre-line' }}>{details}</Box>}>
        <Chip
          icon={ICONS[tone]}
          label={label}
          data-sync-tone={tone}
          sx={{
            bgcolor: 'rgba(255,255,255,0.92)',
            color: tone === 'error' || tone === 'offline' ? '#a3161a' : '#1b3a57',
            '& .MuiChip-icon': { color: 'inherit' },
          }}
        />
      </Tooltip>
      {tone === 'busy' && status.bootstrap !== null && (
        <LinearProgress
          variant={percent === null ? 'indeterminate' : 'determinate'}
          value={percent ?? undefined}
          aria-label={t('bootstrap', { count: status.bootstrap.received })}
          color="inherit"
        />
      )}
    </Box>
  );
}
