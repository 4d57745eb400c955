import Alert from '@mui/material/Alert';
import SchoolIcon from '@mui/icons-material/School';
import { useTranslation } from 'react-i18next';

/** Always on the Practice screen: nothing here is a live case or reaches a customer. */
export function TrainingMarker() {
  const { t } = useTranslation('practice');
  return (
    <Alert severity="warning" icon={<SchoolIcon />} role="status" data-testid="training-marker" sx={{ mb: 2 }}>
      <strong>{t('marker.label')}</strong> {t('marker.text')}
    </Alert>
  );
}
