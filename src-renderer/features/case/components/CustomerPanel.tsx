import Box from '@mui/material/Box';
import Chip from '@mui/material/Chip';
import Typography from '@mui/material/Typography';
import { useTranslation } from 'react-i18next';
import type { Case } from '../../../../src-shared/domain/case';
import { languageName, regionName } from '../../../i18n/format';
import { customerClock } from '../customerClock';

type Props = { caseRecord: Case; customerName: string; serverNowMs: number };

function formatOffset(minutes: number): string {
  const sign = minutes < 0 ? '−' : '+';
  const hours = Math.floor(Math.abs(minutes) / 60);
  const rest = Math.abs(minutes) % 60;
  return `UTC${sign}${hours}${rest === 0 ? '' : `:${String(rest).padStart(2, '0')}`}`;
}

/** Who the customer is and where they are in their day: local time, weekend or holiday in their market. */
export function CustomerPanel({ caseRecord, customerName, serverNowMs }: Props) {
  const { t, i18n } = useTranslation('case');
  const language = i18n.language;
  const { customer } = caseRecord;
  const clock = customerClock(customer, serverNowMs);
  const localTime = new Intl.DateTimeFormat(language, {
    timeZone: customer.timeZone,
    weekday: 'long',
    hour: '2-digit',
    minute: '2-digit',
  }).format(serverNowMs);
  const day = clock.day;
  const dayText =
    day.kind === 'holiday'
      ? t('customer.day.holiday', { name: day.name })
      : day.kind === 'make_up_working_day'
        ? t('customer.day.makeUp')
        : t(`customer.day.${day.kind}`);
  return (
    <Box sx={{ display: 'grid', gap: 0.75 }}>
      <Typography variant="body1" sx={{ fontWeight: 600 }}>
        <bdi>{customerName}</bdi>
      </Typography>
      <Typography variant="body2">
        {t('customer.market', { market: regionName(language, customer.market) })}
        {' · '}
        {t('customer.language', { language: languageName(language, caseRecord.locale) })}
      </Typography>
      <Typography variant="body2" data-testid="customer-local-time">
        {t('customer.localTime', {
          time: localTime,
          zone: customer.timeZone,
          offset: formatOffset(clock.offsetMinutes),
        })}
      </Typography>
      <Box sx={{ display: 'flex', gap: 1, flexWrap: 'wrap' }}>
        <Chip
          size="small"
          label={dayText}
          variant="outlined"
          sx={day.kind === 'holiday' || day.kind === 'weekend' ? { color: '#7a4100', borderColor: '#b86e00' } : {}}
          data-day-kind={day.kind}
        />
        {clock.isBusinessHours !== null && (
          <Chip
            size="small"
            variant="outlined"
            label={t(clock.isBusinessHours ? 'customer.hours.open' : 'customer.hours.closed')}
          />
        )}
      </Box>
      <Typography variant="caption" color="text.secondary">
        {customer.contacts
          .map((contact) => `${t(`customer.channel.${contact.channel}`)}: ${contact.address}`)
          .join(' · ')}
      </Typography>
    </Box>
  );
}
