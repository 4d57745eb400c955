import Button from '@mui/material/Button';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import { useTranslation } from 'react-i18next';
import type { SupervisedCase } from '../../../../src-shared/supervision/views';
import { formatDateTime, languageName, regionName } from '../../../i18n/format';
import { PresenceChip } from './PresenceChip';

/**
 * Cases as the console lists them (At risk, a Floor cell's, an agent's), most urgent first, with who holds
 * them and since when; a held case can be taken back to the team queue (a lease or a pin broken).
 */
export function SupervisedCasesTable({
  cases,
  label,
  onBreakLease,
}: {
  cases: readonly SupervisedCase[];
  label: string;
  onBreakLease: (supervised: SupervisedCase) => void;
}) {
  const { t, i18n } = useTranslation('floor');
  const { t: tDomain } = useTranslation('domain');
  const when = (iso: string | null) => (iso === null ? t('none') : formatDateTime(i18n.language, iso));
  if (cases.length === 0) return <Typography color="text.secondary">{t('cases.empty')}</Typography>;
  return (
    <Table size="small" stickyHeader aria-label={label}>
      <TableHead>
        <TableRow>
          <TableCell>{t('column.ref')}</TableCell>
          <TableCell>{t('column.subject')}</TableCell>
          <TableCell>{t('column.cell')}</TableCell>
          <TableCell>{t('column.due')}</TableCell>
          <TableCell>{t('column.assignee')}</TableCell>
          <TableCell>{t('column.heldSince')}</TableCell>
          <TableCell>{t('column.actions')}</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {cases.map((each) => (
          <TableRow key={each.id} data-case-id={each.id} hover>
            <TableCell>{each.ref}</TableCell>
            <TableCell dir="auto" lang={each.locale}>
              {each.subject}
            </TableCell>
            <TableCell>
              {[
                regionName(i18n.language, each.market),
                languageName(i18n.language, each.locale),
                tDomain(`caseType.${each.caseType}`),
              ].join(' · ')}
            </TableCell>
            <TableCell>{when(each.slaDueAt)}</TableCell>
            <TableCell>
              {each.assigneeId === null ? (
                t('queue')
              ) : (
                <>
                  {each.assigneeName ?? each.assigneeId}{' '}
                  {each.assigneePresence !== null && <PresenceChip presence={each.assigneePresence} />}
                </>
              )}
            </TableCell>
            <TableCell>
              {each.heldOfflineUntil !== null
                ? t('cases.heldOfflineUntil', { time: when(each.heldOfflineUntil) })
                : each.assigneeId === null
                  ? t('none')
                  : when(each.heldSince)}
            </TableCell>
            <TableCell>
              {each.assigneeId !== null && (
                <Button size="small" onClick={() => onBreakLease(each)}>
                  {t('cases.breakLease')}
                </Button>
              )}
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
