import Alert from '@mui/material/Alert';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { memo, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseRow, SearchHit } from '../../../../src-shared/contract/workstation';
import { TEXT_LIMITS } from '../../../../src-shared/domain/limits';
import { useTextLimit } from '../../../i18n/useTextLimit';
import { contractErrorText } from '../../../i18n/contractErrorText';
import type { Directory } from '../directory';
import { useQueueApi } from '../hooks/useQueueApi';
import { EMPTY_SELECTION, keepLoaded, selectedRows, type Selection } from '../selection/selectionModel';
import { BulkBar } from './BulkBar';
import { CaseGrid } from './CaseGrid';

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
        // Down arrow (or Enter) goes from the box into the results, where arrows and Enter work as in the queue.
        if ((event.key === 'ArrowDown' || event.key === 'Enter') && text.trim() !== '') {
          const results = document.querySelector<HTMLElement>('[role="grid"][data-search-results]');
          if (results !== null) {
            event.preventDefault();
            results.focus();
          }
        }
      }}
    />
  );
});

/** The search terms as the results mark them: words, and the whole text when it has several. */
function highlightTerms(text: string): string[] {
  const words = text.trim().split(/\s+/u).filter(Boolean);
  return words.length > 1 ? [text.trim(), ...words] : words;
}

/**
 * Search results in the queue's own grid: the same columns (SLA, priority, market, assignee), the match
 * marked, the same keys (arrows, Enter, x) and one click to open.
 */
export function QueueSearchResults({
  text,
  onOpen,
  directory,
  now,
  serverOffsetMs,
}: {
  text: string;
  onOpen: (row: CaseRow, rows: readonly CaseRow[]) => void;
  directory: Directory;
  now: number;
  serverOffsetMs: number;
}) {
  const { t } = useTranslation('queue');
  const { t: tApp } = useTranslation('app');
  const api = useQueueApi();
  const [hits, setHits] = useState<SearchHit[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [storedSelection, setSelection] = useState<Selection>(EMPTY_SELECTION);
  const [generation, setGeneration] = useState(0);
  const isTooLong = text.trim().length > TEXT_LIMITS.searchText;
  useEffect(() => {
    // The search box says why an over-long text is not searched.
    if (isTooLong) return undefined;
    let isCurrent = true;
    void api.search(text.trim()).then((result) => {
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
  const rows = useMemo(() => (hits ?? []).map((hit) => hit.row), [hits]);
  const byId = useMemo(() => new Map((hits ?? []).map((hit) => [hit.row.id, hit])), [hits]);
  const terms = useMemo(() => highlightTerms(text), [text]);
  const selection = useMemo(() => keepLoaded(storedSelection, rows), [storedSelection, rows]);
  const picked = useMemo(() => selectedRows(selection, rows), [selection, rows]);
  if (isTooLong) return null;
  if (error !== null) return <Alert severity="error">{t('search.error', { message: error })}</Alert>;
  if (hits === null) return null;
  if (hits.length === 0) return <Typography sx={{ p: 2 }}>{t('search.none', { text: text.trim() })}</Typography>;
  return (
    <>
      {picked.length > 0 && (
        <BulkBar
          rows={picked}
          onClear={() => setSelection(EMPTY_SELECTION)}
          onDone={() => setGeneration((value) => value + 1)}
        />
      )}
      <CaseGrid
        rows={rows}
        totalCount={rows.length}
        hasMore={false}
        label={t('search.results', { count: hits.length })}
        selectAllLabel={t('bulk.selectAll')}
        now={now}
        serverOffsetMs={serverOffsetMs}
        onLoadMore={noMore}
        onOpen={(row) => onOpen(row, rows)}
        selection={selection}
        onSelectionChange={setSelection}
        directory={directory}
        hits={byId}
        highlight={terms}
      />
    </>
  );
}

function noMore() {}
