import { useEffect, useMemo, useState } from 'react';
import type { Session } from '../../../../src-shared/contract/workstation';
import { SUPERVISOR_ROLES } from '../../../../src-shared/contract/workstation';
import type { Role } from '../../../../src-shared/domain/user';
import { useWorkstation } from '../../../contract/WorkstationProvider';
import { supervisionApi } from '../supervisionApi';

/** The signed-in session, read again whenever a sign-in, sign-out or server switch may have changed it. */
export function useSession(): Session | null {
  const workstation = useWorkstation();
  const api = useMemo(() => supervisionApi(workstation), [workstation]);
  const [session, setSession] = useState<Session | null>(null);
  useEffect(() => {
    let isCurrent = true;
    let lastJson = '';
    const load = () =>
      void api.session().then((result) => {
        if (!isCurrent || !result.ok) return;
        // Status events come often; the screens re-render only when the session itself changed.
        const json = JSON.stringify(result.data);
        if (json === lastJson) return;
        lastJson = json;
        setSession(result.data);
      });
    load();
    const unsubscribe = api.onSessionMaybeChanged(load);
    return () => {
      isCurrent = false;
      unsubscribe();
    };
  }, [api]);
  return session;
}

export function isSupervisorRole(role: Role | undefined): boolean {
  const roles: readonly Role[] = SUPERVISOR_ROLES;
  return role !== undefined && roles.includes(role);
}

/** Whether the Supervisor section is shown: supervisors and admins only (the core refuses its methods to others). */
export function useIsSupervisor(): boolean {
  return isSupervisorRole(useSession()?.user?.role);
}
