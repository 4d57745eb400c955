-- Review rubrics of the trainers (issue 16, TRAINING.md): one row per version. A change to what scores
-- (weights, points, scales, critical flags, N/A, criteria added or removed) adds a version; rewording
-- updates the latest in place. Whatever scored with a version keeps naming it, so a rubric that scored
-- anything (used_ms set) is retired, never deleted.
CREATE TABLE training_rubrics (
  key text NOT NULL,
  version integer NOT NULL CHECK (version >= 1),
  title jsonb NOT NULL,
  categories jsonb NOT NULL,
  criteria jsonb NOT NULL,
  scoring_hash text NOT NULL,
  status text NOT NULL CHECK (status IN ('active', 'retired')),
  created_ms bigint NOT NULL,
  created_by text NOT NULL REFERENCES users (id),
  used_ms bigint,
  PRIMARY KEY (key, version)
);
