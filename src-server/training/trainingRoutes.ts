import type { FastifyRequest } from 'fastify';
import { AssignmentRequestSchema, RunUploadRequestSchema, TrainingPullRequestSchema } from '../../src-shared/training';
import type { App } from '../app';
import type { Principal } from '../auth/principal';
import type { Db } from '../db/db';
import { createAssignment } from './assignments';
import { acceptRun } from './runs';
import { publishScenario } from './scenarioVersions';
import { pullTraining } from './trainingPull';

export interface TrainingRouteDeps {
  db: Db;
  now: () => number;
  principalOf(request: FastifyRequest): Promise<Principal>;
}

/**
 * Practice's routes (issue 16): its sync scope (`/sync/v1/training/*`) and what trainers publish and assign
 * (`/api/v1/training/*`). Every body is parsed by its zod schema first: bad input is a 400 that changes nothing.
 */
export function registerTrainingRoutes(fastify: App['fastify'], deps: TrainingRouteDeps): void {
  const { db, now, principalOf } = deps;

  fastify.post('/sync/v1/training/pull', async (request) => {
    const principal = await principalOf(request);
    return pullTraining(db, principal, TrainingPullRequestSchema.parse(request.body));
  });

  fastify.post('/sync/v1/training/runs', async (request, reply) => {
    const principal = await principalOf(request);
    const { run } = RunUploadRequestSchema.parse(request.body);
    const { isNew, ...answer } = await acceptRun(db, principal, run, now());
    return reply.code(isNew ? 201 : 200).send(answer);
  });

  fastify.post('/api/v1/training/scenarios', async (request, reply) => {
    const principal = await principalOf(request);
    const published = await publishScenario(db, principal, request.body, now());
    return reply.code(published.status === 'published' ? 201 : 200).send(published);
  });

  fastify.post('/api/v1/training/assignments', async (request, reply) => {
    const principal = await principalOf(request);
    const created = await createAssignment(db, principal, AssignmentRequestSchema.parse(request.body), now());
    return reply.code(created.status === 'created' ? 201 : 200).send(created);
  });
}
