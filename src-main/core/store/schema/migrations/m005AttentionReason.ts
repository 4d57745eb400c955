/**
 * Migration 005: the server's machine reason for a refused action (key + params as JSON), so Needs
 * attention words it in the agent's language. Items stored before it have none (NULL): the code's text stands alone.
 */
export const m005AttentionReason = `
ALTER TABLE attention ADD COLUMN reason TEXT;
`;
