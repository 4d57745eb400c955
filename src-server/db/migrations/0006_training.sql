-- Practice (issue 16, shared/design/TRAINING.md): scenario versions, assignments and finished runs, and the
-- change log that syncs them to desks in their own scope (src-server/training). Records are kept as their
-- JSON (src-shared/training/records.ts) beside the columns the server filters on.

-- One row per published version (id@version); a version's content never changes (hash), runs name it.
CREATE TABLE training_scenarios (
  key text PRIMARY KEY,
  scenario_id text NOT NULL,
  hash text NOT NULL,
  published_by text REFERENCES users (id),
  published_ms bigint NOT NULL,
  data jsonb NOT NULL
);
CREATE INDEX training_scenarios_scenario ON training_scenarios (scenario_id);

-- For one agent or one whole team, never both.
CREATE TABLE training_assignments (
  id text PRIMARY KEY,
  scenario_key text NOT NULL REFERENCES training_scenarios (key),
  agent_id text REFERENCES users (id),
  team_id text REFERENCES teams (id),
  assigned_by text NOT NULL REFERENCES users (id),
  created_ms bigint NOT NULL,
  data jsonb NOT NULL,
  CHECK ((agent_id IS NULL) <> (team_id IS NULL))
);
CREATE INDEX training_assignments_agent ON training_assignments (agent_id);
CREATE INDEX training_assignments_team ON training_assignments (team_id);

-- A run's id is a training id (a version 8 UUID, src-shared/training/trainingIds.ts); content_hash tells a
-- re-sent upload (answered as a duplicate) from another run under the same id (refused).
CREATE TABLE training_runs (
  id text PRIMARY KEY CHECK (substr(id, 15, 1) = '8'),
  agent_id text NOT NULL REFERENCES users (id),
  scenario_key text NOT NULL REFERENCES training_scenarios (key),
  assignment_id text REFERENCES training_assignments (id),
  content_hash text NOT NULL,
  received_ms bigint NOT NULL,
  data jsonb NOT NULL
);
CREATE INDEX training_runs_agent ON training_runs (agent_id);
CREATE INDEX training_runs_scenario ON training_runs (scenario_key);

-- Commit-ordered like change_log: writers take pg_advisory_xact_lock(TRAINING_LOG_LOCK) before drawing a
-- number, so a pull never skips a committed change. Who sees a row: everyone signed in when agent_id and
-- team_id are both NULL, else the agent (and whoever trains them) or the team's members.
CREATE SEQUENCE training_change_seq;
CREATE TABLE training_changes (
  seq bigint PRIMARY KEY DEFAULT nextval('training_change_seq'),
  entity text NOT NULL,
  entity_id text NOT NULL,
  version integer NOT NULL,
  agent_id text,
  team_id text,
  data jsonb NOT NULL,
  created_ms bigint NOT NULL
);

-- Nothing of a practice run reaches a customer: the database itself refuses a training id as a live message
-- or in the delivery queue (NOT VALID: rows written before this migration are left as they are).
ALTER TABLE messages ADD CONSTRAINT messages_not_training CHECK (substr(id, 15, 1) <> '8') NOT VALID;
ALTER TABLE outbound ADD CONSTRAINT outbound_not_training CHECK (substr(message_id, 15, 1) <> '8') NOT VALID;
ALTER TABLE cases ADD CONSTRAINT cases_not_training CHECK (substr(id, 15, 1) <> '8') NOT VALID;
