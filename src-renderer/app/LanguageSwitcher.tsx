import FormControl from '@mui/material/FormControl';
import InputLabel from '@mui/material/InputLabel';
import MenuItem from '@mui/material/MenuItem';
import Select from '@mui/material/Select';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { useWorkstation } from '../contract/WorkstationProvider';
import { ENDONYMS, UI_LANGUAGES, isUiLanguage } from '../i18n/languages';

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
      <InputLabel id={labelId} sx={{ color: 'inherit' }}>
        {t('language.label')}
      </InputLabel>
      <Select
        labelId={labelId}
        label={t('language.label')}
        value={i18n.language}
        onChange={(event) => change(event.target.value)}
        sx={{
          color: 'inherit',
          '.MuiOutlinedInput-notchedOutline': { borderColor: 'rgba(255,255,255,0.6)' },
          '.MuiSvgIcon-root': { color: 'inherit' },
        }}
      >
        {UI_LANGUAGES.map((language) => (
          <MenuItem key={language} value={language} lang={language}>
            {ENDONYMS[language]}
          </MenuItem>
        ))}
      </Select>
    </FormControl>
  );
}
