import Box from '@mui/material/Box';
import Paper from '@mui/material/Paper';
import Typography from '@mui/material/Typography';
import { useTranslation } from 'react-i18next';
import { fullName } from '../../../../src-shared/domain/case';
import { PRACTICE_ACTIONS, type CompiledScenario, type RunState } from '../../../../src-shared/training';
import { uiText } from '../practiceRun';

/** The conversation so far: the customer's messages in their language, events, the trainee's answers, reveals. */
export function Transcript({ compiled, state }: { compiled: CompiledScenario; state: RunState }) {
  const { t, i18n } = useTranslation('practice');
  const { scenario } = compiled;
  const facts = new Map(scenario.facts.hidden.map((fact) => [fact.id, fact]));
  return (
    <Box
      component="ol"
      aria-label={t('run.transcript')}
      sx={{ listStyle: 'none', p: 0, m: 0, display: 'grid', gap: 1 }}
    >
      {state.transcript.map((entry, index) => {
        if (entry.kind === 'event')
          return (
            <Typography component="li" key={index} variant="body2" color="text.secondary" sx={{ fontStyle: 'italic' }}>
              {uiText(entry.text, i18n.language)}
            </Typography>
          );
        if (entry.kind === 'reveal') {
          const fact = facts.get(entry.factId);
          return (
            <Typography component="li" key={index} variant="body2" color="info.main">
              {t('run.revealed', { fact: fact ? uiText(fact.text, i18n.language) : entry.factId })}
            </Typography>
          );
        }
        const isCustomer = entry.kind === 'customer';
        return (
          <Box
            component="li"
            key={index}
            sx={{ display: 'flex', justifyContent: isCustomer ? 'flex-start' : 'flex-end' }}
          >
            <Paper
              variant="outlined"
              sx={{ p: 1.5, maxWidth: '80%', bgcolor: isCustomer ? 'background.paper' : 'action.hover' }}
            >
              <Typography variant="caption" color="text.secondary">
                {isCustomer ? fullName(scenario.persona.name) : t('run.you')}
              </Typography>
              <Typography lang={scenario.locale} dir="auto" sx={{ whiteSpace: 'pre-line' }}>
                {entry.text}
              </Typography>
              {entry.kind === 'agent' && entry.actions.length > 0 && (
                <Typography variant="caption" color="text.secondary">
                  {entry.actions
                    .flatMap((action) => PRACTICE_ACTIONS.filter((known) => known === action))
                    .map((action) => t(`action.${action}`))
                    .join(' · ')}
                </Typography>
              )}
            </Paper>
          </Box>
        );
      })}
    </Box>
  );
}
