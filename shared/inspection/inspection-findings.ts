import type { InspectionStatus } from '../codes/codes';
import { formatYuan, type MoneyString } from '../domain/money';
import type { VerificationFinding } from '../verification/types';
import type { ChecklistIndicator, ChecklistLine } from './checklist';
import { isBelowTarget } from './indicator-target';
import { allocateCut, proposeReduction } from './proposed-reduction';

/** What the findings need of a line observation. */
export interface LineObservationFacts {
  status: InspectionStatus;
  quantitySeen: string | null;
  modelSeen: string | null;
  reviewerName: string;
}

export interface IndicatorObservationFacts {
  value: string;
  reviewerName: string;
}

export interface InspectionFindings {
  /** By invoice row. */
  invoices: Map<number, VerificationFinding[]>;
  /** On the project as a whole. */
  project: VerificationFinding[];
}

/** 「立式加工中心 VMC850」（合同 HT-2024-001）. */
export function lineTitle(line: Pick<ChecklistLine, 'name' | 'model' | 'contractNo'>): string {
  return `「${line.name}${line.model === null ? '' : ` ${line.model}`}」${line.contractNo === '' ? '' : `（合同 ${line.contractNo}）`}`;
}

/**
 * The findings one reviewer's observations raise: a line 未见 or 型号或数量不符 on each of its
 * invoices (warning, with the share of the proposed 核减 the invoice carries — the reviewer decides in
 * 发票核验), an indicator observed short of its target on the project (warning).
 */
export function inspectionFindings(
  lines: readonly ChecklistLine[],
  indicators: readonly ChecklistIndicator[],
  observedLines: ReadonlyMap<string, LineObservationFacts>,
  observedIndicators: ReadonlyMap<string, IndicatorObservationFacts>,
): InspectionFindings {
  const invoices = new Map<number, VerificationFinding[]>();
  for (const line of lines) {
    const observed = observedLines.get(line.id);
    if (!observed || (observed.status !== 'not-found' && observed.status !== 'different')) continue;
    const proposal = proposeReduction(line, observed);
    const shares = proposal ? allocateCut(line.invoices, proposal.cut) : new Map<number, MoneyString>();
    const what = observed.status === 'not-found' ? '现场未见' : `型号或数量不符（${seenText(observed, line)}）`;
    for (const invoice of line.invoices) {
      const share = shares.get(invoice.rowNo);
      const proposed = share === undefined || share === '0.00' ? undefined : share;
      const split = proposed !== undefined && line.invoices.length > 1 ? `；本发票分摊 ${formatYuan(proposed)} 元` : '';
      const tail = proposal ? `${proposal.explanation}${split}，是否核减由评审人决定` : '现场数量不少于发票数量，未提出核减，请核实型号';
      const finding: VerificationFinding = {
        code: observed.status === 'not-found' ? 'INSPECTION_NOT_FOUND' : 'INSPECTION_DIFFERENT',
        severity: 'warning',
        message: `现场核查（${observed.reviewerName}）：设备${lineTitle(line)}${what}；${tail}`,
        ...(proposed === undefined ? {} : { proposedCut: proposed }),
      };
      const list = invoices.get(invoice.rowNo);
      if (list) list.push(finding);
      else invoices.set(invoice.rowNo, [finding]);
    }
  }
  const project: VerificationFinding[] = [];
  for (const indicator of indicators) {
    const observed = observedIndicators.get(indicator.id);
    if (!observed || !isBelowTarget(indicator.target, observed.value)) continue;
    project.push({
      code: 'INDICATOR_BELOW_TARGET',
      severity: 'warning',
      message: `现场核查（${observed.reviewerName}）：指标「${indicator.name}」现场核查值 ${withUnit(observed.value, indicator.unit)}，未达到目标值 ${withUnit(indicator.target, indicator.unit)}${indicator.claimed === '' ? '' : `（申报完成值 ${withUnit(indicator.claimed, indicator.unit)}）`}`,
    });
  }
  return { invoices, project };
}

function seenText(observed: LineObservationFacts, line: ChecklistLine): string {
  const parts = [];
  if (observed.modelSeen !== null && observed.modelSeen !== '') parts.push(`现场型号 ${observed.modelSeen}`);
  if (observed.quantitySeen !== null) parts.push(`现场清点 ${observed.quantitySeen}${line.unit ?? ''}`);
  return parts.length === 0 ? '未填写现场型号和数量' : parts.join('，');
}

/** "85" with unit "%" → "85%"; a value that already ends in its unit stays as written. */
function withUnit(value: string, unit: string): string {
  const text = value.trim();
  return unit === '' || text.endsWith(unit) || !/\d$/u.test(text) ? text : `${text}${unit}`;
}
