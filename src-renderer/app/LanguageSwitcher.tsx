import FormControl from '@mui/material/FormControl';
import InputLabel from '@mui/material/InputLabel';
import MenuItem from '@mui/material/MenuItem';
import Select from '@mui/material/Select';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { useWorkstation } from '../contract/WorkstationProvider';
import { UI_LANGUAGES, isUiLanguage } from '../i18n/languages';

const endonyms = new Map<string, string>();

/** Each language named in itself, so an agent can find theirs whatever the current UI language is. */
function endonym(language: string): string {
  let name = endonyms.get(language);
  if (name === undefined) {
    name = new Intl.DisplayNames([language], { type: 'language' }).of(language) ?? language;
    endonyms.set(language, name);
  }
  return name;
}

// A component, so a closed menu names only the selected language: each other language's display names
// load that locale's ICU data, a cost the first paint of the queue does not need.
function Endonym({ language }: { language: string }) {
  return endonym(language);
}

export function LanguageSwitcher() {
  const { t, i18n } = useTranslation('app');
  const api = useWorkstation();
  const labelId = useId();
  const change = (language: string) => {
    if (!isUiLanguage(language)) return;
    void i18n.changeLanguage(language);
    // Saved through the contract so the next start (Electron or browser) opens in the same language.
    void api['settings:update']({ uiLocale: language });
  };
  return (
    <FormControl size="small" sx={{ minWidth: 170 }}>
      <InputLabel id={labelId} sx={{ color: 'inherit' }}>{t('language.label')}</InputLabel>
      <Select
        labelId={labelId}
        label={t('language.label')}
        value={i18n.language}
        onChange={(event) => change(event.target.value)}
        sx={{ color: 'inherit', '.MuiOutlinedInput-notchedOutline': { borderColor: 'rgba(255,255,255,0.6)' }, '.MuiSvgIcon-root': { color: 'inherit' } }}
      >
        {UI_LANGUAGES.map((language) => (
          <MenuItem key={language} value={language} lang={language}><Endonym language={language} /></MenuItem>
        ))}
      </Select>
    </FormControl>
  );
}
