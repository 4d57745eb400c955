-- The supervisor console (issue 15, SUPERVISION.md): presence from the desks' heartbeats, each agent's
-- capacity, and rollups of open cases kept as cases change, so the Floor and Agents screens never scan
-- the cases table per request.

-- One row per person who ever sent a heartbeat: their own status (online / away) and when the server last
-- heard from them. Presence (online, idle, away, offline holding cases, disconnected) is derived from it.
CREATE TABLE agent_presence (
  user_id text PRIMARY KEY REFERENCES users (id),
  status text NOT NULL CHECK (status IN ('online', 'away')),
  last_heartbeat_ms bigint NOT NULL,
  -- The last push of a mutation: an agent online but doing nothing for a while is idle.
  last_activity_ms bigint NOT NULL,
  status_changed_ms bigint NOT NULL
);

-- How many open cases an agent takes at most (routing and the Agents screen); absent: the default.
CREATE TABLE agent_capacity (
  user_id text PRIMARY KEY REFERENCES users (id),
  capacity integer NOT NULL CHECK (capacity BETWEEN 0 AND 1000)
);

-- Open cases per cell (team x market x language x case type) in 15-minute slots of their SLA due time
-- (-1: no deadline), so "breached" and "due within 1 h" are prefix sums against the clock.
CREATE TABLE cell_rollup (
  team_id text NOT NULL,
  market text NOT NULL,
  language text NOT NULL,
  case_type text NOT NULL,
  due_slot bigint NOT NULL,
  open_count integer NOT NULL,
  unassigned_count integer NOT NULL,
  PRIMARY KEY (team_id, market, language, case_type, due_slot)
);

-- Open cases per assignee in the same slots: load and next due per agent.
CREATE TABLE agent_rollup (
  assignee_id text NOT NULL,
  due_slot bigint NOT NULL,
  open_count integer NOT NULL,
  PRIMARY KEY (assignee_id, due_slot)
);

-- Open cases by due time (ISO strings sort as instants): the At risk list, the exact counts inside the
-- slot the clock is in, and the leases of a disconnected agent, oldest due first.
CREATE INDEX cases_open_team_due ON cases (team_id, (data->>'slaDueAt'))
  WHERE status NOT IN ('solved', 'closed') AND merged_into_id IS NULL;
CREATE INDEX cases_open_assignee_due ON cases (assignee_id, (data->>'slaDueAt'))
  WHERE status NOT IN ('solved', 'closed') AND merged_into_id IS NULL AND assignee_id IS NOT NULL;

-- Rollups of the cases that exist before this migration.
INSERT INTO cell_rollup (team_id, market, language, case_type, due_slot, open_count, unassigned_count)
SELECT team_id, data->'customer'->>'market', split_part(data->>'locale', '-', 1), data->>'type',
  COALESCE(floor(extract(epoch FROM (data->>'slaDueAt')::timestamptz) / 900)::bigint, -1),
  count(*)::integer, (count(*) FILTER (WHERE assignee_id IS NULL))::integer
FROM cases WHERE status NOT IN ('solved', 'closed') AND merged_into_id IS NULL
GROUP BY 1, 2, 3, 4, 5;
INSERT INTO agent_rollup (assignee_id, due_slot, open_count)
SELECT assignee_id, COALESCE(floor(extract(epoch FROM (data->>'slaDueAt')::timestamptz) / 900)::bigint, -1), count(*)::integer
FROM cases WHERE status NOT IN ('solved', 'closed') AND merged_into_id IS NULL AND assignee_id IS NOT NULL
GROUP BY 1, 2;

-- Cases pinned for offline work (Case.heldOffline): few, so a small partial index finds them.
CREATE INDEX cases_held_offline ON cases ((data->'heldOffline'->>'by'))
  WHERE (data->'heldOffline'->>'by') IS NOT NULL;
