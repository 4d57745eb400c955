import type { CaseType } from '../domain/caseType';

/**
 * What customers and agents write in one language. `{order}` stands for the order number; privacy
 * requests never mention one. Sentences are written as real customers write them, per case type.
 */
export interface DemoTexts {
  subjects: Readonly<Record<CaseType, string>>;
  openings: Readonly<Record<CaseType, readonly string[]>>;
  /** The customer writing again in the same case. */
  followUps: readonly string[];
  /** An agent's answer in the customer's language. */
  replies: readonly string[];
}

export function fillTemplate(text: string, order: string): string {
  return text.replaceAll('{order}', order);
}
