-- A lost or stolen desktop is revoked by its client id (the id each install mints with its local store,
-- SYNC.md identities): its tokens stop working, new sign-ins from it are refused, and on its next
-- contact the desk wipes its local data. Tokens remember the install that signed in to find them.
CREATE TABLE revoked_devices (
  client_id text PRIMARY KEY,
  revoked_by text NOT NULL REFERENCES users (id),
  revoked_ms bigint NOT NULL
);
ALTER TABLE auth_tokens ADD COLUMN client_id text;
CREATE INDEX auth_tokens_client ON auth_tokens (client_id) WHERE client_id IS NOT NULL;
