import type { Migration } from '../migration';

/**
 * Scoring (评分) and recusal (回避声明). Written for version 7, to be registered in the migration
 * list when scoring is integrated.
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
        verdict     TEXT CHECK (verdict IN ('pass', 'conditional-pass', 'fail')),
        opinion     TEXT NOT NULL DEFAULT '',
        updated_at  TEXT NOT NULL,
        PRIMARY KEY (batch_id, project_id, reviewer_id)
      ) STRICT;

      CREATE TABLE item_scores (
        batch_id     TEXT NOT NULL,
        project_id   TEXT NOT NULL,
        reviewer_id  TEXT NOT NULL,
        item_id      TEXT NOT NULL,
        score_halves INTEGER NOT NULL CHECK (score_halves >= 0 AND score_halves <= 200),
        comment      TEXT NOT NULL DEFAULT '',
        attachment   TEXT,
        page         INTEGER CHECK (page IS NULL OR page >= 1),
        updated_at   TEXT NOT NULL,
        PRIMARY KEY (batch_id, project_id, reviewer_id, item_id),
        FOREIGN KEY (batch_id, project_id, reviewer_id) REFERENCES project_scores (batch_id, project_id, reviewer_id) ON DELETE CASCADE,
        CHECK (page IS NULL OR attachment IS NOT NULL)
      ) STRICT;

      CREATE INDEX item_scores_by_project ON item_scores (batch_id, project_id);
    `);
  },
};
