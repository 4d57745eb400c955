import Accordion from '@mui/material/Accordion';
import AccordionDetails from '@mui/material/AccordionDetails';
import AccordionSummary from '@mui/material/AccordionSummary';
import Box from '@mui/material/Box';
import Chip from '@mui/material/Chip';
import Typography from '@mui/material/Typography';
import ExpandMoreIcon from '@mui/icons-material/ExpandMore';
import { useTranslation } from 'react-i18next';
import slaCatalog from '../../../../locales/en/sla.json';
import type { CaseDetail } from '../../../../src-shared/contract/workstation';
import type { Team } from '../../../../src-shared/domain/user';
import type { SlaTargetResult } from '../../../../src-shared/sla/index';
import { shownSlaState } from '../../../../src-shared/sla/breachingSoon';
import { formatDateTime, formatDuration } from '../../../i18n/format';
import { SLA_TONE } from '../../../theme/slaTone';
import { slaPanelModel } from '../slaView';

function formatDay(language: string, date: string): string {
  return new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeZone: 'UTC' }).format(
    Date.parse(`${date}T00:00:00Z`),
  );
}

function TargetRow({ target }: { target: SlaTargetResult }) {
  const { t, i18n } = useTranslation(['sla', 'domain']);
  const language = i18n.language;
  const remaining = target.remainingMs;
  const countdown =
    target.state === 'paused'
      ? t('countdown.paused')
      : target.state === 'achieved'
        ? t(target.met === false ? 'countdown.metLate' : 'countdown.met')
        : target.state === 'cancelled'
          ? t('countdown.cancelled')
          : remaining === null
            ? ''
            : remaining < 0
              ? t('countdown.overdue', { duration: formatDuration(language, -remaining) })
              : t('countdown.dueIn', { duration: formatDuration(language, remaining) });
  const explanation = target.explanation;
  const business = explanation?.business;
  const state = shownSlaState(target.state, remaining);
  return (
    <Accordion disableGutters variant="outlined" data-sla-target={target.target} data-sla-state={state}>
      <AccordionSummary expandIcon={<ExpandMoreIcon />}>
        <Box sx={{ display: 'grid', gap: 0.25, width: '100%' }}>
          <Box sx={{ display: 'flex', gap: 1, alignItems: 'center', flexWrap: 'wrap' }}>
            <Typography variant="body2" sx={{ fontWeight: 600 }}>
              {t(`target.${target.target}`)}
            </Typography>
            <Chip size="small" label={t(`state.${state}`)} variant="outlined" sx={SLA_TONE[state]} />
          </Box>
          <Typography variant="body2">
            {target.dueAt === null ? countdown : t('due', { time: formatDateTime(language, target.dueAt), countdown })}
          </Typography>
        </Box>
      </AccordionSummary>
      <AccordionDetails sx={{ display: 'grid', gap: 0.5, fontSize: 14 }}>
        <Typography variant="caption" component="h3" sx={{ fontWeight: 600 }}>
          {t('why.title')}
        </Typography>
        <Box>
          {t('why.target', { duration: formatDuration(language, target.targetMinutes * 60_000) })}{' '}
          {target.clock === 'calendar' ? t('why.calendarClock') : t(`why.businessClock.${target.calendar}`)}
        </Box>
        <Box>{t('why.started', { time: formatDateTime(language, target.startedAt) })}</Box>
        {explanation !== null && explanation.pausedMs > 0 && (
          <Box>{t('why.paused', { duration: formatDuration(language, explanation.pausedMs) })}</Box>
        )}
        {explanation !== null && explanation.pauses.length > 0 && (
          <Box component="ul" sx={{ m: 0, pl: 2.5 }}>
            {explanation.pauses.map((pause) => (
              <li key={pause.from}>
                {pause.to === null
                  ? t('why.pauseOngoing', {
                      status: t(`domain:status.${pause.status}`),
                      from: formatDateTime(language, pause.from),
                    })
                  : t('why.pause', {
                      status: t(`domain:status.${pause.status}`),
                      from: formatDateTime(language, pause.from),
                      to: formatDateTime(language, pause.to),
                    })}
              </li>
            ))}
          </Box>
        )}
        {explanation !== null && target.dueAt === null && target.state === 'paused' && (
          <Box>{t('why.noDeadlineWhilePaused')}</Box>
        )}
        {business !== undefined && (
          <Box>
            {t('why.counted', {
              duration: formatDuration(language, business.countedMinutes * 60_000),
              zone: business.zone,
            })}
          </Box>
        )}
        {business !== undefined && business.closedDays.length > 0 && (
          <>
            <Box>{t('why.closedDays')}</Box>
            <Box component="ul" sx={{ m: 0, pl: 2.5 }}>
              {business.closedDays.slice(0, 12).map((day) => (
                <li key={`${day.calendar}-${day.date}`}>
                  {day.reason === 'holiday' && day.holiday !== undefined
                    ? t('why.closedHoliday', { date: formatDay(language, day.date), name: day.holiday })
                    : t(`why.closed.${day.reason}`, { date: formatDay(language, day.date) })}
                </li>
              ))}
            </Box>
          </>
        )}
        {business !== undefined &&
          business.makeUpDays.map((day) => (
            <Box key={`${day.calendar}-${day.date}`}>{t('why.makeUpDay', { date: formatDay(language, day.date) })}</Box>
          ))}
      </AccordionDetails>
    </Accordion>
  );
}

/**
 * Policies are data and may come from an administrator with only an English name; the shipped ones have
 * translated names under sla:policyName.<id>.
 */
type ShippedPolicyId = keyof (typeof slaCatalog)['policyName'];
function isShippedPolicy(id: string): id is ShippedPolicyId {
  return Object.hasOwn(slaCatalog.policyName, id);
}

/** SLA targets of the case with live countdowns and "why is this due then?" explanations. */
export function SlaPanel({
  detail,
  teams,
  serverNowMs,
  serverOffsetMs,
}: {
  detail: CaseDetail;
  teams: readonly Team[];
  serverNowMs: number;
  serverOffsetMs: number;
}) {
  const { t } = useTranslation('sla');
  const model = slaPanelModel(detail, teams, serverNowMs, serverOffsetMs);
  if (model.kind === 'no_team')
    return (
      <Typography variant="body2" color="text.secondary">
        {t('noTeam')}
      </Typography>
    );
  return (
    <Box sx={{ display: 'grid', gap: 0.5 }}>
      <Typography variant="caption" color="text.secondary">
        {t('policy', {
          name: isShippedPolicy(model.policy.id) ? t(`policyName.${model.policy.id}`) : model.policy.name,
        })}
      </Typography>
      {model.targets.map((target) => (
        <TargetRow key={target.target} target={target} />
      ))}
    </Box>
  );
}
