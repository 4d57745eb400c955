import { z } from 'zod';

export const FINDING_CODES = [
  'unfilled_placeholder',
  'missing_fact',
  'order_id_mismatch',
  'amount_mismatch',
  'date_mismatch',
  'informal_address',
  'colloquial_register',
  'missing_honorific',
  'return_window_shorter_than_statutory',
  'return_deadline_before_statutory',
  'refund_slower_than_statutory',
  'stale_translation',
  'fallback_language',
] as const;
export const FindingCodeSchema = z.enum(FINDING_CODES);
export type FindingCode = z.infer<typeof FindingCodeSchema>;

/** error blocks sending; warning needs the agent to look; info is shown beside the draft. */
export const FindingSeveritySchema = z.enum(['error', 'warning', 'info']);
export type FindingSeverity = z.infer<typeof FindingSeveritySchema>;

export const FindingSchema = z.object({
  code: FindingCodeSchema,
  severity: FindingSeveritySchema,
  /** i18n key for the agent's UI language: replies.finding.<code>. */
  messageKey: z.string(),
  params: z.record(z.string(), z.union([z.string(), z.number()])),
});
export type Finding = z.infer<typeof FindingSchema>;

export function finding(code: FindingCode, severity: FindingSeverity, params: Finding['params'] = {}): Finding {
  return { code, severity, messageKey: `replies.finding.${code}`, params };
}
