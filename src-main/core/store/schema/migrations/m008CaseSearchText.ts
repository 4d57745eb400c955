import { INDEX_CASE_RANGE } from '../../search/caseSearchText';

/**
 * Migration 008: a case's search entry holds its contact addresses, its order number without separators
 * and its product titles as well (issue 14 item 11). The entries of indexed cases are rebuilt; cases a
 * bootstrap left to the search backlog get theirs from it, with the same text.
 */
export const m008CaseSearchText = `
INSERT INTO case_fts (case_fts) VALUES ('delete-all');
${INDEX_CASE_RANGE.replace('rid > ? AND rid <= ?', 'rid > coalesce((SELECT search_backlog_cases FROM sync_state WHERE singleton = 1), 0)')};
`;
