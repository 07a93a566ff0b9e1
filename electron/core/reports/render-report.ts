import { drawConditionChecklist } from './condition-checklist-section';
import { drawInspection, type PhotoThumbnails } from './inspection-section';
import { formatAmountInWords } from '@shared/domain/amount-in-words';
import { formatYuan } from '@shared/domain/money';
import {
  REPORT_KIND_TITLE,
  contentSha256,
  openItems,
  reportIdOf,
  type AcceptanceContent,
  type ExpertContent,
  type PanelOutcome,
  type ReportContent,
  type SummaryContent,
} from './report-model';
import { ReportWriter, type TableColumn } from './report-writer';

/** `25000000` → `25,000,000.00 元`. */
const yuan = (amount: string) => `${formatYuan(amount)} 元`;
/** The amount with its 大写, as official forms print the totals. */
const yuanWithWords = (amount: string) => `${yuan(amount)}（大写：${formatAmountInWords(amount, { yuanChar: '元' })}）`;

const NOT_SCORED = '尚未评分';

export interface RenderedReport {
  bytes: Buffer;
  reportId: string;
  contentSha256: string;
  draft: boolean;
  open: string[];
  title: string;
}

export interface RenderOptions {
  createdAt: Date;
  resourcesDir?: string;
  /** The photos' downscaled copies for 现场核查记录, by the SHA-256 of the original. */
  thumbnails?: PhotoThumbnails;
}

/** Draws a report from its content; a report with open items is a draft and says what is open on its first page. */
export async function renderReport(content: ReportContent, options: RenderOptions): Promise<RenderedReport> {
  const sha = contentSha256(content);
  const reportId = reportIdOf(content, sha);
  const open = openItems(content);
  const draft = open.length > 0;
  const title = REPORT_KIND_TITLE[content.kind];
  const subject =
    content.kind === 'summary' ? `${content.batch.name}（批次 ${content.batch.id}）` : `${content.batch.name} · 项目 ${content.project.id} ${content.project.name}`;
  const w = new ReportWriter({ title, subject, reportId, contentSha256: sha, draft, createdAt: options.createdAt, resourcesDir: options.resourcesDir });
  w.title(title);
  if (draft) {
    w.paragraph('本报告为草稿，不能作为正式评审结论。尚未完成的事项：', { bold: true, color: '#c00000' });
    for (const item of open) w.paragraph(`· ${item}`, { color: '#c00000', indent: 12 });
  }
  if (content.kind === 'acceptance') drawAcceptance(w, content, options.thumbnails ?? (() => undefined));
  else if (content.kind === 'expert') drawExpert(w, content);
  else drawSummary(w, content);
  colophon(w, reportId, sha, options.createdAt);
  return { bytes: await w.finish(), reportId, contentSha256: sha, draft, open, title };
}

function projectFacts(w: ReportWriter, c: AcceptanceContent | ExpertContent): void {
  w.heading('一、项目基本情况');
  w.facts([
    ['评审批次', `${c.batch.name}（${c.batch.id}）`],
    ['政策与阶段', `${c.batch.policy} · ${c.batch.stage}`],
    ['项目编号', c.project.id],
    ['项目名称', c.project.name],
    ['申报单位', c.project.applicant],
    ['统一社会信用代码', c.project.creditCode],
    ['所在区', c.project.district || '—'],
    ['建设期', c.project.period || '—'],
    ['计划投资', c.project.plannedInvestment === null ? '—' : yuan(c.project.plannedInvestment)],
  ]);
}

const CONTRACT_COLUMNS: TableColumn[] = [
  { title: '合同编号', width: 0.13 },
  { title: '供应商', width: 0.17 },
  { title: '类别', width: 0.06 },
  { title: '合同金额', width: 0.128, align: 'right' },
  { title: '已开票', width: 0.128, align: 'right' },
  { title: '认定发票', width: 0.128, align: 'right' },
  { title: '已付款', width: 0.128, align: 'right' },
  { title: '计入投资', width: 0.128, align: 'right' },
];

