-- Attachments (issue 18): the bytes live in a content-addressed file store (src-server/attachments/blobStore.ts,
-- a folder on disk by default); this table is the index. case_id is NULL for a file a channel integration
-- uploaded and has not yet named in an inbound message. Images also have a re-encoded copy for display
-- and a thumbnail (metadata removed); their original is kept as evidence and never served.
CREATE TABLE attachments (
  id text PRIMARY KEY,
  case_id text REFERENCES cases (id),
  uploaded_by text NOT NULL REFERENCES users (id),
  file_name text NOT NULL,
  media_type text NOT NULL,
  size bigint NOT NULL CHECK (size > 0),
  sha256 text NOT NULL,
  display_sha256 text,
  thumbnail_sha256 text,
  created_ms bigint NOT NULL
);
CREATE INDEX attachments_case ON attachments (case_id);
CREATE INDEX attachments_unbound ON attachments (uploaded_by) WHERE case_id IS NULL;
