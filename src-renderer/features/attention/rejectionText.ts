import type { TFunction } from 'i18next';
import { CaseStatusSchema } from '../../../src-shared/domain/caseStatus';
import { isWorkflowStepKind } from '../../../src-shared/domain/workflow';
import { REJECTION_REASONS, type RejectionReason, type RejectionReasonKey } from '../../../src-shared/sync/mutations';

function isKnownReason(key: string): key is RejectionReasonKey {
  return (REJECTION_REASONS as readonly string[]).includes(key);
}

const STATUS_PARAMS = new Set(['status', 'from', 'to']);
const STEP_PARAMS = new Set(['step', 'needs']);

/**
 * The server's reason for a refusal in the agent's language, case statuses translated; null when the
 * server sent none or a key this app does not know yet (the code's own text then stands alone).
 */
export function rejectionDetail(
  t: TFunction<['attention', 'domain']>,
  reason: RejectionReason | null | undefined,
): string | null {
  if (reason === null || reason === undefined || !isKnownReason(reason.key)) return null;
  const param = (name: string): string => {
    const value = reason.params[name];
    if (value === undefined) return '';
    const status = STATUS_PARAMS.has(name) ? CaseStatusSchema.safeParse(value) : null;
    if (status?.success) return t(`domain:status.${status.data}`);
    const text = String(value);
    return STEP_PARAMS.has(name) && isWorkflowStepKind(text) ? t(`domain:workflowStep.${text}`) : text;
  };
  return t(`detail.${reason.key}`, {
    status: param('status'),
    from: param('from'),
    to: param('to'),
    name: param('name'),
    step: param('step'),
    needs: param('needs'),
    currency: param('currency'),
    on: param('on'),
    limit: param('limit'),
  });
}
