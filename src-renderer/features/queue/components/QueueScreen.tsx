import { useEffect, useId, useMemo, useState } from 'react';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import LinearProgress from '@mui/material/LinearProgress';
import Typography from '@mui/material/Typography';
import { useTranslation } from 'react-i18next';
import type { CaseRow, QueueSort, QueueView } from '../../../../src-shared/contract/workstation';
import { useNow } from '../../../hooks/useNow';
import { useQueue } from '../hooks/useQueue';
import { useDirectory } from '../hooks/useDirectory';
import { useServerOffset } from '../hooks/useServerOffset';
import { useViewCounts } from '../hooks/useViewCounts';
import { FIRST_SORT, FIRST_VIEW } from '../firstPage';
import type { QueueFilter } from '../queueApi';
import { EMPTY_SELECTION, keepLoaded, selectedRows, type Selection } from '../selection/selectionModel';
import { BulkBar } from './BulkBar';
import { CaseGrid } from './CaseGrid';
import { QueueFilters } from './QueueFilters';
import { QueueSearchBox, QueueSearchResults } from './QueueSearch';
import { QueueViewTabs } from './QueueViewTabs';

export function QueueScreen({ onOpenCase }: { onOpenCase: (row: CaseRow, rows: readonly CaseRow[]) => void }) {
  const { t } = useTranslation('queue');
  const [view, setView] = useState<QueueView>(FIRST_VIEW);
  const [sort, setSort] = useState<QueueSort>(FIRST_SORT);
  const [filter, setFilter] = useState<QueueFilter>({});
  const [searchText, setSearchText] = useState('');
  const queue = useQueue({ view, sort, ...filter });
  const counts = useViewCounts(filter);
  const serverOffsetMs = useServerOffset();
  const now = useNow(1_000);
  const directory = useDirectory();
  const panelId = useId();
  const hintId = useId();
  const viewName = t(`views.${view}`);
  const [storedSelection, setSelection] = useState<Selection>(EMPTY_SELECTION);
  // A live reload keeps the picked rows that are still loaded; the rest drop out before any bulk action.
  const selection = useMemo(() => keepLoaded(storedSelection, queue.rows), [storedSelection, queue.rows]);
  useEffect(() => setSelection(EMPTY_SELECTION), [view, sort, filter.market, filter.type]);
  const picked = useMemo(() => selectedRows(selection, queue.rows), [selection, queue.rows]);

  return (
    <Box sx={{ display: 'flex', flexDirection: 'column', flexGrow: 1, minHeight: 0 }}>
      {/* Title and view tabs share a line, so a 720 px window keeps its height for rows (issue 14 item 16). */}
      <Box sx={{ display: 'flex', alignItems: 'center', columnGap: 2, flexWrap: 'wrap' }}>
        <Typography component="h1" variant="h6">
          {t('title')}
        </Typography>
        <QueueViewTabs view={view} counts={counts} onChange={setView} panelId={panelId} />
      </Box>
      <Box
        id={panelId}
        role="tabpanel"
        aria-labelledby={`queue-tab-${view}`}
        sx={{ display: 'flex', flexDirection: 'column', flexGrow: 1, minHeight: 0 }}
      >
        <Box sx={{ display: 'flex', gap: 2, alignItems: 'center', flexWrap: 'wrap' }}>
          <QueueSearchBox text={searchText} onTextChange={setSearchText} />
          <QueueFilters sort={sort} filter={filter} onSortChange={setSort} onFilterChange={setFilter} />
        </Box>
        {searchText.trim() === '' && queue.rows.length > 0 && (
          <Typography id={hintId} variant="caption" color="text.secondary" sx={{ mt: 0.5 }}>
            {t('bulk.hint')}
          </Typography>
        )}
        {searchText.trim() === '' && picked.length > 0 && (
          <BulkBar rows={picked} onClear={() => setSelection(EMPTY_SELECTION)} />
        )}
        {searchText.trim() !== '' && (
          <QueueSearchResults
            text={searchText}
            onOpen={onOpenCase}
            directory={directory}
            now={now}
            serverOffsetMs={serverOffsetMs}
          />
        )}
        {queue.status === 'loading' && <LinearProgress aria-label={t('loading')} />}
        {queue.status === 'error' && (
          <Alert severity="error">{t('error', { message: queue.error?.message ?? '' })}</Alert>
        )}
        {searchText.trim() !== '' ? null : queue.status === 'ready' && queue.rows.length === 0 ? (
          <Box sx={{ p: 4, textAlign: 'center' }}>
            <Typography component="h2" variant="h6">
              {t('empty.title')}
            </Typography>
            <Typography color="text.secondary">{t('empty.body')}</Typography>
          </Box>
        ) : (
          <CaseGrid
            rows={queue.rows}
            totalCount={counts?.[view] ?? null}
            hasMore={queue.hasMore}
            label={t('grid.label', { view: viewName })}
            now={now}
            serverOffsetMs={serverOffsetMs}
            onLoadMore={queue.loadMore}
            onOpen={(row) => onOpenCase(row, queue.rows)}
            describedBy={hintId}
            selection={selection}
            onSelectionChange={setSelection}
            directory={directory}
            autoFocus
          />
        )}
      </Box>
    </Box>
  );
}