const INVOICE_COLUMNS: TableColumn[] = [
  { title: '序号', width: 0.05, align: 'right' },
  { title: '发票号码', width: 0.19 },
  { title: '开票日期', width: 0.09 },
  { title: '销售方', width: 0.14 },
  { title: '金额（不含税）', width: 0.105, align: 'right' },
  { title: '核验发现', width: 0.135 },
  { title: '处理', width: 0.09 },
  { title: '理由', width: 0.085 },
  { title: '认定金额', width: 0.105, align: 'right' },
];

function drawAcceptance(w: ReportWriter, c: AcceptanceContent, thumbnails: PhotoThumbnails): void {
  projectFacts(w, c);
  w.heading('二、专家组');
  if (c.panel) {
    w.table(
      [
        { title: '姓名', width: 0.18 },
        { title: '单位', width: 0.37 },
        { title: '职责', width: 0.12 },
        { title: '回避情况', width: 0.33 },
      ],
      c.panel.members.map((m) => [m.name, m.organization, m.role === 'chair' ? '组长' : '成员', m.recused ? `回避：${m.recusalReason}` : '未回避']),
    );
    drawPanelScores(w, c.panel);
  } else {
    w.paragraph(`专家组名单、回避情况、汇总得分与评审结论：${NOT_SCORED}（草稿）。`, { color: '#c00000' });
    w.heading('三、评分汇总与评审结论');
    w.paragraph(`${NOT_SCORED}。`, { color: '#c00000' });
  }
  w.heading('四、投资核定');
  w.facts([
    ['申报发票金额（不含税）', yuan(c.claimed)],
    ['核定投资额', yuanWithWords(c.verifiedInvestment)],
  ]);
  if (c.undecidedInvoices > 0) {
    w.paragraph(
      `有 ${String(c.undecidedInvoices)} 张存在核验发现的发票尚未作出认定决定；本报告按离线核验的规则计算：没有“错误”级发现的发票计入，有“错误”级发现的不计入。`,
      { color: '#c00000' },
    );
  }
  w.paragraph('分合同汇总：', { bold: true });
  w.table(
    CONTRACT_COLUMNS,
    c.contracts.map((k) => [
      k.contractNo,
      k.supplier,
      k.category,
      formatYuan(k.contractAmount),
      formatYuan(k.invoiced),
      formatYuan(k.accepted),
      formatYuan(k.paid),
      formatYuan(k.counted),
    ]),
  );
  w.heading('五、奖补测算');
  if (c.award === null) w.paragraph(`奖补金额无法测算：${c.awardMessage ?? ''}`, { color: '#c00000' });
  else w.paragraph(`奖补金额：${yuanWithWords(c.award)}`, { bold: true });
  w.table(
    [
      { title: '计算步骤', width: 0.3 },
      { title: '算式', width: 0.22 },
      { title: '金额', width: 0.16, align: 'right' },
      { title: '政策依据', width: 0.32 },
    ],
    c.awardTrace.map((t) => [t.text, t.formula, /^-?\d+(\.\d+)?$/u.test(t.amount) ? yuan(t.amount) : t.amount, t.source]),
  );
  w.heading('六、资金拨付安排');
  if (c.schedule.length === 0) w.paragraph('政策未规定分期拨付安排。');
  else {
    w.table(
      [
        { title: '阶段', width: 0.18 },
        { title: '比例', width: 0.1, align: 'right' },
        { title: '金额', width: 0.2, align: 'right' },
        { title: '依据', width: 0.52 },
      ],
      c.schedule.map((s) => [s.refund ? `${s.label}（退还）` : s.label, s.percent === null ? '余额' : `${s.percent}%`, yuan(s.amount), s.source]),
    );
  }
  if (c.refundRule) w.paragraph(`退还规定：${c.refundRule.text}（依据：${c.refundRule.source}）`);
  w.heading('七、尚未解决的核验发现');
  if (c.openFindings.length === 0) w.paragraph('无。');
  else for (const f of c.openFindings) w.paragraph(`· ${f}`, { indent: 12 });
  w.paragraph(c.corrections.heading, { bold: true });
  for (const line of c.corrections.lines) w.paragraph(`· ${line}`, { indent: 12 });
  drawConditionChecklist(w, c.checklist);
  drawInspection(w, c.inspection, thumbnails);
  w.heading('八、签署');
  w.paragraph('本报告以电子签名签署；签署人、签署时间与证书指纹可用“技改评审”的报告核验功能或任何 PDF 签名验证工具查看。');
  w.signatureLines(c.panel ? c.panel.members.filter((m) => !m.recused).map((m) => `${m.role === 'chair' ? '组长' : '专家'} ${m.name}`) : ['专家组组长', '专家组成员']);
  w.doc.addPage();
  w.title('附件：发票核验明细');
  w.paragraph(`共 ${String(c.invoices.length)} 张发票；“处理”一栏中“按规则计入”“按规则不计入”表示尚未作出认定决定，按离线核验规则计算。`, { size: 9 });
  w.table(
    INVOICE_COLUMNS,
    c.invoices.map((i) => [String(i.no), i.key, i.issuedOn, i.seller, formatYuan(i.amount), i.findings, i.decision, i.reason, formatYuan(i.counted)]),
  );
  w.paragraph(`合计认定金额（发票口径，未计合同与付款限额）：${yuan(sumOf(c.invoices.map((i) => i.counted)))}`, { bold: true, size: 9 });
}

