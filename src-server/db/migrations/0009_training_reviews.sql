-- The trainer's side of practice (issue 16): reviews of runs with their overrides, and calibrations.
-- A review holds the current state (overrides, the recomputed score, released feedback); every override
-- as given is kept in training_overrides, so nothing a trainer changed is lost when a later one replaces it.
CREATE TABLE training_reviews (
  run_id text PRIMARY KEY REFERENCES training_runs (id),
  agent_id text NOT NULL REFERENCES users (id),
  reviewer_id text NOT NULL REFERENCES users (id),
  released_ms bigint,
  overridden boolean NOT NULL,
  updated_ms bigint NOT NULL,
  data jsonb NOT NULL
);
CREATE INDEX training_reviews_agent ON training_reviews (agent_id);

CREATE TABLE training_overrides (
  run_id text NOT NULL REFERENCES training_runs (id),
  criterion text NOT NULL,
  -- NULL: the trainer marked the criterion N/A.
  value integer,
  comment text NOT NULL CHECK (length(comment) > 0),
  by_user text NOT NULL REFERENCES users (id),
  at_ms bigint NOT NULL
);
CREATE INDEX training_overrides_run ON training_overrides (run_id);

-- Several trainers score one run blind with one rubric version; closed_ms set when the ratings show.
CREATE TABLE training_calibrations (
  id text PRIMARY KEY,
  run_id text NOT NULL REFERENCES training_runs (id),
  rubric_key text NOT NULL,
  rubric_version integer NOT NULL,
  benchmark_id text NOT NULL REFERENCES users (id),
  created_by text NOT NULL REFERENCES users (id),
  created_ms bigint NOT NULL,
  closed_ms bigint,
  FOREIGN KEY (rubric_key, rubric_version) REFERENCES training_rubrics (key, version)
);
CREATE INDEX training_calibrations_rubric ON training_calibrations (rubric_key);

CREATE TABLE training_calibration_raters (
  calibration_id text NOT NULL REFERENCES training_calibrations (id),
  trainer_id text NOT NULL REFERENCES users (id),
  -- NULL until the trainer submits.
  ratings jsonb,
  submitted_ms bigint,
  PRIMARY KEY (calibration_id, trainer_id)
);
