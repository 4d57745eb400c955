import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { WorkflowStepInput } from '../../../../src-shared/domain/workflow';
import { RejectionReasonSchema } from '../../../../src-shared/sync/mutations';
import { useWorkstation } from '../../../contract/WorkstationProvider';
import { contractErrorText } from '../../../i18n/contractErrorText';
import { rejectionDetail } from '../../attention/rejectionText';

export type Feedback = { severity: 'ok' | 'error'; text: string };

/**
 * Records a step through the contract (saved locally with its outbox row, synced later) and says the outcome
 * in the agent's language: the case rules' own reason when they refused ("a label needs an authorised return").
 */
export function useRecordStep(caseId: string) {
  const api = useWorkstation();
  const { t } = useTranslation(['workflow', 'attention', 'domain']);
  const { t: tApp } = useTranslation('app');
  const { t: tAttention } = useTranslation(['attention', 'domain']);
  const [feedback, setFeedback] = useState<Feedback | null>(null);

  async function record(step: Omit<WorkflowStepInput, 'stepId'>, name: string): Promise<boolean> {
    const result = await api['cases:recordStep']({ caseId, step: { ...step, stepId: crypto.randomUUID() } });
    if (result.ok) {
      setFeedback({ severity: 'ok', text: t('recorded', { step: name }) });
      return true;
    }
    const reason = RejectionReasonSchema.safeParse(Object(result.error.details).reason);
    const why = reason.success ? rejectionDetail(tAttention, reason.data) : null;
    setFeedback({ severity: 'error', text: t('failed', { message: why ?? contractErrorText(tApp, result.error) }) });
    return false;
  }

  return { record, feedback };
}
