import Box from '@mui/material/Box';
import Chip from '@mui/material/Chip';
import List from '@mui/material/List';
import ListItemButton from '@mui/material/ListItemButton';
import ListItemText from '@mui/material/ListItemText';
import Typography from '@mui/material/Typography';
import { useTranslation } from 'react-i18next';
import type { PracticeOverview, PracticeScenario } from '../../../../src-shared/contract/practice';
import { formatDateTime, formatNumber, regionName } from '../../../i18n/format';
import { uiText } from '../practiceRun';

type Props = {
  overview: PracticeOverview;
  onOpen(scenarioKey: string, assignmentId?: string): void;
  onDebrief(runId: string, scenarioKey: string): void;
};

/** Assigned scenarios first, then every scenario the desk has, then the agent's own runs. */
export function ScenarioList({ overview, onOpen, onDebrief }: Props) {
  const { t, i18n } = useTranslation('practice');
  const { t: tDomain } = useTranslation('domain');
  const language = i18n.language;
  const byKey = new Map(overview.scenarios.map((scenario) => [scenario.key, scenario]));
  const meta = (scenario: PracticeScenario) =>
    t('meta', {
      market: regionName(language, scenario.market),
      type: tDomain(`caseType.${scenario.caseType}`),
      channel: t(`channel.${scenario.channel}`),
      difficulty: scenario.difficulty,
      minutes: scenario.estMinutes,
    });
  const title = (key: string) => {
    const scenario = byKey.get(key);
    return scenario ? uiText(scenario.title, language) : key;
  };
  return (
    <Box sx={{ display: 'grid', gap: 3, gridTemplateColumns: { md: '1fr 1fr' }, alignItems: 'start' }}>
      <Box>
        <Typography component="h2" variant="h6">
          {t('assigned.title')}
        </Typography>
        {overview.assignments.length === 0 ? (
          <Typography color="text.secondary">{t('assigned.empty')}</Typography>
        ) : (
          <List aria-label={t('assigned.title')}>
            {overview.assignments.map((assignment) => (
              <ListItemButton key={assignment.id} onClick={() => onOpen(assignment.scenarioKey, assignment.id)}>
                <ListItemText
                  primary={title(assignment.scenarioKey)}
                  secondary={[
                    assignment.dueAt ? t('assigned.due', { date: formatDateTime(language, assignment.dueAt) }) : null,
                    assignment.attemptLimit ? t('assigned.attempts', { limit: assignment.attemptLimit }) : null,
                  ]
                    .filter((part) => part !== null)
                    .join(' · ')}
                />
              </ListItemButton>
            ))}
          </List>
        )}
        <Typography component="h2" variant="h6" sx={{ mt: 2 }}>
          {t('runs.title')}
        </Typography>
        {overview.runs.length === 0 ? (
          <Typography color="text.secondary">{t('runs.empty')}</Typography>
        ) : (
          <List aria-label={t('runs.title')}>
            {overview.runs.map((run) => (
              <ListItemButton key={run.id} onClick={() => onDebrief(run.id, run.scenarioKey)}>
                <ListItemText primary={title(run.scenarioKey)} secondary={formatDateTime(language, run.startedAt)} />
                {run.serverResult && (
                  <Chip
                    size="small"
                    color={run.serverResult.passed ? 'success' : 'default'}
                    label={t('runs.score', { score: formatNumber(language, Math.round(run.serverResult.score)) })}
                    sx={{ mx: 1 }}
                  />
                )}
                <Chip size="small" variant="outlined" label={t(`upload.${run.upload}`)} />
              </ListItemButton>
            ))}
          </List>
        )}
      </Box>
      <Box>
        <Typography component="h2" variant="h6">
          {t('open.title')}
        </Typography>
        <List aria-label={t('open.title')}>
          {overview.scenarios.map((scenario) => (
            <ListItemButton key={scenario.key} onClick={() => onOpen(scenario.key)}>
              <ListItemText primary={uiText(scenario.title, language)} secondary={meta(scenario)} />
            </ListItemButton>
          ))}
        </List>
      </Box>
    </Box>
  );
}
