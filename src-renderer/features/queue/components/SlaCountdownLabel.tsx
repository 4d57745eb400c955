import Box from '@mui/material/Box';
import { useTranslation } from 'react-i18next';
import { PAUSED_STATUSES, type CaseStatus } from '../../../../src-shared/domain/caseStatus';
import { formatDateTime, formatDuration } from '../../../i18n/format';
import { slaCountdown, type SlaState } from '../slaCountdown';

// Text and tint pairs that keep WCAG AA contrast (axe checks the queue in e2e).
const TONES: Record<SlaState, { color: string; background: string }> = {
  none: { color: 'text.secondary', background: 'transparent' },
  ok: { color: 'text.primary', background: 'transparent' },
  warning: { color: '#7a4100', background: '#fff1db' },
  breached: { color: '#a3161a', background: '#fde8e8' },
};

/** status: the case's status as the agent sees it (unsent changes included), so an offline pause shows at once. */
type Props = { dueAt: string | null; status: CaseStatus; now: number; serverOffsetMs: number };

export function SlaCountdownLabel({ dueAt, status, now, serverOffsetMs }: Props) {
  const { t, i18n } = useTranslation('queue');
  const paused = PAUSED_STATUSES.includes(status);
  const { state, remainingMs } = paused ? { state: 'none' as const, remainingMs: 0 } : slaCountdown(dueAt, now, serverOffsetMs);
  const text = paused ? t('sla.paused') : state === 'none' ? t('sla.none')
    : state === 'breached' ? t('sla.overdue', { duration: formatDuration(i18n.language, -remainingMs) })
      : t('sla.dueIn', { duration: formatDuration(i18n.language, remainingMs) });
  const tone = TONES[state];
  return (
    <Box
      component="span"
      title={dueAt === null || paused ? undefined : t('sla.dueAt', { time: formatDateTime(i18n.language, dueAt) })}
      data-sla-state={paused ? 'paused' : state}
      sx={{ color: tone.color, bgcolor: tone.background, px: 0.75, py: 0.25, borderRadius: 1, whiteSpace: 'nowrap', fontVariantNumeric: 'tabular-nums' }}
    >
      {text}
    </Box>
  );
}
