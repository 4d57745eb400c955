/**
 * Migration 006: a bootstrap's search entries are built after its generation is swapped in
 * (searchBacklog.ts). Rows whose rid is at most these are not in the search indexes yet; 0: none.
 */
export const m006SearchBacklog = `
ALTER TABLE sync_state ADD COLUMN search_backlog_cases INTEGER NOT NULL DEFAULT 0;
ALTER TABLE sync_state ADD COLUMN search_backlog_messages INTEGER NOT NULL DEFAULT 0;
`;
