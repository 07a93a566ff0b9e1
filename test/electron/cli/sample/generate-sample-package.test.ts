import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFECT_NAMES, INVOICE_WINDOW, generateSamplePackage, type DefectName, type SamplePackage } from '@cli/sample';
import {
  checkCreditCode,
  checkInvoiceTax,
  checkTotal,
  classifyInvoice,
  expectedTax,
  isOrganizationCodeValid,
  moneyEquals,
  moneyToFen,
  parseMoney,
  type Result,
} from '@shared/domain';
import { makeTempDir } from '@test/support/temp-dir';
import { readPackage, readWorkbook, type ReadPackage } from './support/read-package';
import { reviewPackage, type Review } from './support/review-package';

const NO_PDF = { pdfAttachments: false } as const;

function parseOk<T>(result: Result<T>): T {
  if (!result.ok) throw new Error(result.message);
  return result.value;
}

describe('generateSamplePackage — a clean package', () => {
  let sample: SamplePackage;
  let pkg: ReadPackage;
  let review: Review;

  beforeAll(async () => {
    sample = await generateSamplePackage({ projects: 3, invoices: 60, seed: 'clean', ...NO_PDF });
    pkg = await readPackage(sample.zip);
    review = reviewPackage(pkg);
  });

  it('is a valid version-1 package: manifest, hashes, UTF-8 names, five sheets with known headers', () => {
    expect(review.errors).toEqual([]);
    expect(sample.manifest).toMatchObject({ format: 'jigai-package', version: 1, batch: { policy: 'xiamen-2024', stage: 'acceptance' } });
    expect(pkg.manifest).toEqual(sample.manifest);
    expect(sample.manifest.projects.map((p) => p.id)).toEqual(['XM2024-001', 'XM2024-002', 'XM2024-003']);
    expect([...pkg.entries.keys()][0]).toBe('manifest.json');
  });

  it('raises no review finding at all', () => {
    expect(review.findings).toEqual([]);
    expect(sample.injected).toEqual([]);
  });

  it('has exactly the requested number of invoices, split across the projects', () => {
    expect(review.invoices).toHaveLength(60);
    expect(pkg.projects.map((p) => p.sheets.发票.rows.length)).toEqual([20, 20, 20]);
    expect(sample.stats.invoices).toBe(60);
  });

  it('keeps every invoice arithmetic exact: tax = round(amount × rate), total = amount + tax, words = total', () => {
    for (const invoice of review.invoices) {
      expect(checkTotal(invoice.amount, invoice.tax, invoice.total).severity).toBe('ok');
      expect(checkInvoiceTax(invoice.amount, invoice.rate, invoice.tax).severity).toBe('ok');
      expect(moneyEquals(expectedTax(invoice.amount, invoice.rate), invoice.tax)).toBe(true);
      expect(invoice.wordsValue).toBe(invoice.total);
    }
  });

  it('writes valid credit codes (GB 32100 and the embedded GB 11714 organisation code)', () => {
    const codes = new Set(review.invoices.flatMap((i) => [i.sellerCode, i.buyerCode]));
    expect(codes.size).toBeGreaterThan(5);
    for (const code of codes) {
      const check = checkCreditCode(code);
      expect(check.kind, code).toBe('valid');
      expect(isOrganizationCodeValid(code.slice(8, 17)), code).toBe(true);
    }
  });

  it('uses both invoice kinds with well-formed numbers', () => {
    const kinds = new Set<string>();
    for (const project of pkg.projects) {
      for (const { cells } of project.sheets.发票.rows) {
        const id = classifyInvoice(cells.发票代码, cells.发票号码);
        expect(id.ok).toBe(true);
        if (!id.ok) continue;
        kinds.add(id.value.kind);
        if (id.value.kind === 'digital') {
          expect(id.value.year).toBeGreaterThanOrEqual(2024);
          expect(id.value.regionName).toBeDefined();
        } else {
          expect(id.value.code).toMatch(/^(\d{10}|\d{12})$/u);
        }
      }
    }
    expect(kinds).toEqual(new Set(['digital', 'tax-control']));
  });

  it('writes amounts mostly as numbers, dates mostly as Excel dates, with some text of the allowed spellings', async () => {
    const big = await generateSamplePackage({ projects: 8, invoices: 400, seed: 'variety', ...NO_PDF });
    const read = await readPackage(big.zip);
    expect(reviewPackage(read).errors).toEqual([]);
    const rows = read.projects.flatMap((p) => p.sheets.发票.rows);
    const amounts = rows.map((r) => r.cells.金额);
    const dates = rows.map((r) => r.cells.开票日期);
    const numeric = amounts.filter((a) => typeof a === 'number').length;
    expect(numeric / amounts.length).toBeGreaterThan(0.5);
    expect(amounts.some((a) => typeof a === 'string' && /^\d{1,3}(,\d{3})*\.\d{2}$/u.test(a))).toBe(true);
    expect(dates.filter((d) => d instanceof Date).length / dates.length).toBeGreaterThan(0.5);
    expect(dates.some((d) => typeof d === 'string')).toBe(true);
    for (const d of dates) if (typeof d === 'string') expect(d).toMatch(/^(\d{4}-\d{2}-\d{2}|\d{4}\/\d{1,2}\/\d{1,2}|\d{4}\.\d{2}\.\d{2}|\d{4}年\d{1,2}月\d{1,2}日)$/u);
    // Some sheets have a title row above the header, some headers use aliases or units.
    expect(new Set(read.projects.map((p) => p.sheets.发票.headerRow))).toEqual(new Set([1, 2]));
    expect(read.projects.some((p) => p.info.计划总投资?.unit === 'wan')).toBe(true);
  });

  it('dates every invoice inside the window and after its contract', () => {
    // The reviewer found no date finding; check the window bound itself once more on the raw values.
    expect(INVOICE_WINDOW).toEqual({ start: '2024-01-01', end: '2026-12-31' });
    expect(review.findings.filter((f) => f.kind.startsWith('date'))).toEqual([]);
  });

  it('names item lines *税收分类*品名 that fit the investment category', () => {
    for (const project of pkg.projects) {
      const categoryOf = new Map(project.sheets.合同.rows.map((r) => [r.cells.合同编号, r.cells.投资类别]));
      for (const { cells } of project.sheets.发票.rows) {
        expect(cells.项目名称).toMatch(/^\*[^*]+\*.+$/u);
        const category = categoryOf.get(cells.合同编号);
        if (category === '设备') expect(cells.项目名称).toMatch(/^\*(机械设备|计算机配套产品|计算机网络设备|仪器仪表|输配电控制设备|通用设备|专用设备)\*/u);
        if (category === '测试') expect(cells.项目名称).toMatch(/检测|校准/u);
      }
    }
  });

  it('fills indicators with targets and achieved values, some short of target', async () => {
    const big = await generateSamplePackage({ projects: 6, invoices: 60, seed: 'indicators', ...NO_PDF });
    const read = await readPackage(big.zip);
    const rows = read.projects.flatMap((p) => p.sheets.绩效指标.rows);
    expect(rows.length).toBeGreaterThan(20);
    expect(rows.some((r) => (r.cells.完成值 as number) < (r.cells.目标值 as number))).toBe(true);
    expect(rows.some((r) => (r.cells.完成值 as number) >= (r.cells.目标值 as number))).toBe(true);
  });

  it('writes XML attachments in the structure of the official 数电 sample, values matching the row', () => {
    const official = fs.readFileSync(path.join(import.meta.dirname, 'fixtures', 'shudian-special-official-sample.xml'), 'utf8');
    // Element names in document order, with repeated item lines reduced to the first.
    const shape = (xml: string) => {
      let single = xml;
      for (;;) {
        const next = single.replace(/(<\/IssuItemInformation>)\s*<IssuItemInformation>[\s\S]*?<\/IssuItemInformation>/u, '$1');
        if (next === single) break;
        single = next;
      }
      return [...single.matchAll(/<([A-Za-z][\w-]*)[\s/>]/gu)].map((m) => m[1]);
    };
    const xmlPaths = [...pkg.entries.keys()].filter((p) => p.endsWith('.xml'));
    expect(xmlPaths.length).toBeGreaterThanOrEqual(3);
    for (const xmlPath of xmlPaths) {
      const xml = pkg.entries.get(xmlPath)?.toString('utf8') ?? '';
      expect(shape(xml), xmlPath).toEqual(shape(official));
      expect(xml.startsWith('<?xml version="1.0" encoding="utf-8" standalone="yes"?>')).toBe(true);
    }
    // Values are compared with the rows by the reviewer: no attachment-mismatch finding above.
  });

  it('leaves a retention unpaid only under a policy with an unpaid-tail rule (Xiamen)', async () => {
    const paidShare = async (policy: string) => {
      const read = await readPackage((await generateSamplePackage({ projects: 2, invoices: 80, seed: 'tail', policy, ...NO_PDF })).zip);
      let invoiced = 0;
      let paid = 0;
      for (const project of read.projects) {
        for (const { cells } of project.sheets.发票.rows)
          invoiced += moneyToFen(parseOk(parseMoney(cells.价税合计, { unit: project.sheets.发票.units.价税合计 ?? 'yuan' })));
        for (const { cells } of project.sheets.付款.rows) paid += moneyToFen(parseOk(parseMoney(cells.金额, { unit: project.sheets.付款.units.金额 ?? 'yuan' })));
      }
      return paid / invoiced;
    };
    expect(await paidShare('shenyang-2025')).toBe(1);
    const xiamen = await paidShare('xiamen-2024');
    expect(xiamen).toBeLessThan(1);
    expect(xiamen).toBeGreaterThanOrEqual(0.9);
  });

  it('is reproducible: the same seed gives the same bytes, another seed other data', async () => {
    const again = await generateSamplePackage({ projects: 3, invoices: 60, seed: 'clean', ...NO_PDF });
    expect(again.zip.equals(sample.zip)).toBe(true);
    const other = await generateSamplePackage({ projects: 3, invoices: 60, seed: 'other', ...NO_PDF });
    expect(other.manifest.files).not.toEqual(sample.manifest.files);
  });

  it('writes the zip to outFile when asked', async () => {
    const temp = makeTempDir();
    try {
      const file = path.join(temp.dir, 'sample.zip');
      const written = await generateSamplePackage({ projects: 1, invoices: 5, seed: 3, outFile: file, ...NO_PDF });
      expect(fs.readFileSync(file).equals(written.zip)).toBe(true);
    } finally {
      temp.cleanup();
    }
  });
});

