// Authorization on the desk (issue 19, Proof): every contract method x every role, through the real core on a
// real encrypted store, signed in to the real central API. The core answers what the role's desk may do:
// the shared case rules refuse a write the role may not make, the sign-out lock refuses everything that
// holds a case or a customer's words.
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { METHOD_NAMES, type CaseRow } from '../../src-shared/contract/workstation';
import { DEMO_PASSWORD } from '../../src-shared/demo';
import { openSyncedWorkstation } from '../../src-main/core/sync';
import type { Workstation } from '../../src-main/core/workstation';
import { TestServer } from '../sync/testServer';
import { ProtocolClient } from '../../src-server/testing/protocolClient';
import { pathAnswers, RunAnswerSchema, scenarioKey } from '../../src-shared/training';
import { practiceFixture } from '../../src-server/testing/practiceRuns';

const ROLES = ['agent', 'supervisor', 'trainer', 'admin', 'none'] as const;
type Role = (typeof ROLES)[number];
/** Demo users (src-shared/demo/demoDirectory.ts); `none` is the agent's desk after signing out. */
const USER_OF: Record<Role, string> = {
  agent: 'jonas.weber',
  supervisor: 'wang.lei',
  trainer: 'sofia.marino',
  admin: 'admin',
  none: 'jonas.weber',
};

/**
 * allow: answered ok; deny: FORBIDDEN (a bulk write answered ok with every case refused FORBIDDEN counts
 * too); unseen: NOT_FOUND, the case or item is not on this role's desk (its scope); signIn: SIGNED_OUT.
 */
type Outcome = 'allow' | 'deny' | 'unseen' | 'signIn';
const signedIn = (outcome: Outcome): Record<Role, Outcome> => ({
  agent: outcome,
  supervisor: outcome,
  trainer: outcome,
  admin: outcome,
  none: 'signIn',
});
const open = (): Record<Role, Outcome> => ({ ...signedIn('allow'), none: 'allow' });
/**
 * A case of the agent's team (caseAccess.ts): its agent, the team's supervisor and an admin hold and change
 * it; a trainer sees no live cases.
 */
const teamCase: Record<Role, Outcome> = { ...signedIn('allow'), trainer: 'unseen' };

/** The Training section: trainers and admins; the agent's and supervisor's desks refuse it. */
const trainerOnly: Record<Role, Outcome> = { ...signedIn('deny'), trainer: 'allow', admin: 'allow' };

/**
 * Who may use each contract method on the desk. A method missing here fails the suite: whoever adds a
 * contract method decides who may use it, in this table (and gives it a request in `request` below).
 */
const EXPECTED: Record<string, Record<Role, Outcome>> = {
  'session:get': open(),
  'auth:signIn': open(),
  'auth:signOut': open(),
  'auth:signOutAndRemoveData': open(),
  'settings:get': open(),
  'settings:update': open(),
  'server:get': open(),
  'sync:status': open(),
  'cases:list': signedIn('allow'),
  'cases:counts': signedIn('allow'),
  'cases:search': signedIn('allow'),
  // The tags on the cases this desk holds, which are the signed-in user's scope already.
  'cases:tags': signedIn('allow'),
  'cases:get': teamCase,
  'cases:reply': teamCase,
  'cases:addNote': teamCase,
  'cases:setStatus': teamCase,
  'cases:addTag': teamCase,
  'cases:removeTag': teamCase,
  // Taking is working the team's queue: its agents and supervisors; an admin assigns instead.
  'cases:take': { ...teamCase, admin: 'deny' },
  'cases:bulk': teamCase,
  'cases:recordStep': teamCase,
  // Files follow their case: attached only to a case on this desk, downloaded only by those the server lets see it.
  'files:attach': teamCase,
  'files:content': teamCase,
  'files:held': signedIn('allow'),
  // A supervisor method (SUPERVISOR_ROLES): refused by role before the case is looked at.
  'cases:reassign': { ...teamCase, agent: 'deny', trainer: 'deny' },
  'attention:list': signedIn('allow'),
  'attention:resolve': signedIn('unseen'),
  // Trainer methods (TRAINER_ROLES): refused by role on the desk; the central API judges the rest (a run
  // id that is no run of an agent they train is not found).
  'training:progress': trainerOnly,
  'training:assign': trainerOnly,
  'training:runs': trainerOnly,
  'training:review': { ...trainerOnly, trainer: 'unseen', admin: 'unseen' },
  'training:override': { ...trainerOnly, trainer: 'unseen', admin: 'unseen' },
  'training:release': { ...trainerOnly, trainer: 'unseen', admin: 'unseen' },
  'training:results': trainerOnly,
  'training:rubrics': trainerOnly,
  // Practice (issue 16): anyone signed in may look at the scenarios; agents practise, and see only their runs.
  'practice:overview': signedIn('allow'),
  'practice:scenario': signedIn('allow'),
  'practice:start': { ...signedIn('deny'), agent: 'allow' },
  'practice:answer': { ...signedIn('deny'), agent: 'allow' },
  'practice:run': { ...signedIn('unseen'), agent: 'allow' },
};

