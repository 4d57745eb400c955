import type { Case } from '../../src-shared/domain/case';
import { placeholderSlaDueAt } from '../../src-shared/demo/placeholderSla';

/**
 * Case.slaDueAt after a change. Uses the calendar-hours stand-in shared with the demo data until the
 * business-hours SLA engine (src-shared/sla, nextSlaDueAt) lands; client and server then switch together.
 */
export function slaDueAt(data: Case): string | null {
  return placeholderSlaDueAt(data);
}
