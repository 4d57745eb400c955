import type { PracticeRunView, PracticeScenario } from '../../../src-shared/contract/practice';
import {
  builtinScenarios,
  compileOrThrow,
  replayAnswers,
  RunError,
  runResult,
  scenarioHash,
  scenarioKey,
  trainingIdFrom,
  type CompiledScenario,
  type ScenarioVersion,
} from '../../../src-shared/training';
import { StoreError, type Clock, type IdGenerator, type LocalStore } from '../store';
import type { PracticeRun, PracticeStore } from '../store/practice/practiceStore';
import type { ContractHandlers } from './contractCalls';

type PracticeMethod = 'practice:overview' | 'practice:scenario' | 'practice:start' | 'practice:answer' | 'practice:run';

export interface PracticeDeps {
  practice: PracticeStore;
  /** The live store, read only for who is signed in: a run never writes to it. */
  store: Pick<LocalStore, 'currentUser'>;
  clock: Clock;
  ids: IdGenerator;
  /** A run ended: it waits to be uploaded, so sync soon. */
  onRunFinished(): void;
}

/** The shipped library as versions: playable offline before the first sync. */
function libraryVersions(): ScenarioVersion[] {
  return builtinScenarios().map((scenario) => ({
    key: scenarioKey(scenario),
    hash: scenarioHash(scenario),
    publishedBy: null,
    publishedAt: scenario.clock.start,
    scenario,
  }));
}

function view(run: PracticeRun): PracticeRunView {
  return {
    id: run.id,
    scenarioKey: run.scenarioKey,
    assignmentId: run.assignmentId,
    uiLanguage: run.uiLanguage,
    startedAt: run.startedAt,
    finishedAt: run.finishedAt,
    answers: run.answers,
    upload: run.upload,
    uploadError: run.uploadError,
    serverResult: run.serverRecord?.result ?? null,
    review: run.review,
  };
}

/**
 * The Practice screen's contract methods over the sandbox's own store. Every answer is checked by replaying
 * the run on its scenario version with the shared player, so the store only ever holds runs that play.
 */
export function practiceHandlers(deps: PracticeDeps): Pick<ContractHandlers, PracticeMethod> {
  const { practice, store, clock, ids } = deps;
  let library: ScenarioVersion[] | undefined;
  const compiledByHash = new Map<string, CompiledScenario>();

  function versions(): ScenarioVersion[] {
    library ??= libraryVersions();
    const shipped = new Set(library.map((version) => version.key));
    return [...library, ...practice.scenarioVersions().filter((version) => !shipped.has(version.key))];
  }

  function version(key: string): ScenarioVersion {
    const found = versions().find((each) => each.key === key);
    if (!found) throw new StoreError('NOT_FOUND', `No practice scenario ${key} on this desk.`);
    return found;
  }

  function compiled(of: ScenarioVersion): CompiledScenario {
    let done = compiledByHash.get(of.hash);
    if (!done) {
      done = compileOrThrow(of.scenario);
      compiledByHash.set(of.hash, done);
    }
    return done;
  }

  function agentId(): string {
    const user = store.currentUser();
    if (!user) throw new StoreError('SIGNED_OUT', 'Sign in to practise.');
    return user.id;
  }

  function ownRun(runId: string): PracticeRun {
    const run = practice.run(runId);
    if (!run || run.agentId !== agentId()) throw new StoreError('NOT_FOUND', `No practice run ${runId} on this desk.`);
    return run;
  }

  return {
    'practice:overview': () => {
      const user = store.currentUser();
      return {
        scenarios: versions().map((each): PracticeScenario => ({
          key: each.key,
          hash: each.hash,
          title: each.scenario.title,
          market: each.scenario.market,
          locale: each.scenario.locale,
          caseType: each.scenario.caseType,
          channel: each.scenario.channel,
          difficulty: each.scenario.difficulty,
          estMinutes: each.scenario.estMinutes,
          source: each.publishedBy === null ? 'library' : 'published',
        })),
        assignments: practice.assignments(),
        runs: user ? practice.runsOf(user.id).map(view) : [],
      };
    },
    'practice:scenario': (input) => version(input.key),
    'practice:start': (input) => {
      const played = version(input.scenarioKey);
      if (input.assignmentId !== undefined && !practice.assignments().some((each) => each.id === input.assignmentId))
        throw new StoreError('NOT_FOUND', `No assignment ${input.assignmentId} on this desk.`);
      return view(
        practice.startRun({
          id: trainingIdFrom(ids.uuid()),
          agentId: agentId(),
          scenarioKey: played.key,
          scenarioHash: played.hash,
          assignmentId: input.assignmentId ?? null,
          uiLanguage: input.uiLanguage,
          startedAt: new Date(clock.now()).toISOString(),
        }),
      );
    },
    'practice:answer': (input) => {
      const run = ownRun(input.runId);
      if (run.upload !== 'playing') throw new StoreError('RUN_FINISHED', `The practice run ${run.id} has ended.`);
      const played = compiled(version(run.scenarioKey));
      const answers = [...run.answers, input.answer];
      let ended: boolean;
      try {
        const state = replayAnswers(played, answers);
        ended = state.outcome !== null;
        if (ended) runResult(played, state);
      } catch (error) {
        if (!(error instanceof RunError)) throw error;
        throw new StoreError('BAD_INPUT', error.message, { reason: error.code });
      }
      const saved = practice.recordAnswer(run.id, answers, ended ? new Date(clock.now()).toISOString() : null);
      if (ended) deps.onRunFinished();
      return view(saved);
    },
    'practice:run': (input) => view(ownRun(input.runId)),
  };
}
