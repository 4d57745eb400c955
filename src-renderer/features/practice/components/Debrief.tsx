import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import LinearProgress from '@mui/material/LinearProgress';
import Typography from '@mui/material/Typography';
import { useTranslation } from 'react-i18next';
import type { PracticeRunView } from '../../../../src-shared/contract/practice';
import { feedbackText, type CompiledScenario, type RunScore, type RunState } from '../../../../src-shared/training';
import { formatNumber } from '../../../i18n/format';
import { asUiLanguage, uiText } from '../practiceRun';
import { Transcript } from './Transcript';

type Props = {
  compiled: CompiledScenario;
  run: PracticeRunView;
  state: RunState;
  score: RunScore;
  onRetry(): void;
  onBack(): void;
};

/**
 * After the run: the score per rubric category, critical fails, each rule's feedback in the trainee's UI
 * language, the hidden facts (found or not), the convention note, and the path as the conversation went.
 */
export function Debrief({ compiled, run, state, score, onRetry, onBack }: Props) {
  const { t, i18n } = useTranslation('practice');
  const language = asUiLanguage(i18n.language);
  const { scenario } = compiled;
  // The server's score counts once the run synced; until then the desk's replay gives the same rubric.
  const total = run.serverResult?.score ?? score.score;
  const isPassed = run.serverResult?.passed ?? score.passed;
  const categoryName = (id: string) => t(`category.${id}`, { defaultValue: id });
  const feedback = score.criteria.flatMap((criterion) => {
    const text = criterion.applies && criterion.feedback ? feedbackText(criterion.feedback, language) : undefined;
    return text
      ? [{ text, passed: criterion.passed, key: `${criterion.nodeId}:${JSON.stringify(criterion.source)}` }]
      : [];
  });
  return (
    <Box component="section" aria-labelledby="practice-debrief" sx={{ display: 'grid', gap: 2, maxWidth: 900 }}>
      <Typography id="practice-debrief" component="h2" variant="h5">
        {t('debrief.title')}: {uiText(scenario.title, i18n.language)}
      </Typography>
      <Box>
        <Typography variant="h6" component="p" data-testid="practice-score">
          {t('debrief.score', { score: formatNumber(i18n.language, Math.round(total)) })}
        </Typography>
        <Typography color={isPassed ? 'success.main' : 'error.main'}>
          {t(isPassed ? 'debrief.passed' : 'debrief.failed', { threshold: scenario.passThreshold })}
        </Typography>
        <Typography variant="body2" color="text.secondary">
          {t(run.serverResult ? 'debrief.byServer' : 'debrief.byDesk')}
        </Typography>
      </Box>
      <Box component="section" aria-label={t('debrief.categories')}>
        <Typography component="h3" variant="subtitle1" sx={{ fontWeight: 600 }}>
          {t('debrief.categories')}
        </Typography>
        {score.categories.map((category) => (
          <Box
            key={category.id}
            sx={{ display: 'grid', gridTemplateColumns: '10rem 1fr 5rem', gap: 1, alignItems: 'center' }}
          >
            <Typography>{categoryName(category.id)}</Typography>
            <LinearProgress
              variant="determinate"
              value={category.score === null ? 0 : category.score * 100}
              aria-label={categoryName(category.id)}
            />
            <Typography variant="body2">
              {category.score === null
                ? t('debrief.notApplicable')
                : `${formatNumber(i18n.language, Math.round(category.score * 100))} %`}
            </Typography>
          </Box>
        ))}
      </Box>
      <Box component="section" aria-label={t('debrief.critical')}>
        <Typography component="h3" variant="subtitle1" sx={{ fontWeight: 600 }}>
          {t('debrief.critical')}
        </Typography>
        {score.criticalFails.length === 0 ? (
          <Typography>{t('debrief.criticalNone')}</Typography>
        ) : (
          score.criticalFails.map((fail, index) => (
            <Typography key={index} color="error.main">
              {t('debrief.criticalItem', { category: categoryName(fail.category) })}
            </Typography>
          ))
        )}
      </Box>
      {feedback.length > 0 && (
        <Box component="section" aria-label={t('debrief.feedback')}>
          <Typography component="h3" variant="subtitle1" sx={{ fontWeight: 600 }}>
            {t('debrief.feedback')}
          </Typography>
          <Box component="ul" sx={{ mt: 0 }}>
            {feedback.map((item) => (
              <li key={item.key}>
                <strong>{t(item.passed ? 'debrief.didWell' : 'debrief.toImprove')}:</strong> {item.text}
              </li>
            ))}
          </Box>
        </Box>
      )}
      {scenario.facts.hidden.length > 0 && (
        <Box component="section" aria-label={t('debrief.facts')}>
          <Typography component="h3" variant="subtitle1" sx={{ fontWeight: 600 }}>
            {t('debrief.facts')}
          </Typography>
          <Box component="ul" sx={{ mt: 0 }}>
            {scenario.facts.hidden.map((fact) => (
              <li key={fact.id}>
                <strong>{t(state.revealed.includes(fact.id) ? 'debrief.factFound' : 'debrief.factMissed')}:</strong>{' '}
                {uiText(fact.text, i18n.language)}
              </li>
            ))}
          </Box>
        </Box>
      )}
      <Box component="section" aria-label={t('debrief.convention')}>
        <Typography component="h3" variant="subtitle1" sx={{ fontWeight: 600 }}>
          {t('debrief.convention')}
        </Typography>
        <Typography>{uiText(scenario.convention.note, i18n.language)}</Typography>
      </Box>
      <Box component="section" aria-label={t('debrief.path')}>
        <Typography component="h3" variant="subtitle1" sx={{ fontWeight: 600, mb: 1 }}>
          {t('debrief.path')}
        </Typography>
        <Transcript compiled={compiled} state={state} />
      </Box>
      <Box sx={{ display: 'flex', gap: 1 }}>
        <Button variant="contained" onClick={onRetry}>
          {t('debrief.retry')}
        </Button>
        <Button onClick={onBack}>{t('back')}</Button>
      </Box>
    </Box>
  );
}
