import Alert from '@mui/material/Alert';
import Autocomplete from '@mui/material/Autocomplete';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import TextField from '@mui/material/TextField';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { MARKET_CODES, type MarketCode } from '../../../../src-shared/domain/market';
import { AgentSettingsSchema, type AgentRow, type AgentSettings } from '../../../../src-shared/supervision/views';
import { languageName, regionName } from '../../../i18n/format';

/** The languages agents are usually set up with; any other BCP 47 tag can be typed in. */
const COMMON_LANGUAGES = [
  'zh-CN',
  'en',
  'ar',
  'es-ES',
  'es-MX',
  'de-DE',
  'fr-FR',
  'it-IT',
  'ja-JP',
  'ko-KR',
  'nl-NL',
  'pl-PL',
  'pt-BR',
  'ru-RU',
  'th-TH',
  'vi-VN',
  'id-ID',
  'hi-IN',
];

/** A supervisor sets an agent's capacity, languages and markets (routing and the Floor's eligible agents). */
export function AgentSettingsDialog({
  agent,
  onSave,
  onClose,
}: {
  agent: AgentRow;
  onSave: (settings: AgentSettings) => Promise<string | null>;
  onClose: () => void;
}) {
  const { t, i18n } = useTranslation('floor');
  const [capacity, setCapacity] = useState(String(agent.capacity));
  const [languages, setLanguages] = useState<string[]>(agent.languages);
  const [markets, setMarkets] = useState<MarketCode[]>(agent.markets);
  const [problem, setProblem] = useState<string | null>(null);
  const parsed = AgentSettingsSchema.safeParse({ capacity: Number(capacity), languages, markets });
  const save = async () => {
    if (!parsed.success) return;
    const refused = await onSave(parsed.data);
    if (refused === null) onClose();
    else setProblem(refused);
  };
  return (
    <Dialog open onClose={onClose} fullWidth maxWidth="sm">
      <DialogTitle>{t('settings.title', { name: agent.displayName })}</DialogTitle>
      <DialogContent sx={{ display: 'grid', gap: 2, pt: '8px !important' }}>
        <TextField
          label={t('settings.capacity')}
          type="number"
          value={capacity}
          onChange={(event) => setCapacity(event.target.value)}
          slotProps={{ htmlInput: { min: 0, max: 1000 } }}
          error={!AgentSettingsSchema.shape.capacity.safeParse(Number(capacity)).success}
          helperText={t('settings.capacityHelp')}
        />
        <Autocomplete
          multiple
          freeSolo
          options={COMMON_LANGUAGES}
          value={languages}
          onChange={(_event, value) => setLanguages(value)}
          getOptionLabel={(tag) => `${languageName(i18n.language, tag)} (${tag})`}
          renderInput={(params) => (
            <TextField {...params} label={t('settings.languages')} error={languages.length === 0} />
          )}
        />
        <Autocomplete
          multiple
          options={[...MARKET_CODES]}
          value={markets}
          onChange={(_event, value) => setMarkets(value)}
          getOptionLabel={(code) => regionName(i18n.language, code)}
          renderInput={(params) => (
            <TextField {...params} label={t('settings.markets')} helperText={t('settings.marketsHelp')} />
          )}
        />
        {problem !== null && <Alert severity="error">{problem}</Alert>}
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>{t('settings.cancel')}</Button>
        <Button variant="contained" disabled={!parsed.success} onClick={() => void save()}>
          {t('settings.save')}
        </Button>
      </DialogActions>
    </Dialog>
  );
}
