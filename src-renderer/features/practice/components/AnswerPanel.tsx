import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Checkbox from '@mui/material/Checkbox';
import FormControlLabel from '@mui/material/FormControlLabel';
import FormGroup from '@mui/material/FormGroup';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  fillPlaceholders,
  type CompiledScenario,
  type PracticeAction,
  type RunState,
} from '../../../../src-shared/training';
import { blocksSending, findingsFor, FindingsList } from '../../composer';
import { uiText } from '../practiceRun';

/** An answer before the time it took is measured. */
export type PracticeMove =
  { kind: 'compose'; text: string; actions: PracticeAction[] } | { kind: 'choose'; optionId: string };

type Props = {
  compiled: CompiledScenario;
  state: RunState;
  onAnswer(answer: PracticeMove): void;
  isSending: boolean;
};

/**
 * The trainee's turn: pick one of the options, or write a reply in the customer's language with the
 * composer's pre-send checks (formality, statutory window, amounts, dates) on the scenario's facts and the
 * practice actions offered at this point.
 */
export function AnswerPanel({ compiled, state, onAnswer, isSending }: Props) {
  const { t, i18n } = useTranslation('practice');
  const [text, setText] = useState('');
  const [actions, setActions] = useState<PracticeAction[]>([]);
  const node = compiled.scenario.nodes[state.nodeId];
  const locale = compiled.scenario.locale;
  const findings = useMemo(
    () => findingsFor({ context: compiled.context.replyContext, text, locale, preview: null }),
    [compiled, text, locale],
  );
  if (node?.type !== 'agent') return null;
  const prompt = node.prompt ? uiText(node.prompt, i18n.language) : null;
  if (node.mode === 'choose')
    return (
      <Box component="section" aria-label={t('run.choose')} sx={{ display: 'grid', gap: 1 }}>
        <Typography component="h3" variant="subtitle1">
          {prompt ?? t('run.choose')}
        </Typography>
        {node.options.map((option) => (
          <Button
            key={option.id}
            variant="outlined"
            disabled={isSending}
            onClick={() => onAnswer({ kind: 'choose', optionId: option.id })}
            sx={{ justifyContent: 'flex-start', textTransform: 'none', textAlign: 'start' }}
          >
            <span lang={locale} dir="auto">
              {fillPlaceholders(option.text, compiled.context.values)}
            </span>
          </Button>
        ))}
      </Box>
    );
  const toggle = (action: PracticeAction) =>
    setActions((current) =>
      current.includes(action) ? current.filter((each) => each !== action) : [...current, action],
    );
  return (
    <Box component="section" aria-label={t('run.compose')} sx={{ display: 'grid', gap: 1 }}>
      <Typography component="h3" variant="subtitle1">
        {prompt ?? t('run.compose')}
      </Typography>
      <TextField
        label={t('run.replyLabel')}
        multiline
        minRows={4}
        value={text}
        onChange={(event) => setText(event.target.value)}
        slotProps={{ htmlInput: { lang: locale, dir: 'auto' } }}
      />
      <FindingsList findings={findings} />
      {node.actions.length > 0 && (
        <FormGroup row aria-label={t('run.actions')}>
          {node.actions.map((action) => (
            <FormControlLabel
              key={action}
              control={<Checkbox checked={actions.includes(action)} onChange={() => toggle(action)} />}
              label={t(`action.${action}`)}
            />
          ))}
        </FormGroup>
      )}
      <Box>
        <Button
          variant="contained"
          disabled={isSending || text.trim() === '' || blocksSending(findings)}
          onClick={() => onAnswer({ kind: 'compose', text: text.trim(), actions })}
        >
          {t('run.send')}
        </Button>
      </Box>
    </Box>
  );
}
