import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  isMethodAllowed,
  METHOD_NAMES,
  workstationContract,
  type EventPayload,
} from '../../../src-shared/contract/workstation';
import { manualClock, sequentialIds } from '../store/testStore';
import {
  builtinScenarios,
  compileOrThrow,
  exploreScenario,
  pathAnswers,
  RunAnswerSchema,
  scenarioKey,
} from '../../../src-shared/training';
import type { Workstation } from './createWorkstation';
import { DEMO_AGENT_USERNAME, DEMO_SUPERVISOR_USERNAME, openDemoWorkstation } from './openDemoWorkstation';

let dir: string;
let ws: Workstation;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'crossdesk-ws-'));
  ws = openDemoWorkstation(dir, manualClock(), sequentialIds());
});
afterEach(() => {
  ws.close();
  rmSync(dir, { recursive: true, force: true });
});

async function ok<T>(
  promise: Promise<{ ok: true; data: T } | { ok: false; error: { code: string; message: string } }>,
): Promise<T> {
  const result = await promise;
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.data;
}

describe('workstation', () => {
  it('loads the demo set once and signs in the demo agent', async () => {
    const session = await ok(ws.call('session:get', {}));
    expect(session.user?.username).toBe(DEMO_AGENT_USERNAME);
    expect(session.teams.length).toBeGreaterThan(0);
    const counts = await ok(ws.call('cases:counts', {}));
    expect(counts.all).toBe(400);
    ws.close();
    ws = openDemoWorkstation(dir, manualClock(), sequentialIds('e'));
    expect((await ok(ws.call('cases:counts', {}))).all).toBe(400);
  });

  it('answers every contract method with output valid against the contract', async () => {
    // The demo agent's own case: the shared case rules let an agent change only what is in their scope.
    const page = await ok(ws.call('cases:list', { view: 'mine' }));
    const first = page.rows[0];
    if (!first) throw new Error('no rows');
    const returnCase = (await ok(ws.call('cases:list', { view: 'mine', type: 'return_refund' }))).rows[0];
    if (!returnCase) throw new Error('the demo agent needs a return case');
    const practice = builtinScenarios()[0];
    if (!practice) throw new Error('no shipped practice scenario');
    const practiceKey = scenarioKey(practice);
    const compiled = compileOrThrow(practice);
    const [path] = exploreScenario(compiled).paths;
    const firstAnswer = path ? RunAnswerSchema.parse(pathAnswers(compiled, path)[0]) : null;
    let started: unknown = null;
    const practiceRunId = (): unknown => Reflect.get(Object(started), 'id');
    let attached: unknown = null;
    const attachedId = (): unknown => Reflect.get(Object(attached), 'id');
    const inputs: Record<string, unknown> = {
      'session:get': {},
      'auth:signOut': {},
      'auth:signOutAndRemoveData': {},
      'settings:get': {},
      'server:get': {},
      'settings:update': { uiLocale: 'ar' },
      'cases:list': { view: 'mine', sort: 'priority', limit: 5 },
      'cases:counts': { market: 'CN' },
      'cases:search': { text: '退款' },
      'cases:tags': { limit: 20 },
      'cases:get': { caseId: first.id },
      'cases:reply': {
        caseId: first.id,
        messageId: '33333333-3333-4333-8333-333333333333',
        body: '您好',
        locale: 'zh-CN',
      },
      'cases:addNote': { caseId: first.id, noteId: '44444444-4444-4444-8444-444444444444', body: 'note' },
      'cases:setStatus': { caseId: first.id, to: first.status === 'solved' ? 'open' : 'solved' },
      'cases:addTag': { caseId: first.id, tag: 'vip' },
      'cases:removeTag': { caseId: first.id, tag: 'vip' },
      'cases:take': { caseId: page.rows[1]?.id },
      'cases:recordStep': {
        caseId: returnCase.id,
        step: {
          stepId: '66666666-6666-4666-8666-666666666666',
          on: '2026-01-02',
          detail: { kind: 'return_authorised' },
        },
      },
      'files:attach': {
        caseId: first.id,
        fileName: 'label.pdf',
        contentBase64: Buffer.from('%PDF-1.4\n%%EOF\n').toString('base64'),
      },
      // The file files:attach kept (methods run in contract order): offline, its original is on this desk.
      get 'files:content'() {
        return { attachmentId: attachedId(), variant: 'original' };
      },
      get 'files:held'() {
        return { attachmentIds: [attachedId()] };
      },
      'cases:bulk': { caseIds: [first.id], action: { kind: 'addTag', tag: 'bulk' } },
      'cases:reassign': { caseIds: [first.id], to: null },
      'sync:status': {},
      'attention:list': {},
      'practice:overview': {},
      'practice:scenario': { key: practiceKey },
      'practice:start': { scenarioKey: practiceKey, uiLanguage: 'zh-CN' },
      // The run practice:start began (methods run in contract order).
      get 'practice:answer'() {
        return { runId: practiceRunId(), answer: firstAnswer };
      },
      get 'practice:run'() {
        return { runId: practiceRunId() };
      },
    };
    // Signing out locks the workstation, and removing the data empties it: both go last.
    const last = ['auth:signOut', 'auth:signOutAndRemoveData'] as const;
    const order = [...METHOD_NAMES.filter((m) => !last.some((name) => name === m)), ...last];
    for (const method of order) {
      if (method === 'auth:signIn' || method === 'attention:resolve') continue;
      const result = await ws.call(method, inputs[method]);
      if (method === 'practice:start' && result.ok) started = result.data;
      if (method === 'files:attach' && result.ok) attached = result.data;
      // The demo agent may not use supervisor methods (tested below); the supervisor's answers are checked there.
      if (!isMethodAllowed(method, 'agent')) {
        expect(result, method).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
        continue;
      }
      if (!result.ok) throw new Error(`${method}: ${result.error.message}`);
      expect(() => workstationContract[method].output.parse(result.data), method).not.toThrow();
    }
  });

  it('turns bad input, unknown methods and refusals into error results without changing anything', async () => {
    const before = await ok(ws.call('sync:status', {}));
    const bad = await ws.dispatch('cases:reply', { caseId: 'not-a-uuid', body: '' });
    expect(bad).toMatchObject({ ok: false, error: { code: 'BAD_INPUT' } });
    expect(await ws.dispatch('cases:explode', {})).toMatchObject({ ok: false, error: { code: 'UNKNOWN_METHOD' } });
    expect(await ws.dispatch('cases:get', { caseId: '55555555-5555-4555-8555-555555555555' })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    });
    expect(await ws.dispatch('auth:signIn', { username: 'chen.mei', password: 'x' })).toMatchObject({
      ok: false,
      error: { code: 'OFFLINE' },
    });
    expect(
      await ws.dispatch('attention:resolve', { id: '55555555-5555-4555-8555-555555555555', action: 'discard' }),
    ).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect((await ok(ws.call('sync:status', {}))).pendingCount).toBe(before.pendingCount);
  });

  it('refuses NUL and lone surrogates in any text with BAD_INPUT naming the field, and queues nothing (issue 19.2)', async () => {
    const before = await ok(ws.call('sync:status', {}));
    const page = await ok(ws.call('cases:list', { view: 'all', limit: 1 }));
    const caseId = page.rows[0]?.id ?? '';
    const noteId = '44444444-4444-4444-8444-444444444444';
    for (const body of ['a\u0000b', 'half \ud83d emoji']) {
      expect(await ws.dispatch('cases:addNote', { caseId, noteId, body })).toMatchObject({
        ok: false,
        error: { code: 'BAD_INPUT', details: { field: 'body' } },
      });
    }
    expect(await ws.dispatch('cases:search', { text: 'x\u0000' })).toMatchObject({
      ok: false,
      error: { code: 'BAD_INPUT', details: { field: 'text' } },
    });
    expect((await ok(ws.call('sync:status', {}))).pendingCount).toBe(before.pendingCount);
  });

  it('reports offline honestly and emits events for local writes', async () => {
    const status = await ok(ws.call('sync:status', {}));
    expect(status.connection).toBe('offline');
    const changed: EventPayload<'cases:changed'>[] = [];
    const statuses: EventPayload<'sync:status'>[] = [];
    const off = ws.subscribe('cases:changed', (p) => changed.push(p));
    ws.subscribe('sync:status', (p) => statuses.push(p));
    const row = (await ok(ws.call('cases:list', { view: 'mine' }))).rows[0];
    if (!row) throw new Error('no rows');
    await ok(ws.call('cases:addTag', { caseId: row.id, tag: 'evented' }));
    expect(changed).toEqual([{ caseIds: [row.id], all: false }]);
    expect(statuses.at(-1)?.pendingCount).toBe(1);
    off();
    await ok(ws.call('cases:removeTag', { caseId: row.id, tag: 'evented' }));
    expect(changed.length).toBe(1);
    await ok(ws.call('auth:signOut', {}));
    expect((await ok(ws.call('sync:status', {}))).connection).toBe('signed_out');
  });

  it('refuses every supervisor method to an agent, whatever the input, and changes nothing', async () => {
    const before = await ok(ws.call('sync:status', {}));
    const mine = (await ok(ws.call('cases:list', { view: 'mine', limit: 3 }))).rows;
    const supervisorOnly = METHOD_NAMES.filter((method) => !isMethodAllowed(method, 'agent'));
    expect(supervisorOnly).toContain('cases:reassign');
    for (const method of supervisorOnly) {
      for (const input of [{}, { caseIds: mine.map((row) => row.id), to: null }, null]) {
        expect(await ws.dispatch(method, input), method).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
      }
    }
    expect((await ok(ws.call('sync:status', {}))).pendingCount).toBe(before.pendingCount);
    expect((await ok(ws.call('cases:list', { view: 'mine', limit: 3 }))).rows).toEqual(mine);
  });

  it('lets a supervisor reassign a selection and answers case by case', async () => {
    ws.close();
    rmSync(dir, { recursive: true, force: true });
    ws = openDemoWorkstation(dir, manualClock(), sequentialIds(), DEMO_SUPERVISOR_USERNAME);
    const session = await ok(ws.call('session:get', {}));
    expect(session.user?.role).toBe('supervisor');
    const agent = session.colleagues.find((user) => user.username === DEMO_AGENT_USERNAME);
    const teammate = session.colleagues.find(
      (user) => user.role === 'agent' && user.id !== agent?.id && user.teamIds.includes(agent?.teamIds[0] ?? ''),
    );
    if (!agent || !teammate) throw new Error('demo directory without the agent or a teammate');
    const held = (await ok(ws.call('cases:list', { view: 'all', holder: { assigneeId: agent.id }, limit: 500 }))).rows;
    expect(held.length).toBeGreaterThan(1);
    expect(held.every((row) => row.assigneeId === agent.id && !['solved', 'closed'].includes(row.status))).toBe(true);
    const unknown = '55555555-5555-4555-8555-555555555555';
    const done = (await ok(ws.call('cases:list', { view: 'all', limit: 500 }))).rows.find(
      (row) => row.assigneeId === agent.id && row.status === 'solved',
    );
    if (!done) throw new Error('the demo agent has no solved case');
    const selection = [...held.map((row) => row.id), held[0]?.id ?? '', unknown, done.id];
    const result = await ok(ws.call('cases:reassign', { caseIds: selection, to: teammate.id, reason: 'On leave' }));
    expect(result.applied.sort()).toEqual(held.map((row) => row.id).sort());
    expect(result.refused).toEqual([
      { caseId: unknown, code: 'NOT_FOUND', message: expect.any(String) },
      {
        caseId: done.id,
        code: 'CASE_CLOSED',
        message: expect.any(String),
        reason: expect.objectContaining({ key: 'case_done' }),
      },
    ]);
    expect((await ok(ws.call('cases:list', { view: 'all', holder: { assigneeId: agent.id } }))).rows).toEqual([]);
    expect((await ok(ws.call('sync:status', {}))).pendingCount).toBe(held.length);
    const tooMany = Array.from({ length: 10_001 }, () => unknown);
    expect(await ws.dispatch('cases:reassign', { caseIds: tooMany, to: null })).toMatchObject({
      ok: false,
      error: { code: 'BAD_INPUT' },
    });
  });
});
