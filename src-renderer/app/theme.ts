import { createTheme, type Theme } from '@mui/material/styles';
import { languageDirection } from '../i18n/languages';

/**
 * Han glyphs differ between Chinese and Japanese typography, so the CJK face follows the UI language;
 * Arabic and Latin faces are always in the stack because case data mixes scripts in every language.
 */
function fontStack(language: string): string {
  const cjk = language.startsWith('ja') ? '"Noto Sans CJK JP"' : '"Noto Sans CJK SC"';
  return ['"Noto Sans"', '"Noto Sans Arabic"', cjk, '"Noto Sans Thai"', 'system-ui', 'sans-serif'].join(', ');
}

export function createAppTheme(language: string): Theme {
  return createTheme({
    direction: languageDirection(language),
    typography: { fontFamily: fontStack(language) },
    palette: { primary: { main: '#1f5f99' }, background: { default: '#f5f7fa' } },
    shape: { borderRadius: 6 },
  });
}
