import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '@shared/api/errors';
import type { PackageProblem } from '@shared/package/problem';
import { readEInvoiceFile } from '@core/einvoice/read-einvoice-file';
import { parseProjectWorkbook } from '@core/package/workbook/parse-project-workbook';
import { verifyPdfSignatures } from '@core/reports/signing/verify-pdf';
import { LIBREOFFICE_WORKBOOK, oneProjectSpec, writePackageZip } from '@test/support/package-builder';
import { createTestReviewer, TEST_PASSPHRASE } from '@test/support/reviewer';
import { makeTempDir } from '@test/support/temp-dir';
import { createTestCore } from '@test/support/test-core';

// A library that cannot read a file (yauzl, zlib, exceljs, pdf.js, pkijs) speaks English about its
// internals; the reviewer reads Chinese that names the file they chose and says what was expected.

/** English words in a message, once the file names it quotes are taken out. */
function englishIn(message: string): string[] {
  const withoutNames = message.replace(/「[^」]*」/gu, '').replace(/[\w.-]+\.(?:zip|xlsx|pdf|ofd|xml|json|p12|pfx)\b/giu, '');
  // Format and program names the reviewer knows by these letters.
  return (withoutNames.match(/[A-Za-z]{4,}/gu) ?? []).filter((word) => !['JSON', 'Excel', 'xlsx', 'PKCS'].includes(word));
}

const temp = makeTempDir();
const dir = temp.dir;
let validZip: Buffer;
const variants = (valid: Buffer) => ({
  truncated: valid.subarray(0, Math.floor(valid.length * 0.6)),
  'tail cut': valid.subarray(0, valid.length - 7),
  garbage: Buffer.from('这不是压缩包，而是一段文字。'.repeat(40)),
  'wrong type (a PDF)': Buffer.from('%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n'),
  empty: Buffer.alloc(0),
});

beforeAll(async () => {
  const file = path.join(dir, 'valid.zip');
  await writePackageZip(file, oneProjectSpec());
  validZip = fs.readFileSync(file);
});
afterAll(() => temp.cleanup());

describe('an application package that cannot be read', () => {
  it.each(Object.entries(variants(Buffer.alloc(0))).map(([kind]) => kind))('%s: Chinese, naming the file the user chose', async (kind) => {
    const bytes = variants(validZip)[kind as keyof ReturnType<typeof variants>];
    // Browser mode stores the upload under a temporary name; the reviewer chose 申报材料包.zip.
    const upload = path.join(dir, `b6507096-3c1e-4f5a-9d2b-${kind.length}-pkg.zip`);
    fs.writeFileSync(upload, bytes);
    const core = createTestCore();
    try {
      const error = await core.api.importPackage({ path: upload, displayName: '申报材料包.zip' }).then(
        () => null,
        (e: unknown) => e,
      );
      expect(error).toBeInstanceOf(AppError);
      const problems = ((error as AppError).details as { errors: PackageProblem[] }).errors;
      expect(problems.length).toBeGreaterThan(0);
      for (const problem of problems) {
        const text = `${problem.file} ${problem.message}`;
        expect(englishIn(text), text).toEqual([]);
        expect(text).not.toContain('b6507096');
      }
      const first = problems[0];
      expect(first?.file === '申报材料包.zip' || first?.message.includes('申报材料包.zip') || first?.file.endsWith('.xlsx') || first?.file === 'manifest.json').toBe(
        true,
      );
    } finally {
      core.cleanup();
    }
  });

  it('says what was expected of a file that is no zip', async () => {
    const upload = path.join(dir, 'c0ffee00-1111-4222-8333-garbage.zip');
    fs.writeFileSync(upload, variants(validZip).garbage);
    const core = createTestCore();
    try {
      const error = (await core.api.importPackage({ path: upload, displayName: '申报材料包.zip' }).catch((e: unknown) => e)) as AppError;
      const [problem] = (error.details as { errors: PackageProblem[] }).errors;
      expect(problem?.file).toBe('申报材料包.zip');
      expect(problem?.message).toBe('「申报材料包.zip」不是有效的 ZIP 文件（文件末尾的 ZIP 目录记录缺失或不完整，文件可能已损坏或未下载完整）');
    } finally {
      core.cleanup();
    }
  });
});

