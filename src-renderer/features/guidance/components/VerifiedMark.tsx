import Chip from '@mui/material/Chip';
import VerifiedIcon from '@mui/icons-material/Verified';
import HelpOutlineIcon from '@mui/icons-material/HelpOutlineOutlined';
import { useTranslation } from 'react-i18next';

/** Whether a legal or cultural fact was checked against its source; the UI never hides an unverified one. */
export function VerifiedMark({ verified }: { verified: boolean }) {
  const { t } = useTranslation('guidance');
  return verified ? (
    <Chip
      size="small"
      icon={<VerifiedIcon />}
      label={t('verified')}
      variant="outlined"
      sx={{ color: '#1b5e20', borderColor: '#2e7d32', '& .MuiChip-icon': { color: 'inherit' } }}
      data-verified="true"
    />
  ) : (
    <Chip
      size="small"
      icon={<HelpOutlineIcon />}
      label={t('unverified')}
      variant="outlined"
      sx={{ color: '#7a4100', borderColor: '#b86e00', '& .MuiChip-icon': { color: 'inherit' } }}
      data-verified="false"
    />
  );
}
