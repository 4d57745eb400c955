import Alert from '@mui/material/Alert';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { EventPayload } from '../../../../src-shared/contract/workstation';
import { useWorkstation } from '../../../contract/WorkstationProvider';
import { syncApi } from '../syncApi';

/**
 * When the core removed this device's data (the agent asked, or an admin revoked the device), the drafts
 * in IndexedDB are removed too and the agent is told why, until they dismiss it.
 */
export function DeviceWipedNotice({ clearDrafts }: { clearDrafts: () => Promise<void> }) {
  const { t } = useTranslation('sync');
  const workstation = useWorkstation();
  const api = useMemo(() => syncApi(workstation), [workstation]);
  const [wiped, setWiped] = useState<EventPayload<'device:wiped'> | null>(null);
  useEffect(
    () =>
      api.onDeviceWiped((event) => {
        setWiped(event);
        void clearDrafts().catch(() => undefined);
      }),
    [api, clearDrafts],
  );
  if (wiped === null) return null;
  return (
    <Alert
      severity={wiped.reason === 'revoked' ? 'warning' : 'success'}
      role="alert"
      onClose={() => setWiped(null)}
      sx={{ position: 'fixed', insetInlineStart: 16, insetInlineEnd: 16, bottom: 16, zIndex: 1400 }}
    >
      {t(wiped.reason === 'revoked' ? 'deviceWiped.revoked' : 'deviceWiped.requested')}
    </Alert>
  );
}
