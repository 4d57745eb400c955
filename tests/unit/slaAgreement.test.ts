import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CaseDetail } from '../../src-shared/contract/workstation';
import type { Case, CaseEvent, Message, Note } from '../../src-shared/domain/case';
import type { Team } from '../../src-shared/domain/user';
import { slaPanelModel } from '../../src-renderer/features/sla/slaView';
import { visibleSlaDue } from '../../src-main/core/workstation/visibleSla';
import { seedDemo } from '../../src-server/seed/seedDemo';
import { refreshSlaDue } from '../../src-server/sync/slaDue';
import { openTestDb, type TestDb } from '../../src-server/testing/harness';

const NOW = '2026-11-25T12:00:00.000Z';
const CASES = 200;
const RUNNING = new Set(['active', 'warning', 'breached']);

/**
 * Issue 12 part 2: the server's Case.slaDueAt, the SLA panel, the queue countdown and the demo data build
 * the SLA timeline and calendars the same way (src-shared/sla: slaTimelineFromCase, caseSlaSetup), so for
 * every demo case the deadline the server computes is the one the panel and the queue show.
 */
describe('one SLA input for server, panel, queue and demo data', { timeout: 120_000 }, () => {
  let testDb: TestDb;
  const details: CaseDetail[] = [];
  const generated = new Map<string, string | null>();
  let teams: Team[] = [];

  beforeAll(async () => {
    testDb = await openTestDb('pglite');
    await seedDemo(testDb.db, Date.parse(NOW), CASES);
    const cases = (await testDb.db.query<{ data: Case }>('SELECT data FROM cases ORDER BY id')).map((row) => row.data);
    for (const c of cases) generated.set(c.id, c.slaDueAt);
    // The server's own computation, as a push that changed every case would run it.
    await testDb.db.transaction((tx) => refreshSlaDue(tx, cases, { messages: [], events: [] }, Date.parse(NOW)));
    teams = (await testDb.db.query<{ data: Team }>('SELECT data FROM teams')).map((row) => row.data);
    const messages = await testDb.db.query<{ data: Message }>('SELECT data FROM messages');
    const notes = await testDb.db.query<{ data: Note }>('SELECT data FROM notes');
    const events = await testDb.db.query<{ data: CaseEvent }>('SELECT data FROM case_events');
    for (const c of cases) {
      details.push({
        case: c,
        messages: messages.filter((row) => row.data.caseId === c.id).map((row) => ({ ...row.data, isPending: false })),
        notes: notes.filter((row) => row.data.caseId === c.id).map((row) => ({ ...row.data, isPending: false })),
        events: events.filter((row) => row.data.caseId === c.id).map((row) => row.data),
        pendingMutationCount: 0,
      });
    }
  });
  afterAll(() => testDb?.dispose());

  function panelDue(detail: CaseDetail): string | null {
    const model = slaPanelModel(detail, teams, Date.parse(NOW));
    if (model.kind !== 'ready') throw new Error(`no team for ${detail.case.ref}`);
    const running = model.targets.filter((target) => RUNNING.has(target.state) && target.dueAt !== null);
    const earliest = running.map((target) => Date.parse(target.dueAt ?? '')).sort((a, b) => a - b)[0];
    return earliest === undefined ? null : new Date(earliest).toISOString();
  }

  it('gives every demo case the same deadline on the server, in the panel, in the queue and in the demo data', () => {
    expect(details).toHaveLength(CASES);
    const disagreements = details.flatMap((detail) => {
      const server = detail.case.slaDueAt;
      const seen = {
        panel: panelDue(detail),
        queue: visibleSlaDue(detail, teams, 0, Date.parse(NOW)),
        demo: generated.get(detail.case.id) ?? null,
      };
      return Object.entries(seen)
        .filter(([, due]) => due !== server)
        .map(([where, due]) => `${detail.case.ref} (${detail.case.status}): server ${server}, ${where} ${due}`);
    });
    expect(disagreements).toEqual([]);
    // Not a vacuous agreement: most open demo cases have a running deadline.
    expect(details.filter((detail) => detail.case.slaDueAt !== null).length).toBeGreaterThan(CASES / 4);
  });
});
