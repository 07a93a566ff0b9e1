import { formatYuan, isMoneyString } from '../domain/money';
import type { EnumOption } from '../domain/enums';
import { REVIEWER_ROLES } from '../identity/reviewer-role';
import { CONSOLIDATION_METHODS } from '../scoring/consolidate';
import { RECUSAL_KINDS } from '../scoring/recusal';
import { VERDICTS } from '../scoring/verdict';
import { auditActionLabel, type AuditAction } from './audit-action';

/**
 * One entry of the 操作记录 as a sentence a reviewer reads: 「王建国 将项目 XM2024-001 的发票 12345678
 * 核减 1,200.00 元，认定 8,800.00 元，理由：……」. The stored details are the record of what
 * happened (hashed into the chain, never rewritten); this reads them, older entries included, and
 * leaves out what is for the program only (hashes, fingerprints, internal ids, codes).
 */
export interface AuditEntryLike {
  readonly actor: string;
  /** The stored action code (audit-action.ts). */
  readonly action: string;
  readonly subject: string;
  /** JSON, as stored. */
  readonly details: string;
}

type Details = Readonly<Record<string, unknown>>;
type Say = (d: Details, where: Where) => string;

interface Where {
  /** 「项目 XM2024-001」, 「批次 XM-2026-YS-01」 or '' when the entry concerns neither. */
  readonly text: string;
  readonly batch: string;
}

const str = (value: unknown): string => (typeof value === 'string' ? value.trim() : typeof value === 'number' ? String(value) : '');
const labelOf = (table: readonly EnumOption<string>[], value: unknown): string => table.find((o) => o.id === value)?.label ?? '';
const money = (value: unknown): string => (isMoneyString(value) ? `${formatYuan(value)} 元` : '');
/** 「，理由：…」 when there is one. */
const clause = (label: string, value: unknown): string => (str(value) === '' ? '' : `，${label}：${str(value)}`);
const quoted = (value: unknown): string => `「${str(value)}」`;
/** A browser upload's temporary file (a random id before the name) says nothing to a reviewer. */
const isTemporaryName = (name: string): boolean => /^[0-9a-f]{8}-[0-9a-f]{4}-/iu.test(name) || /^(?:upload|tmp)[-_]/iu.test(name);

function whereOf(subject: string): Where {
  const [kind = '', rest = ''] = subject.split(/:(.*)/su);
  if (kind === 'project') {
    const [batch = '', project = ''] = rest.split('/');
    return { text: `项目 ${project}`, batch };
  }
  if (kind === 'batch') return { text: `批次 ${rest}`, batch: rest };
  return { text: '', batch: '' };
}

/** 「发票 12345678」 or 「16 张发票（12345678、… 等）」. */
function invoicesText(d: Details): string {
  const keys = Array.isArray(d.invoices) ? d.invoices.map(str).filter((k) => k !== '') : [];
  const count = typeof d.rows === 'number' ? d.rows : keys.length;
  if (count <= 1) return keys[0] ? `发票 ${keys[0]}` : '一张发票';
  const shown = keys.slice(0, 3).join('、');
  return shown === '' ? `${String(count)} 张发票` : `${String(count)} 张发票（${shown}${count > 3 ? ' 等' : ''}）`;
}

/** 「项目 P 的发票 123」 */
const ofProject = (w: Where, what: string): string => (w.text === '' ? what : `${w.text} 的${/^\d/u.test(what) ? ' ' : ''}${what}`);
/** 「项目 P 」 before Chinese words: a number and the word after it are set apart. */
const at = (w: Where): string => (w.text === '' ? '' : `${w.text} `);

function packageText(d: Details, w: Where, verb: string): string {
  const name = str(d.sourceName);
  const named = name !== '' && !isTemporaryName(name) ? `申报材料包「${name}」` : '申报材料包';
  const projects = typeof d.projects === 'number' ? `（${String(d.projects)} 个项目）` : '';
  return `${verb}${w.batch === '' ? '' : `批次 ${w.batch} 的`}${named}${projects}`;
}

function correctionTarget(d: Details, w: Where): string {
  const kind = d.target === 'contract' ? '合同' : '发票';
  return ofProject(w, `${kind} ${str(d.targetKey)}`);
}

function rubricVersion(d: Details): string {
  return typeof d.version === 'number' || typeof d.version === 'string' ? `（第 ${str(d.version)} 版）` : '';
}

