import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Snackbar from '@mui/material/Snackbar';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { EventPayload } from '../../../../src-shared/contract/workstation';
import { useWorkstation } from '../../../contract/WorkstationProvider';
import { syncApi } from '../syncApi';

type Note = EventPayload<'notify'> & { ref: string | null; key: number };

const SEVERITY = {
  case_assigned: 'info',
  sla_warning: 'warning',
  sla_breached: 'error',
  reply_rejected: 'error',
} as const;

/** Toasts for a new assignment, a case nearing or past breach, a refused reply; one at a time, newest last. */
export function Notifications({ onOpenCase }: { onOpenCase: (caseId: string, caseRef: string | null) => void }) {
  const { t } = useTranslation('sync');
  const workstation = useWorkstation();
  const api = useMemo(() => syncApi(workstation), [workstation]);
  const [queue, setQueue] = useState<Note[]>([]);
  useEffect(() => {
    let counter = 0;
    return api.onNotify((note) => {
      const key = (counter += 1);
      void api.caseRef(note.caseId).then((ref) => setQueue((previous) => [...previous, { ...note, ref, key }]));
    });
  }, [api]);
  const current = queue[0];
  const dismiss = () => setQueue((previous) => previous.slice(1));
  if (current === undefined) return null;
  return (
    <Snackbar
      open
      key={current.key}
      onClose={(_event, reason) => {
        if (reason !== 'clickaway') dismiss();
      }}
      autoHideDuration={8000}
      anchorOrigin={{ vertical: 'bottom', horizontal: 'right' }}
    >
      <Alert
        severity={SEVERITY[current.kind]}
        variant="filled"
        onClose={dismiss}
        action={
          <Button
            color="inherit"
            size="small"
            onClick={() => {
              onOpenCase(current.caseId, current.ref);
              dismiss();
            }}
          >
            {t('notify.open')}
          </Button>
        }
      >
        {t(`notify.${current.kind}`, { ref: current.ref ?? '' })}
      </Alert>
    </Snackbar>
  );
}
