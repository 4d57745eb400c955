import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLiveRead } from '../hooks/useLiveRead';
import { BreakableCasesTable } from './BreakableCasesTable';
import { ConsoleScreen } from './ConsoleScreen';

const AT_RISK_LIMIT = 100;

/** At risk: the next open cases by SLA due time across the supervisor's teams, with who holds them. */
export function AtRiskScreen() {
  const { t } = useTranslation('floor');
  const [isLive, setIsLive] = useState(true);
  const { data, error, reload, api } = useLiveRead((floor) => floor.atRisk(AT_RISK_LIMIT), isLive);
  return (
    <ConsoleScreen
      title={t('atRisk.title')}
      isLive={isLive}
      onLiveChange={setIsLive}
      serverTime={data?.serverTime ?? null}
      error={error}
      isLoading={data === null}
    >
      {data !== null && (
        <BreakableCasesTable
          cases={data.cases}
          label={t('atRisk.tableLabel')}
          api={api}
          onChanged={() => void reload()}
        />
      )}
    </ConsoleScreen>
  );
}
