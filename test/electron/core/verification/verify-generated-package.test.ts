import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ProjectVerification } from '@shared/api/verification-contract';
import { createCore, type Core } from '@core/create-core';
import { silentLogger } from '@core/logger';
import { DEFECT_NAMES, generateSamplePackage, type InjectedDefect } from '@cli/sample';
import { RESOURCES_DIR, makeTempDir } from '@test/support/temp-dir';

const codeOf = (defect: string) => defect.toUpperCase().replace(/-/g, '_');

/** Every finding of a project by sheet and row, contracts by their row on the 合同 sheet. */
function findingsAt(v: ProjectVerification, sheet: string, row: number): string[] {
  if (sheet === '发票') return (v.invoices.find((i) => i.rowNo === row)?.findings ?? []).map((f) => f.code);
  return [];
}

describe('verifying generated packages', () => {
  const temp = makeTempDir();
  let core: Core;
  let injected: InjectedDefect[] = [];
  let defectBatch = '';
  let cleanBatch = '';

  beforeAll(async () => {
    core = createCore({ dataDir: temp.dir, resourcesDir: RESOURCES_DIR, logger: silentLogger, now: () => new Date('2026-11-22T10:00:00Z') });
    const withDefects = await generateSamplePackage({
      projects: 3,
      invoices: 240,
      seed: 'defects',
      defects: [...DEFECT_NAMES],
      batchId: 'XM-DEFECTS',
      outFile: path.join(temp.dir, 'defects.zip'),
    });
    injected = withDefects.injected;
    defectBatch = (await core.api.importPackage({ path: path.join(temp.dir, 'defects.zip') })).batch.id;
    await generateSamplePackage({ projects: 3, invoices: 240, seed: 'clean', batchId: 'XM-CLEAN', outFile: path.join(temp.dir, 'clean.zip') });
    cleanBatch = (await core.api.importPackage({ path: path.join(temp.dir, 'clean.zip') })).batch.id;
  }, 120_000);
  afterAll(() => {
    core.close();
    temp.cleanup();
  });

  // The first verification reads every attached PDF e-invoice once (text layer, QR code); later ones hit the cache.
  it('finds every injected defect on the invoice it was planted on', { timeout: 60_000 }, async () => {
    expect(new Set(injected.map((d) => d.defect))).toEqual(new Set(DEFECT_NAMES));
    const verifications = new Map<string, ProjectVerification>();
    for (const defect of injected) {
      const v = verifications.get(defect.projectId) ?? (await core.api.getProjectVerification({ batchId: defectBatch, projectId: defect.projectId }));
      verifications.set(defect.projectId, v);
      const code = codeOf(defect.defect);
      if (defect.sheet === '发票') {
        expect({ defect: defect.defect, row: defect.row, codes: findingsAt(v, '发票', defect.row) }).toEqual({
          defect: defect.defect,
          row: defect.row,
          codes: expect.arrayContaining([code]),
        });
      } else if (defect.sheet === '合同') {
        const contract = v.contracts.find((c) => c.findings.some((f) => f.code === code));
        expect({ defect: defect.defect, found: contract !== undefined }).toEqual({ defect: defect.defect, found: true });
      } else {
        // Payment defects surface on the invoices of the contract paid.
        const flagged = v.invoices.some((i) => i.findings.some((f) => f.code === code));
        expect({ defect: defect.defect, found: flagged }).toEqual({ defect: defect.defect, found: true });
      }
    }
  });

  it('finds no error in a clean package, and the CLI-shaped batch result agrees', async () => {
    const result = await core.api.verifyBatch({ batchId: cleanBatch });
    const errors = result.projects.flatMap((p) =>
      p.invoices.flatMap((i) => i.findings.filter((f) => f.severity === 'error').map((f) => `${p.id} ${i.key} ${f.code} ${f.message}`)),
    );
    expect(errors).toEqual([]);
    for (const project of result.projects) expect(project.verifiedInvestment).toMatch(/^\d+\.\d{2}$/);
  });

  it('exports 发票核验明细表.xlsx with every invoice, no formula cells, and totals that match', async () => {
    const projectId = injected[0]?.projectId ?? '';
    const v = await core.api.getProjectVerification({ batchId: defectBatch, projectId });
    const exported = await core.api.exportVerificationWorkbook({ batchId: defectBatch, projectId });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(exported.base64 ?? '', 'base64') as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet('发票核验明细');
    expect(sheet?.rowCount).toBe(3 + v.invoices.length);
    let formulas = 0;
    workbook.eachSheet((ws) => ws.eachRow((row) => row.eachCell((cell) => void (cell.type === ExcelJS.ValueType.Formula && formulas++))));
    expect(formulas).toBe(0);
    const totals = workbook.getWorksheet('项目合计');
    const verifiedRow = totals?.getRows(1, 10)?.find((r) => r.getCell(1).value === '核定投资额');
    expect(Number(verifiedRow?.getCell(3).value).toFixed(2)).toBe(v.summary.verifiedInvestment);
  });
});
