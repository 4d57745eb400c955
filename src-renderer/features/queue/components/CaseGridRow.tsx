import { memo } from 'react';
import Box from '@mui/material/Box';
import Typography from '@mui/material/Typography';
import CloudUploadIcon from '@mui/icons-material/CloudUpload';
import { useTranslation } from 'react-i18next';
import type { CaseRow } from '../../../../src-shared/contract/workstation';
import { languageName, regionName } from '../../../i18n/format';
import { GRID_COLUMNS, ROW_HEIGHT } from './gridLayout';
import { SlaCountdownLabel } from './SlaCountdownLabel';

type Props = {
  row: CaseRow;
  rowId: string;
  /** 1-based, counting the header row, as aria-rowindex wants. */
  ariaRowIndex: number;
  start: number;
  isActive: boolean;
  now: number;
  serverOffsetMs: number;
  onActivate: () => void;
  onOpen: () => void;
};

const cellSx = { minWidth: 0, overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap', px: 1 } as const;

const PRIORITY_COLOR: Record<CaseRow['priority'], string> = {
  low: 'text.secondary', normal: 'text.primary', high: '#8a3b00', urgent: '#a3161a',
};

export const CaseGridRow = memo(function CaseGridRow({ row, rowId, ariaRowIndex, start, isActive, now, serverOffsetMs, onActivate, onOpen }: Props) {
  const { t, i18n } = useTranslation(['queue', 'domain']);
  const language = i18n.language;
  return (
    <Box
      role="row"
      id={rowId}
      aria-rowindex={ariaRowIndex}
      aria-selected={isActive}
      data-case-id={row.id}
      onClick={onActivate}
      onDoubleClick={onOpen}
      sx={{
        position: 'absolute', top: 0, insetInlineStart: 0, width: '100%', height: ROW_HEIGHT,
        transform: `translateY(${start}px)`,
        display: 'grid', gridTemplateColumns: GRID_COLUMNS, alignItems: 'center',
        borderBottom: 1, borderColor: 'divider', cursor: 'default',
        bgcolor: isActive ? 'action.selected' : 'background.paper',
        '&:hover': { bgcolor: isActive ? 'action.selected' : 'action.hover' },
      }}
    >
      <Box role="gridcell" sx={{ ...cellSx, display: 'flex', justifyContent: 'center' }}>
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
      <Box role="gridcell" sx={cellSx}><SlaCountdownLabel dueAt={row.slaDueAt} now={now} serverOffsetMs={serverOffsetMs} /></Box>
      <Box role="gridcell" sx={cellSx}><Typography variant="body2" noWrap>{t(`domain:status.${row.status}`)}</Typography></Box>
      <Box role="gridcell" sx={cellSx}>
        <Typography variant="body2" noWrap sx={{ color: PRIORITY_COLOR[row.priority], fontWeight: row.priority === 'urgent' ? 700 : 400 }}>
          {t(`domain:priority.${row.priority}`)}
        </Typography>
      </Box>
    </Box>
  );
});
