import IconButton from '@mui/material/IconButton';
import Tooltip from '@mui/material/Tooltip';
import KeyboardIcon from '@mui/icons-material/Keyboard';
import { useTranslation } from 'react-i18next';
import { useShortcutHelp } from '../ShortcutsProvider';

/** The shortcuts help for mouse users too; keyboard users press "?" or F1. */
export function ShortcutsHelpButton() {
  const { t } = useTranslation('shortcuts');
  const openHelp = useShortcutHelp();
  return (
    <Tooltip title={t('title')}>
      <IconButton color="inherit" aria-label={t('title')} onClick={openHelp}>
        <KeyboardIcon />
      </IconButton>
    </Tooltip>
  );
}
