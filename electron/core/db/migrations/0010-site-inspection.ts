import type { Migration } from '../migration';

/**
 * 现场核查 (on-site inspection): what each expert saw of the project's equipment lines and indicators,
 * and the photos taken on site.
 *
 * - inspection_line_observations / inspection_indicator_observations: one reviewer's current
 *   observation of one checklist line or indicator. Keyed, like invoice decisions and corrections,
 *   by the batch's and project's natural ids, the line's or indicator's stable id (a hash of the
 *   contract number and the line's own content, shared/inspection/line-id.ts) and the reviewer's id,
 *   so re-importing the package keeps them; the history lives in the audit log. The reviewer's name
 *   is kept with the row because the chair holds observations of experts who are not on this folder.
 * - inspection_photos: one row per photo by the SHA-256 of its bytes, with the EXIF capture time and
 *   the hash of its downscaled copy. The bytes themselves — original and downscaled copy — are files
 *   in the data folder's content-addressed store (files/ab/abcdef…, package/import/blob-store.ts),
 *   like the package's attachments, not BLOBs: a site visit brings hundreds of photos of several MB,
 *   which would swell the database, its WAL and the copy written before every upgrade, and the store
 *   already writes durably, shares identical files and never rewrites a file once stored.
 * - inspection_observation_photos: the photos of a line observation, in the order shown.
 */
export const migration0010: Migration = {
  version: 10,
  name: 'site-inspection',
  up(db) {
    db.exec(`
      CREATE TABLE inspection_photos (
        sha256           TEXT PRIMARY KEY CHECK (length(sha256) = 64),
        file_name        TEXT NOT NULL,
        mime             TEXT NOT NULL CHECK (mime IN ('image/jpeg', 'image/png')),
        size             INTEGER NOT NULL CHECK (size > 0),
        width            INTEGER NOT NULL CHECK (width > 0),
        height           INTEGER NOT NULL CHECK (height > 0),
        taken_at         TEXT,
        added_at         TEXT NOT NULL,
        added_by         TEXT NOT NULL,
        thumbnail_sha256 TEXT NOT NULL CHECK (length(thumbnail_sha256) = 64)
      ) STRICT;

      CREATE TABLE inspection_line_observations (
        batch_id      TEXT NOT NULL,
        project_id    TEXT NOT NULL,
        line_id       TEXT NOT NULL CHECK (line_id <> ''),
        reviewer_id   TEXT NOT NULL,
        reviewer_name TEXT NOT NULL,
        status        TEXT NOT NULL CHECK (status IN ('seen-running', 'seen-idle', 'not-found', 'different')),
        quantity_seen TEXT,
        model_seen    TEXT,
        serial_number TEXT,
        note          TEXT NOT NULL DEFAULT '',
        observed_at   TEXT NOT NULL,
        PRIMARY KEY (batch_id, project_id, line_id, reviewer_id)
      ) STRICT;

      CREATE TABLE inspection_observation_photos (
        batch_id     TEXT NOT NULL,
        project_id   TEXT NOT NULL,
        line_id      TEXT NOT NULL,
        reviewer_id  TEXT NOT NULL,
        position     INTEGER NOT NULL CHECK (position >= 1),
        photo_sha256 TEXT NOT NULL REFERENCES inspection_photos (sha256),
        PRIMARY KEY (batch_id, project_id, line_id, reviewer_id, position),
        FOREIGN KEY (batch_id, project_id, line_id, reviewer_id)
          REFERENCES inspection_line_observations (batch_id, project_id, line_id, reviewer_id) ON DELETE CASCADE
      ) STRICT;
      CREATE INDEX inspection_observation_photos_by_photo ON inspection_observation_photos (photo_sha256);

      CREATE TABLE inspection_indicator_observations (
        batch_id      TEXT NOT NULL,
        project_id    TEXT NOT NULL,
        indicator_id  TEXT NOT NULL CHECK (indicator_id <> ''),
        reviewer_id   TEXT NOT NULL,
        reviewer_name TEXT NOT NULL,
        value         TEXT NOT NULL CHECK (value <> ''),
        note          TEXT NOT NULL DEFAULT '',
        observed_at   TEXT NOT NULL,
        PRIMARY KEY (batch_id, project_id, indicator_id, reviewer_id)
      ) STRICT;
    `);
  },
};