describe('a 申报表 that cannot be read', () => {
  it.each(Object.keys(variants(Buffer.alloc(0))))('%s', async (kind) => {
    const bytes = variants(fs.readFileSync(LIBREOFFICE_WORKBOOK))[kind as keyof ReturnType<typeof variants>];
    const { parsed, problems } = await parseProjectWorkbook('XM2024-001/申报表.xlsx', bytes, 'XM2024-001');
    expect(parsed).toBeNull();
    for (const problem of problems) expect(englishIn(problem.message), problem.message).toEqual([]);
  });
});

describe('an e-invoice attachment that cannot be read', () => {
  const pdf = Buffer.from('%PDF-1.4\n%âãÏÓ\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n', 'latin1');
  it.each([
    ['发票-0001.pdf', pdf],
    ['发票-0002.pdf', Buffer.from('不是 PDF')],
    ['发票-0003.ofd', Buffer.from('不是 OFD')],
    ['发票-0004.ofd', fs.readFileSync(LIBREOFFICE_WORKBOOK).subarray(0, 300)],
    ['发票-0005.xml', Buffer.from('<?xml version="1.0"?><EInvoice><Header>')],
  ])('%s', async (name, bytes) => {
    const result = await readEInvoiceFile(name, bytes);
    if (result === null || result.ok) return expect(result === null || result.ok).toBe(true); // a PDF that is no invoice is simply not one
    expect(englishIn(result.message), result.message).toEqual([]);
  });

  it('names the OFD file and what it should have been', async () => {
    const result = await readEInvoiceFile('发票-0003.ofd', Buffer.from('不是 OFD'));
    expect(result && !result.ok && result.message).toBe('「发票-0003.ofd」：不是有效的 OFD 文件（文件末尾的 ZIP 目录记录缺失或不完整，文件可能已损坏或未下载完整）');
  });
});

describe('a signing certificate file (PKCS#12) that cannot be read', () => {
  it.each(Object.keys(variants(Buffer.alloc(0))).filter((k) => k !== 'empty'))('%s: Chinese, naming the file', async (kind) => {
    const core = createTestCore();
    try {
      await createTestReviewer(core);
      const bytes = variants(validZip)[kind as keyof ReturnType<typeof variants>];
      const error = (await core.api
        .importSigningCertificate({ base64: bytes.toString('base64'), filePassphrase: 'x', passphrase: TEST_PASSPHRASE, fileName: '单位证书.p12' })
        .catch((e: unknown) => e)) as AppError;
      expect(error.code).toBe('BAD_INPUT');
      expect(error.message.startsWith('「单位证书.p12」：')).toBe(true);
      expect(englishIn(error.message), error.message).toEqual([]);
    } finally {
      core.cleanup();
    }
  });
});

describe('an expert file or a report that cannot be read', () => {
  it('an expert file cut short is refused in Chinese', async () => {
    const core = createTestCore();
    try {
      await createTestReviewer(core, '组长甲', 'chair');
      const file = path.join(dir, 'expert.json');
      fs.writeFileSync(file, '{"format":"jigai-expert-file","content":{"batch":');
      const preview = await core.api.previewExpertFileImport({ path: file });
      expect(preview.accepted).toBe(false);
      if (!preview.accepted) expect(englishIn(preview.message), preview.message).toEqual([]);
      const missing = (await core.api.previewExpertFileImport({ path: path.join(dir, 'gone.json') }).catch((e: unknown) => e)) as AppError;
      expect(missing.message).not.toContain(dir);
      expect(englishIn(missing.message), missing.message).toEqual([]);
    } finally {
      core.cleanup();
    }
  });

  it('a report that is no PDF says so in Chinese', async () => {
    for (const bytes of Object.values(variants(validZip))) {
      const result = await verifyPdfSignatures(bytes);
      expect(result.valid).toBe(false);
      for (const signature of result.signatures) expect(englishIn(signature.problem ?? '')).toEqual([]);
    }
  });
});
