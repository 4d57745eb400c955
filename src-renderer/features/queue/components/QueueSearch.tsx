import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import List from '@mui/material/List';
import ListItemButton from '@mui/material/ListItemButton';
import ListItemText from '@mui/material/ListItemText';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseRow, SearchHit } from '../../../../src-shared/contract/workstation';
import { useWorkstation } from '../../../contract/WorkstationProvider';

type Props = { text: string; onTextChange: (text: string) => void };

/** The search box; results come from the local store's full-text index (CJK included) as the agent types. */
export function QueueSearchBox({ text, onTextChange }: Props) {
  const { t } = useTranslation('queue');
  return (
    <TextField
      type="search" size="small" label={t('search.label')} value={text} sx={{ minWidth: 260 }}
      onChange={(event) => onTextChange(event.target.value)}
      onKeyDown={(event) => { if (event.key === 'Escape') onTextChange(''); }}
    />
  );
}

export function QueueSearchResults({ text, onOpen }: { text: string; onOpen: (row: CaseRow, rows: readonly CaseRow[]) => void }) {
  const { t } = useTranslation('queue');
  const api = useWorkstation();
  const [hits, setHits] = useState<SearchHit[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    let isCurrent = true;
    void api['cases:search']({ text: text.trim(), limit: 50 }).then((result) => {
      if (!isCurrent) return;
      if (result.ok) { setHits(result.data); setError(null); } else setError(result.error.message);
    });
    return () => { isCurrent = false; };
  }, [api, text]);
  if (error !== null) return <Alert severity="error">{t('search.error', { message: error })}</Alert>;
  if (hits === null) return null;
  if (hits.length === 0) return <Typography sx={{ p: 2 }}>{t('search.none', { text: text.trim() })}</Typography>;
  const rows = hits.map((hit) => hit.row);
  return (
    <Box sx={{ overflowY: 'auto', flexGrow: 1, minHeight: 0, border: 1, borderColor: 'divider', borderRadius: 1, bgcolor: 'background.paper' }}>
      <List aria-label={t('search.results', { count: hits.length })} dense>
        {hits.map((hit) => (
          <ListItemButton key={hit.row.id} onClick={() => onOpen(hit.row, rows)}>
            <ListItemText
              primary={<><bdi>{hit.row.ref}</bdi>{' · '}<bdi>{hit.row.customerName}</bdi>{' · '}<bdi lang={hit.row.locale}>{hit.row.subject}</bdi></>}
              secondary={<bdi lang={hit.row.locale}>{hit.snippet}</bdi>}
            />
          </ListItemButton>
        ))}
      </List>
    </Box>
  );
}
