/** Migration 002: agents search by case reference (CD-104233) all the time; find it by index. */
export const m002RefIndex = `
CREATE INDEX cases_ref ON cases (ref);
`;
