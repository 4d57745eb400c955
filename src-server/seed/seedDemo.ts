import { DEMO_PASSWORD, generateDemoData, SMALL_DEMO } from '../../src-shared/demo';
import type { User } from '../../src-shared/domain/user';
import type { Db } from '../db/db';
import { putTeam, putUser } from '../auth/directory';
import { hashPassword } from '../auth/passwords';
import { insertSnapshot } from './insertSnapshot';

/** The channel gateway's service account in the demo (role integration), for trying `POST /api/v1/inbound`. */
export const DEMO_GATEWAY: User = {
  id: '00000000-0000-4000-8000-0000000000a1',
  username: 'gateway',
  displayName: 'Demo channel gateway',
  role: 'integration',
  teamIds: [],
  languages: ['en'],
  skills: { caseTypes: [], markets: [] },
  timeZone: 'UTC',
  uiLocale: 'en',
};

/**
 * Loads the demo data set into an empty database (every demo user's password is DEMO_PASSWORD).
 * Does nothing when cases already exist, so restarting a demo server keeps what was done in it.
 */
export async function seedDemo(db: Db, nowMs: number, cases = SMALL_DEMO.cases): Promise<boolean> {
  return db.transaction(async (tx) => {
    const existing = await tx.query('SELECT 1 FROM cases LIMIT 1');
    if (existing.length > 0) return false;
    const data = generateDemoData({ seed: SMALL_DEMO.seed, cases, now: new Date(nowMs).toISOString() });
    // One hash for all demo accounts: they share the documented demo password anyway.
    const hash = await hashPassword(DEMO_PASSWORD);
    for (const team of data.teams) await putTeam(tx, team);
    for (const user of [...data.users, DEMO_GATEWAY]) await putUser(tx, user, DEMO_PASSWORD, hash);
    await insertSnapshot(tx, data, nowMs);
    return true;
  });
}
