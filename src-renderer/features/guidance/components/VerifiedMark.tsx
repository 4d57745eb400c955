import Chip from '@mui/material/Chip';
import VerifiedIcon from '@mui/icons-material/Verified';
import HelpOutlineIcon from '@mui/icons-material/HelpOutlineOutlined';
import { useTranslation } from 'react-i18next';

/** Whether a legal or cultural fact was checked against its source; the UI never hides an unverified one. */
export function VerifiedMark({ verified }: { verified: boolean }) {
  const { t } = useTranslation('guidance');
  return verified
    ? <Chip size="small" icon={<VerifiedIcon />} label={t('verified')} color="success" variant="outlined" data-verified="true" />
    : <Chip size="small" icon={<HelpOutlineIcon />} label={t('unverified')} color="warning" variant="outlined" data-verified="false" />;
}
