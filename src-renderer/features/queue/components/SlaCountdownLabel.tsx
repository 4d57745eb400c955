import type { TFunction } from 'i18next';
import { PAUSED_STATUSES, type CaseStatus } from '../../../../src-shared/domain/caseStatus';
import { formatDateTime, formatDuration } from '../../../i18n/format';
import { slaCountdown } from '../slaCountdown';
import { GRID_CLASS } from './CaseGridStyles';

/** status: the case's status as the agent sees it (unsent changes included), so an offline pause shows at once. */
type Props = {
  dueAt: string | null;
  status: CaseStatus;
  now: number;
  serverOffsetMs: number;
  t: TFunction<['queue', 'domain']>;
  language: string;
};

/** Tinted by state through CaseGridStyles (data-sla-state), so a tick re-renders text, not styles. */
export function SlaCountdownLabel({ dueAt, status, now, serverOffsetMs, t, language }: Props) {
  const paused = PAUSED_STATUSES.includes(status);
  const { state, remainingMs } = paused
    ? { state: 'none' as const, remainingMs: 0 }
    : slaCountdown(dueAt, now, serverOffsetMs);
  const text = paused
    ? t('sla.paused')
    : state === 'none'
      ? t('sla.none')
      : state === 'breached'
        ? t('sla.overdue', { duration: formatDuration(language, -remainingMs) })
        : t('sla.dueIn', { duration: formatDuration(language, remainingMs) });
  return (
    <span
      className={GRID_CLASS.sla}
      title={dueAt === null || paused ? undefined : t('sla.dueAt', { time: formatDateTime(language, dueAt) })}
      data-sla-state={paused ? 'paused' : state}
    >
      {text}
    </span>
  );
}
