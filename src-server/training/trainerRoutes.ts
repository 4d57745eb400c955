import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import { RubricDraftSchema, RubricKeySchema } from '../../src-shared/training/rubric';
import type { App } from '../app';
import type { Principal } from '../auth/principal';
import type { Db } from '../db/db';
import { HttpError } from '../http/httpError';
import { deleteRubric, listRubrics, retireRubric, saveRubric } from './rubrics';

export interface TrainerRouteDeps {
  db: Db;
  now: () => number;
  principalOf(request: FastifyRequest): Promise<Principal>;
}

/** Trainers run training; an admin may do all they do. Agents, supervisors and integrations may not. */
export function requireTrainer(principal: Principal): Principal {
  if (principal.role !== 'trainer' && principal.role !== 'admin')
    throw new HttpError(403, 'FORBIDDEN', 'only a trainer or an admin may do this');
  return principal;
}

const KeyParamsSchema = z.object({ key: RubricKeySchema });

/** The trainer's side of issue 16 under /api/v1/training: rubrics (reviews, calibrations and results join them). */
export function registerTrainerRoutes(fastify: App['fastify'], deps: TrainerRouteDeps): void {
  const { db, now } = deps;
  const trainer = async (request: FastifyRequest) => requireTrainer(await deps.principalOf(request));

  fastify.get('/api/v1/training/rubrics', async (request) => {
    await trainer(request);
    return { rubrics: await listRubrics(db) };
  });

  fastify.post('/api/v1/training/rubrics', async (request, reply) => {
    const principal = await trainer(request);
    const saved = await saveRubric(db, RubricDraftSchema.parse(request.body), principal.id, now());
    return reply.code(saved.created ? 201 : 200).send(saved);
  });

  fastify.post('/api/v1/training/rubrics/:key/retire', async (request) => {
    await trainer(request);
    const { key } = KeyParamsSchema.parse(request.params);
    return { rubrics: await retireRubric(db, key) };
  });

  fastify.delete('/api/v1/training/rubrics/:key', async (request) => {
    await trainer(request);
    const { key } = KeyParamsSchema.parse(request.params);
    return deleteRubric(db, key);
  });
}
