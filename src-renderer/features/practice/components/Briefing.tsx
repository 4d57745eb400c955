import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Typography from '@mui/material/Typography';
import { useTranslation } from 'react-i18next';
import type { ScenarioVersion } from '../../../../src-shared/training';
import { uiText } from '../practiceRun';

type Props = { version: ScenarioVersion; onStart(): void; onBack(): void; isStarting: boolean };

/** What the trainee reads before the customer writes: the situation and what will be looked for. */
export function Briefing({ version, onStart, onBack, isStarting }: Props) {
  const { t, i18n } = useTranslation('practice');
  const { scenario } = version;
  return (
    <Box component="section" aria-labelledby="practice-briefing" sx={{ maxWidth: 760 }}>
      <Typography id="practice-briefing" component="h2" variant="h5" gutterBottom>
        {uiText(scenario.title, i18n.language)}
      </Typography>
      <Typography sx={{ whiteSpace: 'pre-line' }}>{uiText(scenario.briefing, i18n.language)}</Typography>
      <Typography component="h3" variant="subtitle1" sx={{ mt: 2, fontWeight: 600 }}>
        {t('briefing.objectives')}
      </Typography>
      <Box component="ul" sx={{ mt: 0 }}>
        {scenario.objectives.map((objective, index) => (
          <li key={index}>{uiText(objective, i18n.language)}</li>
        ))}
      </Box>
      <Box sx={{ display: 'flex', gap: 1, mt: 2 }}>
        <Button variant="contained" onClick={onStart} disabled={isStarting}>
          {t('briefing.start')}
        </Button>
        <Button onClick={onBack}>{t('back')}</Button>
      </Box>
    </Box>
  );
}
