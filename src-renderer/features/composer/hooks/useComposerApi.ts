import { useMemo } from 'react';
import { useWorkstation } from '../../../contract/WorkstationProvider';
import { composerApi, type ComposerApi } from '../composerApi';

export function useComposerApi(): ComposerApi {
  const api = useWorkstation();
  return useMemo(() => composerApi(api), [api]);
}