/** Methods that end the session or change where the desk syncs run last, in this order. */
const LAST: readonly string[] = ['auth:signOut', 'auth:signIn', 'auth:signOutAndRemoveData'];

let server: TestServer;
const dirs: string[] = [];
const desks = new Map<Role, Workstation>();
let subject: CaseRow;
/** A run the agent started, and the first answer of its scenario's perfect path. */
const practice = practiceFixture();
const practiceKey = scenarioKey(practice.scenario);
const practiceAnswer = RunAnswerSchema.parse(pathAnswers(practice.compiled, practice.perfect)[0]);
let practiceRunId = '';
let unassigned: CaseRow;
let returnCase: CaseRow;
/** A file on the server, uploaded to the agent's case before the matrix runs. */
let fileId: string;

beforeAll(async () => {
  server = await TestServer.create();
  for (const role of ROLES) {
    const dataDir = mkdtempSync(join(tmpdir(), `crossdesk-matrix-${role}-`));
    dirs.push(dataDir);
    const desk = await openSyncedWorkstation({
      dataDir,
      serverUrl: server.url,
      signIn: { username: USER_OF[role], password: DEMO_PASSWORD },
    });
    desks.set(role, desk);
  }
  const page = await desks.get('agent')?.call('cases:list', { view: 'all', limit: 200 });
  if (!page?.ok) throw new Error('the agent desk has no queue');
  const mine = page.data.rows.find((row) => row.assigneeId !== null && ['new', 'open'].includes(row.status));
  const free = page.data.rows.find((row) => row.assigneeId === null && ['new', 'open'].includes(row.status));
  if (mine === undefined || free === undefined) throw new Error('no assigned and unassigned open case for the agent');
  subject = mine;
  unassigned = free;
  const aReturn = page.data.rows.find((row) => row.assigneeId !== null && row.type === 'return_refund');
  if (aReturn === undefined) throw new Error('no return case assigned to the agent');
  returnCase = aReturn;
  fileId = randomUUID();
  const uploader = await ProtocolClient.signIn(server.url, USER_OF.agent);
  const upload = await uploader.uploadFile(fileId, Buffer.from('Serial number 4711\n'), {
    name: 'serial.txt',
    caseId: subject.id,
  });
  if (upload.status !== 201) throw new Error(`the file upload answered ${upload.status}`);
  const started = await desks.get('agent')?.call('practice:start', { scenarioKey: practiceKey, uiLanguage: 'en' });
  if (!started?.ok) throw new Error('the agent desk could not start a practice run');
  practiceRunId = started.data.id;
  const none = desks.get('none');
  if (!none || !(await none.call('auth:signOut', {})).ok) throw new Error('the signed-out desk did not sign out');
}, 240_000);