function settingsText(d: Details): string {
  const before = (d.before ?? {}) as Details;
  const after = (d.after ?? {}) as Details;
  const fields: [string, string, (v: unknown) => string][] = [
    ['reviewerName', '姓名', str],
    ['reviewerOrganization', '单位', str],
    ['reviewerRole', '角色', (v) => labelOf(REVIEWER_ROLES, v)],
  ];
  const changes = fields
    .filter(([key]) => before[key] !== after[key])
    .map(([key, label, read]) => (read(before[key]) === '' ? `${label}填为「${read(after[key])}」` : `${label}由「${read(before[key])}」改为「${read(after[key])}」`));
  return changes.length === 0 ? '保存了设置，内容未变' : `修改了设置：${changes.join('，')}`;
}

const SENTENCES: Partial<Record<AuditAction, Say>> = {
  'package-import': (d, w) => packageText(d, w, '导入了'),
  'package-update': (d, w) => packageText(d, w, '更新了'),
  'invoice-accept': (d, w) => `认定了${ofProject(w, invoicesText(d))}${clause('理由', d.reason)}`,
  'invoice-reduce': (d, w) => {
    const cut = money(d.cut);
    const kept = money(d.amount);
    const figures = cut === '' ? (kept === '' ? '' : `，核减后认定 ${kept}`) : `，核减 ${cut}${kept === '' ? '' : `，认定 ${kept}`}`;
    return `将${ofProject(w, invoicesText(d))} 认定为核减${figures}${clause('理由', d.reason)}`;
  },
  'invoice-reject': (d, w) => `对${ofProject(w, invoicesText(d))} 不予认定${clause('理由', d.reason)}`,
  'invoice-clear': (d, w) => `撤销了对${ofProject(w, invoicesText(d))} 的认定结论，改回未决`,
  // The 现场核查 entries carry their sentence, written where the line's name and figures are known.
  'inspection-record': (d, w) => `在${at(w)}${str(d.sentence) || '记录了现场核查'}${clause('说明', d.note)}`,
  'inspection-clear': (d, w) => `在${at(w)}${str(d.sentence) || '撤销了现场核查记录'}`,
  'inspection-indicator': (d, w) => `在${at(w)}${str(d.sentence) || '记录了现场核查指标'}${clause('说明', d.note)}`,
  'inspection-photo': (d, w) => `在${at(w)}${str(d.sentence) || '添加了现场照片'}`,
  'settings-change': (d) => settingsText(d),
  'reviewer-create': (d) => {
    const role = labelOf(REVIEWER_ROLES, d.role);
    const adopted = typeof d.adoptedDecisions === 'number' && d.adoptedDecisions > 0 ? `，承接了此前未署名的 ${String(d.adoptedDecisions)} 条发票认定` : '';
    return `创建了评审人身份「${str(d.name)}」${role === '' ? '' : `（${role}）`}${adopted}`;
  },
  'signer-trust': (d) => {
    const method = { phone: '电话', paper: '书面', 'in-person': '当面' }[str(d.method)] ?? '';
    const who = str(d.name) === '' ? '一位专家' : `${str(d.name)}${str(d.organization) === '' ? '' : `（${str(d.organization)}）`}`;
    return `${method === '' ? '' : `经${method}核对，`}确认了${who}的专家证书${clause('说明', d.note)}`;
  },
  'signer-distrust': (d) => `撤销了对${str(d.name) === '' ? '一位专家' : str(d.name)}的专家证书的确认，此后不再接受其评审文件`,
  'rubric-adjust': (d, w) => `调整了${w.batch === '' ? '' : `批次 ${w.batch} 的`}评分细则${rubricVersion(d)}`,
  'rubric-freeze': (d, w) => `开始评分，${w.batch === '' ? '' : `批次 ${w.batch} 的`}评分细则${rubricVersion(d)}自此固定，不再调整`,
  'recusal-declare': (d, w) => {
    const kind = labelOf(RECUSAL_KINDS, d.kind);
    return `声明回避${w.text}${kind === '' ? '' : `，原因：${kind}`}${clause('说明', d.note)}`;
  },
  // Recorded both for a first 「无利害关系」 declaration and for withdrawing a recusal: either way the reviewer now scores.
  'recusal-withdraw': (_d, w) => `声明与${at(w)}的申报单位无利害关系，参与评分`,
  'score-record': (d, w) => {
    const item = str(d.itemTitle) === '' ? '一个评分项' : `评分项「${str(d.itemTitle)}」`;
    // No score in the entry: only the comment changed; a null score: the score was cleared.
    if (!('score' in d)) return `填写了${at(w)}${item}的评语${clause('评语', d.comment)}`;
    const what = str(d.score) === '' ? `清除了${at(w)}${item}的得分` : `给${at(w)}的${item}打了 ${str(d.score)} 分`;
    return `${what}${clause('评语', d.comment)}`;
  },
  'verdict-record': (d, w) => {
    const verdict = labelOf(VERDICTS, d.verdict);
    return `${verdict === '' ? `填写了${at(w)}的评审意见` : `对${at(w)}给出评审结论「${verdict}」`}${clause('意见', d.opinion)}`;
  },
  'expert-file-export': (d, w) => `导出了${w.batch === '' ? '' : `批次 ${w.batch} 的`}专家评审文件${rubricVersion(d)}`,
  'expert-file-merge': (d, w) => {
    const decisions = typeof d.invoiceDecisions === 'number' && d.invoiceDecisions > 0 ? `，含 ${String(d.invoiceDecisions)} 条发票认定` : '';
    const version = str(d.version) === '' ? '' : `第 ${str(d.version)} 版`;
    const which = [w.batch === '' ? '' : `批次 ${w.batch}`, version].filter((t) => t !== '').join('，');
    return `合并了${str(d.name) === '' ? '一位专家' : str(d.name)}的专家评审文件${which === '' ? '' : `（${which}）`}${decisions}`;
  },
  'consolidation-method': (d, w) => {
    const method = labelOf(CONSOLIDATION_METHODS, d.method);
    const points = str(d.divergencePoints) === '' ? '' : `，与中位数相差超过 ${str(d.divergencePoints)} 分的评分提示偏离`;
    return `选定${w.batch === '' ? '' : `批次 ${w.batch} 的`}汇总方法为「${method === '' ? '未注明' : method}」${points}`;
  },
  'panel-opinion': (d, w) => {
    const verdict = labelOf(VERDICTS, d.verdict);
    return `保存了${at(w)}的专家组意见${verdict === '' ? '' : `，结论「${verdict}」`}${clause('意见', d.opinion)}`;
  },
  'report-create': (d, w) => `生成了${at(w)}的${str(d.title) === '' ? '报告' : quoted(d.title)}${rubricVersion(d)}`,
  'report-sign': (d, w) => `签署了${at(w)}的${str(d.title) === '' ? '报告' : quoted(d.title)}${rubricVersion(d)}`,
  'record-correction': (d, w) => {
    const from = str(d.oldValue) === '' ? '空白' : quoted(d.oldValue);
    const evidence = str(d.evidence).replace(/#(\d+)$/u, ' 第 $1 页');
    return `将${correctionTarget(d, w)} 的${str(d.field)}由${from}更正为${quoted(d.newValue)}${clause('理由', d.reason)}${clause('依据', evidence)}`;
  },
  'record-correction-withdraw': (d, w) => `撤销了对${correctionTarget(d, w)} 的${str(d.field)}的更正，恢复申报表原值`,
  'condition-confirm': (d, w) => {
    const status = str(d.status);
    const condition = quoted(d.condition);
    if (status === '撤销确认' || status === '') return `撤销了对${at(w)}资格条件${condition}的确认`;
    return `确认${at(w)}的资格条件${condition}${status}${clause('说明', d.note)}${clause('依据', d.source)}`;
  },
  'advance-record': (d, w) => `登记了${at(w)}${str(d.stage)}阶段已预拨资金 ${money(d.amount) === '' ? str(d.amount) : money(d.amount)}`,
  'signing-certificate-import': (d) => {
    const holder = str(d.organization) || str(d.subject);
    return `导入了单位签名证书${holder === '' ? '' : `「${holder}」`}${clause('颁发者', d.issuer)}，此后报告用它签署`;
  },
};

/** The actions the sentences above cover; a test holds every action to having one. */
export function hasAuditSentence(action: string): boolean {
  return action in SENTENCES;
}

function parseDetails(details: string): Details {
  try {
    const value: unknown = JSON.parse(details);
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Details) : {};
  } catch {
    return {};
  }
}

export function auditSentence(entry: AuditEntryLike): string {
  const where = whereOf(entry.subject);
  const say = SENTENCES[entry.action as AuditAction];
  // An action added later without its sentence still reads as 「谁 做了什么（对象）」.
  const text = say ? say(parseDetails(entry.details), where) : `${auditActionLabel(entry.action)}${where.text === '' ? '' : `（${where.text}）`}`;
  return `${entry.actor} ${text}`;
}
