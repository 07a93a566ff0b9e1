import type { ProjectChecklist } from '@shared/api/checklist-contract';
import type { InspectionRecord } from './inspection-record';
import { createHash } from 'node:crypto';
import { canonicalJson } from '@shared/domain/canonical-json';

/**
 * What the reports are made of. Everything a report prints comes from one plain JSON object (its
 * "content"); the SHA-256 of that object's canonical JSON (keys sorted, no white space) is printed
 * in every page's QR code and in the colophon, so anyone holding the data can recompute it.
 */

export type ReportKind = 'acceptance' | 'expert' | 'summary';

export const REPORT_KIND_TITLE: Readonly<Record<ReportKind, string>> = {
  acceptance: '项目验收报告（专家组评审意见）',
  expert: '专家个人评审表',
  summary: '评审结果汇总表',
};

/** One scored rubric item. `score` null: not scored yet. */
export interface ScoredItem {
  item: string;
  maxScore: string;
  score: string | null;
  comment: string;
}

/** A panel member as the acceptance report names them. */
export interface PanelMember {
  name: string;
  organization: string;
  role: 'chair' | 'expert';
  /** Declared a conflict of interest on this project and took no part. */
  recused: boolean;
  recusalReason: string;
}

/** One panel member's scores on the project, in rubric order; null where not scored. */
export interface ExpertScores {
  expert: string;
  items: (string | null)[];
  total: string | null;
  /** Counted in the consolidated figures (not recused, every item scored). */
  counted: boolean;
}

/** One consolidation method's figure; `counts` marks the one the batch chose. */
export interface MethodFigure {
  method: string;
  figure: string | null;
  counts: boolean;
}

/** The panel's part of an acceptance report; absent (null) until anyone on the panel has scored. */
export interface PanelOutcome {
  members: PanelMember[];
  /** The method that counts (the batch's setting), e.g. 去掉一个最高分和一个最低分后的平均分. */
  method: string;
  /** The rubric: item titles, maximum scores and the panel's mean per item (recused and unscored left out). */
  items: { item: string; maxScore: string; score: string }[];
  /** Every member's per-item and total scores; recused members have no row. */
  scores: ExpertScores[];
  /** All methods side by side. */
  figures: MethodFigure[];
  /** The consolidated score by the method that counts; null while no complete score counts. */
  total: string | null;
  rank: number | null;
  /** null until the chair (or the experts' verdicts) give one. */
  verdict: string | null;
  opinion: string;
  /** The chair confirmed the panel's verdict and opinion (otherwise they are drafted from the experts' own). */
  opinionConfirmed: boolean;
  /** What the panel still has to do (members who have not scored, no confirmed opinion). */
  open: string[];
}

/** One expert's own form; absent (null) until the data folder has a reviewer. */
export interface ExpertForm {
  expert: { name: string; organization: string; field: string };
  /** A recusal declaration (conflict or none) has been made. */
  recusalDeclared: boolean;
  recused: boolean;
  recusalStatement: string;
  items: ScoredItem[];
  total: string | null;
  verdict: string | null;
  opinion: string;
}

export interface BatchFacts {
  id: string;
  name: string;
  policy: string;
  stage: string;
}

export interface ProjectFacts {
  id: string;
  name: string;
  applicant: string;
  creditCode: string;
  district: string;
  period: string;
  plannedInvestment: string | null;
}

export interface InvoiceLine {
  no: number;
  key: string;
  issuedOn: string;
  seller: string;
  amount: string;
  findings: string;
  decision: string;
  reason: string;
  counted: string;
}

export interface AcceptanceContent {
  kind: 'acceptance';
  batch: BatchFacts;
  project: ProjectFacts;
  claimed: string;
  verifiedInvestment: string;
  award: string | null;
  awardMessage: string | null;
  contracts: { contractNo: string; supplier: string; category: string; contractAmount: string; invoiced: string; accepted: string; paid: string; counted: string }[];
  awardTrace: { text: string; formula: string; amount: string; source: string }[];
  schedule: { label: string; percent: string | null; amount: string; refund: boolean; source: string }[];
  refundRule: { text: string; source: string } | null;
  openFindings: string[];
  /** 申报数据更正 (corrections-section.ts). */
  corrections: { heading: string; lines: string[] };
  undecidedInvoices: number;
  invoices: InvoiceLine[];
  panel: PanelOutcome | null;
  checklist?: ProjectChecklist;
  /** 现场核查记录 (inspection-record.ts); absent when nobody observed anything on site. */
  inspection?: InspectionRecord;
}

export interface ExpertContent {
  kind: 'expert';
  batch: BatchFacts;
  project: ProjectFacts;
  verifiedInvestment: string;
  form: ExpertForm | null;
}

export interface SummaryContent {
  kind: 'summary';
  batch: BatchFacts;
  projects: {
    rank: number | null;
    id: string;
    name: string;
    applicant: string;
    score: string | null;
    verdict: string | null;
    verifiedInvestment: string;
    award: string | null;
    open: string[];
  }[];
}

export type ReportContent = AcceptanceContent | ExpertContent | SummaryContent;

/** What keeps a report from being final; empty for a final report. */
export function openItems(content: ReportContent): string[] {
  switch (content.kind) {
    case 'acceptance': {
      const open: string[] = [];
      if (content.undecidedInvoices > 0) open.push(`${String(content.undecidedInvoices)} 张有核验发现的发票尚未作出认定决定`);
      if (!content.panel) open.push('专家组尚未完成评分与汇总（无评审结论）');
      else open.push(...content.panel.open);
      if (content.award === null) open.push(`奖补金额无法测算：${content.awardMessage ?? '缺少政策规则'}`);
      return open;
    }
    case 'expert':
      if (!content.form) return ['本机尚未创建评审人身份，没有评审表'];
      if (!content.form.recusalDeclared) return ['尚未作回避声明', '本专家尚未评分'];
      if (content.form.recused) return [];
      return [
        ...content.form.items.filter((i) => i.score === null).map((i) => `评分项「${i.item}」尚未评分`),
        ...(content.form.verdict === null ? ['尚未给出评审结论'] : []),
      ];
    case 'summary':
      return content.projects.flatMap((p) => p.open.map((o) => `项目 ${p.id}：${o}`));
  }
}

export function contentSha256(content: ReportContent): string {
  return createHash('sha256').update(canonicalJson(content), 'utf8').digest('hex');
}

const KIND_PREFIX: Readonly<Record<ReportKind, string>> = { acceptance: 'YS', expert: 'ZJ', summary: 'HZ' };

/** Report id: kind, batch, project and the start of the content hash, so the same content always gets the same id. */
export function reportIdOf(content: ReportContent, sha256: string): string {
  const project = content.kind === 'summary' ? '' : `-${content.project.id}`;
  return `${KIND_PREFIX[content.kind]}-${content.batch.id}${project}-${sha256.slice(0, 8).toUpperCase()}`;
}
