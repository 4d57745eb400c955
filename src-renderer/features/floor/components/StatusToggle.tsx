import ToggleButton from '@mui/material/ToggleButton';
import ToggleButtonGroup from '@mui/material/ToggleButtonGroup';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AgentStatus } from '../../../../src-shared/supervision/presence';
import { useWorkstation } from '../../../contract/WorkstationProvider';

/** The agent's own status, sent with the desk's heartbeat: supervisors see it, routing skips an agent who is away. */
export function StatusToggle() {
  const { t } = useTranslation('floor');
  const workstation = useWorkstation();
  const [status, setStatus] = useState<AgentStatus | null>(null);
  useEffect(() => {
    let isCurrent = true;
    void workstation['presence:get']({}).then((result) => {
      if (isCurrent && result.ok) setStatus(result.data.status);
    });
    return () => {
      isCurrent = false;
    };
  }, [workstation]);
  if (status === null) return null;
  return (
    <ToggleButtonGroup
      size="small"
      exclusive
      value={status}
      aria-label={t('status.label')}
      onChange={(_event, next: AgentStatus | null) => {
        if (next === null) return;
        void workstation['presence:set']({ status: next }).then((result) => {
          if (result.ok) setStatus(result.data.status);
        });
      }}
      sx={{ bgcolor: 'background.paper', mx: 1 }}
    >
      <ToggleButton value="online">{t('status.online')}</ToggleButton>
      <ToggleButton value="away">{t('status.away')}</ToggleButton>
    </ToggleButtonGroup>
  );
}
