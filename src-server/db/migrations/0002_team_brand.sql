-- Team.brand (src-shared/domain/user.ts): the seller's brand or shop name replies to the team's cases are
-- signed with. Teams stored before it existed take their own name until an administrator sets the brand,
-- so every reply has a sender; the field is optional in the wire schema for older servers.
UPDATE teams SET data = jsonb_set(data, '{brand}', to_jsonb(data->>'name')) WHERE NOT (data ? 'brand');
