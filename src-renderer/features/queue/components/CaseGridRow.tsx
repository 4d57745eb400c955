import { memo } from 'react';
import Box from '@mui/material/Box';
import Checkbox from '@mui/material/Checkbox';
import Typography from '@mui/material/Typography';
import CloudUploadIcon from '@mui/icons-material/CloudUpload';
import { useTranslation } from 'react-i18next';
import type { CaseRow } from '../../../../src-shared/contract/workstation';
import { languageName, regionName } from '../../../i18n/format';
import { GRID_COLUMNS, ROW_HEIGHT, keepGridFocus, type PickMode } from './gridLayout';
import { SlaCountdownLabel } from './SlaCountdownLabel';

type Props = {
  row: CaseRow;
  rowId: string;
  /** 1-based, counting the header row, as aria-rowindex wants. */
  ariaRowIndex: number;
  start: number;
  isActive: boolean;
  isSelected: boolean;
  now: number;
  serverOffsetMs: number;
  onActivate: () => void;
  onOpen: () => void;
  onPick: (mode: PickMode) => void;
};

const cellSx = { minWidth: 0, overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap', px: 1 } as const;

const PRIORITY_COLOR: Record<CaseRow['priority'], string> = {
  low: 'text.secondary', normal: 'text.primary', high: '#8a3b00', urgent: '#a3161a',
};

export const CaseGridRow = memo(function CaseGridRow({ row, rowId, ariaRowIndex, start, isActive, isSelected, now, serverOffsetMs, onActivate, onOpen, onPick }: Props) {
  const { t, i18n } = useTranslation(['queue', 'domain']);
  const language = i18n.language;
  return (
    <Box
      role="row"
      id={rowId}
      aria-rowindex={ariaRowIndex}
      aria-selected={isSelected}
      data-active={isActive}
      data-case-id={row.id}
      onMouseDown={(event) => { if (event.shiftKey) event.preventDefault(); }}
      onClick={(event) => {
        if (event.shiftKey) onPick('extend');
        else if (event.ctrlKey || event.metaKey) onPick('toggle');
        else onActivate();
      }}
      onDoubleClick={onOpen}
      sx={{
        position: 'absolute', top: 0, insetInlineStart: 0, width: '100%', height: ROW_HEIGHT,
        transform: `translateY(${start}px)`,
        display: 'grid', gridTemplateColumns: GRID_COLUMNS, alignItems: 'center',
        borderBottom: 1, borderColor: 'divider', cursor: 'default',
        bgcolor: isSelected ? 'rgba(25, 118, 210, 0.14)' : isActive ? 'action.selected' : 'background.paper',
        '&:hover': { bgcolor: isSelected ? 'rgba(25, 118, 210, 0.2)' : isActive ? 'action.selected' : 'action.hover' },
      }}
    >
      <Box role="gridcell" sx={{ ...cellSx, px: 0, display: 'flex', alignItems: 'center' }}>
        <Checkbox size="small" tabIndex={-1} checked={isSelected}
          onMouseDown={keepGridFocus}
          onClick={(event) => event.stopPropagation()}
          onChange={(event) => {
            const click = event.nativeEvent;
            onPick('shiftKey' in click && click.shiftKey === true ? 'extend' : 'toggle');
          }}
          slotProps={{ input: { 'aria-label': t('bulk.select', { ref: row.ref, customer: row.customerName }) } }} />
        {row.hasPendingChanges && (
          <CloudUploadIcon fontSize="small" color="primary" role="img" aria-label={t('pending')} titleAccess={t('pending')} />
        )}
      </Box>
      <Box role="gridcell" sx={cellSx}>
        <Typography component="div" variant="body2" noWrap sx={{ fontWeight: 600 }}>
          <bdi>{row.customerName}</bdi>
        </Typography>
        <Typography component="div" variant="caption" color="text.secondary" noWrap>
          <bdi>{row.ref}</bdi>{' · '}<bdi lang={row.locale}>{row.subject}</bdi>
        </Typography>
      </Box>
      <Box role="gridcell" sx={cellSx} title={regionName(language, row.market)}>
        <Box component="span" sx={{ border: 1, borderColor: 'divider', borderRadius: 1, px: 0.75, py: 0.25, fontSize: 13, fontFamily: 'monospace' }}>
          {row.market}
        </Box>
      </Box>
      <Box role="gridcell" sx={cellSx}><Typography variant="body2" noWrap>{t(`domain:caseType.${row.type}`)}</Typography></Box>
      <Box role="gridcell" sx={cellSx}><Typography variant="body2" noWrap>{languageName(language, row.locale)}</Typography></Box>
      <Box role="gridcell" sx={cellSx}><SlaCountdownLabel dueAt={row.slaDueAt} status={row.status} now={now} serverOffsetMs={serverOffsetMs} /></Box>
      <Box role="gridcell" sx={cellSx}>
        <Typography component="div" variant="body2" noWrap>{t(`domain:status.${row.status}`)}</Typography>
        {row.tags.length > 0 && (
          <Typography component="div" variant="caption" color="text.secondary" noWrap title={row.tags.join(' ')}>
            {row.tags.map((tag) => <bdi key={tag}>{`#${tag} `}</bdi>)}
          </Typography>
        )}
      </Box>
      <Box role="gridcell" sx={cellSx}>
        <Typography variant="body2" noWrap sx={{ color: PRIORITY_COLOR[row.priority], fontWeight: row.priority === 'urgent' ? 700 : 400 }}>
          {t(`domain:priority.${row.priority}`)}
        </Typography>
      </Box>
    </Box>
  );
});
