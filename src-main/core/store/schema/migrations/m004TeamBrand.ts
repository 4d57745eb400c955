/**
 * Migration 004: Team.brand, the seller's brand replies to the team's cases are signed with. Teams
 * synced before the field existed (and a half-received bootstrap's staged teams) take their own name,
 * as the central API's migration 0002 does, until the server sends the brand.
 */
export const m004TeamBrand = `
UPDATE teams SET data = json_set(data, '$.brand', json_extract(data, '$.name')) WHERE json_type(data, '$.brand') IS NULL;
UPDATE bootstrap_stage SET data = json_set(data, '$.brand', json_extract(data, '$.name'))
  WHERE entity = 'team' AND json_type(data, '$.brand') IS NULL;
`;