afterAll(async () => {
  for (const desk of desks.values()) desk.close();
  await server?.destroy();
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

/** A request each role could legitimately make, so only authorization and scope decide the answer. */
function request(method: string, role: Role): unknown {
  const caseId = subject.id;
  switch (method) {
    case 'session:get':
    case 'auth:signOut':
    case 'auth:signOutAndRemoveData':
    case 'settings:get':
    case 'server:get':
    case 'sync:status':
    case 'cases:counts':
    case 'cases:tags':
    case 'attention:list':
      return {};
    case 'auth:signIn':
      return { username: USER_OF[role], password: DEMO_PASSWORD };
    case 'settings:update':
      return { uiLocale: 'de' };
    case 'cases:list':
      return { view: 'all' };
    case 'cases:search':
      return { text: 'refund', limit: 5 };
    case 'cases:get':
      return { caseId };
    case 'cases:reply':
      return { caseId, messageId: randomUUID(), body: `Matrix reply by the ${role}.`, locale: 'en' };
    case 'cases:addNote':
      return { caseId, noteId: randomUUID(), body: `Matrix note by the ${role}.` };
    case 'cases:setStatus':
      return { caseId, to: 'pending_customer' };
    case 'cases:addTag':
    case 'cases:removeTag':
      return { caseId, tag: `matrix-${role}` };
    case 'cases:take':
      return { caseId: role === 'supervisor' ? unassigned.id : caseId };
    case 'cases:bulk':
      return { caseIds: [caseId], action: { kind: 'addTag', tag: `bulk-${role}` } };
    case 'cases:recordStep':
      // "In transit" may be reported again and again, so every role's request is legitimate on its own.
      return {
        caseId: returnCase.id,
        step: { stepId: randomUUID(), on: '2026-01-02', detail: { kind: 'in_transit', trackingNumber: `TN-${role}` } },
      };
    case 'cases:reassign':
      return { caseIds: [caseId], to: subject.assigneeId };
    case 'attention:resolve':
      return { id: randomUUID(), action: 'discard' };
    case 'files:attach':
      return { caseId, fileName: 'note.txt', contentBase64: Buffer.from(`Note from the ${role}\n`).toString('base64') };
    case 'files:content':
      return { attachmentId: fileId, variant: 'original' };
    case 'files:held':
      return { attachmentIds: [fileId] };
    case 'training:progress':
    case 'training:runs':
    case 'training:results':
    case 'training:rubrics':
      return {};
    case 'training:assign':
      return {
        id: randomUUID(),
        scenarioKey: practiceKey,
        assignee: { kind: 'agent', agentId: subject.assigneeId },
      };
    case 'training:review':
      return { runId: randomUUID() };
    case 'training:override':
      return { runId: randomUUID(), overrides: [{ criterion: 'a1/rule:r_x/legal', value: 1, comment: 'matrix' }] };
    case 'training:release':
      return { runId: randomUUID(), feedback: 'matrix' };
    case 'practice:overview':
      return {};
    case 'practice:scenario':
      return { key: practiceKey };
    case 'practice:start':
      return { scenarioKey: practiceKey, uiLanguage: 'en' };
    case 'practice:answer':
      return { runId: practiceRunId, answer: practiceAnswer };
    case 'practice:run':
      return { runId: practiceRunId };
    default:
      throw new Error(`no request for ${method}: add one here and its row to EXPECTED`);
  }
}

function outcomeOf(result: unknown): Outcome | string {
  const answer = Object(result);
  if (answer.ok === true) {
    const refused: unknown = Reflect.get(Object(answer.data), 'refused');
    const applied: unknown = Reflect.get(Object(answer.data), 'applied');
    if (Array.isArray(refused) && Array.isArray(applied) && applied.length === 0 && refused.length > 0)
      return outcomeOf({ ok: false, error: refused[0] });
    return 'allow';
  }
  const code: unknown = Reflect.get(Object(answer.error), 'code');
  if (code === 'FORBIDDEN') return 'deny';
  if (code === 'NOT_FOUND') return 'unseen';
  if (code === 'SIGNED_OUT') return 'signIn';
  return `unexpected ${String(code)}: ${String(Reflect.get(Object(answer.error), 'message'))}`;
}

describe('authorization on the desk: every contract method x every role', { timeout: 300_000 }, () => {
  it('has an expected row for every contract method', () => {
    expect([...METHOD_NAMES].sort()).toEqual(Object.keys(EXPECTED).sort());
  });

  it('answers every method for every role as the table says', async () => {
    const ordered = [...METHOD_NAMES.filter((method) => !LAST.includes(method)), ...LAST];
    const actual: Record<string, Record<string, string>> = {};
    for (const method of ordered) {
      const row: Record<string, string> = {};
      for (const role of ROLES) {
        const desk = desks.get(role);
        if (!desk) throw new Error(`no desk for ${role}`);
        row[role] = outcomeOf(await desk.dispatch(method, request(method, role)));
      }
      actual[method] = row;
    }
    expect(actual).toEqual(EXPECTED);
  });
});
