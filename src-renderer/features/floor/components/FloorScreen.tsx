import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { FloorCell } from '../../../../src-shared/supervision/views';
import { formatDateTime, formatNumber, languageName, regionName } from '../../../i18n/format';
import { useLiveRead } from '../hooks/useLiveRead';
import { CaseListPanel } from './CaseListPanel';
import { ConsoleScreen } from './ConsoleScreen';

const COUNTS = ['open', 'unassigned', 'breached', 'dueWithin1h', 'dueWithin4h', 'eligibleAgents'] as const;

/**
 * The Floor: open cases of the supervisor's teams by market, language and case type, from the server's
 * rollups; the cells most in trouble first. A cell opens its cases.
 */
export function FloorScreen() {
  const { t, i18n } = useTranslation('floor');
  const { t: tDomain } = useTranslation('domain');
  const [isLive, setIsLive] = useState(true);
  const [opened, setOpened] = useState<FloorCell | null>(null);
  const { data, error } = useLiveRead((api) => api.floor(), isLive);
  const cellName = (cell: FloorCell) =>
    [
      regionName(i18n.language, cell.market),
      languageName(i18n.language, cell.language),
      tDomain(`caseType.${cell.caseType}`),
    ].join(' · ');
  return (
    <ConsoleScreen
      title={t('floor.title')}
      isLive={isLive}
      onLiveChange={setIsLive}
      serverTime={data?.serverTime ?? null}
      error={error}
      isLoading={data === null}
    >
      {data === null ? null : data.cells.length === 0 ? (
        <Typography color="text.secondary">{t('floor.empty')}</Typography>
      ) : (
        <Table size="small" aria-label={t('floor.tableLabel')}>
          <TableHead>
            <TableRow>
              <TableCell>{t('column.market')}</TableCell>
              <TableCell>{t('column.language')}</TableCell>
              <TableCell>{t('column.caseType')}</TableCell>
              {COUNTS.map((count) => (
                <TableCell key={count} align="right">
                  {t(`column.${count}`)}
                </TableCell>
              ))}
              <TableCell>{t('column.oldestDue')}</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {data.cells.map((cell) => (
              <TableRow
                key={`${cell.market}|${cell.language}|${cell.caseType}`}
                hover
                selected={opened !== null && cellName(opened) === cellName(cell)}
                onClick={() => setOpened(cell)}
                onKeyDown={(event) => {
                  if (event.key === 'Enter') setOpened(cell);
                }}
                tabIndex={0}
                sx={{ cursor: 'pointer' }}
                aria-label={t('floor.openCell', { cell: cellName(cell) })}
                data-cell={`${cell.market}|${cell.language}|${cell.caseType}`}
              >
                <TableCell>{regionName(i18n.language, cell.market)}</TableCell>
                <TableCell>{languageName(i18n.language, cell.language)}</TableCell>
                <TableCell>{tDomain(`caseType.${cell.caseType}`)}</TableCell>
                {COUNTS.map((count) => (
                  <TableCell
                    key={count}
                    align="right"
                    sx={count === 'breached' && cell.breached > 0 ? { color: 'error.main', fontWeight: 600 } : {}}
                  >
                    {formatNumber(i18n.language, cell[count])}
                  </TableCell>
                ))}
                <TableCell>
                  {cell.oldestDueAt === null ? t('none') : formatDateTime(i18n.language, cell.oldestDueAt)}
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
      {opened !== null && (
        <CaseListPanel
          key={cellName(opened)}
          title={t('floor.cellCases', { cell: cellName(opened) })}
          query={{ market: opened.market, language: opened.language, caseType: opened.caseType, limit: 200 }}
          isLive={isLive}
          onClose={() => setOpened(null)}
        />
      )}
    </ConsoleScreen>
  );
}
