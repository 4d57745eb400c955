import type { CaseEvent } from '../domain/case';
import type { WorkflowStep, WorkflowStepDetail } from '../domain/workflow';
import { checkStep, stepsOf } from '../workflow';
import { canActOn } from './caseAccess';
import { edited, eventOn } from './caseEdits';
import { applied, notPermitted, refuse, refused, type CaseRule } from './ruleTypes';

/** A step's details as an event's flat data: money as minor units and currency, so the trail reads without the case. */
function flatDetail(detail: WorkflowStepDetail): CaseEvent['data'] {
  const data: CaseEvent['data'] = {};
  for (const [key, value] of Object.entries(detail)) {
    if (value === undefined) continue;
    if (typeof value === 'object') {
      data[`${key}Minor`] = value.amountMinor;
      data[`${key}Currency`] = value.currency;
    } else data[key] = value;
  }
  return data;
}

/**
 * Records one after-sales step (issue 17). The order of the process is checkStep's (src-shared/workflow);
 * the same stepId twice is a re-send and changes nothing; a done case still takes steps, because a refund
 * often settles after the case was solved. The step goes into the case's trail as a workflow_step event.
 */
export const recordStepRule: CaseRule<'case.recordStep@1'> = {
  permit: (subject, _args, ctx) => (canActOn(ctx.actor, subject) ? null : notPermitted(subject.id)),
  decide(subject, args, ctx) {
    if (stepsOf(subject).some((step) => step.stepId === args.step.stepId)) return applied();
    const refusal = checkStep(subject, args.step, ctx.now);
    if (refusal) return refused(refuse('INVALID_TRANSITION', refusal.because, refusal.message, {}, refusal.params));
    const step: WorkflowStep = {
      ...args.step,
      recordedAt: ctx.now,
      recordedBy: ctx.actor.role === 'integration' ? null : ctx.actor.id,
      source: ctx.actor.role === 'integration' ? 'integration' : 'agent',
    };
    return applied({
      cases: [edited(subject, ctx, { workflowSteps: [...stepsOf(subject), step] })],
      events: [
        eventOn(subject, ctx, 'workflow_step', {
          stepId: step.stepId,
          on: step.on,
          source: step.source,
          ...flatDetail(args.step.detail),
        }),
      ],
    });
  },
};
