import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateSamplePackage } from '@cli/sample';
import { EXIT_BAD_INPUT, EXIT_OK, runCli } from '@cli/run-cli';
import { createCore } from '@core/create-core';
import { createReviewerIdentity } from '@core/identity/reviewer-identity';
import { createReviewerStore } from '@core/identity/reviewer-store';
import { silentLogger } from '@core/logger';
import { RESOURCES_DIR, makeTempDir } from '../../support/temp-dir';

/**
 * `jigai report` end to end on a generated 2,000-invoice project: the PDF passes qpdf, pdftotext
 * reads every invoice back, poppler's pdfsig accepts the Chinese-named signature and three
 * countersignatures, and one changed byte makes both pdfsig and `jigai report verify` fail.
 */

const PASSPHRASE = '评审口令 correct horse';
const temp = makeTempDir();
const dir = temp.dir;
const dataOf = (name: string) => path.join(dir, name);
let batchId = '';
let projectId = '';
let invoiceKeys: string[] = [];

async function jigai(...argv: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await runCli(argv, { io: { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t) }, resourcesDir: RESOURCES_DIR });
  return { code, stdout, stderr };
}

async function giveReviewer(data: string, name: string, role: 'chair' | 'expert') {
  const core = createCore({ dataDir: data, resourcesDir: RESOURCES_DIR, logger: silentLogger });
  try {
    createReviewerStore(core.context.db).saveOwn(
      await createReviewerIdentity({ name, organization: '厦门大学机电工程学院', field: '机械制造', role, passphrase: PASSPHRASE }),
    );
  } finally {
    core.close();
  }
}

