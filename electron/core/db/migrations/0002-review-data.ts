import type { Migration } from '../migration';

/**
 * What an application package holds (PACKAGE.md v1). Money is integer fen at rest so that SQL sums
 * are exact; it becomes a decimal string at the API boundary. Rows keep their sheet row number so
 * every finding can point back to the cell a reviewer sees in the workbook.
 */
export const migration0002: Migration = {
  version: 2,
  name: 'review-data',
  up(db) {
    db.exec(`
      CREATE TABLE batches (
        id             TEXT PRIMARY KEY,
        name           TEXT NOT NULL,
        policy         TEXT NOT NULL,
        stage          TEXT NOT NULL CHECK (stage IN ('application', 'midterm', 'acceptance')),
        issuer         TEXT NOT NULL,
        created_on     TEXT NOT NULL,
        imported_at    TEXT NOT NULL,
        package_sha256 TEXT NOT NULL
      ) STRICT;

      CREATE TABLE projects (
        pk                     INTEGER PRIMARY KEY,
        batch_id               TEXT NOT NULL REFERENCES batches (id) ON DELETE CASCADE,
        project_id             TEXT NOT NULL,
        name                   TEXT NOT NULL,
        applicant              TEXT NOT NULL,
        credit_code            TEXT NOT NULL,
        industry_code          TEXT,
        tier                   TEXT CHECK (tier IN ('point', 'line', 'area')),
        chain_leader           INTEGER CHECK (chain_leader IN (0, 1)),
        supporting_enterprises INTEGER,
        region_kind            TEXT,
        planned_investment_fen INTEGER,
        period_start           TEXT,
        period_end             TEXT,
        district               TEXT,
        contact                TEXT,
        phone                  TEXT,
        extra                  TEXT NOT NULL DEFAULT '{}',
        UNIQUE (batch_id, project_id)
      ) STRICT;

      CREATE TABLE contracts (
        pk            INTEGER PRIMARY KEY,
        project_pk    INTEGER NOT NULL REFERENCES projects (pk) ON DELETE CASCADE,
        row_no        INTEGER NOT NULL,
        contract_no   TEXT NOT NULL,
        name          TEXT NOT NULL,
        supplier_name TEXT NOT NULL,
        supplier_code TEXT,
        signed_on     TEXT,
        amount_fen    INTEGER NOT NULL,
        category      TEXT NOT NULL,
        domestic      INTEGER CHECK (domestic IN (0, 1)),
        attachments   TEXT NOT NULL DEFAULT '',
        extra         TEXT NOT NULL DEFAULT '{}',
        UNIQUE (project_pk, contract_no)
      ) STRICT;

      CREATE TABLE invoices (
        pk             INTEGER PRIMARY KEY,
        project_pk     INTEGER NOT NULL REFERENCES projects (pk) ON DELETE CASCADE,
        row_no         INTEGER NOT NULL,
        invoice_key    TEXT NOT NULL,
        code           TEXT NOT NULL DEFAULT '',
        number         TEXT NOT NULL,
        issued_on      TEXT NOT NULL,
        kind           TEXT NOT NULL,
        seller_name    TEXT NOT NULL,
        seller_tax_id  TEXT NOT NULL,
        buyer_name     TEXT NOT NULL,
        buyer_tax_id   TEXT NOT NULL,
        item_name      TEXT NOT NULL,
        amount_fen     INTEGER NOT NULL,
        tax_rate       TEXT NOT NULL,
        tax_fen        INTEGER,
        total_fen      INTEGER NOT NULL,
        total_in_words TEXT NOT NULL DEFAULT '',
        contract_no    TEXT NOT NULL DEFAULT '',
        attachments    TEXT NOT NULL DEFAULT '',
        extra          TEXT NOT NULL DEFAULT '{}'
      ) STRICT;
      CREATE INDEX invoices_by_project ON invoices (project_pk, row_no);
      CREATE INDEX invoices_by_key ON invoices (invoice_key);

      CREATE TABLE payments (
        pk          INTEGER PRIMARY KEY,
        project_pk  INTEGER NOT NULL REFERENCES projects (pk) ON DELETE CASCADE,
        row_no      INTEGER NOT NULL,
        voucher_no  TEXT NOT NULL,
        paid_on     TEXT NOT NULL,
        payer       TEXT NOT NULL,
        payee       TEXT NOT NULL,
        amount_fen  INTEGER NOT NULL,
        contract_no TEXT NOT NULL DEFAULT '',
        attachments TEXT NOT NULL DEFAULT '',
        extra       TEXT NOT NULL DEFAULT '{}'
      ) STRICT;
      CREATE INDEX payments_by_project ON payments (project_pk, contract_no);

      CREATE TABLE indicators (
        pk         INTEGER PRIMARY KEY,
        project_pk INTEGER NOT NULL REFERENCES projects (pk) ON DELETE CASCADE,
        row_no     INTEGER NOT NULL,
        category   TEXT NOT NULL,
        name       TEXT NOT NULL,
        unit       TEXT NOT NULL DEFAULT '',
        target     TEXT NOT NULL DEFAULT '',
        achieved   TEXT NOT NULL DEFAULT '',
        evidence   TEXT NOT NULL DEFAULT ''
      ) STRICT;
      CREATE INDEX indicators_by_project ON indicators (project_pk);

      -- Files are stored once by content hash under the data folder; rows only point at them.
      CREATE TABLE attachments (
        pk         INTEGER PRIMARY KEY,
        project_pk INTEGER NOT NULL REFERENCES projects (pk) ON DELETE CASCADE,
        path       TEXT NOT NULL,
        sha256     TEXT NOT NULL,
        size       INTEGER NOT NULL,
        media_type TEXT NOT NULL,
        UNIQUE (project_pk, path)
      ) STRICT;

      CREATE TABLE import_log (
        id             INTEGER PRIMARY KEY,
        batch_id       TEXT NOT NULL,
        imported_at    TEXT NOT NULL,
        source_name    TEXT NOT NULL,
        package_sha256 TEXT NOT NULL,
        summary        TEXT NOT NULL DEFAULT '{}'
      ) STRICT;
    `);
  },
};
