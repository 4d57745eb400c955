import Button from '@mui/material/Button';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AgentRow } from '../../../../src-shared/supervision/views';
import { contractErrorText } from '../../../i18n/contractErrorText';
import { formatDateTime, formatNumber, languageName, regionName } from '../../../i18n/format';
import { useLiveRead } from '../hooks/useLiveRead';
import { AgentSettingsDialog } from './AgentSettingsDialog';
import { CaseListPanel } from './CaseListPanel';
import { ConsoleScreen } from './ConsoleScreen';
import { PresenceChip } from './PresenceChip';

/**
 * Agents of the supervisor's teams: presence, last contact, load against capacity, next due, cases held
 * for offline work, languages and markets. A row opens the agent's cases; capacity and skills are edited here.
 */
export function AgentsScreen() {
  const { t, i18n } = useTranslation('floor');
  const { t: tApp } = useTranslation('app');
  const [isLive, setIsLive] = useState(true);
  const [opened, setOpened] = useState<AgentRow | null>(null);
  const [editing, setEditing] = useState<AgentRow | null>(null);
  const { data, error, reload, api } = useLiveRead((floor) => floor.agents(), isLive);
  const when = (iso: string | null) => (iso === null ? t('none') : formatDateTime(i18n.language, iso));
  const list = (values: readonly string[], name: (value: string) => string) =>
    values.length === 0 ? t('any') : values.map(name).join(', ');
  return (
    <ConsoleScreen
      title={t('agents.title')}
      isLive={isLive}
      onLiveChange={setIsLive}
      serverTime={data?.serverTime ?? null}
      error={error}
      isLoading={data === null}
    >
      {data === null ? null : data.agents.length === 0 ? (
        <Typography color="text.secondary">{t('agents.empty')}</Typography>
      ) : (
        <Table size="small" aria-label={t('agents.tableLabel')}>
          <TableHead>
            <TableRow>
              <TableCell>{t('column.agent')}</TableCell>
              <TableCell>{t('column.presence')}</TableCell>
              <TableCell>{t('column.lastSync')}</TableCell>
              <TableCell align="right">{t('column.load')}</TableCell>
              <TableCell>{t('column.nextDue')}</TableCell>
              <TableCell align="right">{t('column.heldOffline')}</TableCell>
              <TableCell>{t('column.languages')}</TableCell>
              <TableCell>{t('column.markets')}</TableCell>
              <TableCell>{t('column.actions')}</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {data.agents.map((agent) => (
              <TableRow key={agent.id} data-agent-id={agent.id} hover selected={opened?.id === agent.id}>
                <TableCell>{agent.displayName}</TableCell>
                <TableCell>
                  <PresenceChip presence={agent.presence} />
                </TableCell>
                <TableCell>{when(agent.lastSyncAt)}</TableCell>
                <TableCell align="right" sx={agent.load >= agent.capacity ? { color: 'warning.main' } : {}}>
                  {t('agents.load', {
                    load: formatNumber(i18n.language, agent.load),
                    capacity: formatNumber(i18n.language, agent.capacity),
                  })}
                </TableCell>
                <TableCell>{when(agent.nextDueAt)}</TableCell>
                <TableCell align="right">{formatNumber(i18n.language, agent.heldOffline)}</TableCell>
                <TableCell>{list(agent.languages, (tag) => languageName(i18n.language, tag))}</TableCell>
                <TableCell>{list(agent.markets, (code) => regionName(i18n.language, code))}</TableCell>
                <TableCell sx={{ whiteSpace: 'nowrap' }}>
                  <Button size="small" onClick={() => setOpened(agent)}>
                    {t('agents.openCases')}
                  </Button>
                  <Button size="small" onClick={() => setEditing(agent)}>
                    {t('agents.edit')}
                  </Button>
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
      {opened !== null && (
        <CaseListPanel
          key={opened.id}
          title={t('agents.cases', { name: opened.displayName })}
          query={{ assigneeId: opened.id, limit: 500 }}
          isLive={isLive}
          onClose={() => setOpened(null)}
        />
      )}
      {editing !== null && (
        <AgentSettingsDialog
          agent={editing}
          onClose={() => setEditing(null)}
          onSave={async (settings) => {
            const result = await api.saveSettings(editing.id, settings);
            void reload();
            return result.ok ? null : contractErrorText(tApp, result.error);
          }}
        />
      )}
    </ConsoleScreen>
  );
}
