import Accordion from '@mui/material/Accordion';
import AccordionDetails from '@mui/material/AccordionDetails';
import AccordionSummary from '@mui/material/AccordionSummary';
import Box from '@mui/material/Box';
import Typography from '@mui/material/Typography';
import ExpandMoreIcon from '@mui/icons-material/ExpandMore';
import { useTranslation } from 'react-i18next';
import type { Case } from '../../../../src-shared/domain/case';
import { formatDuration } from '../../../i18n/format';
import { pickLocalized, VerifiedMark } from '../../guidance';
import { explanationStepText } from '../explanationText';
import { rightsFor, type RightsClock, type RightsNote } from '../rightsView';

function ClockRow({ clock }: { clock: RightsClock }) {
  const { t, i18n } = useTranslation('rights');
  const language = i18n.language;
  const rule = pickLocalized(clock.rule, language);
  const due =
    clock.dueAt === null
      ? null
      : new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeZone: clock.zone }).format(
          Date.parse(clock.dueAt),
        );
  // An absent clock's reason is its rule text, already shown above.
  const reason =
    clock.reason === null || clock.reason.kind === 'not_applicable'
      ? null
      : explanationStepText(t, language, clock.reason);
  const state =
    clock.phase === 'running'
      ? t('clock.remaining', { duration: formatDuration(language, clock.remainingMs ?? 0) })
      : clock.phase === 'ended'
        ? t('clock.ended')
        : t('clock.notRunning');
  return (
    <Accordion disableGutters variant="outlined" data-clock-kind={clock.kind} data-clock-phase={clock.phase}>
      {/* Named by what it shows (kind, verified mark, due date and state): a shorter aria-label left the
          visible words out of the name, which voice control users say to press it (WCAG 2.5.3). */}
      <AccordionSummary expandIcon={<ExpandMoreIcon />}>
        <Box sx={{ display: 'grid', gap: 0.25, width: '100%' }}>
          <Box sx={{ display: 'flex', gap: 1, alignItems: 'center', flexWrap: 'wrap' }}>
            <Typography variant="body2" sx={{ fontWeight: 600 }}>
              {t(`kind.${clock.kind}`)}
            </Typography>
            <VerifiedMark verified={clock.verified} />
          </Box>
          <Typography variant="body2" sx={{ color: clock.phase === 'ended' ? '#a3161a' : 'text.primary' }}>
            {due === null ? state : t('clock.due', { date: due, state })}
          </Typography>
        </Box>
      </AccordionSummary>
      <AccordionDetails sx={{ display: 'grid', gap: 0.75, fontSize: 14 }}>
        <Box lang={rule.locale}>{rule.text}</Box>
        <Typography variant="caption" color="text.secondary">
          {t('source', { source: clock.source.label })}
        </Typography>
        {reason !== null && (
          <>
            <Typography variant="caption" component="h3" sx={{ fontWeight: 600 }}>
              {t('reasonTitle')}
            </Typography>
            <Box lang={reason.locale}>{reason.text}</Box>
          </>
        )}
        {clock.phase !== 'not_running' && (
          <>
            <Typography variant="caption" component="h3" sx={{ fontWeight: 600 }}>
              {t('howCounted')}
            </Typography>
            <Box component="ol" sx={{ m: 0, pl: 2.5 }}>
              {clock.explanation.steps.map((step, index) => {
                const text = explanationStepText(t, language, step.detail);
                return (
                  <li key={index} lang={text.locale} data-step-kind={step.detail.kind}>
                    {text.text}
                  </li>
                );
              })}
            </Box>
          </>
        )}
      </AccordionDetails>
    </Accordion>
  );
}

/** The customer's live statutory clocks, each with its rule, source and verified mark. */
export function RightsPanel({ caseRecord, serverNowMs }: { caseRecord: Case; serverNowMs: number }) {
  const { t } = useTranslation('rights');
  const rights = rightsFor(caseRecord, serverNowMs);
  if (!rights.hasPack)
    return (
      <Typography variant="body2" color="text.secondary">
        {t('noPack', { market: caseRecord.customer.market })}
      </Typography>
    );
  if (rights.clocks.length === 0 && rights.notes.length === 0)
    return (
      <Typography variant="body2" color="text.secondary">
        {t('none')}
      </Typography>
    );
  return (
    <Box sx={{ display: 'grid', gap: 0.5 }}>
      {rights.clocks.map((clock) => (
        <ClockRow key={clock.kind} clock={clock} />
      ))}
      {rights.notes.length > 0 && <NoteList notes={rights.notes} />}
    </Box>
  );
}

/** Rights without a date to count, and rights the market does not have, as the rules they are. */
function NoteList({ notes }: { notes: readonly RightsNote[] }) {
  const { t, i18n } = useTranslation('rights');
  return (
    <Box component="section" aria-label={t('notes.title')} sx={{ display: 'grid', gap: 0.75, pt: 0.5 }}>
      <Typography variant="caption" component="h3" color="text.secondary" sx={{ fontWeight: 600 }}>
        {t('notes.title')}
      </Typography>
      {notes.map((note) => {
        const summary = pickLocalized(note.fact.summary, i18n.language);
        return (
          <Box key={note.kind} data-rights-note={note.kind} sx={{ display: 'grid', gap: 0.25, fontSize: 14 }}>
            <Box lang={summary.locale}>{summary.text}</Box>
            <Box sx={{ display: 'flex', gap: 1, alignItems: 'center', flexWrap: 'wrap' }}>
              <Typography variant="caption" color="text.secondary">
                {t('source', { source: note.fact.source.label })}
              </Typography>
              <VerifiedMark verified={note.fact.verified} />
            </Box>
          </Box>
        );
      })}
    </Box>
  );
}
