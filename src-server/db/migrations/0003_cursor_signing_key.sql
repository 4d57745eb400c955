-- The key that signs sync cursors and bootstrap page tokens (issue 19.5), shared by every API process on
-- this database. gen_random_uuid draws from a cryptographically strong source (PostgreSQL 13+): 244 bits.
ALTER TABLE sync_state ADD COLUMN signing_key text NOT NULL
  DEFAULT replace(gen_random_uuid()::text || gen_random_uuid()::text, '-', '');
