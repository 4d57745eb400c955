import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import { RubricDraftSchema, RubricKeySchema } from '../../src-shared/training/rubric';
import {
  CalibrationRatingsRequestSchema,
  CalibrationRequestSchema,
  OverridesRequestSchema,
  ReleaseRequestSchema,
} from '../../src-shared/training/review';
import type { App } from '../app';
import type { Principal } from '../auth/principal';
import type { Db } from '../db/db';
import { HttpError } from '../http/httpError';
import { closeCalibration, createCalibration, getCalibration, listCalibrations, rateCalibration } from './calibrations';
import { overrideCriteria, releaseReview, runForReview } from './reviews';
import { deleteRubric, listRubrics, retireRubric, saveRubric } from './rubrics';
import { assignmentProgress, recentRuns, resultsFor } from './trainerResults';

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
const RunParamsSchema = z.object({ runId: z.uuid() });
const CalibrationParamsSchema = z.object({ id: z.uuid() });

/** The trainer's side of issue 16 under /api/v1/training: rubrics, reviews, calibrations, progress and results. */
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

  fastify.get('/api/v1/training/runs', async (request) => ({ runs: await recentRuns(db, await trainer(request)) }));

  fastify.get('/api/v1/training/runs/:runId/review', async (request) => {
    const principal = await trainer(request);
    const { runId } = RunParamsSchema.parse(request.params);
    return runForReview(db, principal, runId);
  });

  fastify.post('/api/v1/training/runs/:runId/overrides', async (request) => {
    const principal = await trainer(request);
    const { runId } = RunParamsSchema.parse(request.params);
    const { overrides } = OverridesRequestSchema.parse(request.body);
    return { review: await overrideCriteria(db, principal, runId, overrides, now()) };
  });

  fastify.post('/api/v1/training/runs/:runId/release', async (request) => {
    const principal = await trainer(request);
    const { runId } = RunParamsSchema.parse(request.params);
    const { feedback } = ReleaseRequestSchema.parse(request.body);
    return { review: await releaseReview(db, principal, runId, feedback, now()) };
  });

  fastify.get('/api/v1/training/calibrations', async (request) => {
    const principal = await trainer(request);
    return { calibrations: await listCalibrations(db, principal) };
  });

  fastify.post('/api/v1/training/calibrations', async (request, reply) => {
    const principal = await trainer(request);
    const calibration = await createCalibration(db, principal, CalibrationRequestSchema.parse(request.body), now());
    return reply.code(201).send({ calibration });
  });

  fastify.get('/api/v1/training/calibrations/:id', async (request) => {
    const principal = await trainer(request);
    const { id } = CalibrationParamsSchema.parse(request.params);
    return { calibration: await getCalibration(db, principal, id) };
  });

  fastify.post('/api/v1/training/calibrations/:id/ratings', async (request) => {
    const principal = await trainer(request);
    const { id } = CalibrationParamsSchema.parse(request.params);
    const { ratings } = CalibrationRatingsRequestSchema.parse(request.body);
    return { calibration: await rateCalibration(db, principal, id, ratings, now()) };
  });

  fastify.post('/api/v1/training/calibrations/:id/close', async (request) => {
    const principal = await trainer(request);
    const { id } = CalibrationParamsSchema.parse(request.params);
    return { calibration: await closeCalibration(db, principal, id, now()) };
  });

  fastify.get('/api/v1/training/progress', async (request) => {
    const principal = await trainer(request);
    return { assignments: await assignmentProgress(db, principal, now()) };
  });

  fastify.get('/api/v1/training/results', async (request) => resultsFor(db, await trainer(request)));
}
