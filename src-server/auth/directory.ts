import { TeamSchema, UserSchema } from '../../src-shared/domain/user';
import type { Team, User } from '../../src-shared/domain/user';
import type { Queryable } from '../db/db';
import type { Principal } from './principal';
import { hashPassword } from './passwords';

/** Teams and users: written by seeding and administration, read by auth and scope checks. */
export async function putTeam(db: Queryable, team: Team): Promise<void> {
  const parsed = TeamSchema.parse(team);
  await db.query(
    'INSERT INTO teams (id, data) VALUES ($1, $2::jsonb) ON CONFLICT (id) DO UPDATE SET data = EXCLUDED.data',
    [parsed.id, JSON.stringify(parsed)],
  );
}

export async function putUser(db: Queryable, user: User, password: string, passwordHash?: string): Promise<void> {
  const parsed = UserSchema.parse(user);
  const hash = passwordHash ?? (await hashPassword(password));
  await db.query(
    `INSERT INTO users (id, username, role, password_hash, data) VALUES ($1, $2, $3, $4, $5::jsonb)
     ON CONFLICT (id) DO UPDATE SET username = EXCLUDED.username, role = EXCLUDED.role,
       password_hash = EXCLUDED.password_hash, data = EXCLUDED.data`,
    [parsed.id, parsed.username, parsed.role, hash, JSON.stringify(parsed)],
  );
  await db.query('DELETE FROM team_members WHERE user_id = $1', [parsed.id]);
  for (const teamId of parsed.teamIds) {
    await db.query('INSERT INTO team_members (team_id, user_id) VALUES ($1, $2)', [teamId, parsed.id]);
  }
}

export async function findUserByUsername(
  db: Queryable,
  username: string,
): Promise<{ user: User; passwordHash: string } | undefined> {
  const rows = await db.query<{ data: unknown; password_hash: string }>(
    'SELECT data, password_hash FROM users WHERE username = $1',
    [username],
  );
  const row = rows[0];
  return row ? { user: UserSchema.parse(row.data), passwordHash: row.password_hash } : undefined;
}

export async function loadUser(db: Queryable, id: string): Promise<User | undefined> {
  const rows = await db.query<{ data: unknown }>('SELECT data FROM users WHERE id = $1', [id]);
  return rows[0] ? UserSchema.parse(rows[0].data) : undefined;
}

export function principalOf(user: User): Principal {
  return { id: user.id, role: user.role, teamIds: user.teamIds, user };
}

export async function teamMemberIds(db: Queryable, teamId: string): Promise<string[]> {
  const rows = await db.query<{ user_id: string }>('SELECT user_id FROM team_members WHERE team_id = $1', [teamId]);
  return rows.map((row) => row.user_id);
}