function drawPanelScores(w: ReportWriter, panel: PanelOutcome): void {
  w.heading('三、评分汇总与评审结论');
  w.paragraph('各位专家的评分（回避的专家不评分、不计入汇总；有评分项未评的总分不计入）：', { bold: true });
  const itemWidth = 0.62 / Math.max(1, panel.items.length);
  w.table(
    [
      { title: '专家', width: 0.14 },
      ...panel.items.map((i): TableColumn => ({ title: `${i.item}（${i.maxScore}）`, width: itemWidth, align: 'right' })),
      { title: '总分', width: 0.1, align: 'right' },
      { title: '计入汇总', width: 0.14 },
    ],
    [
      ...panel.scores.map((e) => [e.expert, ...e.items.map((x) => x ?? NOT_SCORED), e.total ?? '不完整', e.counted ? '计入' : '不计入']),
      ['各项平均', ...panel.items.map((i) => i.score), '', ''],
    ],
  );
  w.paragraph('汇总得分（各方法并列，以本批次选定的方法为准）：', { bold: true });
  w.table(
    [
      { title: '汇总方法', width: 0.6 },
      { title: '得分', width: 0.2, align: 'right' },
      { title: '采用', width: 0.2 },
    ],
    panel.figures.map((f) => [f.method, f.figure ?? '—', f.counts ? '以此为准' : '']),
  );
  w.paragraph(`汇总得分（${panel.method}）：${panel.total ?? NOT_SCORED}${panel.rank === null ? '' : `，在本批次中排名第 ${String(panel.rank)}`}`, {
    bold: true,
  });
  w.paragraph(`评审结论：${panel.verdict ?? '尚未给出'}${panel.opinionConfirmed ? '' : '（由各专家结论拟定，组长尚未确认）'}`, { bold: true });
  w.paragraph(`专家组意见：${panel.opinion || '—'}`);
}

function sumOf(values: readonly string[]): string {
  // Fen as BigInt: exact for any number of invoices.
  let fen = 0n;
  for (const v of values) {
    const [int = '0', frac = ''] = v.replace('-', '').split('.');
    const magnitude = BigInt(int) * 100n + BigInt((frac + '00').slice(0, 2));
    fen += v.startsWith('-') ? -magnitude : magnitude;
  }
  const sign = fen < 0n ? '-' : '';
  const abs = fen < 0n ? -fen : fen;
  return `${sign}${String(abs / 100n)}.${String(abs % 100n).padStart(2, '0')}`;
}

