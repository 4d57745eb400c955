import type {
  RunUpload,
  ScenarioVersion,
  TrainingChange,
  TrainingRun,
  Assignment,
} from '../../../../src-shared/training';
import {
  AssignmentSchema,
  RunAnswerSchema,
  ScenarioVersionSchema,
  TRAINING_RECORDS,
  ReviewSchema,
  type Review,
  TrainingRunSchema,
  type RunAnswer,
} from '../../../../src-shared/training';
import { z } from 'zod';
import { openConnection, tuneConnection, type SqliteDatabase } from '../schema/openDatabase';
import { migrate, type Migration } from '../schema/migrate';
import { StoreError } from '../ports';

/**
 * The practice sandbox's own store (issue 16): a SQLite file of its own beside the live workstation.db, so
 * nothing a practice run writes can touch a live case, the outbox or the live sync state. It holds the
 * scenario versions and assignments the server sent, the agent's runs (answers as played, played offline
 * as often as online), whether each finished run reached the server, and the training sync cursor.
 */
const PRACTICE_MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'practice',
    sql: `
      CREATE TABLE scenario_versions (key TEXT PRIMARY KEY, data TEXT NOT NULL) STRICT;
      CREATE TABLE assignments (id TEXT PRIMARY KEY, data TEXT NOT NULL) STRICT;
      CREATE TABLE runs (
        id TEXT PRIMARY KEY,
        agent_id TEXT NOT NULL,
        scenario_key TEXT NOT NULL,
        scenario_hash TEXT NOT NULL,
        assignment_id TEXT,
        ui_language TEXT NOT NULL,
        started_at TEXT NOT NULL,
        finished_at TEXT,
        answers TEXT NOT NULL,
        -- pending: finished, not yet on the server; synced: the server stored it (record below);
        -- refused: the server said no (reason kept, the run stays here, never lost)
        upload TEXT NOT NULL CHECK (upload IN ('playing', 'pending', 'synced', 'refused')),
        upload_error TEXT,
        server_record TEXT
      ) STRICT;
      CREATE INDEX runs_agent ON runs (agent_id, started_at);
      CREATE TABLE training_sync (singleton INTEGER PRIMARY KEY CHECK (singleton = 1), cursor TEXT) STRICT;
      INSERT INTO training_sync (singleton, cursor) VALUES (1, NULL);
    `,
  },
  {
    version: 2,
    name: 'released_reviews',
    // A trainer's review of the run, once released (the training pull's review changes).
    sql: 'ALTER TABLE runs ADD COLUMN review TEXT;',
  },
];

/** Beside workstation.db in the data folder, encrypted with the same install key. */
export const PRACTICE_STORE_FILE = 'practice.db';

export const PRACTICE_UPLOAD_STATES = ['playing', 'pending', 'synced', 'refused'] as const;
export type PracticeUploadState = (typeof PRACTICE_UPLOAD_STATES)[number];

/** A run as the desk keeps it. */
export interface PracticeRun {
  id: string;
  agentId: string;
  scenarioKey: string;
  scenarioHash: string;
  assignmentId: string | null;
  uiLanguage: RunUpload['uiLanguage'];
  startedAt: string;
  finishedAt: string | null;
  answers: RunAnswer[];
  upload: PracticeUploadState;
  uploadError: string | null;
  /** The server's record once synced: its score is the one that counts. */
  serverRecord: TrainingRun | null;
  /** The trainer's released review: overrides, the score they make and the feedback. */
  review: Review | null;
}

type RunRow = {
  id: string;
  agent_id: string;
  scenario_key: string;
  scenario_hash: string;
  assignment_id: string | null;
  ui_language: string;
  started_at: string;
  finished_at: string | null;
  answers: string;
  upload: string;
  upload_error: string | null;
  server_record: string | null;
  review: string | null;
};

const RunRowSchema = z.object({
  uiLanguage: TrainingRunSchema.shape.uiLanguage,
  answers: z.array(RunAnswerSchema),
  upload: z.enum(PRACTICE_UPLOAD_STATES),
});

