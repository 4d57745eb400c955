import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import FormControl from '@mui/material/FormControl';
import InputLabel from '@mui/material/InputLabel';
import MenuItem from '@mui/material/MenuItem';
import Select from '@mui/material/Select';
import Autocomplete from '@mui/material/Autocomplete';
import TextField from '@mui/material/TextField';
import CancelIcon from '@mui/icons-material/Cancel';
import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ContractResult } from '../../../../src-shared/contract/workstation';
import type { Case } from '../../../../src-shared/domain/case';
import { CASE_STATUSES, STATUS_TRANSITIONS, type CaseStatus } from '../../../../src-shared/domain/caseStatus';
import { normalizeTag, tagProblem } from '../../../../src-shared/domain/tag';
import { tagProblemText } from '../../../i18n/tagProblemText';
import { contractErrorText } from '../../../i18n/contractErrorText';
import { useShortcut } from '../../shortcuts';
import { useCaseApi } from '../hooks/useCaseApi';

/** assigneeName: the assignee's display name when the directory knows them. */
type Props = { caseRecord: Case; myUserId: string | null; assigneeName: string | null };

function isStatus(value: string): value is CaseStatus {
  return (CASE_STATUSES as readonly string[]).includes(value);
}

/** Status, tags and "take": each saved locally first and synced later, with the outcome said aloud. */
export function CaseActions({ caseRecord, myUserId, assigneeName }: Props) {
  const { t } = useTranslation(['case', 'domain']);
  const { t: tApp } = useTranslation('app');
  const api = useCaseApi();
  const statusId = useId();
  const statusRef = useRef<HTMLDivElement>(null);
  const [tag, setTag] = useState('');
  const tagRef = useRef<HTMLInputElement>(null);
  const suggestions = useTagsInUse(caseRecord.tags);
  const [feedback, setFeedback] = useState<{ severity: 'ok' | 'error'; text: string } | null>(null);
  const allowed = STATUS_TRANSITIONS[caseRecord.status];

  useShortcut('changeStatus', () => {
    const button = statusRef.current?.querySelector<HTMLElement>('[role="combobox"]');
    button?.focus();
    button?.dispatchEvent(new MouseEvent('mousedown', { bubbles: true }));
  });

  const report = async (result: Promise<ContractResult<unknown>>, done: string) => {
    const outcome = await result;
    setFeedback(
      outcome.ok
        ? { severity: 'ok', text: done }
        : { severity: 'error', text: t('actions.failed', { message: contractErrorText(tApp, outcome.error) }) },
    );
  };

  const isMine = myUserId !== null && caseRecord.assigneeId === myUserId;
  const take = () => void report(api.take(caseRecord.id), t('actions.taken'));
  useShortcut('take', () => {
    if (!isMine) take();
  });
  useShortcut('tag', () => tagRef.current?.focus());

  const addTag = (text = tag) => {
    const normal = normalizeTag(text);
    const problem = tagProblem(normal);
    if (problem !== null) {
      setFeedback({ severity: 'error', text: tagProblemText(tApp, problem, normal) });
      return;
    }
    setTag('');
    void report(api.addTag(caseRecord.id, normal), t('actions.tagAdded', { tag: normal }));
  };

  return (
    <Box sx={{ display: 'flex', gap: 1.5, alignItems: 'center', flexWrap: 'wrap' }}>
      <FormControl size="small" sx={{ minWidth: 200 }} ref={statusRef}>
        <InputLabel id={statusId}>{t('actions.status')}</InputLabel>
        <Select
          labelId={statusId}
          label={t('actions.status')}
          value={caseRecord.status}
          onChange={(event) => {
            const to = event.target.value;
            if (!isStatus(to) || to === caseRecord.status) return;
            void report(
              api.setStatus(caseRecord.id, to),
              t('actions.statusChanged', { status: t(`domain:status.${to}`) }),
            );
          }}
        >
          <MenuItem value={caseRecord.status}>{t(`domain:status.${caseRecord.status}`)}</MenuItem>
          {allowed.map((status) => (
            <MenuItem key={status} value={status}>
              {t(`domain:status.${status}`)}
            </MenuItem>
          ))}
        </Select>
      </FormControl>
      <Box component="span" data-assignee={isMine ? 'me' : (caseRecord.assigneeId ?? 'none')} sx={{ fontSize: 14 }}>
        {isMine
          ? t('actions.assignedToYou')
          : caseRecord.assigneeId === null
            ? t('actions.unassigned')
            : assigneeName === null
              ? t('actions.assignedToColleague')
              : t('actions.assignedTo', { name: assigneeName })}
      </Box>
      {!isMine && (
        <Button variant="outlined" size="small" onClick={take}>
          {t('actions.take')}
        </Button>
      )}
      <Box
        component="ul"
        aria-label={t('actions.tags')}
        sx={{ display: 'flex', gap: 0.5, flexWrap: 'wrap', m: 0, p: 0, listStyle: 'none' }}
      >
        {caseRecord.tags.map((name) => (
          <li key={name}>
            <Chip
              size="small"
              label={name}
              onDelete={() => void report(api.removeTag(caseRecord.id, name), t('actions.tagRemoved', { tag: name }))}
              deleteIcon={<CancelIcon aria-label={t('actions.removeTag', { tag: name })} />}
            />
          </li>
        ))}
      </Box>
      {/* Free text with the tags already in use offered as the agent types, so one tag keeps one spelling. */}
      <Autocomplete
        freeSolo
        disableClearable
        size="small"
        options={suggestions}
        inputValue={tag}
        onInputChange={(_event, value, reason) => {
          if (reason !== 'reset') setTag(value);
        }}
        // Enter adds what is typed (createOption) or the highlighted suggestion (selectOption).
        onChange={(_event, value, reason) => {
          if ((reason === 'selectOption' || reason === 'createOption') && typeof value === 'string') addTag(value);
        }}
        filterOptions={(options, { inputValue }) => {
          const wanted = normalizeTag(inputValue);
          return options.filter((option) => option.includes(wanted)).slice(0, 8);
        }}
        sx={{ width: 200 }}
        renderInput={(params) => <TextField {...params} inputRef={tagRef} label={t('actions.addTag')} />}
      />
      <Box
        role="status"
        aria-live="polite"
        sx={{ fontSize: 14, color: feedback?.severity === 'error' ? '#a3161a' : 'text.secondary' }}
      >
        {feedback?.text}
      </Box>
    </Box>
  );
}

/** The tags on the desk's cases, most used first, without the ones this case already has. */
function useTagsInUse(caseTags: readonly string[]): string[] {
  const api = useCaseApi();
  const [inUse, setInUse] = useState<readonly string[]>([]);
  useEffect(() => {
    let isCurrent = true;
    void api.tagsInUse().then((result) => {
      if (isCurrent && result.ok) setInUse(result.data.map((use) => use.tag));
    });
    return () => {
      isCurrent = false;
    };
  }, [api]);
  return inUse.filter((tag) => !caseTags.includes(tag));
}
