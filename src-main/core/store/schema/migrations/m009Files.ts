/**
 * Migration 009 (issue 18): files on the desk. pending_files holds what the agent attached until the central
 * API has it (bytes dropped once uploaded; the row stays so the optimistic reply can still name the file);
 * file_cache holds downloaded thumbnails and originals, the least recently used going first when it is full.
 */
export const m009Files = `
CREATE TABLE pending_files (
  id TEXT PRIMARY KEY,
  case_id TEXT NOT NULL,
  data TEXT NOT NULL,
  bytes BLOB,
  state TEXT NOT NULL CHECK (state IN ('pending', 'uploaded', 'refused')),
  refusal TEXT,
  added_seq INTEGER NOT NULL
) STRICT;
CREATE INDEX pending_files_state ON pending_files (state, added_seq);

CREATE TABLE file_cache (
  attachment_id TEXT NOT NULL,
  variant TEXT NOT NULL,
  media_type TEXT NOT NULL,
  bytes BLOB NOT NULL,
  size INTEGER NOT NULL,
  used_seq INTEGER NOT NULL,
  PRIMARY KEY (attachment_id, variant)
) STRICT;
CREATE INDEX file_cache_used ON file_cache (used_seq);
`;
