import { describe, expect, it } from 'vitest';
import { RubricSchema, type Rubric } from '../../src-shared/training/rubric';
import { sampleRubricDraft } from '../../src-shared/training/rubricFixture';
import { DRIVERS, serverSuite } from '../testing/harness';
import { useRubric } from './rubrics';

const RUBRICS = '/api/v1/training/rubrics';

describe.each(DRIVERS)('training rubrics on %s', (driver) => {
  const suite = serverSuite(driver, (clock) => ({ clock: clock.now }));
  let keys = 0;
  const freshKey = () => `qa.test-${driver}-${++keys}`;

  it('saves version 1, rewords in place, and makes a new version only for a scoring change', async () => {
    const { as } = await suite.setup();
    const trainer = await as('trainer');
    const key = freshKey();
    const draft = sampleRubricDraft(key);
    const first = await trainer.call<{ rubric: Rubric; created: boolean }>('POST', RUBRICS, draft);
    expect(first.status).toBe(201);
    expect(first.body.rubric).toMatchObject({ key, version: 1, status: 'active', used: false });

    const reworded = {
      ...draft,
      title: { ...draft.title, en: 'After-sales QA (EU)' },
      criteria: [...draft.criteria].reverse(),
    };
    const same = await trainer.call<{ rubric: Rubric; created: boolean }>('POST', RUBRICS, reworded);
    expect(same.status).toBe(200);
    expect(same.body).toMatchObject({ created: false, rubric: { version: 1, title: { en: 'After-sales QA (EU)' } } });

    const rescored = { ...draft, criteria: draft.criteria.map((c, i) => (i === 3 ? { ...c, points: 20 } : c)) };
    const second = await trainer.call<{ rubric: Rubric; created: boolean }>('POST', RUBRICS, rescored);
    expect(second.status).toBe(201);
    expect(second.body.rubric.version).toBe(2);

    const list = await trainer.call<{ rubrics: Rubric[] }>('GET', RUBRICS);
    const mine = list.body.rubrics.filter((rubric) => rubric.key === key).map((rubric) => RubricSchema.parse(rubric));
    // The old version keeps its own scoring: what it scored stays explainable.
    expect(mine.map((rubric) => [rubric.version, rubric.criteria[3]?.points])).toEqual([
      [2, 20],
      [1, 10],
    ]);
  });

  it('deletes a rubric that scored nothing; a used one is refused and can only be retired', async () => {
    const { as } = await suite.setup();
    const trainer = await as('trainer');
    const unused = freshKey();
    await trainer.call('POST', RUBRICS, sampleRubricDraft(unused));
    const deleted = await trainer.call('DELETE', `${RUBRICS}/${unused}`);
    expect(deleted).toMatchObject({ status: 200, body: { deletedVersions: 1 } });

    const used = freshKey();
    await trainer.call('POST', RUBRICS, sampleRubricDraft(used));
    await suite.db.transaction((tx) => useRubric(tx, used, 1, suite.clock.ms));
    const refused = await trainer.call<{ error: { code: string; details: unknown } }>('DELETE', `${RUBRICS}/${used}`);
    expect(refused.status).toBe(409);
    expect(refused.body.error).toMatchObject({ code: 'CONFLICT', details: { reason: 'RUBRIC_IN_USE', versions: [1] } });

    const retired = await trainer.call<{ rubrics: Rubric[] }>('POST', `${RUBRICS}/${used}/retire`);
    expect(retired.body.rubrics.map((rubric) => [rubric.version, rubric.status, rubric.used])).toEqual([
      [1, 'retired', true],
    ]);
    // Retired: no new version, and nothing new scores with it; the row is still there.
    const again = await trainer.call<{ error: { details: unknown } }>('POST', RUBRICS, sampleRubricDraft(used));
    expect(again).toMatchObject({ status: 409, body: { error: { details: { reason: 'RUBRIC_RETIRED' } } } });
    await expect(suite.db.transaction((tx) => useRubric(tx, used, 1, suite.clock.ms))).rejects.toThrow(/retired/);
    const rows = await suite.db.query('SELECT version FROM training_rubrics WHERE key = $1', [used]);
    expect(rows).toHaveLength(1);
  });

  it('refuses agents and supervisors, and bad drafts with a 400 that changes nothing', async () => {
    const { as } = await suite.setup();
    const key = freshKey();
    for (const role of ['agentA1', 'supervisorA'] as const) {
      const client = await as(role);
      expect((await client.call('GET', RUBRICS)).status).toBe(403);
      expect((await client.call('POST', RUBRICS, sampleRubricDraft(key))).status).toBe(403);
    }
    const trainer = await as('trainer');
    const draft = sampleRubricDraft(key);
    const badWeights = { ...draft, categories: draft.categories.map((c) => ({ ...c, weight: 10 })) };
    for (const body of [badWeights, { ...draft, key: 'Bad Key' }, { ...draft, criteria: [] }, 'text', null])
      expect((await trainer.call('POST', RUBRICS, body)).status).toBe(400);
    expect((await trainer.call('DELETE', `${RUBRICS}/${freshKey()}`)).status).toBe(404);
    const rows = await suite.db.query('SELECT 1 FROM training_rubrics WHERE key = $1', [key]);
    expect(rows).toHaveLength(0);
  });
});
