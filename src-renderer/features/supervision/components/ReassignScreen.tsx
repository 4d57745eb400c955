import { useEffect, useId, useMemo, useState } from 'react';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Checkbox from '@mui/material/Checkbox';
import FormControl from '@mui/material/FormControl';
import InputLabel from '@mui/material/InputLabel';
import LinearProgress from '@mui/material/LinearProgress';
import MenuItem from '@mui/material/MenuItem';
import Select from '@mui/material/Select';
import Table from '@mui/material/Table';
import TextField from '@mui/material/TextField';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import { useTranslation } from 'react-i18next';
import type { BulkResult, CaseRow, Session } from '../../../../src-shared/contract/workstation';
import type { User } from '../../../../src-shared/domain/user';
import { REASSIGN_REASON_MAX } from '../../../../src-shared/sync/mutations';
import { rejectionDetail } from '../../attention/rejectionText';
import { useWorkstation } from '../../../contract/WorkstationProvider';
import { contractErrorText } from '../../../i18n/contractErrorText';
import { formatDateTime, languageName } from '../../../i18n/format';
import { useHeldCases } from '../hooks/useHeldCases';
import { useSession } from '../hooks/useSession';
import { supervisionApi } from '../supervisionApi';

/** The select's value for "the team queue" (nobody): user ids are uuids, so it cannot clash with one. */
const TEAM_QUEUE = 'team-queue';

/** The agents of the supervisor's teams, by name: whose work can be moved, and to whom. */
function teamAgents(session: Session | null): User[] {
  const teams = new Set(session?.user?.teamIds ?? []);
  return (session?.colleagues ?? [])
    .filter((user) => user.role === 'agent' && user.teamIds.some((id) => teams.has(id)))
    .sort((a, b) => a.displayName.localeCompare(b.displayName));
}

const holderOf = (value: string) => ({ assigneeId: value === TEAM_QUEUE ? null : value });

type Outcome = { result: BulkResult; rows: ReadonlyMap<string, CaseRow> };

/**
 * A supervisor moves work: choose whose open cases to look at (an agent, or the team queue), select some or
 * all of them, and give them to another agent or back to the team queue. The answer says case by case.
 */
