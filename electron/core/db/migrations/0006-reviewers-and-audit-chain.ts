import type Database from 'better-sqlite3';
import { AUDIT_CHAIN_GENESIS } from '@shared/audit/audit-chain';
import { auditEntryHash } from '../../audit/audit-hash';
import type { Migration } from '../migration';

/**
 * Reviewers with identities, the signers a chair has confirmed, decisions per reviewer and a
 * tamper-evident audit chain (issue 10, items 1 and 8).
 *
 * Before this step a data folder had one reviewer known only by a typed name. Their decisions and
 * audit entries are attached to one `legacy` reviewer made from those names, and the typed names
 * stay where they were; when the reviewer later creates their identity the work can be adopted.
 */
export const LEGACY_REVIEWER_ID = 'legacy';
/** The actor of what the program does before anyone created an identity here (importing a package, settings). */
export const MACHINE_REVIEWER_ID = 'machine';

/** The labels the program wrote as audit actions before actions were codes (frozen: this is history). */
const ACTION_CODE_OF_LABEL: Readonly<Record<string, string>> = {
  导入材料包: 'package-import',
  更新材料包: 'package-update',
  认定发票: 'invoice-accept',
  核减发票: 'invoice-reduce',
  不予认定发票: 'invoice-reject',
  撤销认定: 'invoice-clear',
  修改设置: 'settings-change',
};

const UNSIGNED = '（未署名）';

/** Refuses to rebuild a table whose columns differ from what this step was written for, rather than drop data. */
function requireColumns(db: Database.Database, table: string, expected: readonly string[]): void {
  const actual = db
    .prepare<[], { name: string }>(`SELECT name FROM pragma_table_info('${table}') ORDER BY cid`)
    .all()
    .map((c) => c.name);
  if (actual.join(',') !== expected.join(',')) {
    throw new Error(`migration 6 expects ${table}(${expected.join(', ')}) but found (${actual.join(', ')}); update it to carry the new columns`);
  }
}

function createTables(db: Database.Database): void {
  db.exec(`
    -- kind: own = this data folder's reviewer (holds the encrypted key; at most one);
    -- panel = another member known from an expert file; legacy = typed names from before identities;
    -- machine = this computer acting before anyone created an identity (package imports, settings).
    CREATE TABLE reviewers (
      id                TEXT PRIMARY KEY,
      kind              TEXT NOT NULL CHECK (kind IN ('own', 'panel', 'legacy', 'machine')),
      name              TEXT NOT NULL,
      organization      TEXT NOT NULL DEFAULT '',
      field             TEXT NOT NULL DEFAULT '',
      role              TEXT NOT NULL CHECK (role IN ('expert', 'chair')),
      certificate_pem   TEXT,
      fingerprint       TEXT UNIQUE CHECK (fingerprint IS NULL OR (length(fingerprint) = 64 AND fingerprint NOT GLOB '*[^0-9a-f]*')),
      encrypted_key_pem TEXT,
      created_at        TEXT NOT NULL,
      CHECK ((kind IN ('legacy', 'machine')) = (certificate_pem IS NULL)),
      CHECK ((certificate_pem IS NULL) = (fingerprint IS NULL)),
      CHECK ((kind = 'own') = (encrypted_key_pem IS NOT NULL))
    ) STRICT;
    CREATE UNIQUE INDEX reviewers_one_own ON reviewers (kind) WHERE kind = 'own';

    -- Certificates the chair has compared with the expert by phone, on paper or in person.
    CREATE TABLE trusted_signers (
      fingerprint  TEXT PRIMARY KEY CHECK (length(fingerprint) = 64 AND fingerprint NOT GLOB '*[^0-9a-f]*'),
      name         TEXT NOT NULL,
      organization TEXT NOT NULL DEFAULT '',
      method       TEXT NOT NULL CHECK (method IN ('phone', 'paper', 'in-person')),
      note         TEXT NOT NULL DEFAULT '',
      confirmed_by TEXT REFERENCES reviewers (id),
      confirmed_at TEXT NOT NULL
    ) STRICT;
  `);
  db.prepare("INSERT INTO reviewers (id, kind, name, role, created_at) VALUES (?, 'machine', '本机', 'expert', ?)").run(MACHINE_REVIEWER_ID, new Date(0).toISOString());
}

interface LegacySettings {
  reviewerName?: unknown;
  reviewerOrganization?: unknown;
  reviewerRole?: unknown;
}

function readLegacySettings(db: Database.Database): LegacySettings {
  const row = db.prepare<[], { value: string }>("SELECT value FROM settings WHERE key = 'reviewer'").get();
  try {
    return row ? (JSON.parse(row.value) as LegacySettings) : {};
  } catch {
    return {};
  }
}

/** One reviewer for everything done before identities, named by the names actually typed. */
function createLegacyReviewer(db: Database.Database): void {
  // Dated by the first thing they did, so the row itself tells when the old way of working began.
  const firstSeen = db
    .prepare<[], string | null>('SELECT min(t) FROM (SELECT min(at) AS t FROM audit_log UNION ALL SELECT min(decided_at) FROM invoice_decisions)')
    .pluck()
    .get();
  if (firstSeen === null || firstSeen === undefined) return;
  const settings = readLegacySettings(db);
  const typed = db
    .prepare<[], string>('SELECT reviewer FROM invoice_decisions GROUP BY reviewer ORDER BY min(id)')
    .pluck()
    .all()
    .map((name) => name.trim());
  const fromSettings = typeof settings.reviewerName === 'string' ? settings.reviewerName.trim() : '';
  const names = [...new Set([fromSettings, ...typed])].filter((name) => name !== '' && name !== UNSIGNED);
  db.prepare("INSERT INTO reviewers (id, kind, name, organization, role, created_at) VALUES (?, 'legacy', ?, ?, ?, ?)").run(
    LEGACY_REVIEWER_ID,
    names.length > 0 ? names.join('、') : '升级前的评审人',
    typeof settings.reviewerOrganization === 'string' ? settings.reviewerOrganization : '',
    settings.reviewerRole === 'chair' ? 'chair' : 'expert',
    firstSeen,
  );
}

