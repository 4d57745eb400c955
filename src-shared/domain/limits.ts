/**
 * Lengths the workstation, the wire and the server hold text to. The composer, search box and tag fields
 * count against these before the agent hits them, so a refusal is never the first sign of a limit.
 */
export const TEXT_LIMITS = {
  /** A reply or internal note. */
  messageBody: 20_000,
  searchText: 200,
  tag: 64,
} as const;

/** From this share of a limit on, the field shows its count. */
export const COUNTER_FROM_SHARE = 0.9;
