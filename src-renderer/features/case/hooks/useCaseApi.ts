import { useMemo } from 'react';
import { useWorkstation } from '../../../contract/WorkstationProvider';
import { caseApi, type CaseApi } from '../caseApi';

export function useCaseApi(): CaseApi {
  const api = useWorkstation();
  return useMemo(() => caseApi(api), [api]);
}
