import type { Migration } from '../migration';

/**
 * Scoring (评分) and recusal (回避声明). Also the expert files a chair
 * applied or holds for approval, the export counter, the consolidation settings and the panel opinions.
 *
 * - rubric_versions: every rubric a batch was scored against, by the SHA-256 of its canonical JSON
 *   (the JSON stored is exactly what was hashed); a chair's adjustment names the version it came from.
 * - batch_rubrics: the rubric a batch uses; frozen_at is set when scoring starts, after which the
 *   rubric may not change.
 * - recusals, project_scores, item_scores: one reviewer's declaration, score sheet and item scores
 *   per project. Like invoice decisions they are keyed by the batch's and project's natural ids, not
 *   by row ids or foreign keys to projects, so that re-importing a later version of the package —
 *   which may drop and re-create project rows — never deletes what a reviewer typed.
 * - Scores are integer half points at rest (18.5 is stored as 37), exact like money in fen; they
 *   become decimal strings at the API boundary. Every score sheet names its rubric version.
 */
export const migration0007: Migration = {
  version: 7,
  name: 'scores-and-recusals',
  up(db) {
    db.exec(`
      CREATE TABLE rubric_versions (
        hash         TEXT PRIMARY KEY CHECK (length(hash) = 64),
        rubric_id    TEXT NOT NULL,
        version      INTEGER NOT NULL CHECK (version >= 1),
        json         TEXT NOT NULL,
        derived_from TEXT REFERENCES rubric_versions (hash),
        created_at   TEXT NOT NULL,
        created_by   TEXT NOT NULL
      ) STRICT;

      CREATE TABLE batch_rubrics (
        batch_id    TEXT PRIMARY KEY,
        rubric_hash TEXT NOT NULL REFERENCES rubric_versions (hash),
        chosen_at   TEXT NOT NULL,
        frozen_at   TEXT
      ) STRICT;

      CREATE TABLE recusals (
        batch_id    TEXT NOT NULL,
        project_id  TEXT NOT NULL,
        reviewer_id TEXT NOT NULL,
        kind        TEXT NOT NULL CHECK (kind IN ('none', 'employer', 'shareholding', 'family', 'cooperation', 'other')),
        note        TEXT NOT NULL DEFAULT '',
        declared_at TEXT NOT NULL,
        PRIMARY KEY (batch_id, project_id, reviewer_id),
        CHECK (kind <> 'other' OR trim(note) <> '')
      ) STRICT;

      CREATE TABLE project_scores (
        batch_id    TEXT NOT NULL,
        project_id  TEXT NOT NULL,
        reviewer_id TEXT NOT NULL,
        rubric_hash TEXT NOT NULL REFERENCES rubric_versions (hash),
        verdict     TEXT CHECK (verdict IN ('pass', 'basic-pass', 'fail')),
        opinion     TEXT NOT NULL DEFAULT '',
        updated_at  TEXT NOT NULL,
        PRIMARY KEY (batch_id, project_id, reviewer_id)
      ) STRICT;

      CREATE TABLE item_scores (
        batch_id     TEXT NOT NULL,
        project_id   TEXT NOT NULL,
        reviewer_id  TEXT NOT NULL,
        item_id      TEXT NOT NULL,
        -- NULL: a comment typed before the score (nothing typed is lost).
        score_halves INTEGER CHECK (score_halves IS NULL OR (score_halves >= 0 AND score_halves <= 200)),
        comment      TEXT NOT NULL DEFAULT '',
        attachment   TEXT,
        page         INTEGER CHECK (page IS NULL OR page >= 1),
        updated_at   TEXT NOT NULL,
        PRIMARY KEY (batch_id, project_id, reviewer_id, item_id),
        FOREIGN KEY (batch_id, project_id, reviewer_id) REFERENCES project_scores (batch_id, project_id, reviewer_id) ON DELETE CASCADE,
        CHECK (page IS NULL OR attachment IS NOT NULL)
      ) STRICT;

      CREATE INDEX item_scores_by_project ON item_scores (batch_id, project_id);

      -- The last expert file applied per batch and expert: its version guards against older files,
      -- its signed content (canonical JSON) is what the next file is compared with.
      CREATE TABLE expert_files (
        batch_id       TEXT NOT NULL,
        reviewer_id    TEXT NOT NULL REFERENCES reviewers (id),
        version        INTEGER NOT NULL CHECK (version >= 1),
        fingerprint    TEXT NOT NULL,
        package_sha256 TEXT NOT NULL,
        exported_at    TEXT NOT NULL,
        imported_at    TEXT NOT NULL,
        content        TEXT NOT NULL,
        PRIMARY KEY (batch_id, reviewer_id)
      ) STRICT;

      -- A checked expert file waiting for the chair's approval of its change list; nothing of it is
      -- in the score tables until approved.
      CREATE TABLE pending_expert_files (
        id          TEXT PRIMARY KEY,
        batch_id    TEXT NOT NULL,
        reviewer_id TEXT NOT NULL,
        version     INTEGER NOT NULL,
        file        TEXT NOT NULL,
        checked_at  TEXT NOT NULL
      ) STRICT;

      -- The own reviewer's export counter per batch: every export gets the next version.
      CREATE TABLE expert_file_exports (
        batch_id    TEXT PRIMARY KEY,
        version     INTEGER NOT NULL CHECK (version >= 1),
        exported_at TEXT NOT NULL
      ) STRICT;

      -- The chair's consolidation settings per batch; without a row: mean, 15 points.
      CREATE TABLE batch_consolidation (
        batch_id          TEXT PRIMARY KEY,
        method            TEXT NOT NULL CHECK (method IN ('mean', 'trimmedMean', 'median', 'normalised')),
        divergence_points TEXT NOT NULL,
        chosen_by         TEXT NOT NULL,
        chosen_at         TEXT NOT NULL
      ) STRICT;

      -- 专家组意见: the panel's verdict and opinion per project, as the chair saved it.
      CREATE TABLE panel_opinions (
        batch_id   TEXT NOT NULL,
        project_id TEXT NOT NULL,
        verdict    TEXT NOT NULL CHECK (verdict IN ('pass', 'basic-pass', 'fail')),
        opinion    TEXT NOT NULL,
        saved_by   TEXT NOT NULL,
        saved_at   TEXT NOT NULL,
        PRIMARY KEY (batch_id, project_id)
      ) STRICT;
    `);
  },
};
