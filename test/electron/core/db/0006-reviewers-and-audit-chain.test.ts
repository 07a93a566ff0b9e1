import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { createChainedAuditLog, verifyStoredAuditChain } from '@core/audit/audit-chain-store';
import { applyMigrations, readSchemaVersion } from '@core/db/migrate';
import { migrations } from '@core/db/migrations';
import { migration0001 } from '@core/db/migrations/0001-settings-and-audit-log';
import { migration0002 } from '@core/db/migrations/0002-review-data';
import { migration0003 } from '@core/db/migrations/0003-imported-rule-sets';
import { migration0004 } from '@core/db/migrations/0004-invoice-decisions';
import { migration0005 } from '@core/db/migrations/0005-decision-fingerprint-version';
import { migration0006 } from '@core/db/migrations/0006-reviewers-and-audit-chain';

// Registered after migration 5; applied here on top of 1–5 as a folder of the previous release has them.
const UP_TO_4 = [migration0001, migration0002, migration0003, migration0004, migration0005];
const WITH_6 = [...UP_TO_4, migration0006];

function at4(): Database.Database {
  const db = new Database(':memory:');
  db.pragma('foreign_keys = ON');
  applyMigrations(db, UP_TO_4, 5);
  return db;
}

/** A data folder as the product left it before identities: typed names, decisions, audit entries. */
function withLegacyWork(db: Database.Database): Database.Database {
  db.prepare("INSERT INTO settings (key, value) VALUES ('reviewer', ?)").run(
    JSON.stringify({ reviewerName: '陈立新', reviewerOrganization: '厦门理工学院', reviewerRole: 'chair' }),
  );
  const decide = db.prepare(
    "INSERT INTO invoice_decisions (batch_id, project_id, invoice_key, occurrence, kind, amount_fen, reason, reviewer, decided_at, row_fingerprint) VALUES ('XM-2026-YS-01', 'XM2024-001', ?, 1, ?, ?, ?, ?, ?, 'fp')",
  );
  decide.run('24352000000012345678', 'reduce', 81_200_000, '超出合同', '陈工', '2026-11-20T02:00:00.000Z');
  decide.run('24352000000012345699', 'reject', null, '重复申报', '（未署名）', '2026-11-20T02:10:00.000Z');
  decide.run('24352000000012345700', 'accept', null, '', '陈立新', '2026-11-20T02:20:00.000Z');
  const audit = db.prepare('INSERT INTO audit_log (at, actor, action, subject, details) VALUES (?, ?, ?, ?, ?)');
  audit.run('2026-11-20T01:00:00.000Z', '本机', '导入材料包', 'batch:XM-2026-YS-01', '{"projects":3}');
  audit.run('2026-11-20T02:00:00.000Z', '陈工', '核减发票', 'project:XM-2026-YS-01/XM2024-001', '{"amount":"812000.00","reason":"超出合同"}');
  audit.run('2026-11-20T02:10:00.000Z', '（未署名）', '不予认定发票', 'project:XM-2026-YS-01/XM2024-001', '{"reason":"重复申报"}');
  audit.run('2026-11-20T02:30:00.000Z', '陈立新', '某个将来的动作', 'settings', '{}');
  return db;
}

const OWN_CERT = { pem: '-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n', fingerprint: 'ab'.repeat(32) };