describe('generateSamplePackage — defects', () => {
  let sample: SamplePackage;
  let review: Review;
  const requested: readonly DefectName[] = DEFECT_NAMES;

  beforeAll(async () => {
    sample = await generateSamplePackage({ projects: 3, invoices: 90, seed: 'defects', defects: requested, ...NO_PDF });
    review = reviewPackage(await readPackage(sample.zip));
  });

  it('still imports: no format error', () => {
    expect(review.errors).toEqual([]);
  });

  it('reports every requested defect, each on its own row', () => {
    const planted = new Set(sample.injected.map((i) => i.defect));
    expect(planted).toEqual(new Set(requested));
    expect(sample.injected.filter((i) => i.defect === 'duplicate-invoice')).toHaveLength(2);
    expect(new Set(sample.injected.filter((i) => i.defect === 'credit-code-check').map((i) => i.sheet))).toEqual(new Set(['合同', '发票']));
    for (const injected of sample.injected) {
      expect(injected.row).toBeGreaterThan(1);
      if (injected.sheet === '发票') expect(injected.invoiceKey).toBeTruthy();
    }
  });

  it.each(DEFECT_NAMES.map((d) => [d]))('%s appears on the reported row', (defect) => {
    for (const injected of sample.injected.filter((i) => i.defect === defect)) {
      const hit = review.findings.find((f) => f.kind === defect && f.projectId === injected.projectId && f.sheet === injected.sheet && f.row === injected.row);
      expect(hit, `${defect} ${injected.projectId} ${injected.sheet}!${String(injected.row)}`).toBeDefined();
    }
  });

  it('breaks nothing else: every finding is a planted one (duplicates also flag the original rows)', () => {
    const planted = new Set(sample.injected.map((i) => `${i.defect}|${i.projectId}|${i.sheet}|${String(i.row)}`));
    const unexpected = review.findings.filter((f) => f.kind !== 'duplicate-invoice' && !planted.has(`${f.kind}|${f.projectId}|${f.sheet}|${String(f.row)}`));
    expect(unexpected).toEqual([]);
    // The original, its copy in the same project and the copy in the other project: three rows, one key.
    const duplicateRows = new Set(review.findings.filter((f) => f.kind === 'duplicate-invoice').map((f) => `${f.projectId}|${String(f.row)}`));
    const keys = new Set(sample.injected.filter((i) => i.defect === 'duplicate-invoice').map((i) => i.invoiceKey));
    expect(keys.size).toBe(1);
    expect(duplicateRows.size).toBe(3);
  });

  it('plants a single defect without touching the rest of the package', async () => {
    for (const defect of ['red-invoice', 'related-party', 'unpaid-beyond-tail', 'missing-attachment', 'credit-code-check'] as const) {
      const one = await generateSamplePackage({ projects: 2, invoices: 40, seed: 'single', defects: [defect], ...NO_PDF });
      const oneReview = reviewPackage(await readPackage(one.zip));
      expect(oneReview.errors).toEqual([]);
      expect(new Set(one.injected.map((i) => i.defect))).toEqual(new Set([defect]));
      const order = (a: (string | number)[], b: (string | number)[]) => a.join('|').localeCompare(b.join('|'));
      expect(oneReview.findings.map((f) => [f.kind, f.projectId, f.sheet, f.row]).sort(order)).toEqual(
        one.injected.map((i) => [i.defect, i.projectId, i.sheet, i.row]).sort(order),
      );
    }
  });

  it('holds across policies, stages and seeds: defects exactly where reported, nothing else', async () => {
    const cases = [
      { seed: 11, policy: 'shenyang-2025', stage: 'midterm' },
      { seed: 12, policy: 'jiangxi-2023', stage: 'application' },
      { seed: 13, policy: 'qingdao-2025', stage: 'acceptance' },
      { seed: 14, policy: 'huanggang-2021', stage: 'midterm' },
    ] as const;
    for (const { seed, policy, stage } of cases) {
      const defects = DEFECT_NAMES.filter((_, i) => (i + seed) % 2 === 0);
      const generated = await generateSamplePackage({ projects: 3, invoices: 120, seed, policy, stage, defects, ...NO_PDF });
      expect(generated.manifest.batch).toMatchObject({ policy, stage });
      const result = reviewPackage(await readPackage(generated.zip));
      expect(result.errors).toEqual([]);
      const planted = new Set(generated.injected.map((i) => `${i.defect}|${i.projectId}|${i.sheet}|${String(i.row)}`));
      const found = new Set(result.findings.map((f) => `${f.kind}|${f.projectId}|${f.sheet}|${String(f.row)}`));
      for (const key of planted) expect(found.has(key), key).toBe(true);
      for (const finding of result.findings) {
        if (finding.kind === 'duplicate-invoice') continue;
        expect(planted.has(`${finding.kind}|${finding.projectId}|${finding.sheet}|${String(finding.row)}`), JSON.stringify(finding)).toBe(true);
      }
    }
  }, 30_000);

  it('writes the red invoice with negative amounts and words prefixed （负数）', async () => {
    const red = sample.injected.find((i) => i.defect === 'red-invoice');
    const project = sample.manifest.projects.find((p) => p.id === red?.projectId);
    const { entries } = await readPackage(sample.zip);
    const workbook = await readWorkbook(entries.get(project?.workbook ?? '') ?? Buffer.alloc(0));
    const row = workbook.getWorksheet('发票')?.getRow(red?.row ?? 0);
    const words = row?.values as unknown[];
    expect(words.some((v) => typeof v === 'string' && v.startsWith('（负数）'))).toBe(true);
    const xml = [...entries.entries()].find(([name]) => name.startsWith(`${red?.projectId ?? ''}/附件/${red?.invoiceKey ?? ''}`) && name.endsWith('.xml'));
    expect(xml?.[1].toString('utf8')).toMatch(/<LabelCode>N<\/LabelCode>[\s\S]*<RedEInvoice>[\s\S]*<OriginalInvoiceNumber>\d{20}<\/OriginalInvoiceNumber>/u);
  });

  it('rejects impossible requests with a Chinese BAD_INPUT error', async () => {
    await expect(generateSamplePackage({ projects: 0, invoices: 10, seed: 1 })).rejects.toMatchObject({ code: 'BAD_INPUT' });
    await expect(generateSamplePackage({ projects: 3, invoices: 2, seed: 1 })).rejects.toMatchObject({ code: 'BAD_INPUT' });
    await expect(generateSamplePackage({ projects: 1, invoices: 3, seed: 1, defects: [...DEFECT_NAMES], ...NO_PDF })).rejects.toMatchObject({
      code: 'BAD_INPUT',
      message: expect.stringContaining('无法注入缺陷'),
    });
    await expect(generateSamplePackage({ projects: 1, invoices: 3, seed: 1, defects: ['no-such' as DefectName] })).rejects.toMatchObject({ code: 'BAD_INPUT' });
  });
});

