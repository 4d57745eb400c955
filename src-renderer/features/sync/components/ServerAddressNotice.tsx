import Alert from '@mui/material/Alert';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useWorkstation } from '../../../contract/WorkstationProvider';
import { syncApi } from '../syncApi';

/**
 * An address saved in Settings by an older version that this start did not use (plain http:// to another
 * computer, issue 19.9): the agent is told why they see the demo server and what to do, until they dismiss it.
 */
export function ServerAddressNotice() {
  const { t } = useTranslation('sync');
  const workstation = useWorkstation();
  const api = useMemo(() => syncApi(workstation), [workstation]);
  const [ignoredUrl, setIgnoredUrl] = useState<string | null>(null);
  useEffect(() => {
    let isCurrent = true;
    void api.server().then((result) => {
      if (isCurrent && result.ok) setIgnoredUrl(result.data.ignoredSavedUrl ?? null);
    });
    return () => {
      isCurrent = false;
    };
  }, [api]);
  if (ignoredUrl === null) return null;
  return (
    <Alert
      severity="warning"
      role="alert"
      onClose={() => setIgnoredUrl(null)}
      sx={{ position: 'fixed', insetInlineStart: 16, insetInlineEnd: 16, top: 72, zIndex: 1400 }}
    >
      {t('serverNotice.insecureSaved', { url: `\u2068${ignoredUrl}\u2069` })}
    </Alert>
  );
}
