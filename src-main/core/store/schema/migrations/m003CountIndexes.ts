/**
 * Migration 003, measured at 100,000 cases where the table rows (whole case JSON) are hundreds of MB:
 * view counts answered from an index alone (a count that visits rows for team, market or type took
 * 100+ ms), and the market filter of the "all" view read in sort order instead of sorting a market.
 */
export const m003CountIndexes = `
CREATE INDEX cases_counts ON cases (assignee_id, state_group, sla_sort, team_id, market, type);
CREATE INDEX cases_market ON cases (market, type);
CREATE INDEX cases_type ON cases (type);
CREATE INDEX cases_market_sla ON cases (market, sla_sort);
CREATE INDEX cases_market_priority ON cases (market, priority_sort, sla_sort);
CREATE INDEX cases_market_age ON cases (market, created_ms);
`;
