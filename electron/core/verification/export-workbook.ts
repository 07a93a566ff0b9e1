import type ExcelJS from 'exceljs';
import type { ProjectVerification } from '@shared/api/verification-contract';
import { DECISION_LABEL, findingLine, SEVERITY_LABEL, SUGGESTION_LABEL } from '@shared/codes/labels';
import { formatLocalDateTime } from '@shared/domain/local-time';
import { sumMoney } from '@shared/domain/money';
import type { RuleSet } from '@shared/rules';
import { readableSource } from '@shared/rules/readable-source';
import { newWorkbook, workbookBytes } from '../exports/batch-heading';
import { policyName } from '../exports/policy-name';
import { addTableSheet } from '../exports/table-sheet';
import { statutoryFinding } from '@shared/verification/effective-decision';
import { addCorrectionSheet } from './correction-sheet';

export interface VerificationWorkbookOptions {
  /** The batch's policy rule set: its name heads the sheets and its title replaces file names in citations. */
  ruleSet: RuleSet | undefined;
  /** 核验人: the reviewer whose decisions these are. */
  reviewer: string;
  exportedAt: string;
}

/**
 * 发票核验明细表.xlsx: every invoice with its findings, decision, reason and counted amount, then the
 * per-contract reconciliation, the payments, the project totals and how they were computed. Laid
 * out like every export (table-sheet.ts): frozen, filtered, landscape A4 with repeated headers;
 * counts as integers, 税率 as a percentage, money as exact numbers, package text as text.
 */
export async function buildVerificationWorkbook(v: ProjectVerification, options: VerificationWorkbookOptions): Promise<Buffer> {
  const workbook = newWorkbook(options.exportedAt);
  const cite = (text: string) => readableSource(text, options.ruleSet);
  const about = `申报单位：${v.applicant}　政策：${policyName(options.ruleSet)}　核验人：${options.reviewer}　导出时间：${formatLocalDateTime(options.exportedAt, true)}`;
  const title = (what: string) => [`${v.projectName}（${v.projectId}）${what}`, about];

  addTableSheet(workbook, {
    name: '发票核验明细',
    title: title('发票核验明细表'),
    columns: [
      { header: '行号', kind: 'count' },
      { header: '发票号码', kind: 'text' },
      { header: '开票日期', kind: 'text' },
      { header: '发票类型', kind: 'text' },
      { header: '销售方名称', kind: 'text' },
      { header: '销售方纳税人识别号', kind: 'text' },
      { header: '项目名称', kind: 'text' },
      { header: '金额（不含税）', kind: 'money' },
      { header: '税率', kind: 'percent' },
      { header: '税额', kind: 'money' },
      { header: '价税合计', kind: 'money' },
      { header: '合同编号', kind: 'text' },
      { header: '核验发现', kind: 'longText' },
      { header: '最高级别', kind: 'text' },
      { header: '认定结论', kind: 'text' },
      { header: '理由', kind: 'longText' },
      { header: '认定人', kind: 'text' },
      { header: '认定时间', kind: 'text' },
      { header: '计入金额\n（核减/认定后，不含税）', kind: 'money' },
    ],
    rows: v.invoices.map((invoice) => {
      const decision = invoice.decision;
      // A statutory finding (000 §五(一)(二)) counts nothing whatever was decided.
      const counted = statutoryFinding(invoice.findings)
        ? '0.00'
        : decision
          ? decision.kind === 'reject'
            ? '0.00'
            : decision.kind === 'reduce'
              ? (decision.amount ?? '0.00')
              : invoice.amount
          : null;
      return [
        invoice.rowNo,
        invoice.key,
        invoice.issuedOn,
        invoice.kind,
        invoice.sellerName,
        invoice.sellerTaxId,
        invoice.itemName,
        invoice.amount,
        invoice.taxRate,
        invoice.tax,
        invoice.total,
        invoice.contractNo,
        invoice.findings.map(findingLine).join('\n'),
        invoice.severity ? SEVERITY_LABEL[invoice.severity] : '',
        decision ? `${DECISION_LABEL[decision.kind]}${decision.stale ? '（数据已变更，需复核）' : ''}` : `未认定（建议：${SUGGESTION_LABEL[invoice.suggested.kind]}）`,
        decision?.reason ?? '',
        decision?.reviewer ?? '',
        decision ? formatLocalDateTime(decision.decidedAt, true) : '',
        counted,
      ];
    }),
    frozenColumns: 2,
  });

  addTableSheet(workbook, {
    name: '合同对账',
    title: title('合同对账'),
    columns: [
      { header: '合同编号', kind: 'text' },
      { header: '供应商', kind: 'text' },
      { header: '投资类别', kind: 'text' },
      { header: '合同金额', kind: 'money' },
      { header: '发票金额（不含税）', kind: 'money' },
      { header: '认定发票金额', kind: 'money' },
      { header: '已付款', kind: 'money' },
      { header: '未付款', kind: 'money' },
      { header: '计入核定投资额', kind: 'money' },
      { header: '可认定类别', kind: 'text' },
      { header: '计算过程', kind: 'longText' },
    ],
    rows: v.contracts.map((c) => [
      c.contractNo,
      c.supplierName,
      c.category,
      c.contractAmount,
      c.invoiced,
      c.accepted,
      c.paid,
      c.unpaid,
      c.counted,
      c.eligible ? '是' : '否',
      c.trace.map(cite).join('\n'),
    ]),
    frozenColumns: 1,
  });

  addTableSheet(workbook, {
    name: '付款核验',
    title: title('付款核验'),
    columns: [
      { header: '行号', kind: 'count' },
      { header: '凭证号', kind: 'text' },
      { header: '付款日期', kind: 'text' },
      { header: '付款方', kind: 'text' },
      { header: '收款方', kind: 'text' },
      { header: '金额', kind: 'money' },
      { header: '合同编号', kind: 'text' },
      { header: '核验发现', kind: 'longText' },
      { header: '最高级别', kind: 'text' },
    ],
    rows: v.payments.map((p) => [
      p.rowNo,
      p.voucherNo,
      p.paidOn,
      p.payer,
      p.payee,
      p.amount,
      p.contractNo,
      p.findings.map(findingLine).join('\n'),
      p.severity ? SEVERITY_LABEL[p.severity] : '',
    ]),
  });

  // Findings on the project as a whole (现场核查: an indicator below its target); the sheet only when there are some.
  const projectFindings = v.findings ?? [];
  if (projectFindings.length > 0) {
    addTableSheet(workbook, {
      name: '项目核验发现',
      title: title('项目核验发现'),
      columns: [
        { header: '核验发现', kind: 'longText' },
        { header: '级别', kind: 'text' },
      ],
      rows: projectFindings.map((f) => [findingLine(f), SEVERITY_LABEL[f.severity]]),
    });
  }

  addTotalsSheets(workbook, v, title, cite);
  addCorrectionSheet(workbook, v, title('更正记录'));
  return workbookBytes(workbook);
}

