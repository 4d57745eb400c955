-- Crossdesk central API, first schema. Runs on PostgreSQL 15 and PGlite (PostgreSQL 18).
-- Entities are kept as their domain JSON (src-shared/domain) beside the columns the server filters on.

CREATE TABLE sync_state (
  id integer PRIMARY KEY CHECK (id = 1),
  epoch text NOT NULL,
  -- Changes at or below this sequence number were compacted away: older cursors must re-bootstrap.
  floor_seq bigint NOT NULL DEFAULT 0,
  -- The highest sequence number committed so far, written under the change-log lock: pulls read up to it.
  high_seq bigint NOT NULL DEFAULT 0
);
INSERT INTO sync_state (id, epoch, floor_seq) VALUES (1, md5(random()::text || clock_timestamp()::text), 0);

CREATE TABLE teams (
  id text PRIMARY KEY,
  data jsonb NOT NULL
);

CREATE TABLE users (
  id text PRIMARY KEY,
  username text NOT NULL UNIQUE,
  role text NOT NULL,
  password_hash text NOT NULL,
  data jsonb NOT NULL
);

CREATE TABLE team_members (
  team_id text NOT NULL REFERENCES teams (id),
  user_id text NOT NULL REFERENCES users (id),
  PRIMARY KEY (team_id, user_id)
);
CREATE INDEX team_members_user ON team_members (user_id);

CREATE TABLE auth_tokens (
  token_hash text PRIMARY KEY,
  user_id text NOT NULL REFERENCES users (id),
  created_ms bigint NOT NULL,
  expires_ms bigint NOT NULL,
  revoked_ms bigint
);
CREATE INDEX auth_tokens_user ON auth_tokens (user_id);

CREATE SEQUENCE case_ref_seq START 100001;

CREATE TABLE cases (
  id text PRIMARY KEY,
  ref text NOT NULL UNIQUE,
  team_id text NOT NULL REFERENCES teams (id),
  assignee_id text REFERENCES users (id),
  status text NOT NULL,
  version integer NOT NULL,
  assignee_version integer NOT NULL,
  merged_into_id text REFERENCES cases (id),
  -- The assignee before the last reassignment, who may still send an offline reply within a grace window.
  previous_assignee_id text REFERENCES users (id),
  assignee_changed_ms bigint NOT NULL,
  data jsonb NOT NULL
);
CREATE INDEX cases_team_assignee ON cases (team_id, assignee_id);
CREATE INDEX cases_assignee ON cases (assignee_id);

CREATE TABLE messages (
  id text PRIMARY KEY,
  case_id text NOT NULL REFERENCES cases (id),
  version integer NOT NULL,
  data jsonb NOT NULL
);
CREATE INDEX messages_case ON messages (case_id);

CREATE TABLE notes (
  id text PRIMARY KEY,
  case_id text NOT NULL REFERENCES cases (id),
  version integer NOT NULL,
  data jsonb NOT NULL
);
CREATE INDEX notes_case ON notes (case_id);

CREATE TABLE case_events (
  id text PRIMARY KEY,
  case_id text NOT NULL REFERENCES cases (id),
  version integer NOT NULL,
  data jsonb NOT NULL
);
CREATE INDEX case_events_case ON case_events (case_id);

-- One sequence orders change-log rows and mutation results on a single commit-ordered axis: writers take
-- pg_advisory_xact_lock(CHANGE_LOG_LOCK) before drawing from it, so numbers become visible in order.
CREATE SEQUENCE change_seq;

-- scope (team_id, assignee_id) says who sees a row; a row whose except scope is also visible to a user
-- is not for them (remove_from_scope: old scope except new; carried children: new scope except old).
CREATE TABLE change_log (
  seq bigint PRIMARY KEY DEFAULT nextval('change_seq'),
  entity text NOT NULL,
  entity_id text NOT NULL,
  op text NOT NULL CHECK (op IN ('upsert', 'delete', 'remove_from_scope')),
  team_id text NOT NULL,
  assignee_id text,
  has_except boolean NOT NULL DEFAULT false,
  except_team_id text,
  except_assignee_id text,
  version integer NOT NULL,
  data jsonb,
  created_ms bigint NOT NULL
);

CREATE TABLE clients (
  client_id text PRIMARY KEY,
  user_id text NOT NULL REFERENCES users (id),
  last_mutation_id integer NOT NULL,
  created_ms bigint NOT NULL
);

-- Every mutation ever received, its payload kept even when rejected, with its durable result.
CREATE TABLE mutations (
  client_id text NOT NULL REFERENCES clients (client_id),
  mutation_id integer NOT NULL,
  uuid text NOT NULL,
  name text NOT NULL,
  v integer NOT NULL,
  args jsonb NOT NULL,
  base jsonb NOT NULL,
  client_time text NOT NULL,
  result jsonb NOT NULL,
  seq bigint NOT NULL,
  received_ms bigint NOT NULL,
  PRIMARY KEY (client_id, mutation_id)
);
CREATE INDEX mutations_uuid ON mutations (uuid);
CREATE INDEX mutations_client_seq ON mutations (client_id, seq);

CREATE TABLE inbound_messages (
  external_id text PRIMARY KEY,
  case_id text NOT NULL REFERENCES cases (id),
  message_id text NOT NULL REFERENCES messages (id),
  created_ms bigint NOT NULL
);

CREATE TABLE outbound (
  message_id text PRIMARY KEY REFERENCES messages (id),
  case_id text NOT NULL REFERENCES cases (id),
  state text NOT NULL CHECK (state IN ('queued', 'sending', 'sent', 'failed')),
  attempts integer NOT NULL DEFAULT 0,
  next_attempt_ms bigint NOT NULL,
  last_error text,
  updated_ms bigint NOT NULL
);
CREATE INDEX outbound_due ON outbound (state, next_attempt_ms);
