import FormControl from '@mui/material/FormControl';
import InputLabel from '@mui/material/InputLabel';
import MenuItem from '@mui/material/MenuItem';
import Select from '@mui/material/Select';
import Stack from '@mui/material/Stack';
import { memo, useId, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { QUEUE_SORTS, type QueueSort } from '../../../../src-shared/contract/workstation';
import { CASE_TYPES, type CaseType } from '../../../../src-shared/domain/caseType';
import { MARKET_CODES, type MarketCode } from '../../../../src-shared/domain/market';
import { regionName } from '../../../i18n/format';
import type { QueueFilter } from '../queueApi';

type Props = {
  sort: QueueSort;
  filter: QueueFilter;
  onSortChange: (sort: QueueSort) => void;
  onFilterChange: (filter: QueueFilter) => void;
};

const ANY = '';

function isOneOf<T extends string>(values: readonly T[], value: string): value is T {
  return (values as readonly string[]).includes(value);
}

/** Market codes in the order of their names in the UI language (one collator, each name looked up once). */
function marketsByName(language: string): MarketCode[] {
  const collator = new Intl.Collator(language);
  const names = new Map(MARKET_CODES.map((code) => [code, regionName(language, code)]));
  return [...MARKET_CODES].sort((a, b) => collator.compare(names.get(a) ?? a, names.get(b) ?? b));
}

// Memoized: the queue screen re-renders every second for the SLA clocks; the filters need not.
export const QueueFilters = memo(function QueueFilters({ sort, filter, onSortChange, onFilterChange }: Props) {
  const { t, i18n } = useTranslation(['queue', 'domain']);
  const sortId = useId();
  const marketId = useId();
  const typeId = useId();
  const markets = useMemo(() => marketsByName(i18n.language), [i18n.language]);
  return (
    <Stack direction="row" spacing={2} useFlexGap sx={{ flexWrap: 'wrap', py: 1.5 }}>
      <FormControl size="small" sx={{ minWidth: 180 }}>
        <InputLabel id={sortId}>{t('sort.label')}</InputLabel>
        <Select
          labelId={sortId}
          label={t('sort.label')}
          value={sort}
          onChange={(event) => {
            if (isOneOf(QUEUE_SORTS, event.target.value)) onSortChange(event.target.value);
          }}
        >
          {QUEUE_SORTS.map((name) => (
            <MenuItem key={name} value={name}>
              {t(`sort.${name}`)}
            </MenuItem>
          ))}
        </Select>
      </FormControl>
      <FormControl size="small" sx={{ minWidth: 200 }}>
        <InputLabel id={marketId} shrink>
          {t('filter.market')}
        </InputLabel>
        <Select
          labelId={marketId}
          label={t('filter.market')}
          displayEmpty
          notched
          value={filter.market ?? ANY}
          onChange={(event) => {
            const value = event.target.value;
            onFilterChange({ ...filter, market: isOneOf<MarketCode>(MARKET_CODES, value) ? value : undefined });
          }}
        >
          <MenuItem value={ANY}>{t('filter.any')}</MenuItem>
          {markets.map((code) => (
            <MenuItem key={code} value={code}>
              {t('filter.marketOption', { name: regionName(i18n.language, code), code })}
            </MenuItem>
          ))}
        </Select>
      </FormControl>
      <FormControl size="small" sx={{ minWidth: 200 }}>
        <InputLabel id={typeId} shrink>
          {t('filter.type')}
        </InputLabel>
        <Select
          labelId={typeId}
          label={t('filter.type')}
          displayEmpty
          notched
          value={filter.type ?? ANY}
          onChange={(event) => {
            const value = event.target.value;
            onFilterChange({ ...filter, type: isOneOf<CaseType>(CASE_TYPES, value) ? value : undefined });
          }}
        >
          <MenuItem value={ANY}>{t('filter.any')}</MenuItem>
          {CASE_TYPES.map((name) => (
            <MenuItem key={name} value={name}>
              {t(`domain:caseType.${name}`)}
            </MenuItem>
          ))}
        </Select>
      </FormControl>
    </Stack>
  );
});
