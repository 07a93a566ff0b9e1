import ExcelJS from 'exceljs';
import type { ProjectVerification } from '@shared/api/verification-contract';
import { DECISION_LABEL, findingLine, SEVERITY_LABEL, SUGGESTION_LABEL } from '@shared/codes/labels';
import { formatLocalDateTime } from '@shared/domain/local-time';
import { sumMoney } from '@shared/domain/money';
import { addCorrectionSheet } from './correction-sheet';

const MONEY_FORMAT = '#,##0.00';

/**
 * 发票核验明细表.xlsx: every invoice with its findings, decision, reason and counted amount, then the
 * per-contract reconciliation and the project totals. Text from the package is written as plain
 * string cells (never formulas), and money as numbers rounded to the fen from exact decimal strings.
 */
export async function buildVerificationWorkbook(v: ProjectVerification, reviewer: string, exportedAt: string): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = '技改评审';
  workbook.created = new Date(exportedAt);

  const invoices = workbook.addWorksheet('发票核验明细', { views: [{ state: 'frozen', ySplit: 3 }] });
  invoices.addRow([`${v.projectName}（${v.projectId}）发票核验明细表`]);
  invoices.addRow([`申报单位：${v.applicant}　政策：${v.policy}　核验人：${reviewer || '（未署名）'}　导出时间：${formatLocalDateTime(exportedAt, true)}`]);
  const header = [
    '行号',
    '发票号码',
    '开票日期',
    '发票类型',
    '销售方名称',
    '销售方纳税人识别号',
    '项目名称',
    '金额（不含税）',
    '税率',
    '税额',
    '价税合计',
    '合同编号',
    '核验发现',
    '最高级别',
    '认定结论',
    '理由',
    '认定人',
    '认定时间',
    '计入金额（核减/认定后，不含税）',
  ];
  invoices.addRow(header).font = { bold: true };
  for (const invoice of v.invoices) {
    const decision = invoice.decision;
    // A statutory finding (000 §五(一)(二)) counts nothing whatever was decided.
    const statutory = invoice.findings.some((f) => f.statutory !== undefined);
    const counted = statutory
      ? '0.00'
      : decision
        ? decision.kind === 'reject'
          ? '0.00'
          : decision.kind === 'reduce'
            ? (decision.amount ?? '0.00')
            : invoice.amount
        : null;
    invoices.addRow([
      invoice.rowNo,
      invoice.key,
      invoice.issuedOn,
      invoice.kind,
      invoice.sellerName,
      invoice.sellerTaxId,
      invoice.itemName,
      Number(invoice.amount),
      invoice.taxRate,
      invoice.tax === null ? null : Number(invoice.tax),
      Number(invoice.total),
      invoice.contractNo,
      invoice.findings.map(findingLine).join('\n'),
      invoice.severity ? SEVERITY_LABEL[invoice.severity] : '',
      decision ? `${DECISION_LABEL[decision.kind]}${decision.stale ? '（数据已变更，需复核）' : ''}` : `未认定（建议：${SUGGESTION_LABEL[invoice.suggested.kind]}）`,
      decision?.reason ?? '',
      decision?.reviewer ?? '',
      decision ? formatLocalDateTime(decision.decidedAt, true) : '',
      counted === null ? null : Number(counted),
    ]);
  }
  for (const column of [8, 10, 11, 19]) invoices.getColumn(column).numFmt = MONEY_FORMAT;
  [6, 22, 11, 12, 26, 20, 30, 16, 7, 12, 16, 14, 60, 8, 14, 30, 10, 18, 18].forEach((width, i) => (invoices.getColumn(i + 1).width = width));
  invoices.getColumn(13).alignment = { wrapText: true, vertical: 'top' };

  const contracts = workbook.addWorksheet('合同对账');
  contracts.addRow([
    '合同编号',
    '供应商',
    '投资类别',
    '合同金额',
    '发票金额（不含税）',
    '认定发票金额',
    '已付款',
    '未付款',
    '计入核定投资额',
    '可认定类别',
    '计算过程',
  ]).font = { bold: true };
  for (const c of v.contracts) {
    contracts.addRow([
      c.contractNo,
      c.supplierName,
      c.category,
      Number(c.contractAmount),
      Number(c.invoiced),
      Number(c.accepted),
      Number(c.paid),
      Number(c.unpaid),
      Number(c.counted),
      c.eligible ? '是' : '否',
      c.trace.join('\n'),
    ]);
  }
  for (const column of [4, 5, 6, 7, 8, 9]) contracts.getColumn(column).numFmt = MONEY_FORMAT;
  [16, 28, 10, 16, 18, 16, 16, 16, 18, 10, 90].forEach((width, i) => (contracts.getColumn(i + 1).width = width));
  contracts.getColumn(11).alignment = { wrapText: true, vertical: 'top' };

  addPaymentSheet(workbook, v);

  const totals = workbook.addWorksheet('项目合计');
  const s = v.summary;
  const rows: [string, string | number][] = [
    ['发票张数', s.invoices],
    ['申报发票金额（不含税）', Number(s.claimed)],
    ['有错误的发票', s.errors],
    ['有警告的发票', s.warnings],
    ['已认定（含核减、不予认定）', s.decided],
    ['合同计入金额合计', Number(sumMoney(v.contracts.map((c) => c.counted)))],
    ['核定投资额', Number(s.verifiedInvestment)],
    [s.awardIsCeiling ? '奖补上限' : '奖补金额', s.award === null ? (s.awardMessage ?? '') : Number(s.award)],
  ];
  for (const [label, value] of rows) totals.addRow([label, value]);
  totals.getColumn(1).width = 30;
  totals.getColumn(2).width = 22;
  totals.getColumn(2).numFmt = MONEY_FORMAT;
  totals.addRow([]);
  totals.addRow(['核定投资额计算过程']).font = { bold: true };
  for (const line of v.trace) totals.addRow([line]);
  if (v.awardTrace.length > 0) {
    totals.addRow([]);
    totals.addRow(['奖补测算过程', '金额（元）', '依据']).font = { bold: true };
    for (const step of v.awardTrace) totals.addRow([`${step.text}${step.formula ? `（${step.formula}）` : ''}`, Number(step.amount), step.source]);
  }
  addCorrectionSheet(workbook, v);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** 付款核验: every row of the 付款 sheet with what the checks found on it (payee, duplicates, payer). */
function addPaymentSheet(workbook: ExcelJS.Workbook, v: ProjectVerification): void {
  const sheet = workbook.addWorksheet('付款核验', { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.addRow(['行号', '凭证号', '付款日期', '付款方', '收款方', '金额', '合同编号', '核验发现', '最高级别']).font = { bold: true };
  for (const p of v.payments) {
    sheet.addRow([
      p.rowNo,
      p.voucherNo,
      p.paidOn,
      p.payer,
      p.payee,
      Number(p.amount),
      p.contractNo,
      p.findings.map(findingLine).join('\n'),
      p.severity ? SEVERITY_LABEL[p.severity] : '',
    ]);
  }
  sheet.getColumn(6).numFmt = MONEY_FORMAT;
  [6, 18, 12, 28, 28, 16, 16, 70, 8].forEach((width, i) => (sheet.getColumn(i + 1).width = width));
  sheet.getColumn(8).alignment = { wrapText: true, vertical: 'top' };
}
