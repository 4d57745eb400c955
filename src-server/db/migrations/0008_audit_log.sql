-- The audit log (SUPERVISION.md): every mutation a desk pushed, supervisors' actions and refusals included,
-- appended in the push's own transaction under the change-log lock, each entry chained to the one before by
-- a SHA-256 hash (src-server/audit/auditChain.ts), so a changed, removed or inserted row breaks the chain
-- and `npm run audit -- verify` names it. The table refuses UPDATE and DELETE: append only.
CREATE TABLE audit_log (
  seq bigint PRIMARY KEY,
  at_ms bigint NOT NULL,
  actor_id text NOT NULL,
  action text NOT NULL,
  case_id text,
  team_id text,
  entry jsonb NOT NULL,
  prev_hash text NOT NULL,
  hash text NOT NULL
);
CREATE INDEX audit_log_case ON audit_log (case_id, seq);
CREATE INDEX audit_log_actor ON audit_log (actor_id, seq);
CREATE INDEX audit_log_team ON audit_log (team_id, seq);

-- One line: migrations split statements at semicolons that end a line (src-server/db/migrate.ts).
CREATE FUNCTION audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'audit_log is append-only'; END $$;
CREATE TRIGGER audit_log_no_change BEFORE UPDATE OR DELETE ON audit_log
  FOR EACH ROW EXECUTE FUNCTION audit_log_append_only();
