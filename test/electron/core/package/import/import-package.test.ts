import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import yazl from 'yazl';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AppError } from '@shared/api/errors';
import type { Core } from '@core/create-core';
import { LIBREOFFICE_WORKBOOK, oneProjectSpec, snapshotFolder, writePackageZip } from '@test/support/package-builder';
import { createFolderCore } from '@test/support/test-core';

let core: Core;
let dataDir: string;
let work: string;
let close: () => void;

beforeEach(() => {
  ({ core, dataDir, work, close } = createFolderCore());
});
afterEach(() => close());

async function editedWorkbook(edit: (wb: ExcelJS.Workbook) => void): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(fs.readFileSync(LIBREOFFICE_WORKBOOK) as unknown as ArrayBuffer);
  edit(workbook);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

function cell(wb: ExcelJS.Workbook, sheet: string, address: string): ExcelJS.Cell {
  const ws = wb.getWorksheet(sheet);
  if (!ws) throw new Error(`no sheet ${sheet}`);
  return ws.getCell(address);
}

async function rejected(file: string): Promise<AppError> {
  const error = await core.api.importPackage({ path: file }).then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

describe('importing an application package', () => {
  it('stores the batch, its project and every row, with exact totals', async () => {
    const file = path.join(work, '验收材料包.zip');
    await writePackageZip(file, oneProjectSpec());
    const summary = await core.api.importPackage({ path: file });
    expect(summary.batch).toEqual({ id: 'XM-2026-YS-01', name: '2026年新型技改重点项目竣工验收', policy: 'xiamen-2024', stage: 'acceptance' });
    // 1,280,000.00 + 35,600.00 + 88,000.50 + 100,000.00
    expect(summary.projects).toEqual([{ id: 'XM2024-001', contracts: 3, invoices: 4, payments: 2, indicators: 2, attachments: 1, invoiceAmountTotal: '1503600.50' }]);
    expect(summary.changes).toBeNull();
    const info = await core.api.getAppInfo({});
    expect(info.counts).toEqual({ batches: 1, projects: 1, invoices: 4 });
    const detail = await core.api.getProject({ batchId: 'XM-2026-YS-01', projectId: 'XM2024-001' });
    expect(detail.contracts[0]).toMatchObject({ contractNo: 'HT-2024-001', amount: '1500000.00', invoiced: '1315600.00', paid: '1486628.00', invoiceCount: 2 });
    expect(detail.indicators.map((i) => i.shortfall)).toEqual([false, true]);
    const attachment = await core.api.getAttachment({ batchId: 'XM-2026-YS-01', projectId: 'XM2024-001', path: '合同HT-2024-001.pdf' });
    expect(Buffer.from(attachment.base64, 'base64').toString('latin1')).toContain('Contract HT-2024-001');
    expect(Object.keys(snapshotFolder(path.join(dataDir, 'files')))).toHaveLength(1);
  });

  it('reports what changed when a later version of the batch is imported', async () => {
    const first = path.join(work, 'v1.zip');
    await writePackageZip(first, oneProjectSpec());
    await core.api.importPackage({ path: first });
    const again = await core.api.importPackage({ path: first });
    expect(again.changes?.unchanged).toBe(true);

    const second = path.join(work, 'v2.zip');
    const workbook = await editedWorkbook((wb) => {
      cell(wb, '发票', 'J5').value = '88,000.60';
      cell(wb, '付款', 'A3').value = 'PZ-009';
    });
    await writePackageZip(second, oneProjectSpec(workbook));
    const summary = await core.api.importPackage({ path: second });
    expect(summary.changes?.unchanged).toBe(false);
    const project = summary.changes?.projects[0];
    expect(project?.status).toBe('changed');
    expect(project?.sheets['发票']).toEqual({ added: 0, removed: 0, changed: 1 });
    expect(project?.sheets['付款']).toEqual({ added: 1, removed: 1, changed: 0 });
    expect(project?.details).toContainEqual({ sheet: '发票', key: '24352000000012349999', change: 'changed' });
    expect((await core.api.getAppInfo({})).counts).toEqual({ batches: 1, projects: 1, invoices: 4 });
  });
});

describe('a bad package stores nothing and says where the problem is', () => {
  async function expectUntouched(file: string, check: (error: AppError) => void): Promise<void> {
    const before = snapshotFolder(dataDir);
    const error = await rejected(file);
    expect(error.code).toBe('BAD_INPUT');
    check(error);
    expect((await core.api.getAppInfo({})).counts).toEqual({ batches: 0, projects: 0, invoices: 0 });
    // The database file may be checkpointed, but no attachment or other file may appear.
    const after = snapshotFolder(dataDir);
    expect(Object.keys(after).filter((f) => !f.startsWith('jigai.sqlite'))).toEqual(Object.keys(before).filter((f) => !f.startsWith('jigai.sqlite')));
  }
  const errorsOf = (error: AppError) => (error.details as { errors: { file: string; sheet?: string; row?: number; column?: string; message: string }[] }).errors;

  it('a malformed amount', async () => {
    const file = path.join(work, 'bad-amount.zip');
    await writePackageZip(file, oneProjectSpec(await editedWorkbook((wb) => (cell(wb, '发票', 'J5').value = '12,3a4.00'))));
    await expectUntouched(file, (error) => {
      expect(errorsOf(error)).toEqual([
        expect.objectContaining({ file: 'XM2024-001/申报表.xlsx', sheet: '发票', row: 5, column: 'J', message: expect.stringContaining('12,3a4.00') }),
      ]);
    });
  });

  it('a wrong sheet', async () => {
    const file = path.join(work, 'bad-sheet.zip');
    await writePackageZip(
      file,
      oneProjectSpec(
        await editedWorkbook((wb) => {
          const ws = wb.getWorksheet('合同');
          if (ws) ws.name = '合同清单';
        }),
      ),
    );
    await expectUntouched(file, (error) => {
      expect(errorsOf(error)).toContainEqual(expect.objectContaining({ sheet: '合同', message: expect.stringContaining('缺少工作表「合同」') }));
    });
  });

  it('a missing and an altered file', async () => {
    const file = path.join(work, 'bad-files.zip');
    await writePackageZip(file, { ...oneProjectSpec(), missing: ['XM2024-001/附件/发票扫描.pdf'], wrongHash: ['XM2024-001/附件/合同HT-2024-001.pdf'] });
    await expectUntouched(file, (error) => {
      const files = errorsOf(error).map((e) => e.file);
      expect(files).toContain('XM2024-001/附件/发票扫描.pdf');
      expect(files).toContain('XM2024-001/附件/合同HT-2024-001.pdf');
    });
  });

  it('a zip-slip entry', async () => {
    const file = path.join(work, 'slip.zip');
    const spec = oneProjectSpec();
    await writePackageZip(file, { ...spec, files: { ...spec.files, '../../escaped.txt': Buffer.from('x') } });
    await expectUntouched(file, (error) => {
      expect(errorsOf(error)).toContainEqual(expect.objectContaining({ message: expect.stringMatching(/\.\./) }));
    });
    expect(fs.existsSync(path.join(work, '..', 'escaped.txt'))).toBe(false);
  });

  it('a zip bomb', async () => {
    const file = path.join(work, 'bomb.zip');
    const zip = new yazl.ZipFile();
    zip.addBuffer(Buffer.from('{}'), 'manifest.json');
    // 300 MiB of zeros deflate to about 300 KiB: far beyond any sane ratio and above the entry limit.
    zip.addBuffer(Buffer.alloc(300 * 1024 * 1024), 'XM2024-001/附件/zeros.pdf');
    zip.end();
    await new Promise<void>((resolve) => zip.outputStream.pipe(fs.createWriteStream(file)).on('close', resolve));
    await expectUntouched(file, (error) => {
      expect(errorsOf(error)).toContainEqual(expect.objectContaining({ file: 'XM2024-001/附件/zeros.pdf' }));
    });
  }, 60_000);

  it('an unknown policy, naming the policies there are', async () => {
    const file = path.join(work, 'policy.zip');
    await writePackageZip(file, { ...oneProjectSpec(), batch: { policy: 'beijing-2030' } });
    await expectUntouched(file, (error) => {
      expect(errorsOf(error)).toEqual([expect.objectContaining({ file: 'manifest.json', column: 'batch.policy', message: expect.stringContaining('xiamen-2024') })]);
    });
  });
});