/** Decisions become one per reviewer and invoice occurrence; today's keep their typed name beside the reviewer. */
function rebuildInvoiceDecisions(db: Database.Database): void {
  requireColumns(db, 'invoice_decisions', [
    'id',
    'batch_id',
    'project_id',
    'invoice_key',
    'occurrence',
    'kind',
    'amount_fen',
    'reason',
    'reviewer',
    'decided_at',
    'row_fingerprint',
    'fingerprint_version',
  ]);
  db.exec(`
    CREATE TABLE invoice_decisions_new (
      id              INTEGER PRIMARY KEY,
      batch_id        TEXT NOT NULL,
      project_id      TEXT NOT NULL,
      invoice_key     TEXT NOT NULL,
      occurrence      INTEGER NOT NULL DEFAULT 1,
      reviewer_id     TEXT NOT NULL REFERENCES reviewers (id),
      kind            TEXT NOT NULL CHECK (kind IN ('accept', 'reduce', 'reject')),
      amount_fen      INTEGER,
      reason          TEXT NOT NULL DEFAULT '',
      reviewer        TEXT NOT NULL,
      decided_at      TEXT NOT NULL,
      row_fingerprint TEXT NOT NULL,
      fingerprint_version INTEGER NOT NULL DEFAULT 1,
      UNIQUE (batch_id, project_id, invoice_key, occurrence, reviewer_id),
      CHECK (kind <> 'reduce' OR amount_fen IS NOT NULL),
      CHECK (kind = 'accept' OR reason <> '')
    ) STRICT;
    INSERT INTO invoice_decisions_new (id, batch_id, project_id, invoice_key, occurrence, reviewer_id, kind, amount_fen, reason, reviewer, decided_at, row_fingerprint, fingerprint_version)
      SELECT id, batch_id, project_id, invoice_key, occurrence, '${LEGACY_REVIEWER_ID}', kind, amount_fen, reason, reviewer, decided_at, row_fingerprint, fingerprint_version
      FROM invoice_decisions ORDER BY id;
    DROP TABLE invoice_decisions;
    ALTER TABLE invoice_decisions_new RENAME TO invoice_decisions;
    CREATE INDEX invoice_decisions_by_project ON invoice_decisions (batch_id, project_id, reviewer_id);
  `);
}

interface OldAuditRow {
  id: number;
  at: string;
  actor: string;
  action: string;
  subject: string;
  details: string;
}

/**
 * The audit log gains the actor's id and the chain. Existing entries are chained in id order, so
 * from now on any later change to them shows; what happened to them before this step cannot be
 * proven either way. Triggers make the table append-only for this program.
 */
function rebuildAuditLog(db: Database.Database): void {
  requireColumns(db, 'audit_log', ['id', 'at', 'actor', 'action', 'subject', 'details']);
  db.exec(`
    CREATE TABLE audit_log_new (
      id        INTEGER PRIMARY KEY,
      at        TEXT NOT NULL,
      actor_id  TEXT NOT NULL REFERENCES reviewers (id),
      actor     TEXT NOT NULL,
      action    TEXT NOT NULL,
      subject   TEXT NOT NULL,
      details   TEXT NOT NULL DEFAULT '{}',
      prev_hash TEXT NOT NULL UNIQUE,
      hash      TEXT NOT NULL UNIQUE
    ) STRICT;
  `);
  const insert = db.prepare(
    'INSERT INTO audit_log_new (id, at, actor_id, actor, action, subject, details, prev_hash, hash) VALUES (@id, @at, @actorId, @actor, @action, @subject, @details, @prevHash, @hash)',
  );
  let prevHash = AUDIT_CHAIN_GENESIS;
  // Read whole: better-sqlite3 cannot write while a read is still stepping on the same connection.
  for (const row of db.prepare<[], OldAuditRow>('SELECT id, at, actor, action, subject, details FROM audit_log ORDER BY id').all()) {
    const entry = { ...row, actorId: LEGACY_REVIEWER_ID, action: ACTION_CODE_OF_LABEL[row.action] ?? row.action };
    const hash = auditEntryHash(prevHash, entry);
    insert.run({ ...entry, prevHash, hash });
    prevHash = hash;
  }
  db.exec(`
    DROP TABLE audit_log;
    ALTER TABLE audit_log_new RENAME TO audit_log;
    CREATE INDEX audit_log_by_subject ON audit_log (subject, at);
    CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log BEGIN SELECT RAISE(ABORT, '操作记录只能追加，不能修改'); END;
    CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log BEGIN SELECT RAISE(ABORT, '操作记录只能追加，不能删除'); END;
  `);
}

export const migration0006: Migration = {
  version: 6,
  name: 'reviewers-and-audit-chain',
  up(db) {
    createTables(db);
    createLegacyReviewer(db);
    rebuildInvoiceDecisions(db);
    rebuildAuditLog(db);
  },
};
