import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import LinearProgress from '@mui/material/LinearProgress';
import Typography from '@mui/material/Typography';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PracticeOverview, PracticeRunView } from '../../../../src-shared/contract/practice';
import type { ScenarioVersion } from '../../../../src-shared/training';
import { useWorkstation } from '../../../contract/WorkstationProvider';
import { contractErrorText } from '../../../i18n/contractErrorText';
import { practiceApi } from '../practiceApi';
import { answerDelayMs, asUiLanguage, compiledOf, playedRun } from '../practiceRun';
import { AnswerPanel, type PracticeMove } from './AnswerPanel';
import { Briefing } from './Briefing';
import { Debrief } from './Debrief';
import { ScenarioList } from './ScenarioList';
import { TrainingMarker } from './TrainingMarker';
import { Transcript } from './Transcript';

type View =
  | { kind: 'list' }
  | { kind: 'briefing'; version: ScenarioVersion; assignmentId?: string }
  | { kind: 'run'; version: ScenarioVersion; run: PracticeRunView };

/** Practice (issue 16): the agent's scenarios, a briefing, the run in the sandbox, and the debrief. */
export function PracticeScreen() {
  const { t, i18n } = useTranslation('practice');
  const { t: tApp } = useTranslation('app');
  const workstation = useWorkstation();
  const api = useMemo(() => practiceApi(workstation), [workstation]);
  const [overview, setOverview] = useState<PracticeOverview | null>(null);
  const [view, setView] = useState<View>({ kind: 'list' });
  const [problem, setProblem] = useState<string | null>(null);
  const [isBusy, setIsBusy] = useState(false);
  const turnStartedMs = useRef(Date.now());

  const failed = useCallback(
    (error: { code: string; message: string }) => setProblem(contractErrorText(tApp, error)),
    [tApp],
  );
  const load = useCallback(
    () =>
      void api.overview().then((result) => {
        if (result.ok) setOverview(result.data);
        else failed(result.error);
      }),
    [api, failed],
  );
  useEffect(() => {
    load();
    return api.onSynced(load);
  }, [api, load]);

  const open = async (scenarioKey: string, assignmentId?: string) => {
    setProblem(null);
    const result = await api.scenario(scenarioKey);
    if (!result.ok) return failed(result.error);
    setView({ kind: 'briefing', version: result.data, ...(assignmentId === undefined ? {} : { assignmentId }) });
  };
  const start = async (version: ScenarioVersion, assignmentId?: string) => {
    setIsBusy(true);
    const result = await api.start(version.key, asUiLanguage(i18n.language), assignmentId);
    setIsBusy(false);
    if (!result.ok) return failed(result.error);
    turnStartedMs.current = Date.now();
    setView({ kind: 'run', version, run: result.data });
  };
  const answer = async (move: PracticeMove) => {
    if (view.kind !== 'run') return;
    setIsBusy(true);
    const result = await api.answer(view.run.id, {
      ...move,
      delayMs: answerDelayMs(turnStartedMs.current, Date.now()),
    });
    setIsBusy(false);
    if (!result.ok) return setProblem(t('run.answerFailed', { reason: contractErrorText(tApp, result.error) }));
    setProblem(null);
    turnStartedMs.current = Date.now();
    setView({ kind: 'run', version: view.version, run: result.data });
    if (result.data.finishedAt !== null) load();
  };
  const debrief = async (runId: string, scenarioKey: string) => {
    const [scenario, run] = await Promise.all([api.scenario(scenarioKey), api.run(runId)]);
    if (!scenario.ok) return failed(scenario.error);
    if (!run.ok) return failed(run.error);
    setView({ kind: 'run', version: scenario.data, run: run.data });
  };
  const back = () => {
    setView({ kind: 'list' });
    load();
  };

  return (
    <Box sx={{ overflow: 'auto', minHeight: 0 }}>
      <Typography component="h1" variant="h5" gutterBottom>
        {t('title')}
      </Typography>
      <TrainingMarker />
      {problem !== null && (
        <Alert severity="error" sx={{ mb: 2 }}>
          {problem}
        </Alert>
      )}
      {view.kind === 'list' &&
        (overview === null ? (
          <LinearProgress />
        ) : (
          <ScenarioList
            overview={overview}
            onOpen={(key, id) => void open(key, id)}
            onDebrief={(id, key) => void debrief(id, key)}
          />
        ))}
      {view.kind === 'briefing' && (
        <Briefing
          version={view.version}
          isStarting={isBusy}
          onStart={() => void start(view.version, view.assignmentId)}
          onBack={back}
        />
      )}
      {view.kind === 'run' && (
        <RunArea
          view={view}
          isBusy={isBusy}
          onAnswer={(move) => void answer(move)}
          onRetry={() => void start(view.version, view.run.assignmentId ?? undefined)}
          onBack={back}
        />
      )}
    </Box>
  );
}

function RunArea({
  view,
  isBusy,
  onAnswer,
  onRetry,
  onBack,
}: {
  view: Extract<View, { kind: 'run' }>;
  isBusy: boolean;
  onAnswer(move: PracticeMove): void;
  onRetry(): void;
  onBack(): void;
}) {
  const compiled = compiledOf(view.version);
  const { state, score } = playedRun(compiled, view.run.answers);
  if (score !== null)
    return <Debrief compiled={compiled} run={view.run} state={state} score={score} onRetry={onRetry} onBack={onBack} />;
  return (
    <Box sx={{ display: 'grid', gap: 2, maxWidth: 900 }}>
      <Transcript compiled={compiled} state={state} />
      <AnswerPanel
        key={state.nodeId + String(view.run.answers.length)}
        compiled={compiled}
        state={state}
        onAnswer={onAnswer}
        isSending={isBusy}
      />
    </Box>
  );
}
