import type { z } from 'zod';
import { workstationContract, type MethodName } from '../../../src-shared/contract/workstation';
import { StoreError } from '../store';
import type { ContractHandlers } from './contractCalls';
import type { CurrentConnection } from './currentConnection';

type TrainerMethod = Extract<MethodName, `training:${string}`>;

/**
 * The trainer's contract methods (the Training section): each is one online request to the central API
 * as the signed-in trainer, which judges it again (a trainer sees only the runs of agents they train).
 * Offline, or without a central API, they answer OFFLINE; the core has refused anyone but trainers and
 * admins before this runs (contractCalls).
 */
export function trainerHandlers(current: CurrentConnection): Pick<ContractHandlers, TrainerMethod> {
  function ask<S extends z.ZodType>(
    schema: S,
    verb: 'GET' | 'POST',
    path: string,
    body?: unknown,
  ): Promise<z.infer<S>> {
    const call = current.sync.serverJson;
    if (!call) return Promise.reject(new StoreError('OFFLINE', 'No central API is configured for training.'));
    return call(verb, path, schema, body);
  }
  const c = workstationContract;
  const run = (runId: string) => `/api/v1/training/runs/${encodeURIComponent(runId)}`;
  return {
    'training:progress': () => ask(c['training:progress'].output, 'GET', '/api/v1/training/progress'),
    'training:assign': (input) => ask(c['training:assign'].output, 'POST', '/api/v1/training/assignments', input),
    'training:runs': () => ask(c['training:runs'].output, 'GET', '/api/v1/training/runs'),
    'training:review': (input) => ask(c['training:review'].output, 'GET', `${run(input.runId)}/review`),
    'training:override': (input) =>
      ask(c['training:override'].output, 'POST', `${run(input.runId)}/overrides`, { overrides: input.overrides }),
    'training:release': (input) =>
      ask(c['training:release'].output, 'POST', `${run(input.runId)}/release`, { feedback: input.feedback }),
    'training:results': () => ask(c['training:results'].output, 'GET', '/api/v1/training/results'),
    'training:rubrics': () => ask(c['training:rubrics'].output, 'GET', '/api/v1/training/rubrics'),
  };
}