function drawExpert(w: ReportWriter, c: ExpertContent): void {
  projectFacts(w, c);
  w.facts([['核定投资额', yuan(c.verifiedInvestment)]]);
  const form = c.form;
  w.heading('二、评审专家');
  if (!form) {
    w.paragraph(`${NOT_SCORED}（草稿）。`, { color: '#c00000' });
    return;
  }
  w.facts([
    ['姓名', form.expert.name],
    ['单位', form.expert.organization],
    ['专业领域', form.expert.field || '—'],
  ]);
  w.heading('三、回避声明');
  if (!form.recusalDeclared) w.paragraph('尚未作回避声明。', { color: '#c00000' });
  else w.paragraph(form.recused ? `本人与该项目存在利益关系，申请回避，不参与评分：${form.recusalStatement}` : '本人与该项目及申报单位不存在利益关系。');
  if (form.recused) {
    w.signatureLines([`专家 ${form.expert.name}`]);
    return;
  }
  w.heading('四、评分');
  w.table(
    [
      { title: '评分项', width: 0.34 },
      { title: '满分', width: 0.1, align: 'right' },
      { title: '得分', width: 0.12, align: 'right' },
      { title: '评语', width: 0.44 },
    ],
    [...form.items.map((i) => [i.item, i.maxScore, i.score ?? NOT_SCORED, i.comment]), ['合计', '', form.total ?? NOT_SCORED, '']],
  );
  w.heading('五、评审结论与意见');
  w.paragraph(`评审结论：${form.verdict ?? '尚未给出'}`, { bold: true });
  w.paragraph(`评审意见：${form.opinion || '—'}`);
  w.heading('六、签署');
  w.signatureLines([`专家 ${form.expert.name}`]);
}

function drawSummary(w: ReportWriter, c: SummaryContent): void {
  w.facts([
    ['评审批次', `${c.batch.name}（${c.batch.id}）`],
    ['政策与阶段', `${c.batch.policy} · ${c.batch.stage}`],
    ['项目数', String(c.projects.length)],
  ]);
  w.paragraph('按汇总得分从高到低排列；尚未评分的项目列在最后，不参与排名。', { size: 9 });
  w.table(
    [
      { title: '名次', width: 0.06, align: 'right' },
      { title: '项目编号', width: 0.12 },
      { title: '项目名称 / 申报单位', width: 0.3 },
      { title: '得分', width: 0.08, align: 'right' },
      { title: '结论', width: 0.1 },
      { title: '核定投资额', width: 0.17, align: 'right' },
      { title: '奖补金额', width: 0.17, align: 'right' },
    ],
    c.projects.map((p) => [
      p.rank === null ? '—' : String(p.rank),
      p.id,
      `${p.name}\n${p.applicant}`,
      p.score ?? NOT_SCORED,
      p.verdict ?? NOT_SCORED,
      formatYuan(p.verifiedInvestment),
      p.award === null ? '无法测算' : formatYuan(p.award),
    ]),
  );
  const awards = c.projects.map((p) => p.award).filter((a): a is string => a !== null);
  w.paragraph(`奖补金额合计：${yuanWithWords(sumOf(awards))}`, { bold: true });
  w.heading('签署');
  w.signatureLines(['专家组组长']);
}

function colophon(w: ReportWriter, reportId: string, sha: string, createdAt: Date): void {
  w.ensureSpace(90);
  w.doc.moveDown(1);
  w.paragraph('说明', { bold: true, size: 8, color: '#555555' });
  w.paragraph(
    `报告编号 ${reportId}，生成时间 ${createdAt.toISOString()}。每页二维码载有报告编号与“内容摘要”：内容摘要是本报告所依据数据（项目、核验、测算与评审结果）按键名排序、无空白的 JSON 文本（UTF-8）的 SHA-256 值：${sha}。同一数据生成的报告摘要相同；纸质件可据此与电子文件核对。`,
    { size: 8, color: '#555555' },
  );
}
