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
  function ask<M extends TrainerMethod>(method: M, verb: 'GET' | 'POST', path: string, body?: unknown) {
    const call = current.sync.serverJson;
    if (!call) return Promise.reject(new StoreError('OFFLINE', 'No central API is configured for training.'));
    return call(verb, path, workstationContract[method].output, body);
  }
  const run = (runId: string) => `/api/v1/training/runs/${encodeURIComponent(runId)}`;
  return {
    'training:progress': () => ask('training:progress', 'GET', '/api/v1/training/progress'),
    'training:assign': (input) => ask('training:assign', 'POST', '/api/v1/training/assignments', input),
    'training:runs': () => ask('training:runs', 'GET', '/api/v1/training/runs'),
    'training:review': (input) => ask('training:review', 'GET', `${run(input.runId)}/review`),
    'training:override': (input) =>
      ask('training:override', 'POST', `${run(input.runId)}/overrides`, { overrides: input.overrides }),
    'training:release': (input) =>
      ask('training:release', 'POST', `${run(input.runId)}/release`, { feedback: input.feedback }),
    'training:results': () => ask('training:results', 'GET', '/api/v1/training/results'),
    'training:rubrics': () => ask('training:rubrics', 'GET', '/api/v1/training/rubrics'),
  };
}