describe('generateSamplePackage — PDF attachments', () => {
  let sample: SamplePackage;
  beforeAll(async () => {
    sample = await generateSamplePackage({ projects: 2, invoices: 30, seed: 'pdf', defects: ['red-invoice', 'attachment-mismatch'] });
  }, 60_000);
  afterAll(() => undefined);

  it('renders contract, invoice and receipt PDFs with an embedded CJK font, listed with their hashes', async () => {
    expect(sample.notes).toEqual([]);
    const pkg = await readPackage(sample.zip);
    const review = reviewPackage(pkg);
    expect(review.errors).toEqual([]);
    const pdfs = [...pkg.entries.keys()].filter((name) => name.endsWith('.pdf'));
    expect(pdfs.some((name) => /\/附件\/HT-\d{4}-\d{4}\.pdf$/u.test(name))).toBe(true);
    expect(pdfs.some((name) => /\/附件\/回单-FK-/u.test(name))).toBe(true);
    expect(pdfs.some((name) => /\/附件\/\d{20}\.pdf$/u.test(name))).toBe(true);
    for (const name of pdfs) {
      const data = pkg.entries.get(name) ?? Buffer.alloc(0);
      expect(data.subarray(0, 5).toString('latin1')).toBe('%PDF-');
      expect(data.toString('latin1')).toMatch(/FontFile3|FontFile2/u);
    }
    expect(review.findings.map((f) => f.kind).sort()).toEqual(['attachment-mismatch', 'red-invoice']);
  });

  it('is reproducible with PDFs too', async () => {
    const again = await generateSamplePackage({ projects: 2, invoices: 30, seed: 'pdf', defects: ['red-invoice', 'attachment-mismatch'] });
    expect(again.zip.equals(sample.zip)).toBe(true);
  }, 60_000);

  it('writes PDFs whose Chinese text pdftotext reads back, in the bundled Noto Sans SC', async () => {
    const pkg = await readPackage(sample.zip);
    const invoiceName = [...pkg.entries.keys()].find((name) => /\/附件\/\d{20}\.pdf$/u.test(name)) ?? '';
    const pdf = pkg.entries.get(invoiceName) ?? Buffer.alloc(0);
    expect(pdf.toString('latin1')).toMatch(/\/BaseFont \/[A-Z]{6}\+NotoSansSC-Regular/u);
    // The seller's name as the invoice's XML data file states it: Chinese text the PDF must carry too.
    const xml = pkg.entries.get(invoiceName.replace(/\.pdf$/u, '.xml'))?.toString('utf8') ?? '';
    const sellerName = /<SellerName>([^<]+)<\/SellerName>/u.exec(xml)?.[1] ?? '';
    expect(sellerName).toMatch(/有限公司|股份/u);
    const { dir, cleanup } = makeTempDir('sample-pdf-');
    try {
      const file = path.join(dir, 'invoice.pdf');
      fs.writeFileSync(file, pdf);
      const text = execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
      expect(text).toContain('电子发票');
      expect(text).toContain('价税合计（大写）');
      expect(text).toContain(sellerName);
    } finally {
      cleanup();
    }
  });
});
