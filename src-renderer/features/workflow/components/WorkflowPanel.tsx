import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import Typography from '@mui/material/Typography';
import CheckCircleIcon from '@mui/icons-material/CheckCircle';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseDetail } from '../../../../src-shared/contract/workstation';
import { toMajor, type Money } from '../../../../src-shared/domain/money';
import type { WorkflowStep, WorkflowStepKind } from '../../../../src-shared/domain/workflow';
import { stepsOf } from '../../../../src-shared/workflow';
import { marketDateOf, nextSteps } from '../stepForm';
import { StepDialog } from './StepDialog';
import { useRecordStep } from '../hooks/useRecordStep';

function formatDay(language: string, date: string): string {
  return new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeZone: 'UTC' }).format(
    Date.parse(`${date}T00:00:00Z`),
  );
}

function formatMoney(language: string, money: Money): string {
  return new Intl.NumberFormat(language, { style: 'currency', currency: money.currency }).format(toMajor(money));
}

/** The one fact of a recorded step worth reading at a glance: its tracking number, amount or outcome. */
function useStepSummary(): (step: WorkflowStep) => string | null {
  const { t, i18n } = useTranslation('workflow');
  const language = i18n.language;
  return (step) => {
    const { detail } = step;
    switch (detail.kind) {
      case 'label_issued':
      case 'replacement_shipped':
      case 'shipped_back':
        return `${detail.carrier} · ${detail.trackingNumber}`;
      case 'in_transit':
      case 'delivered':
        return detail.trackingNumber ?? null;
      case 'refund_issued':
        return `${formatMoney(language, detail.amount)} · ${t(`option.${detail.method}`)}`;
      case 'difference_refunded':
        return formatMoney(language, detail.amount);
      case 'inspected':
        return t(`option.${detail.outcome}`);
      case 'refused':
        return t(`option.${detail.ground}`);
      case 'diagnosed':
        return t(`option.${detail.coverage}`);
      case 'repaired':
        return t(`option.${detail.outcome}`);
      case 'chargeback_resolved':
        return t(`option.${detail.outcome}`);
      case 'withdrawal_declared':
        return t(`option.${detail.via}`);
      default:
        return null;
    }
  };
}

/**
 * The case's after-sales process as a timeline (issue 17): what is recorded, with its date, then the steps
 * that may come next as buttons. A withdrawal is usually the customer's first message: one click records
 * that message's day in the customer's zone.
 */
export function WorkflowPanel({ detail, serverNowMs }: { detail: CaseDetail; serverNowMs: number }) {
  const { t, i18n } = useTranslation(['workflow', 'domain']);
  const language = i18n.language;
  const caseRecord = detail.case;
  const zone = caseRecord.customer.timeZone;
  const today = marketDateOf(serverNowMs, zone);
  const summary = useStepSummary();
  const { record, feedback } = useRecordStep(caseRecord.id);
  const [open, setOpen] = useState<WorkflowStepKind | null>(null);
  const steps = stepsOf(caseRecord);
  const next = nextSteps(caseRecord, new Date(serverNowMs).toISOString());
  const firstMessage = detail.messages.find((message) => message.direction === 'inbound');
  const withdrawalFromMessage = firstMessage !== undefined && next.includes('withdrawal_declared');

  return (
    <Box sx={{ display: 'grid', gap: 1 }} data-testid="workflow-panel">
      {steps.length === 0 ? (
        <Typography variant="body2" color="text.secondary">
          {t('nothingYet')}
        </Typography>
      ) : (
        <Box component="ol" sx={{ m: 0, p: 0, listStyle: 'none', display: 'grid', gap: 0.75 }}>
          {steps.map((step) => {
            const fact = summary(step);
            return (
              <Box
                component="li"
                key={step.stepId}
                data-step={step.detail.kind}
                sx={{ display: 'grid', gridTemplateColumns: 'auto 1fr', columnGap: 1, alignItems: 'start' }}
              >
                <CheckCircleIcon fontSize="small" sx={{ color: '#2e7d32', mt: '2px' }} aria-hidden />
                <Box>
                  <Typography variant="body2" sx={{ fontWeight: 600 }}>
                    {t(`domain:workflowStep.${step.detail.kind}`)}{' '}
                    <Typography component="time" variant="body2" dateTime={step.on} color="text.secondary">
                      {formatDay(language, step.on)}
                    </Typography>
                    {step.source === 'integration' && (
                      <Chip size="small" variant="outlined" label={t('viaIntegration')} sx={{ ml: 0.5 }} />
                    )}
                  </Typography>
                  {fact !== null && (
                    <Typography variant="body2" color="text.secondary">
                      <bdi>{fact}</bdi>
                    </Typography>
                  )}
                </Box>
              </Box>
            );
          })}
        </Box>
      )}
      {next.length > 0 && (
        <Box sx={{ display: 'grid', gap: 0.5 }}>
          <Typography variant="body2" color="text.secondary">
            {t('next')}
          </Typography>
          {withdrawalFromMessage && (
            <Button
              size="small"
              variant="contained"
              onClick={() =>
                void record(
                  {
                    on: marketDateOf(firstMessage.createdAt, zone),
                    detail: { kind: 'withdrawal_declared', via: 'message', messageId: firstMessage.id },
                  },
                  t('domain:workflowStep.withdrawal_declared'),
                )
              }
            >
              {t('fromFirstMessage', { date: formatDay(language, marketDateOf(firstMessage.createdAt, zone)) })}
            </Button>
          )}
          <Box sx={{ display: 'flex', flexWrap: 'wrap', gap: 0.5 }}>
            {next.map((kind) => (
              <Button key={kind} size="small" variant="outlined" onClick={() => setOpen(kind)}>
                {t(`domain:workflowStep.${kind}`)}
              </Button>
            ))}
          </Box>
        </Box>
      )}
      {feedback !== null && (
        <Typography
          variant="body2"
          role={feedback.severity === 'error' ? 'alert' : 'status'}
          color={feedback.severity === 'error' ? 'error' : 'text.secondary'}
        >
          {feedback.text}
        </Typography>
      )}
      {open !== null && (
        <StepDialog
          kind={open}
          caseRecord={caseRecord}
          today={today}
          onClose={() => setOpen(null)}
          onSave={async (step) => {
            if (await record(step, t(`domain:workflowStep.${open}`))) setOpen(null);
          }}
        />
      )}
    </Box>
  );
}