describe('0006 reviewers and audit chain', () => {
  it('is registered after migration 5', () => {
    expect(migrations.map((m) => m.version).slice(4, 6)).toEqual([5, 6]);
  });

  it('attaches today’s decisions to one legacy reviewer named by the typed names, keeping each typed name', () => {
    const db = withLegacyWork(at4());
    applyMigrations(db, WITH_6, 6);
    expect(readSchemaVersion(db)).toBe(6);
    expect(
      db.prepare("SELECT id, kind, name, organization, role, created_at AS createdAt, certificate_pem AS cert FROM reviewers WHERE kind <> 'machine'").all(),
    ).toEqual([{ id: 'legacy', kind: 'legacy', name: '陈立新、陈工', organization: '厦门理工学院', role: 'chair', createdAt: '2026-11-20T01:00:00.000Z', cert: null }]);
    expect(db.prepare('SELECT invoice_key AS key, reviewer_id AS reviewerId, reviewer, kind, amount_fen AS fen FROM invoice_decisions ORDER BY id').all()).toEqual([
      { key: '24352000000012345678', reviewerId: 'legacy', reviewer: '陈工', kind: 'reduce', fen: 81_200_000 },
      { key: '24352000000012345699', reviewerId: 'legacy', reviewer: '（未署名）', kind: 'reject', fen: null },
      { key: '24352000000012345700', reviewerId: 'legacy', reviewer: '陈立新', kind: 'accept', fen: null },
    ]);
  });

  it('keeps decisions per reviewer: a second reviewer may decide the same invoice, the same one cannot twice', () => {
    const db = withLegacyWork(at4());
    applyMigrations(db, WITH_6, 6);
    db.prepare(
      "INSERT INTO reviewers (id, kind, name, role, certificate_pem, fingerprint, encrypted_key_pem, created_at) VALUES ('r-own', 'own', '陈立新', 'chair', ?, ?, 'k', '2026-11-21')",
    ).run(OWN_CERT.pem, OWN_CERT.fingerprint);
    const decide = db.prepare(
      "INSERT INTO invoice_decisions (batch_id, project_id, invoice_key, occurrence, reviewer_id, kind, reason, reviewer, decided_at, row_fingerprint) VALUES ('XM-2026-YS-01', 'XM2024-001', '24352000000012345678', 1, ?, 'accept', '', '陈立新', '2026-11-21', 'fp')",
    );
    expect(() => decide.run('r-own')).not.toThrow();
    expect(() => decide.run('r-own')).toThrow(/UNIQUE/u);
    expect(() => decide.run('nobody')).toThrow(/FOREIGN KEY/u);
    const plan = db.prepare("EXPLAIN QUERY PLAN SELECT kind FROM invoice_decisions WHERE batch_id = 'B' AND project_id = 'P' AND reviewer_id = 'r-own'").all() as {
      detail: string;
    }[];
    expect(plan.map((p) => p.detail).join(' ')).toMatch(/USING (COVERING )?INDEX/u);
  });

  it('chains the existing audit entries in order, with actions as codes and the legacy reviewer as actor', () => {
    const db = withLegacyWork(at4());
    applyMigrations(db, WITH_6, 6);
    const rows = db.prepare('SELECT id, actor_id AS actorId, actor, action FROM audit_log ORDER BY id').all();
    expect(rows).toEqual([
      { id: 1, actorId: 'legacy', actor: '本机', action: 'package-import' },
      { id: 2, actorId: 'legacy', actor: '陈工', action: 'invoice-reduce' },
      { id: 3, actorId: 'legacy', actor: '（未署名）', action: 'invoice-reject' },
      { id: 4, actorId: 'legacy', actor: '陈立新', action: '某个将来的动作' },
    ]);
    const verdict = verifyStoredAuditChain(db);
    expect(verdict).toMatchObject({ intact: true, entries: 4 });

    // New entries continue the same chain.
    const log = createChainedAuditLog(db, () => new Date('2026-11-21T08:00:00.000Z'));
    const added = log.record({ actorId: 'legacy', actor: '陈立新', action: 'reviewer-create', subject: 'reviewer:legacy', details: { role: 'chair' } });
    expect(added).toMatchObject({ id: 5, prevHash: verdict.intact ? verdict.headHash : '' });
    expect(verifyStoredAuditChain(db)).toMatchObject({ intact: true, entries: 5, headHash: added.hash });
  });

  it('refuses to change or remove an entry, and names the first entry altered behind the program’s back', () => {
    const db = withLegacyWork(at4());
    applyMigrations(db, WITH_6, 6);
    expect(() => db.prepare("UPDATE audit_log SET details = '{}' WHERE id = 2").run()).toThrow(/只能追加/u);
    expect(() => db.prepare('DELETE FROM audit_log WHERE id = 4').run()).toThrow(/只能追加/u);

    // Someone with a database tool drops the guard and edits the amount of entry 2.
    db.exec('DROP TRIGGER audit_log_no_update');
    db.prepare('UPDATE audit_log SET details = ? WHERE id = 2').run('{"amount":"81200.00","reason":"超出合同"}');
    expect(verifyStoredAuditChain(db)).toMatchObject({ intact: false, firstBroken: { id: 2, reason: 'altered' } });
  });

  it('cannot fork the chain: two entries may not follow the same one', () => {
    const db = at4();
    applyMigrations(db, WITH_6, 6);
    db.prepare(
      "INSERT INTO reviewers (id, kind, name, role, certificate_pem, fingerprint, encrypted_key_pem, created_at) VALUES ('r-own', 'own', '陈立新', 'chair', ?, ?, 'k', '2026-11-21')",
    ).run(OWN_CERT.pem, OWN_CERT.fingerprint);
    createChainedAuditLog(db, () => new Date('2026-11-21T08:00:00.000Z')).record({
      actorId: 'r-own',
      actor: '陈立新',
      action: 'reviewer-create',
      subject: 'reviewer:r-own',
    });
    expect(() =>
      db
        .prepare("INSERT INTO audit_log (at, actor_id, actor, action, subject, prev_hash, hash) VALUES ('t', 'r-own', 'x', 'score-record', 's', ?, 'other')")
        .run('0'.repeat(64)),
    ).toThrow(/UNIQUE/u);
  });

  it('creates no legacy reviewer in a folder with no history, and holds at most one own reviewer', () => {
    const db = at4();
    applyMigrations(db, WITH_6, 6);
    // Only 本机, the actor of what is done before anyone created an identity.
    expect(db.prepare('SELECT id, kind, name FROM reviewers').all()).toEqual([{ id: 'machine', kind: 'machine', name: '本机' }]);
    const add = db.prepare(
      "INSERT INTO reviewers (id, kind, name, role, certificate_pem, fingerprint, encrypted_key_pem, created_at) VALUES (?, ?, '某', 'expert', ?, ?, ?, '2026-11-21')",
    );
    add.run('r-1', 'own', OWN_CERT.pem, OWN_CERT.fingerprint, 'k');
    expect(() => add.run('r-2', 'own', OWN_CERT.pem, 'cd'.repeat(32), 'k')).toThrow(/UNIQUE/u);
    expect(() => add.run('r-3', 'panel', OWN_CERT.pem, 'ef'.repeat(32), 'k')).toThrow(/CHECK/u); // only the own reviewer keeps a key
    expect(() => add.run('r-4', 'panel', OWN_CERT.pem, 'EF'.repeat(32), null)).toThrow(/CHECK/u); // fingerprints are lower-case hex
    expect(() => add.run('r-5', 'panel', OWN_CERT.pem, OWN_CERT.fingerprint, null)).toThrow(/UNIQUE/u);
    expect(() => add.run('r-6', 'panel', OWN_CERT.pem, '12'.repeat(32), null)).not.toThrow();

    const trust = db.prepare(
      "INSERT INTO trusted_signers (fingerprint, name, organization, method, confirmed_by, confirmed_at) VALUES (?, '王工', '某设计院', ?, 'r-1', '2026-11-22')",
    );
    expect(() => trust.run('12'.repeat(32), 'phone')).not.toThrow();
    expect(() => trust.run('34'.repeat(32), 'email')).toThrow(/CHECK/u);
    expect(() => trust.run('56'.repeat(31), 'paper')).toThrow(/CHECK/u);
  });

  it('stops, leaving the folder at version 5, if a table changed shape in a way it was not written for', () => {
    const db = withLegacyWork(at4());
    db.exec("ALTER TABLE invoice_decisions ADD COLUMN note TEXT NOT NULL DEFAULT ''");
    expect(() => applyMigrations(db, WITH_6, 6)).toThrow(/invoice_decisions/u);
    expect(readSchemaVersion(db)).toBe(5);
    expect(db.prepare("SELECT count(*) FROM sqlite_schema WHERE name = 'reviewers'").pluck().get()).toBe(0);
    expect(db.prepare('SELECT count(*) FROM invoice_decisions').pluck().get()).toBe(3);
  });
});
