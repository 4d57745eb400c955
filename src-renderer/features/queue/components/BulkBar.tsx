import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import FormControl from '@mui/material/FormControl';
import InputLabel from '@mui/material/InputLabel';
import MenuItem from '@mui/material/MenuItem';
import Select from '@mui/material/Select';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseRow } from '../../../../src-shared/contract/workstation';
import { CASE_STATUSES, type CaseStatus } from '../../../../src-shared/domain/caseStatus';
import { normalizeTag, tagProblem } from '../../../../src-shared/domain/tag';
import { tagProblemText } from '../../../i18n/tagProblemText';
import { contractErrorText } from '../../../i18n/contractErrorText';
import { useWorkstation } from '../../../contract/WorkstationProvider';
import { statusChoices } from '../selection/selectionModel';

type Props = { rows: readonly CaseRow[]; onDone?: () => void; onClear?: () => void };

type Outcome =
  | { kind: 'done'; applied: number; refused: { ref: string; reason: string }[] }
  | { kind: 'message'; text: string; severity: 'error' | 'info' };

function isStatus(value: string): value is CaseStatus {
  return (CASE_STATUSES as readonly string[]).includes(value);
}

/**
 * Tag or status for every selected case in one local write. The status menu only lists statuses that change
 * at least one selected case and says when some would be refused; refusals come back per case.
 */
export function BulkBar({ rows, onDone, onClear }: Props) {
  const { t } = useTranslation(['queue', 'domain']);
  const { t: tApp } = useTranslation('app');
  const api = useWorkstation();
  const statusId = useId();
  const [tag, setTag] = useState('');
  const [isBusy, setIsBusy] = useState(false);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const choices = statusChoices(rows.map((row) => row.status));

  const reasonFor = (row: CaseRow | undefined, code: string, message: string, to: CaseStatus | null) => {
    if (code === 'INVALID_TRANSITION' && row !== undefined && to !== null) {
      return t('bulk.reason.transition', { from: t(`domain:status.${row.status}`), to: t(`domain:status.${to}`) });
    }
    if (code === 'CASE_CLOSED') return t('bulk.reason.closed');
    return message;
  };

  const run = async (action: { kind: 'addTag'; tag: string } | { kind: 'setStatus'; to: CaseStatus }) => {
    const byId = new Map(rows.map((row) => [row.id, row]));
    setIsBusy(true);
    const result = await api['cases:bulk']({ caseIds: rows.map((row) => row.id), action });
    setIsBusy(false);
    if (!result.ok) {
      setOutcome({
        kind: 'message',
        severity: 'error',
        text: t('bulk.failed', { message: contractErrorText(tApp, result.error) }),
      });
      return;
    }
    const to = action.kind === 'setStatus' ? action.to : null;
    setOutcome({
      kind: 'done',
      applied: result.data.applied.length,
      refused: result.data.refused.map(({ caseId, code, message }) => {
        const row = byId.get(caseId);
        return { ref: row?.ref ?? caseId, reason: reasonFor(row, code, message, to) };
      }),
    });
    onDone?.();
  };

  const addTag = () => {
    const normal = normalizeTag(tag);
    const problem = tagProblem(normal);
    if (problem !== null) {
      setOutcome({ kind: 'message', severity: 'error', text: tagProblemText(tApp, problem, normal) });
      return;
    }
    setTag('');
    void run({ kind: 'addTag', tag: normal });
  };

  const disabled = rows.length === 0 || isBusy;
  return (
    <Box
      role="toolbar"
      aria-label={t('bulk.label')}
      sx={{ display: 'flex', gap: 1.5, alignItems: 'center', flexWrap: 'wrap', py: 1 }}
    >
      <Typography variant="body2" sx={{ fontWeight: 600 }}>
        {t('bulk.selected', { count: rows.length })}
      </Typography>
      <TextField
        size="small"
        label={t('bulk.tag')}
        value={tag}
        sx={{ width: 160 }}
        onChange={(event) => setTag(event.target.value)}
        onKeyDown={(event) => {
          if (event.key === 'Enter') {
            event.preventDefault();
            addTag();
          }
        }}
      />
      <Button size="small" variant="outlined" onClick={addTag} disabled={disabled}>
        {t('bulk.addTag')}
      </Button>
      <FormControl size="small" sx={{ minWidth: 200 }}>
        <InputLabel id={statusId}>{t('bulk.status')}</InputLabel>
        <Select
          labelId={statusId}
          label={t('bulk.status')}
          value=""
          disabled={disabled || choices.length === 0}
          onChange={(event) => {
            const to = event.target.value;
            if (isStatus(to)) void run({ kind: 'setStatus', to });
          }}
        >
          {choices.map(({ to, acceptedFor }) => (
            <MenuItem key={to} value={to}>
              {acceptedFor === rows.length
                ? t(`domain:status.${to}`)
                : t('bulk.partialStatus', { status: t(`domain:status.${to}`), legal: acceptedFor, count: rows.length })}
            </MenuItem>
          ))}
        </Select>
      </FormControl>
      {onClear !== undefined && (
        <Button size="small" onClick={onClear}>
          {t('bulk.clear')}
        </Button>
      )}
      <Box role="status" aria-live="polite" sx={{ fontSize: 14, flexBasis: '100%' }}>
        {outcome?.kind === 'message' && (
          <Typography variant="body2" color={outcome.severity === 'error' ? 'error' : 'text.primary'}>
            {outcome.text}
          </Typography>
        )}
        {outcome?.kind === 'done' && (
          <>
            <Typography variant="body2">
              {t('bulk.done', {
                applied: t('bulk.appliedCount', { count: outcome.applied }),
                refused: t('bulk.refusedCount', { count: outcome.refused.length }),
              })}
            </Typography>
            {outcome.refused.length > 0 && (
              <Box component="ul" aria-label={t('bulk.refusedList')} sx={{ m: 0, paddingInlineStart: 3 }}>
                {outcome.refused.map(({ ref, reason }) => (
                  <Typography component="li" variant="body2" color="error" key={ref}>
                    <bdi>{ref}</bdi>
                    {': '}
                    {reason}
                  </Typography>
                ))}
              </Box>
            )}
          </>
        )}
      </Box>
    </Box>
  );
}