/** 项目合计 (counts in a count column, amounts in a money column) and 计算过程 (both traces with their sources). */
function addTotalsSheets(workbook: ExcelJS.Workbook, v: ProjectVerification, title: (what: string) => string[], cite: (text: string) => string): void {
  const s = v.summary;
  addTableSheet(workbook, {
    name: '项目合计',
    title: title('项目合计'),
    columns: [
      { header: '项目', kind: 'text' },
      { header: '张数', kind: 'count' },
      { header: '金额（元）', kind: 'money' },
    ],
    rows: [
      ['发票张数', s.invoices, null],
      ['申报发票金额（不含税）', null, s.claimed],
      ['有错误的发票', s.errors, null],
      ['有警告的发票', s.warnings, null],
      ['已作出认定的发票（含核减、不予认定）', s.decided, null],
      ['合同计入金额合计', null, sumMoney(v.contracts.map((c) => c.counted))],
      ['核定投资额', null, s.verifiedInvestment],
      [s.awardIsCeiling ? '奖补上限' : '奖补金额', null, s.award ?? s.awardMessage ?? ''],
    ],
  });
  addTableSheet(workbook, {
    name: '计算过程',
    title: title('核定投资额与奖补测算过程'),
    columns: [
      { header: '类别', kind: 'text' },
      { header: '计算过程', kind: 'longText' },
      { header: '金额（元）', kind: 'money' },
      { header: '依据', kind: 'longText' },
    ],
    rows: [
      ...v.trace.map((line) => ['核定投资额', cite(line), null, null]),
      ...v.awardTrace.map((step) => ['奖补测算', `${step.text}${step.formula ? `（${step.formula}）` : ''}`, step.amount, cite(step.source)]),
    ],
  });
}
