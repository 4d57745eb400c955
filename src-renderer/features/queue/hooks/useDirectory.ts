import { useEffect, useState } from 'react';
import { directoryOf, EMPTY_DIRECTORY, type Directory } from '../directory';
import { useQueueApi } from './useQueueApi';

/** The signed-in agent and colleagues, read once per queue screen (the directory changes rarely). */
export function useDirectory(): Directory {
  const api = useQueueApi();
  const [directory, setDirectory] = useState<Directory>(EMPTY_DIRECTORY);
  useEffect(() => {
    let isCurrent = true;
    void api.session().then((result) => {
      if (isCurrent && result.ok) setDirectory(directoryOf(result.data));
    });
    return () => {
      isCurrent = false;
    };
  }, [api]);
  return directory;
}
