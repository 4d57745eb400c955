/**
 * Migration 001: canonical copies of what the server sends, the optimistic shadow, the outbox and sync
 * state of SYNC.md, attention items and settings. Shipped: never edit, add a new migration instead.
 *
 * Canonical rows carry server_version (the Change.version the server sent) for verify hashes. Case rows
 * are what the UI reads: canonical, or canonical with pending mutations applied when case_shadow holds
 * the canonical copy. Messages and notes written locally are rows with pending = 1 until the server's
 * copy with the same id arrives.
 */
export const m001Initial = `
CREATE TABLE teams (
  id TEXT PRIMARY KEY,
  server_version INTEGER NOT NULL,
  data TEXT NOT NULL
) STRICT;

CREATE TABLE users (
  id TEXT PRIMARY KEY,
  server_version INTEGER NOT NULL,
  data TEXT NOT NULL
) STRICT;

CREATE TABLE cases (
  rid INTEGER PRIMARY KEY,
  id TEXT NOT NULL UNIQUE,
  server_version INTEGER NOT NULL,
  ref TEXT NOT NULL,
  type TEXT NOT NULL,
  status TEXT NOT NULL,
  -- 0 active (new, open, on_hold), 1 waiting on the customer, 2 done (solved, closed)
  state_group INTEGER NOT NULL,
  priority TEXT NOT NULL,
  -- 0 urgent .. 3 low, so every queue sort runs ascending on one index
  priority_sort INTEGER NOT NULL,
  market TEXT NOT NULL,
  locale TEXT NOT NULL,
  team_id TEXT NOT NULL,
  assignee_id TEXT,
  subject TEXT NOT NULL,
  customer_name TEXT NOT NULL,
  order_id TEXT,
  tags TEXT NOT NULL,
  sla_due_at TEXT,
  -- epoch ms of sla_due_at; cases without a deadline sort last
  sla_sort INTEGER NOT NULL,
  created_at TEXT NOT NULL,
  created_ms INTEGER NOT NULL,
  updated_at TEXT NOT NULL,
  has_pending INTEGER NOT NULL DEFAULT 0,
  data TEXT NOT NULL
) STRICT;
CREATE INDEX cases_assignee_sla ON cases (assignee_id, state_group, sla_sort);
CREATE INDEX cases_assignee_priority ON cases (assignee_id, state_group, priority_sort, sla_sort);
CREATE INDEX cases_assignee_age ON cases (assignee_id, state_group, created_ms);
CREATE INDEX cases_sla ON cases (sla_sort);
CREATE INDEX cases_priority ON cases (priority_sort, sla_sort);
CREATE INDEX cases_age ON cases (created_ms);

CREATE TABLE case_shadow (
  case_id TEXT PRIMARY KEY REFERENCES cases (id) ON DELETE CASCADE,
  server_version INTEGER NOT NULL,
  data TEXT NOT NULL
) STRICT;

CREATE TABLE messages (
  rid INTEGER PRIMARY KEY,
  id TEXT NOT NULL UNIQUE,
  case_id TEXT NOT NULL,
  created_at TEXT NOT NULL,
  server_version INTEGER NOT NULL,
  pending INTEGER NOT NULL DEFAULT 0,
  mutation_uuid TEXT,
  data TEXT NOT NULL
) STRICT;
CREATE INDEX messages_case ON messages (case_id, created_at);

CREATE TABLE notes (
  rid INTEGER PRIMARY KEY,
  id TEXT NOT NULL UNIQUE,
  case_id TEXT NOT NULL,
  created_at TEXT NOT NULL,
  server_version INTEGER NOT NULL,
  pending INTEGER NOT NULL DEFAULT 0,
  mutation_uuid TEXT,
  data TEXT NOT NULL
) STRICT;
CREATE INDEX notes_case ON notes (case_id, created_at);

CREATE TABLE case_events (
  rid INTEGER PRIMARY KEY,
  id TEXT NOT NULL UNIQUE,
  case_id TEXT NOT NULL,
  at TEXT NOT NULL,
  server_version INTEGER NOT NULL,
  data TEXT NOT NULL
) STRICT;
CREATE INDEX case_events_case ON case_events (case_id, at);

-- Trigram finds any substring of 3+ characters in every script, CJK and Thai included.
CREATE VIRTUAL TABLE case_fts USING fts5 (subject, customer, order_id, content = '', contentless_delete = 1, tokenize = 'trigram remove_diacritics 1');
CREATE VIRTUAL TABLE message_fts USING fts5 (body, content = '', contentless_delete = 1, tokenize = 'trigram remove_diacritics 1');
-- Han, kana and Hangul runs with one token per character: 1-2 character words (退款, 환불) that a
-- trigram cannot match are found as phrases here. rowid = rid * 2 for messages, rid * 2 + 1 for cases.
CREATE VIRTUAL TABLE cjk_fts USING fts5 (text, content = '', contentless_delete = 1, tokenize = 'unicode61');

CREATE TABLE outbox (
  id INTEGER PRIMARY KEY,
  uuid TEXT NOT NULL UNIQUE,
  name TEXT NOT NULL,
  v INTEGER NOT NULL,
  case_id TEXT NOT NULL,
  -- the message or note id a reply or note creates, for idempotent retries of the same write
  entity_id TEXT,
  args TEXT NOT NULL,
  base TEXT NOT NULL,
  client_time TEXT NOT NULL,
  state TEXT NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'sent')),
  attempts INTEGER NOT NULL DEFAULT 0
) STRICT;
CREATE INDEX outbox_case ON outbox (case_id, id);

CREATE TABLE sync_state (
  singleton INTEGER PRIMARY KEY CHECK (singleton = 1),
  client_id TEXT NOT NULL,
  user_id TEXT,
  cursor TEXT,
  -- the server's last acknowledged mutation id for this client
  last_mutation_id INTEGER NOT NULL DEFAULT 0,
  -- the id the next local write gets: outbox ids per client start at 1 and never leave a gap
  next_mutation_id INTEGER NOT NULL DEFAULT 1,
  generation INTEGER NOT NULL DEFAULT 0,
  -- a bootstrap being received into bootstrap_stage, and where to resume it
  bootstrap_generation INTEGER,
  bootstrap_page_token TEXT,
  server_offset_ms INTEGER NOT NULL DEFAULT 0,
  last_synced_at TEXT
) STRICT;

CREATE TABLE bootstrap_stage (
  generation INTEGER NOT NULL,
  entity TEXT NOT NULL,
  entity_id TEXT NOT NULL,
  version INTEGER NOT NULL,
  data TEXT NOT NULL,
  PRIMARY KEY (generation, entity, entity_id)
) STRICT;

CREATE TABLE attention (
  id TEXT PRIMARY KEY,
  case_id TEXT NOT NULL,
  case_ref TEXT,
  mutation_uuid TEXT NOT NULL,
  mutation_name TEXT NOT NULL,
  args TEXT NOT NULL,
  code TEXT NOT NULL,
  message TEXT NOT NULL,
  body TEXT,
  locale TEXT,
  created_at TEXT NOT NULL
) STRICT;

CREATE TABLE settings (
  key TEXT PRIMARY KEY,
  value TEXT NOT NULL
) STRICT;
`;
