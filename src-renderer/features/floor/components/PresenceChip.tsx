import Chip from '@mui/material/Chip';
import { useTranslation } from 'react-i18next';
import type { Presence } from '../../../../src-shared/supervision/presence';

const COLOR: Record<Presence, 'success' | 'info' | 'warning' | 'secondary' | 'default'> = {
  online: 'success',
  idle: 'info',
  away: 'warning',
  offline_holding: 'secondary',
  disconnected: 'default',
};

export function PresenceChip({ presence }: { presence: Presence }) {
  const { t } = useTranslation('floor');
  return <Chip size="small" color={COLOR[presence]} label={t(`presence.${presence}`)} data-presence={presence} />;
}
