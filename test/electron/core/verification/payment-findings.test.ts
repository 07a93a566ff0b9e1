import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ProjectVerification } from '@shared/api/verification-contract';
import { FINDING_CODES } from '@shared/codes/codes';
import { createCore, type Core } from '@core/create-core';
import { silentLogger } from '@core/logger';
import { generateSamplePackage } from '@cli/sample';
import { plantPaymentDefects, type PlantedPayments } from '@test/support/plant-payment-defects';
import { RESOURCES_DIR, makeTempDir } from '@test/support/temp-dir';

const codesOf = (v: ProjectVerification, voucher: string) => v.payments.filter((p) => p.voucherNo === voucher).map((p) => p.findings.map((f) => f.code));

describe('payment findings reach the reviewer', () => {
  const temp = makeTempDir();
  let core: Core;
  let planted: PlantedPayments;
  let thirdPartyRow = 0;
  let projectId = '';
  let v: ProjectVerification;

  beforeAll(async () => {
    core = createCore({ dataDir: temp.dir, resourcesDir: RESOURCES_DIR, logger: silentLogger, now: () => new Date('2026-11-22T10:00:00Z') });
    const sample = await generateSamplePackage({ projects: 1, invoices: 60, seed: 'payments', defects: ['third-party-payment'], batchId: 'XM-PAY' });
    const thirdParty = sample.injected.find((d) => d.defect === 'third-party-payment');
    projectId = thirdParty?.projectId ?? '';
    thirdPartyRow = thirdParty?.row ?? 0;
    planted = await plantPaymentDefects(sample.zip, sample.manifest, projectId, path.join(temp.dir, 'payments.zip'));
    await core.api.importPackage({ path: path.join(temp.dir, 'payments.zip') });
    v = await core.api.getProjectVerification({ batchId: 'XM-PAY', projectId });
  }, 120_000);
  afterAll(() => {
    core.close();
    temp.cleanup();
  });

  it('carries every payment row with its findings in the verification', () => {
    expect(v.payments.length).toBeGreaterThan(2);
    expect(v.payments.find((p) => p.rowNo === thirdPartyRow)?.findings.map((f) => f.code)).toContain('THIRD_PARTY_PAYMENT');
    expect(codesOf(v, planted.wrongPayee)[0]).toContain('PAYEE_NOT_CONTRACTOR');
    // Both entries of the voucher entered twice are marked, each naming the other row.
    const duplicates = v.payments.filter((p) => p.voucherNo === planted.duplicated);
    expect(duplicates).toHaveLength(2);
    for (const p of duplicates) expect(p.findings.find((f) => f.code === 'DUPLICATE_PAYMENT')?.message).toMatch(/第 \d+ 行/);
    expect(v.payments.find((p) => p.voucherNo === planted.wrongPayee)?.severity).toBe('warning');
    // A clean row is listed with an empty list: checked, nothing found.
    expect(v.payments.some((p) => p.findings.length === 0 && p.severity === null)).toBe(true);
  });

  it('exports a 付款核验 sheet with each finding under its Chinese label, and no code on any sheet', async () => {
    const exported = await core.api.exportVerificationWorkbook({ batchId: 'XM-PAY', projectId });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(exported.base64 ?? '', 'base64') as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet('付款核验');
    // Two title lines, the header, then one row per payment.
    expect(sheet?.rowCount).toBe(3 + v.payments.length);
    const rows = (sheet?.getRows(4, v.payments.length) ?? []).map((r) => ({
      voucher: String(r.getCell(2).value),
      findings: String(r.getCell(8).value ?? ''),
      severity: r.getCell(9).value,
    }));
    expect(rows.find((r) => r.voucher === planted.wrongPayee)?.findings).toContain('[警告] 收款方非合同供应商：收款方「厦门远航物资贸易有限公司」');
    expect(rows.filter((r) => r.voucher === planted.duplicated).every((r) => r.findings.includes('重复付款记录'))).toBe(true);
    expect(rows.find((r) => r.voucher === planted.wrongPayee)?.severity).toBe('警告');
    let codes = 0;
    workbook.eachSheet((ws) => ws.eachRow((row) => row.eachCell((cell) => void (FINDING_CODES.some((code) => String(cell.value).includes(code)) && codes++))));
    expect(codes).toBe(0);
  });

  it('answers verifyBatch (jigai verify --json) with payments by voucher', async () => {
    const batch = await core.api.verifyBatch({ batchId: 'XM-PAY' });
    const payments = batch.projects.find((p) => p.id === projectId)?.payments ?? [];
    expect(payments).toHaveLength(v.payments.length);
    expect(payments.find((p) => p.voucher === planted.wrongPayee)?.findings.map((f) => f.code)).toContain('PAYEE_NOT_CONTRACTOR');
  });
});