export function ReassignScreen() {
  const { t, i18n } = useTranslation('supervision');
  const { t: tApp } = useTranslation('app');
  const { t: tRefusal } = useTranslation(['attention', 'domain']);
  const [reason, setReason] = useState('');
  const workstation = useWorkstation();
  const api = useMemo(() => supervisionApi(workstation), [workstation]);
  const session = useSession();
  const agents = useMemo(() => teamAgents(session), [session]);
  const [from, setFrom] = useState<string>(TEAM_QUEUE);
  const [to, setTo] = useState<string>('');
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [isMoving, setIsMoving] = useState(false);
  const { rows, error } = useHeldCases(holderOf(from));
  const fromId = useId();
  const toId = useId();

  // A case that left the list (moved by anyone) leaves the selection too.
  useEffect(() => {
    if (rows === null) return;
    const present = new Set(rows.map((row) => row.id));
    setSelected((previous) => new Set([...previous].filter((id) => present.has(id))));
  }, [rows]);

  const allSelected = rows !== null && rows.length > 0 && selected.size === rows.length;
  const toggle = (id: string) =>
    setSelected((previous) => {
      const next = new Set(previous);
      if (!next.delete(id)) next.add(id);
      return next;
    });
  const nameOf = (id: string | null) =>
    id === null ? t('teamQueue') : (agents.find((user) => user.id === id)?.displayName ?? id);

  const reassign = async () => {
    if (rows === null || to === '' || to === from) return;
    setIsMoving(true);
    const byId = new Map(rows.map((row) => [row.id, row]));
    const result = await api.reassign([...selected], holderOf(to).assigneeId, reason);
    setIsMoving(false);
    if (result.ok) {
      setOutcome({ result: result.data, rows: byId });
      setSelected(new Set());
      setReason('');
    } else
      setOutcome({
        result: { applied: [], refused: [...selected].map((caseId) => ({ caseId, ...result.error })) },
        rows: byId,
      });
  };

  return (
    <Box sx={{ display: 'grid', gap: 2, gridTemplateRows: 'auto auto auto 1fr', minHeight: 0, height: '100%' }}>
      <Typography component="h1" variant="h5">
        {t('reassign.title')}
      </Typography>
      <Box sx={{ display: 'flex', gap: 2, flexWrap: 'wrap', alignItems: 'center' }}>
        <FormControl size="small" sx={{ minWidth: 240 }}>
          <InputLabel id={fromId}>{t('reassign.from')}</InputLabel>
          <Select
            labelId={fromId}
            label={t('reassign.from')}
            value={from}
            onChange={(event) => {
              setFrom(event.target.value);
              setSelected(new Set());
              setOutcome(null);
            }}
          >
            <MenuItem value={TEAM_QUEUE}>{t('teamQueue')}</MenuItem>
            {agents.map((agent) => (
              <MenuItem key={agent.id} value={agent.id}>
                {agent.displayName}
              </MenuItem>
            ))}
          </Select>
        </FormControl>
        <FormControl size="small" sx={{ minWidth: 240 }}>
          <InputLabel id={toId}>{t('reassign.to')}</InputLabel>
          <Select labelId={toId} label={t('reassign.to')} value={to} onChange={(event) => setTo(event.target.value)}>
            {from !== TEAM_QUEUE && <MenuItem value={TEAM_QUEUE}>{t('teamQueue')}</MenuItem>}
            {agents
              .filter((agent) => agent.id !== from)
              .map((agent) => (
                <MenuItem key={agent.id} value={agent.id}>
                  {agent.displayName}
                  <Typography component="span" variant="caption" color="text.secondary" sx={{ ms: 1 }}>
                    {' · '}
                    {agent.languages.map((tag) => languageName(i18n.language, tag)).join(', ')}
                  </Typography>
                </MenuItem>
              ))}
          </Select>
        </FormControl>
        <TextField
          size="small"
          label={t('reassign.reason')}
          value={reason}
          onChange={(event) => setReason(event.target.value)}
          slotProps={{ htmlInput: { maxLength: REASSIGN_REASON_MAX } }}
          sx={{ minWidth: 260 }}
        />
        <Button
          variant="contained"
          disabled={selected.size === 0 || to === '' || isMoving}
          onClick={() => void reassign()}
        >
          {t('reassign.submit', { n: selected.size })}
        </Button>
      </Box>
      <Box role="status" aria-live="polite">
        {isMoving && <LinearProgress />}
        {error !== null && <Alert severity="error">{contractErrorText(tApp, error)}</Alert>}
        {outcome !== null && (
          <Alert severity={outcome.result.refused.length === 0 ? 'success' : 'warning'}>
            <Typography variant="body2">
              {t('reassign.result', {
                moved: outcome.result.applied.length,
                refused: outcome.result.refused.length,
              })}
            </Typography>
            {outcome.result.applied.length > 0 && <Typography variant="body2">{t('reassign.pendingNote')}</Typography>}
            {outcome.result.refused.length > 0 && (
              <Box component="ul" sx={{ m: 0, ps: 2 }} aria-label={t('reassign.refusedList')}>
                {outcome.result.refused.map((refusal) => (
                  <li key={refusal.caseId} data-refused-case={refusal.caseId}>
                    {t('reassign.refusedCase', {
                      ref: outcome.rows.get(refusal.caseId)?.ref ?? refusal.caseId,
                      why: rejectionDetail(tRefusal, refusal.reason) ?? contractErrorText(tApp, refusal),
                    })}
                  </li>
                ))}
              </Box>
            )}
          </Alert>
        )}
      </Box>
      <Box sx={{ overflow: 'auto', minHeight: 0 }}>
        {rows === null ? (
          error === null && <LinearProgress aria-label={t('loading')} />
        ) : rows.length === 0 ? (
          <Typography color="text.secondary">
            {t('reassign.empty', { name: nameOf(holderOf(from).assigneeId) })}
          </Typography>
        ) : (
          <Table
            size="small"
            stickyHeader
            aria-label={t('reassign.tableLabel', { name: nameOf(holderOf(from).assigneeId) })}
          >
            <TableHead>
              <TableRow>
                <TableCell padding="checkbox">
                  <Checkbox
                    checked={allSelected}
                    indeterminate={selected.size > 0 && !allSelected}
                    onChange={() => setSelected(allSelected ? new Set() : new Set(rows.map((row) => row.id)))}
                    slotProps={{ input: { 'aria-label': t('reassign.selectAll', { n: rows.length }) } }}
                  />
                </TableCell>
                <TableCell>{t('column.ref')}</TableCell>
                <TableCell>{t('column.subject')}</TableCell>
                <TableCell>{t('column.market')}</TableCell>
                <TableCell>{t('column.language')}</TableCell>
                <TableCell>{t('column.due')}</TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {rows.map((row) => (
                <TableRow key={row.id} hover selected={selected.has(row.id)} data-case-id={row.id}>
                  <TableCell padding="checkbox">
                    <Checkbox
                      checked={selected.has(row.id)}
                      onChange={() => toggle(row.id)}
                      slotProps={{ input: { 'aria-label': t('reassign.selectCase', { ref: row.ref }) } }}
                    />
                  </TableCell>
                  <TableCell>{row.ref}</TableCell>
                  <TableCell dir="auto" lang={row.locale}>
                    {row.subject}
                  </TableCell>
                  <TableCell>{row.market}</TableCell>
                  <TableCell>{languageName(i18n.language, row.locale)}</TableCell>
                  <TableCell>{row.slaDueAt === null ? '—' : formatDateTime(i18n.language, row.slaDueAt)}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        )}
      </Box>
    </Box>
  );
}
