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
import { CASE_STATUSES, type CaseStatus } from '../../../../src-shared/domain/caseStatus';
import { TagSchema } from '../../../../src-shared/sync/mutations';
import { useWorkstation } from '../../../contract/WorkstationProvider';

type Props = { caseIds: readonly string[]; onDone: () => void };

function isStatus(value: string): value is CaseStatus {
  return (CASE_STATUSES as readonly string[]).includes(value);
}

/** Tag or status for every selected case in one local write; refusals (an illegal transition) are counted. */
export function BulkBar({ caseIds, onDone }: Props) {
  const { t } = useTranslation(['queue', 'domain']);
  const api = useWorkstation();
  const statusId = useId();
  const [tag, setTag] = useState('');
  const [outcome, setOutcome] = useState<string | null>(null);

  const run = async (action: { kind: 'addTag'; tag: string } | { kind: 'setStatus'; to: CaseStatus }) => {
    const result = await api['cases:bulk']({ caseIds: [...caseIds], action });
    setOutcome(result.ok
      ? t('bulk.done', { applied: result.data.applied.length, refused: result.data.refused.length })
      : t('bulk.failed', { message: result.error.message }));
    if (result.ok) onDone();
  };

  const addTag = () => {
    const parsed = TagSchema.safeParse(tag.trim());
    if (!parsed.success) {
      setOutcome(t('bulk.badTag'));
      return;
    }
    setTag('');
    void run({ kind: 'addTag', tag: parsed.data });
  };

  return (
    <Box role="toolbar" aria-label={t('bulk.label')} sx={{ display: 'flex', gap: 1.5, alignItems: 'center', flexWrap: 'wrap', py: 1 }}>
      <Typography variant="body2" sx={{ fontWeight: 600 }}>{t('bulk.selected', { count: caseIds.length })}</Typography>
      <TextField size="small" label={t('bulk.tag')} value={tag} sx={{ width: 160 }}
        onChange={(event) => setTag(event.target.value)}
        onKeyDown={(event) => { if (event.key === 'Enter') { event.preventDefault(); addTag(); } }} />
      <Button size="small" variant="outlined" onClick={addTag} disabled={caseIds.length === 0}>{t('bulk.addTag')}</Button>
      <FormControl size="small" sx={{ minWidth: 180 }}>
        <InputLabel id={statusId}>{t('bulk.status')}</InputLabel>
        <Select labelId={statusId} label={t('bulk.status')} value="" disabled={caseIds.length === 0}
          onChange={(event) => { const to = event.target.value; if (isStatus(to)) void run({ kind: 'setStatus', to }); }}>
          {CASE_STATUSES.map((status) => <MenuItem key={status} value={status}>{t(`domain:status.${status}`)}</MenuItem>)}
        </Select>
      </FormControl>
      <Box role="status" aria-live="polite" sx={{ fontSize: 14 }}>{outcome}</Box>
    </Box>
  );
}
