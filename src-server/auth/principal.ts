import type { Role, User } from '../../src-shared/domain/user';

/** The authenticated caller of a request, with what scope rules need. */
export interface Principal {
  id: string;
  role: Role;
  teamIds: readonly string[];
  user: User;
}