const pdfsig = (file: string) => spawnSync('pdfsig', [file], { encoding: 'utf8' }).stdout;
const qpdfCheck = (file: string) => spawnSync('qpdf', ['--check', file], { encoding: 'utf8' });
const pdftotext = (file: string, page?: number) =>
  execFileSync('pdftotext', [...(page === undefined ? [] : ['-f', String(page), '-l', String(page)]), '-layout', file, '-'], {
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
const pageCount = (file: string) => Number(/Pages:\s+(\d+)/u.exec(execFileSync('pdfinfo', [file], { encoding: 'utf8' }))?.[1]);

beforeAll(async () => {
  process.env.JIGAI_PASSPHRASE = PASSPHRASE;
  const file = path.join(dir, 'sample.zip');
  const sample = await generateSamplePackage({ projects: 1, invoices: 2000, seed: 'report-cli', outFile: file, defects: ['amount-arithmetic'], pdfAttachments: false });
  batchId = sample.manifest.batch.id;
  projectId = sample.manifest.projects[0]?.id ?? '';
  const imported = await jigai('import', file, '--data', dataOf('chair'), '--json');
  if (imported.code !== EXIT_OK) throw new Error(imported.stdout + imported.stderr);
  const verified = JSON.parse((await jigai('verify', '--batch', batchId, '--data', dataOf('chair'), '--json')).stdout) as { projects: { invoices: { key: string }[] }[] };
  invoiceKeys = verified.projects[0]?.invoices.map((i) => i.key) ?? [];
  await giveReviewer(dataOf('chair'), '王建国', 'chair');
  await giveReviewer(dataOf('m1'), '李秀英', 'expert');
  await giveReviewer(dataOf('m2'), '欧阳明', 'expert');
  await giveReviewer(dataOf('m3'), '陈晓东', 'expert');
}, 300_000);

afterAll(() => {
  delete process.env.JIGAI_PASSPHRASE;
  temp.cleanup();
});

// Each test draws a 90-page report with pdfkit and runs poppler on it.
describe('jigai report', { timeout: 120_000 }, () => {
  it('makes a draft acceptance report listing every invoice, marked 草稿 on every page', async () => {
    const out = path.join(dir, 'draft.pdf');
    const result = await jigai('report', '--batch', batchId, '--project', projectId, '--kind', 'acceptance', '--out', out, '--data', dataOf('chair'), '--json');
    expect(result.code, result.stderr).toBe(EXIT_OK);
    const reply = JSON.parse(result.stdout) as { draft: boolean; open: string[]; reportId: string; contentSha256: string };
    expect(reply.draft).toBe(true);
    expect(reply.open.join('\n')).toContain('专家组尚未完成评分');
    expect(qpdfCheck(out).status).toBe(0);
    const text = pdftotext(out);
    expect(invoiceKeys).toHaveLength(2000);
    const missing = invoiceKeys.filter((key) => !text.includes(key));
    expect(missing).toEqual([]);
    expect(text).toContain('项目验收报告');
    expect(text).toContain('发票核验明细');
    expect(text).toContain(reply.contentSha256);
    const pages = pageCount(out);
    expect(pages).toBeGreaterThan(40);
    for (const page of [1, Math.floor(pages / 2), pages]) {
      const pageText = pdftotext(out, page);
      expect(pageText).toContain('（草稿）');
      expect(pageText).toContain(`第 ${String(page)} 页 共 ${String(pages)} 页`);
    }
    // The table header is repeated on every page of the appendix.
    expect(pdftotext(out, pages - 1)).toContain('认定金额');
  });

  it('refuses --final while the panel has not scored, listing what is open', async () => {
    const out = path.join(dir, 'final.pdf');
    const result = await jigai('report', '--batch', batchId, '--project', projectId, '--kind', 'acceptance', '--final', '--out', out, '--data', dataOf('chair'));
    expect(result.code).toBe(EXIT_BAD_INPUT);
    expect(result.stderr).toContain('不能作为正式报告');
    expect(result.stderr).toContain('专家组尚未完成评分');
    expect(fs.existsSync(out)).toBe(false);
  });

  it('signs as the reviewer, takes three countersignatures, and all stay valid under pdfsig and jigai report verify', async () => {
    const signed = path.join(dir, 'signed.pdf');
    const made = await jigai(
      'report',
      '--batch',
      batchId,
      '--project',
      projectId,
      '--kind',
      'acceptance',
      '--sign',
      '--out',
      signed,
      '--data',
      dataOf('chair'),
      '--json',
    );
    expect(made.code, made.stderr).toBe(EXIT_OK);
    expect(pdfsig(signed)).toContain('Signer Certificate Common Name: 王建国');
    expect(pdfsig(signed)).toContain('Signature is Valid');
    let current = signed;
    for (const member of ['m1', 'm2', 'm3']) {
      const next = path.join(dir, `signed-${member}.pdf`);
      const result = await jigai('report', 'sign', current, '--out', next, '--data', dataOf(member), '--json');
      expect(result.code, result.stderr).toBe(EXIT_OK);
      current = next;
    }
    const report = pdfsig(current);
    expect(report.match(/Signature is Valid/gu)).toHaveLength(4);
    for (const name of ['王建国', '李秀英', '欧阳明', '陈晓东']) expect(report).toContain(`Common Name: ${name}`);
    expect(qpdfCheck(current).status).toBe(0);
    const verified = await jigai('report', 'verify', current, '--json');
    expect(verified.code).toBe(EXIT_OK);
    const reply = JSON.parse(verified.stdout) as {
      valid: boolean;
      signatures: { signer: string; fingerprint: string; signedAt: string; valid: boolean; coversWholeDocument: boolean }[];
    };
    expect(reply.valid).toBe(true);
    expect(reply.signatures.map((s) => s.signer)).toEqual(['王建国', '李秀英', '欧阳明', '陈晓东']);
    expect(reply.signatures.map((s) => s.coversWholeDocument)).toEqual([false, false, false, true]);
    expect(reply.signatures.every((s) => s.valid && /^[0-9a-f]{64}$/u.test(s.fingerprint) && !Number.isNaN(Date.parse(s.signedAt)))).toBe(true);

    // One byte changed inside the first signature's range: the page text of the report.
    const bytes = fs.readFileSync(current);
    const at = bytes.indexOf('/Title');
    bytes[at + 1] = 'X'.charCodeAt(0);
    const tampered = path.join(dir, 'tampered.pdf');
    fs.writeFileSync(tampered, bytes);
    expect(pdfsig(tampered)).not.toMatch(/Signature #1:[^#]*Signature is Valid/u);
    const failed = await jigai('report', 'verify', tampered, '--json');
    expect(failed.code).toBe(EXIT_BAD_INPUT);
    const failedReply = JSON.parse(failed.stdout) as { valid: boolean; signatures: { valid: boolean }[] };
    expect(failedReply.valid).toBe(false);
    expect(failedReply.signatures.every((s) => !s.valid)).toBe(true);
  });

  it('makes the batch summary and the expert form as drafts saying 尚未评分', async () => {
    const summary = path.join(dir, 'summary.pdf');
    const s = await jigai('report', '--batch', batchId, '--kind', 'summary', '--out', summary, '--data', dataOf('chair'));
    expect(s.code, s.stderr).toBe(EXIT_OK);
    expect(qpdfCheck(summary).status).toBe(0);
    expect(pdftotext(summary)).toContain('评审结果汇总表');
    expect(pdftotext(summary)).toContain('尚未评分');
    const expert = path.join(dir, 'expert.pdf');
    const e = await jigai('report', '--batch', batchId, '--project', projectId, '--kind', 'expert', '--out', expert, '--data', dataOf('chair'));
    expect(e.code, e.stderr).toBe(EXIT_OK);
    expect(qpdfCheck(expert).status).toBe(0);
    expect(pdftotext(expert)).toContain('专家个人评审表');
    expect((await jigai('report', '--batch', batchId, '--kind', 'expert', '--out', expert, '--data', dataOf('chair'))).code).toBe(EXIT_BAD_INPUT);
  });

  it('says a file without signatures is not valid', async () => {
    const result = await jigai('report', 'verify', path.join(dir, 'draft.pdf'), '--json');
    expect(result.code).toBe(EXIT_BAD_INPUT);
    expect(JSON.parse(result.stdout)).toEqual({ valid: false, signatures: [] });
  });
});
