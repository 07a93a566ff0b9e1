import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EXIT_OK, runCli } from '@cli/run-cli';
import { generateSamplePackage } from '@cli/sample';
import { createCore, DATABASE_FILE_NAME, type Core } from '@core/create-core';
import { silentLogger } from '@core/logger';
import { TEST_PASSPHRASE, createTestReviewer } from '@test/support/reviewer';
import { RESOURCES_DIR, makeTempDir } from '@test/support/temp-dir';

/**
 * An expert's invoice decisions travel in their signed file and become that expert's own decisions
 * in the chair's data folder: shown in the change list the chair approves, applied by
 * `jigai scores import`, and replaced (not added to) by a later file.
 */
const temp = makeTempDir();
const dir = (name: string) => path.join(temp.dir, name);
let expert: Core;
let batchId = '';
let p1 = '';
let expertId = '';
let fingerprint = '';
let keys: string[] = [];
let rows: number[] = [];

async function exportTo(name: string): Promise<string> {
  const exported = await expert.api.exportExpertFile({ batchId, passphrase: TEST_PASSPHRASE });
  const file = dir(name);
  fs.writeFileSync(file, Buffer.from(exported.base64 ?? '', 'base64'));
  return file;
}

async function cliImport(file: string) {
  let stdout = '';
  const code = await runCli(['scores', 'import', file, '--trust', fingerprint, '--data', dir('chair'), '--json'], {
    io: { stdout: (t) => (stdout += t), stderr: (t) => (stdout += t) },
    resourcesDir: RESOURCES_DIR,
  });
  expect(code, stdout).toBe(EXIT_OK);
  return JSON.parse(stdout) as Record<string, unknown>;
}

/** The expert's decisions as held in a data folder (the expert's own or the chair's). */
function chairDecisions(folder = 'chair') {
  const db = new Database(path.join(dir(folder), DATABASE_FILE_NAME), { readonly: true });
  try {
    return db
      .prepare(
        'SELECT project_id AS projectId, invoice_key AS invoiceKey, kind, amount_fen AS amountFen, reason, reviewer, row_fingerprint AS fp FROM invoice_decisions WHERE reviewer_id = ? ORDER BY invoice_key',
      )
      .all(expertId);
  } finally {
    db.close();
  }
}

beforeAll(async () => {
  const zip = dir('package.zip');
  const sample = await generateSamplePackage({ projects: 2, invoices: 8, seed: 'panel-decisions', outFile: zip, stage: 'acceptance', policy: 'xiamen-2024' });
  batchId = sample.manifest.batch.id;
  [p1] = sample.manifest.projects.map((p) => p.id).sort() as [string];
  expert = createCore({ dataDir: dir('expert'), resourcesDir: RESOURCES_DIR, logger: silentLogger });
  await expert.api.importPackage({ path: zip });
  const me = await createTestReviewer(expert, '王立');
  expertId = me.id;
  fingerprint = me.fingerprint ?? '';
  const chair = createCore({ dataDir: dir('chair'), resourcesDir: RESOURCES_DIR, logger: silentLogger });
  await chair.api.importPackage({ path: zip });
  await createTestReviewer(chair, '陈组长', 'chair');
  chair.close();
  const review = await expert.api.getProjectVerification({ batchId, projectId: p1 });
  const firstTwo = review.invoices.slice(0, 2);
  keys = firstTwo.map((i) => i.key);
  rows = firstTwo.map((i) => i.rowNo);
}, 120_000);

afterAll(() => {
  expert.close();
  temp.cleanup();
});

describe('invoice decisions carried by an expert file', () => {
  it('are listed for approval and merged as the expert’s own decisions by scores import', async () => {
    await expert.api.decideInvoices({ batchId, projectId: p1, rowNos: [rows[0] ?? 0], kind: 'reduce', amount: '100.00', reason: '含不可列支的运费' });
    await expert.api.decideInvoices({ batchId, projectId: p1, rowNos: [rows[1] ?? 0], kind: 'reject', reason: '发票与项目无关' });
    const file = await exportTo('v1.json');

    const chair = createCore({ dataDir: dir('chair'), resourcesDir: RESOURCES_DIR, logger: silentLogger });
    await chair.api.trustSigner({ fingerprint, name: '王立', method: 'phone' });
    const preview = await chair.api.previewExpertFileImport({ path: file });
    if (!preview.accepted) throw new Error(preview.message);
    const changes = preview.projects.find((p) => p.projectId === p1)?.changes.filter((c) => c.kind === 'invoice-decision');
    expect(changes).toEqual([
      { kind: 'invoice-decision', itemId: keys[0], what: `发票 ${keys[0] ?? ''} 的认定`, old: null, new: '核减 100.00 元（含不可列支的运费）' },
      { kind: 'invoice-decision', itemId: keys[1], what: `发票 ${keys[1] ?? ''} 的认定`, old: null, new: '不予认定（发票与项目无关）' },
    ]);
    await chair.api.discardExpertFileImport({ importId: preview.importId });
    chair.close();
    expect(chairDecisions()).toEqual([]);

    expect(await cliImport(file)).toMatchObject({ expertName: '王立', version: 1, invoiceDecisions: 2 });
    // The same decisions on the same invoice rows: the chair's copy rests on the same fingerprints, so nothing is stale.
    const merged = chairDecisions();
    expect(merged).toEqual(chairDecisions('expert'));
    expect(merged).toContainEqual({
      projectId: p1,
      invoiceKey: keys[0],
      kind: 'reduce',
      amountFen: 10000,
      reason: '含不可列支的运费',
      reviewer: '王立',
      fp: expect.any(String),
    });
    expect(merged).toContainEqual({
      projectId: p1,
      invoiceKey: keys[1],
      kind: 'reject',
      amountFen: null,
      reason: '发票与项目无关',
      reviewer: '王立',
      fp: expect.any(String),
    });
  }, 60_000);

  it('are replaced by the expert’s next file: a withdrawn decision is gone', async () => {
    await expert.api.decideInvoices({ batchId, projectId: p1, rowNos: [rows[1] ?? 0], kind: 'clear' });
    expect(await cliImport(await exportTo('v2.json'))).toMatchObject({ version: 2, invoiceDecisions: 1 });
    expect(chairDecisions().map((d) => [(d as { invoiceKey: string }).invoiceKey, (d as { kind: string }).kind])).toEqual([[keys[0], 'reduce']]);
  }, 60_000);
});