function fromRow(row: RunRow): PracticeRun {
  const parsed = RunRowSchema.parse({
    uiLanguage: row.ui_language,
    answers: JSON.parse(row.answers),
    upload: row.upload,
  });
  return {
    id: row.id,
    agentId: row.agent_id,
    scenarioKey: row.scenario_key,
    scenarioHash: row.scenario_hash,
    assignmentId: row.assignment_id,
    uiLanguage: parsed.uiLanguage,
    startedAt: row.started_at,
    finishedAt: row.finished_at,
    answers: parsed.answers,
    upload: parsed.upload,
    uploadError: row.upload_error,
    serverRecord: row.server_record === null ? null : TrainingRunSchema.parse(JSON.parse(row.server_record)),
    review: row.review === null ? null : ReviewSchema.parse(JSON.parse(row.review)),
  };
}

export interface PracticeStore {
  scenarioVersions(): ScenarioVersion[];
  scenarioVersion(key: string): ScenarioVersion | null;
  assignments(): Assignment[];
  runsOf(agentId: string): PracticeRun[];
  run(id: string): PracticeRun | null;
  startRun(
    run: Omit<PracticeRun, 'answers' | 'upload' | 'uploadError' | 'serverRecord' | 'finishedAt' | 'review'>,
  ): PracticeRun;
  /** Appends one answer; `finishedAt` set when it ended the run, which queues it for upload. */
  recordAnswer(id: string, answers: readonly RunAnswer[], finishedAt: string | null): PracticeRun;
  /** Finished runs not on the server yet, oldest first. */
  pendingUploads(): PracticeRun[];
  markUploaded(id: string, record: TrainingRun): void;
  markRefused(id: string, reason: string): void;
  trainingCursor(): string | null;
  /** One pulled page and its cursor, in one transaction (SYNC.md client rules). */
  applyTrainingChanges(changes: readonly TrainingChange[], cursor: string): void;
  /** Everything removed (the device's data wiped). */
  wipe(): void;
  close(): void;
}

