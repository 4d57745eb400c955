import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Checkbox from '@mui/material/Checkbox';
import ListItem from '@mui/material/ListItem';
import List from '@mui/material/List';
import ListItemButton from '@mui/material/ListItemButton';
import ListItemText from '@mui/material/ListItemText';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { memo, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseRow, SearchHit } from '../../../../src-shared/contract/workstation';
import { TEXT_LIMITS } from '../../../../src-shared/domain/limits';
import { useWorkstation } from '../../../contract/WorkstationProvider';
import { useTextLimit } from '../../../i18n/useTextLimit';
import { contractErrorText } from '../../../i18n/contractErrorText';
import { BulkBar } from './BulkBar';

type Props = { text: string; onTextChange: (text: string) => void };

/** The search box; results come from the local store's full-text index (CJK included) as the agent types. */
export const QueueSearchBox = memo(function QueueSearchBox({ text, onTextChange }: Props) {
  const { t } = useTranslation('queue');
  const limit = useTextLimit(t('search.limitField'), text.trim().length, TEXT_LIMITS.searchText);
  return (
    <TextField
      type="search"
      size="small"
      label={t('search.label')}
      value={text}
      error={limit.isOver}
      helperText={limit.helperText}
      sx={{ minWidth: 260 }}
      onChange={(event) => onTextChange(event.target.value)}
      onKeyDown={(event) => {
        if (event.key === 'Escape') onTextChange('');
      }}
    />
  );
});

export function QueueSearchResults({
  text,
  onOpen,
}: {
  text: string;
  onOpen: (row: CaseRow, rows: readonly CaseRow[]) => void;
}) {
  const { t } = useTranslation(['queue', 'domain']);
  const { t: tApp } = useTranslation('app');
  const api = useWorkstation();
  const [hits, setHits] = useState<SearchHit[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const [generation, setGeneration] = useState(0);
  const isTooLong = text.trim().length > TEXT_LIMITS.searchText;
  useEffect(() => {
    // The search box says why an over-long text is not searched.
    if (isTooLong) return undefined;
    let isCurrent = true;
    void api['cases:search']({ text: text.trim(), limit: 50 }).then((result) => {
      if (!isCurrent) return;
      if (result.ok) {
        setHits(result.data);
        setError(null);
      } else setError(contractErrorText(tApp, result.error));
    });
    return () => {
      isCurrent = false;
    };
  }, [api, text, generation, isTooLong, tApp]);
  if (isTooLong) return null;
  if (error !== null) return <Alert severity="error">{t('search.error', { message: error })}</Alert>;
  if (hits === null) return null;
  if (hits.length === 0) return <Typography sx={{ p: 2 }}>{t('search.none', { text: text.trim() })}</Typography>;
  const rows = hits.map((hit) => hit.row);
  const visibleSelection = rows.filter((row) => selected.has(row.id));
  const toggle = (id: string) =>
    setSelected((previous) => {
      const next = new Set(previous);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });
  const allSelected = visibleSelection.length === rows.length;
  return (
    <>
      <Box sx={{ display: 'flex', alignItems: 'center', gap: 1, flexWrap: 'wrap' }}>
        <Checkbox
          checked={allSelected}
          indeterminate={visibleSelection.length > 0 && !allSelected}
          onChange={() => setSelected(allSelected ? new Set() : new Set(rows.map((row) => row.id)))}
          slotProps={{ input: { 'aria-label': t('bulk.selectAll') } }}
        />
        {visibleSelection.length > 0 && (
          <BulkBar rows={visibleSelection} onDone={() => setGeneration((value) => value + 1)} />
        )}
      </Box>
      <Box
        sx={{
          overflowY: 'auto',
          flexGrow: 1,
          minHeight: 0,
          border: 1,
          borderColor: 'divider',
          borderRadius: 1,
          bgcolor: 'background.paper',
        }}
      >
        <List aria-label={t('search.results', { count: hits.length })} dense>
          {hits.map((hit) => (
            <ListItem key={hit.row.id} disablePadding>
              <Checkbox
                checked={selected.has(hit.row.id)}
                onChange={() => toggle(hit.row.id)}
                slotProps={{ input: { 'aria-label': t('bulk.select', { ref: hit.row.ref }) } }}
              />
              <ListItemButton onClick={() => onOpen(hit.row, rows)}>
                <ListItemText
                  primary={
                    <>
                      <bdi>{hit.row.ref}</bdi>
                      {' · '}
                      <bdi>{hit.row.customerName}</bdi>
                      {' · '}
                      <bdi lang={hit.row.locale}>{hit.row.subject}</bdi>
                      {' · '}
                      {t(`domain:status.${hit.row.status}`)}
                    </>
                  }
                  secondary={
                    <>
                      <bdi lang={hit.row.locale}>{hit.snippet}</bdi>
                      {hit.row.tags.length > 0 ? ` · ${hit.row.tags.join(', ')}` : ''}
                    </>
                  }
                />
              </ListItemButton>
            </ListItem>
          ))}
        </List>
      </Box>
    </>
  );
}
