import type { AcceptanceContent, InvoiceLine, PanelOutcome } from '@core/reports/report-model';

/** A realistic acceptance report's content with `invoiceCount` invoices (deterministic). */
export function sampleAcceptance(invoiceCount: number, panel: PanelOutcome | null = null): AcceptanceContent {
  const invoices: InvoiceLine[] = [];
  for (let i = 1; i <= invoiceCount; i += 1) {
    const amount = `${String(10000 + ((i * 7919) % 900000))}.${String(i % 100).padStart(2, '0')}`;
    const flagged = i % 50 === 0;
    invoices.push({
      no: i,
      key: `2535200000${String(1000000000 + i)}`,
      issuedOn: '2025-03-18',
      seller: i % 3 === 0 ? '厦门精密机械设备有限公司' : '福建智造自动化科技股份有限公司',
      amount,
      findings: flagged ? '错误：发票号码重复（与第 12 行相同）' : '',
      decision: flagged ? '不予认定' : '按规则计入',
      reason: flagged ? '重复报销' : '',
      counted: flagged ? '0.00' : amount,
    });
  }
  return {
    kind: 'acceptance',
    batch: { id: 'XM-2025-01', name: '2025年厦门市技术改造项目第一批', policy: '厦门市工业企业技术改造奖补', stage: '竣工验收' },
    project: {
      id: 'P001',
      name: '高端数控机床智能化改造项目',
      applicant: '厦门鹭岛精工科技有限公司',
      creditCode: '91350200MA2XXXXX1K',
      district: '集美区',
      period: '2024-01-01 至 2025-06-30',
      plannedInvestment: '25000000.00',
    },
    claimed: '24500000.00',
    verifiedInvestment: '23000000.00',
    award: '2300000.00',
    awardMessage: null,
    contracts: [
      {
        contractNo: 'HT-2024-001',
        supplier: '厦门精密机械设备有限公司',
        category: '设备',
        contractAmount: '15000000.00',
        invoiced: '14000000.00',
        accepted: '13500000.00',
        paid: '13500000.00',
        counted: '13500000.00',
      },
      {
        contractNo: 'HT-2024-002',
        supplier: '福建智造自动化科技股份有限公司',
        category: '软件',
        contractAmount: '10000000.00',
        invoiced: '10500000.00',
        accepted: '9500000.00',
        paid: '9500000.00',
        counted: '9500000.00',
      },
    ],
    awardTrace: [
      { text: '核定投资额', formula: '', amount: '23000000.00', source: '《厦门市技术改造奖补办法》第五条：按核定设备投资额计算。' },
      { text: '奖补比例 10%', formula: '23,000,000.00 × 10%', amount: '2300000.00', source: '第六条：按设备投资额的10%给予奖补，最高不超过1000万元。' },
    ],
    schedule: [
      { label: '立项', percent: '30', amount: '690000.00', refund: false, source: '第八条：立项后拨付30%' },
      { label: '竣工验收', percent: null, amount: '1610000.00', refund: false, source: '第八条：验收通过后拨付余额' },
    ],
    refundRule: { text: '验收不通过的，收回已拨付资金', source: '第九条' },
    openFindings: ['发票 25352000001000000050：错误：发票号码重复'],
    corrections: {
      heading: '申报数据更正',
      lines: [
        '发票 24352000000000000006（第 6 行）开票日期：申报表为「2023-12-31」，更正为「2024-01-03」；理由：附件发票开票日期为 2024-01-03，依据 发票-0006.pdf#1（陈立新，2026-11-26 12:00）',
      ],
    },
    undecidedInvoices: panel ? 0 : 3,
    invoices,
    panel,
  };
}

export const SAMPLE_PANEL: PanelOutcome = {
  members: [
    { name: '王建国', organization: '厦门大学机电工程学院', role: 'chair', recused: false, recusalReason: '' },
    { name: '李秀英', organization: '福建省机械工业联合会', role: 'expert', recused: false, recusalReason: '' },
    { name: '欧阳明', organization: '集美大学', role: 'expert', recused: true, recusalReason: '曾任申报单位技术顾问' },
  ],
  method: '去掉一个最高分和一个最低分后的平均分',
  items: [
    { item: '技术先进性', maxScore: '30', score: '26.50' },
    { item: '投资真实性', maxScore: '40', score: '35.00' },
  ],
  scores: [
    { expert: '王建国', items: ['27', '36'], total: '63', counted: true },
    { expert: '李秀英', items: ['26', '34'], total: '60', counted: true },
  ],
  figures: [
    { method: '算术平均分', figure: '61.50', counts: false },
    { method: '去掉一个最高分和一个最低分后的平均分', figure: '61.50', counts: true },
    { method: '中位数', figure: '61.50', counts: false },
    { method: '评分尺度校正后的平均分', figure: null, counts: false },
  ],
  total: '61.5',
  rank: 1,
  verdict: '通过',
  opinion: '项目按计划完成建设，投资真实，同意通过验收。',
  opinionConfirmed: true,
  open: [],
};