export function openPracticeStore(options: { path: string; key: Buffer | null }): PracticeStore {
  const db: SqliteDatabase = openConnection(options.path, options.key);
  try {
    db.pragma('journal_mode = WAL');
    tuneConnection(db);
    migrate(db, PRACTICE_MIGRATIONS);
  } catch (error) {
    db.close();
    throw error;
  }
  const selectRun = db.prepare<[string], RunRow>('SELECT * FROM runs WHERE id = ?');

  function mustRun(id: string): PracticeRun {
    const row = selectRun.get(id);
    if (!row) throw new StoreError('NOT_FOUND', `No practice run ${id} on this desk.`);
    return fromRow(row);
  }

  const apply = db.transaction((changes: readonly TrainingChange[], cursor: string) => {
    for (const change of changes) {
      const record = TRAINING_RECORDS[change.entity].safeParse(change.data);
      // A record this desk cannot read (a newer server's shape) is skipped, not fatal: the rest still lands.
      if (!record.success) continue;
      if (change.entity === 'scenario') {
        const version = ScenarioVersionSchema.parse(record.data);
        db.prepare('INSERT OR REPLACE INTO scenario_versions (key, data) VALUES (?, ?)').run(
          version.key,
          JSON.stringify(version),
        );
      } else if (change.entity === 'assignment') {
        const assignment = AssignmentSchema.parse(record.data);
        db.prepare('INSERT OR REPLACE INTO assignments (id, data) VALUES (?, ?)').run(
          assignment.id,
          JSON.stringify(assignment),
        );
      } else if (change.entity === 'review') {
        // Released reviews only reach the trainee; the run arrived earlier in the same log.
        const review = ReviewSchema.parse(record.data);
        db.prepare('UPDATE runs SET review = ? WHERE id = ?').run(JSON.stringify(review), review.runId);
      } else {
        const run = TrainingRunSchema.parse(record.data);
        // The server's record of a run this desk played, or of one played on another desk of the agent.
        db.prepare(
          `INSERT INTO runs (id, agent_id, scenario_key, scenario_hash, assignment_id, ui_language, started_at,
             finished_at, answers, upload, upload_error, server_record)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 'synced', NULL, ?)
           ON CONFLICT (id) DO UPDATE SET upload = 'synced', upload_error = NULL, server_record = excluded.server_record`,
        ).run(
          run.id,
          run.agentId,
          run.scenarioKey,
          run.scenarioHash,
          run.assignmentId ?? null,
          run.uiLanguage,
          run.startedAt,
          run.finishedAt,
          JSON.stringify(run.answers),
          JSON.stringify(run),
        );
      }
    }
    db.prepare('UPDATE training_sync SET cursor = ? WHERE singleton = 1').run(cursor);
  });

  return {
    scenarioVersions: () =>
      db
        .prepare<[], { data: string }>('SELECT data FROM scenario_versions ORDER BY key')
        .all()
        .map((row) => ScenarioVersionSchema.parse(JSON.parse(row.data))),
    scenarioVersion(key) {
      const row = db.prepare<[string], { data: string }>('SELECT data FROM scenario_versions WHERE key = ?').get(key);
      return row ? ScenarioVersionSchema.parse(JSON.parse(row.data)) : null;
    },
    assignments: () =>
      db
        .prepare<[], { data: string }>('SELECT data FROM assignments ORDER BY id')
        .all()
        .map((row) => AssignmentSchema.parse(JSON.parse(row.data))),
    runsOf: (agentId) =>
      db
        .prepare<[string], RunRow>('SELECT * FROM runs WHERE agent_id = ? ORDER BY started_at DESC, id')
        .all(agentId)
        .map(fromRow),
    run: (id) => {
      const row = selectRun.get(id);
      return row ? fromRow(row) : null;
    },
    startRun(run) {
      db.prepare(
        `INSERT INTO runs (id, agent_id, scenario_key, scenario_hash, assignment_id, ui_language, started_at, answers, upload)
         VALUES (?, ?, ?, ?, ?, ?, ?, '[]', 'playing')`,
      ).run(run.id, run.agentId, run.scenarioKey, run.scenarioHash, run.assignmentId, run.uiLanguage, run.startedAt);
      return mustRun(run.id);
    },
    recordAnswer(id, answers, finishedAt) {
      const changed = db
        .prepare(
          `UPDATE runs SET answers = ?, finished_at = ?, upload = CASE WHEN ? IS NULL THEN 'playing' ELSE 'pending' END
           WHERE id = ? AND upload = 'playing'`,
        )
        .run(JSON.stringify(answers), finishedAt, finishedAt, id);
      if (changed.changes === 0) throw new StoreError('RUN_FINISHED', `The practice run ${id} has ended.`);
      return mustRun(id);
    },
    pendingUploads: () =>
      db.prepare<[], RunRow>("SELECT * FROM runs WHERE upload = 'pending' ORDER BY finished_at, id").all().map(fromRow),
    markUploaded(id, record) {
      db.prepare("UPDATE runs SET upload = 'synced', upload_error = NULL, server_record = ? WHERE id = ?").run(
        JSON.stringify(record),
        id,
      );
    },
    markRefused(id, reason) {
      db.prepare("UPDATE runs SET upload = 'refused', upload_error = ? WHERE id = ? AND upload = 'pending'").run(
        reason.slice(0, 2000),
        id,
      );
    },
    trainingCursor: () =>
      db.prepare<[], { cursor: string | null }>('SELECT cursor FROM training_sync WHERE singleton = 1').get()?.cursor ??
      null,
    applyTrainingChanges: (changes, cursor) => apply(changes, cursor),
    wipe() {
      db.exec(
        'DELETE FROM scenario_versions; DELETE FROM assignments; DELETE FROM runs; UPDATE training_sync SET cursor = NULL',
      );
    },
    close: () => db.close(),
  };
}
