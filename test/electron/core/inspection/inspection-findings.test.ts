import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ProjectVerification } from '@shared/api/verification-contract';
import { compareMoney, subtractMoney, sumMoney } from '@shared/domain/money';
import { countedLine, inspectionProject } from './inspection-project';

type Project = Awaited<ReturnType<typeof inspectionProject>>;

const inspectionCodes = (v: ProjectVerification, rowNo: number) =>
  (v.invoices.find((i) => i.rowNo === rowNo)?.findings ?? []).filter((f) => f.code.startsWith('INSPECTION_') || f.code === 'INDICATOR_BELOW_TARGET');

describe('findings raised by what an expert saw on site', () => {
  let p: Project;
  beforeAll(async () => {
    p = await inspectionProject('findings');
  }, 120_000);
  afterAll(() => p.close());

  const cleanRows = async () => {
    const v = await p.core.api.getProjectVerification(p.ref);
    return (rowNo: number) => (v.invoices.find((i) => i.rowNo === rowNo)?.findings.length ?? 1) === 0;
  };

  it('builds the checklist from the e-invoice lines and the invoice rows, with the project’s indicators', async () => {
    const inspection = await p.core.api.getInspection(p.ref);
    expect(inspection.stage).toBe('acceptance');
    expect(inspection.lines.some((l) => l.source === 'einvoice-lines' && l.model !== null && l.quantity !== null)).toBe(true);
    expect(inspection.lines.some((l) => l.source === 'invoice-rows' && l.quantity === null)).toBe(true);
    expect(inspection.indicators.length).toBeGreaterThan(1);
    expect(inspection.progress).toEqual({ done: 0, total: inspection.lines.length + inspection.indicators.length });
    // Every invoice row with a positive amount is behind some line, once per line.
    const behind = new Set(inspection.lines.flatMap((l) => l.invoices.map((i) => i.rowNo)));
    const v = await p.core.api.getProjectVerification(p.ref);
    for (const invoice of v.invoices.filter((i) => compareMoney(i.amount, '0.00') > 0)) expect(behind).toContain(invoice.rowNo);
  });

  it('seen (running or idle) raises nothing and proposes nothing', async () => {
    const inspection = await p.core.api.getInspection(p.ref);
    const line = countedLine(inspection.lines, await cleanRows());
    const seen = await p.core.api.recordLineObservation({ ...p.ref, lineId: line.id, status: 'seen-idle', serialNumber: 'SN-2024-0001', note: '设备已安装，今日未排产' });
    expect(seen.mine).toMatchObject({ status: 'seen-idle', serialNumber: 'SN-2024-0001', note: '设备已安装，今日未排产', reviewerName: '陈立新' });
    expect(seen.proposedReduction).toBeNull();
    const v = await p.core.api.getProjectVerification(p.ref);
    for (const invoice of line.invoices) expect(inspectionCodes(v, invoice.rowNo ?? 0)).toEqual([]);
    expect((await p.core.api.getInspection(p.ref)).progress.done).toBe(1);
  });

  it('型号或数量不符 proposes (invoiced − counted) × unit price on the line’s invoices, suggested and not applied', async () => {
    const before = await p.core.api.getProjectVerification(p.ref);
    const line = countedLine((await p.core.api.getInspection(p.ref)).lines, await cleanRows());
    const counted = String(Number(line.quantity) - 1);
    const recorded = await p.core.api.recordLineObservation({ ...p.ref, lineId: line.id, status: 'different', quantitySeen: counted, modelSeen: '旧型号' });
    expect(recorded.proposedReduction).toBe(line.unitPrice);
    expect(recorded.proposalExplanation).toContain(`未见 1${line.unit ?? ''} × 单价`);

    const after = await p.core.api.getProjectVerification(p.ref);
    const cuts = line.invoices.map((invoice) => {
      const [finding, ...more] = inspectionCodes(after, invoice.rowNo ?? 0);
      expect(more).toEqual([]);
      expect(finding).toMatchObject({ code: 'INSPECTION_DIFFERENT', severity: 'warning' });
      expect(finding?.message).toContain('现场核查（陈立新）');
      expect(finding?.message).toContain('现场型号 旧型号');
      return finding?.proposedCut ?? '0.00';
    });
    expect(sumMoney(cuts)).toBe(line.unitPrice);
    // Proposed, not applied: the verified investment stays until the reviewer decides.
    expect(after.summary.verifiedInvestment).toBe(before.summary.verifiedInvestment);
  });

  it('未见 proposes the whole line; accepting the suggested 核减 lowers the verified investment by it', async () => {
    const before = await p.core.api.getProjectVerification(p.ref);
    const inspection = await p.core.api.getInspection(p.ref);
    const clean = await cleanRows();
    const line = inspection.lines.find((l) => l.mine === null && l.invoices.every((i) => clean(i.rowNo ?? 0)));
    if (!line) throw new Error('样例中没有发票无核验发现的设备');
    await p.core.api.recordLineObservation({ ...p.ref, lineId: line.id, status: 'not-found', note: '车间内未找到该设备' });

    const flagged = await p.core.api.getProjectVerification(p.ref);
    const rows = line.invoices.map((i) => i.rowNo ?? 0);
    const cuts = rows.map((rowNo) => {
      const findings = inspectionCodes(flagged, rowNo);
      expect(findings).toEqual([expect.objectContaining({ code: 'INSPECTION_NOT_FOUND', severity: 'warning' })]);
      return findings[0]?.proposedCut ?? '0.00';
    });
    expect(sumMoney(cuts)).toBe(line.amount);
    expect(flagged.summary.verifiedInvestment).toBe(before.summary.verifiedInvestment);

    let decided;
    for (const rowNo of rows) {
      const invoice = flagged.invoices.find((i) => i.rowNo === rowNo);
      const cut = inspectionCodes(flagged, rowNo)[0]?.proposedCut ?? '0.00';
      expect(invoice?.suggested).toMatchObject({ kind: 'review', reduceTo: subtractMoney(invoice?.amount ?? '0.00', cut) });
      decided = await p.core.api.decideInvoices({ ...p.ref, rowNos: [rowNo], kind: 'reduce', amount: invoice?.suggested.reduceTo, reason: '现场未见该设备' });
    }
    expect(compareMoney(decided?.summary.verifiedInvestment ?? '0.00', before.summary.verifiedInvestment)).toBe(-1);
    expect(decided?.summary.breakdown.reduced.cut).toBe(line.amount);
  });

  it('withdrawing an observation takes its findings away', async () => {
    const inspection = await p.core.api.getInspection(p.ref);
    const line = inspection.lines.find((l) => l.mine?.status === 'different');
    if (!line) throw new Error('no line recorded as different');
    const cleared = await p.core.api.clearLineObservation({ ...p.ref, lineId: line.id });
    expect(cleared.mine).toBeNull();
    const v = await p.core.api.getProjectVerification(p.ref);
    for (const invoice of line.invoices) expect(inspectionCodes(v, invoice.rowNo ?? 0)).toEqual([]);
    await expect(p.core.api.clearLineObservation({ ...p.ref, lineId: line.id })).rejects.toThrow('尚无您的现场核查记录');
  });

  it('an indicator observed below its target raises a finding on the project; at or above it, none', async () => {
    const { indicators } = await p.core.api.getInspection(p.ref);
    const indicator = indicators.find((i) => /^\d+(\.\d+)?$/u.test(i.target) && Number(i.target) > 1);
    if (!indicator) throw new Error('样例中没有数值目标的指标');
    const low = String(Number(indicator.target) - 1);
    const recorded = await p.core.api.recordIndicatorObservation({ ...p.ref, indicatorId: indicator.id, value: low, note: '现场抽查台账' });
    expect(recorded).toMatchObject({ belowTarget: true, mine: { value: low, note: '现场抽查台账' } });
    const v = await p.core.api.getProjectVerification(p.ref);
    expect(v.findings).toEqual([expect.objectContaining({ code: 'INDICATOR_BELOW_TARGET', severity: 'warning' })]);
    expect(v.findings?.[0]?.message).toContain(`指标「${indicator.name}」现场核查值 ${low}`);
    // The 发票核验明细表 carries it on its own sheet, and the invoice findings in their column.
    const exported = await p.core.api.exportVerificationWorkbook(p.ref);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(exported.base64 ?? '', 'base64') as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet('项目核验发现');
    const texts: string[] = [];
    sheet?.eachRow((row) => texts.push(String(row.getCell(1).value ?? '')));
    expect(texts.some((t) => t.includes(`指标「${indicator.name}」现场核查值 ${low}`))).toBe(true);
    const invoiceTexts: string[] = [];
    workbook.getWorksheet('发票核验明细')?.eachRow((row) => invoiceTexts.push(String(row.getCell(13).value ?? '')));
    expect(invoiceTexts.some((t) => t.includes('现场未见'))).toBe(true);

    await p.core.api.recordIndicatorObservation({ ...p.ref, indicatorId: indicator.id, value: indicator.target });
    expect((await p.core.api.getProjectVerification(p.ref)).findings).toEqual([]);
  });

  it('writes every observation to the 操作记录 as a Chinese sentence', async () => {
    const log = await p.core.api.listAuditLog({});
    const entries = log.filter((e) => e.actionCode.startsWith('inspection-'));
    expect(entries.map((e) => e.action)).toEqual(expect.arrayContaining(['现场核查记录', '撤销现场核查记录', '现场核查指标']));
    expect(entries.map((e) => e.actionCode)).toEqual(expect.arrayContaining(['inspection-record', 'inspection-clear', 'inspection-indicator']));
    const sentences = entries.map((e) => (JSON.parse(e.details) as { sentence: string }).sentence);
    expect(sentences.some((s) => /^现场核查：设备「.+」.*记为「未见」/u.test(s))).toBe(true);
    expect(sentences.some((s) => s.includes('建议核减'))).toBe(true);
    expect((await p.core.api.getAuditChainStatus({})).holds).toBe(true);
  });

  it('refuses 型号或数量不符 without a count or a model, and lines not on the checklist', async () => {
    const { lines } = await p.core.api.getInspection(p.ref);
    const lineId = lines[0]?.id ?? '';
    await expect(p.core.api.recordLineObservation({ ...p.ref, lineId, status: 'different' })).rejects.toThrow('请填写现场清点数量或现场所见型号');
    await expect(p.core.api.recordLineObservation({ ...p.ref, lineId: '0000000000000000', status: 'not-found' })).rejects.toThrow('核查清单中没有这台设备');
    await expect(p.core.api.recordLineObservation({ ...p.ref, lineId, status: 'different', quantitySeen: '两台' })).rejects.toThrow('应为数字');
  });
});
