import FormControlLabel from '@mui/material/FormControlLabel';
import Switch from '@mui/material/Switch';
import Typography from '@mui/material/Typography';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../../i18n/format';

/** Live: the screen follows the floor as it moves; Paused: it keeps still while the supervisor reads it. */
export function LiveSwitch({
  isLive,
  onChange,
  serverTime,
}: {
  isLive: boolean;
  onChange: (isLive: boolean) => void;
  serverTime: string | null;
}) {
  const { t, i18n } = useTranslation('floor');
  return (
    <>
      <FormControlLabel
        control={<Switch checked={isLive} onChange={(event) => onChange(event.target.checked)} />}
        label={isLive ? t('live.live') : t('live.paused')}
        aria-label={t('live.label')}
      />
      {serverTime !== null && (
        <Typography variant="caption" color="text.secondary" role="status">
          {t('live.asOf', { time: formatDateTime(i18n.language, serverTime) })}
        </Typography>
      )}
    </>
  );
}
