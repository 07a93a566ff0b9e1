import type { Verdict } from '../scoring/verdict';
import type {
  CorrectionEntry,
  ExpertFileContent,
  ExpertProject,
  IndicatorObservationEntry,
  InvoiceDecisionEntry,
  LineObservationEntry,
  Recusal,
} from './expert-file-schema';

/** What a newer expert file changes, for the chair to approve before it is applied. `null`: absent on that side. */
export type ExpertFileChange =
  | { readonly kind: 'recusal'; readonly old: Recusal | null; readonly new: Recusal | null }
  | { readonly kind: 'score'; readonly itemId: string; readonly old: string | null; readonly new: string | null }
  | { readonly kind: 'comment'; readonly itemId: string; readonly old: string | null; readonly new: string | null }
  | { readonly kind: 'verdict'; readonly old: Verdict | null; readonly new: Verdict | null }
  | { readonly kind: 'opinion'; readonly old: string; readonly new: string }
  | {
      readonly kind: 'invoice-decision';
      readonly invoiceKey: string;
      readonly occurrence: number;
      readonly old: InvoiceDecisionEntry | null;
      readonly new: InvoiceDecisionEntry | null;
    }
  | { readonly kind: 'correction'; readonly key: string; readonly old: CorrectionEntry | null; readonly new: CorrectionEntry | null }
  | { readonly kind: 'inspection-line'; readonly lineId: string; readonly old: LineObservationEntry | null; readonly new: LineObservationEntry | null }
  | {
      readonly kind: 'inspection-indicator';
      readonly indicatorId: string;
      readonly old: IndicatorObservationEntry | null;
      readonly new: IndicatorObservationEntry | null;
    };

export interface ProjectChanges {
  readonly projectId: string;
  readonly changes: readonly ExpertFileChange[];
}

/** A project as the comparison sees it: a recused or untouched project has no scores. */
interface ProjectView {
  readonly recusal: Recusal | null;
  readonly scores: Readonly<Record<string, string>>;
  readonly comments: Readonly<Record<string, string>>;
  readonly verdict: Verdict | null;
  readonly opinion: string;
  readonly decisions: ReadonlyMap<string, InvoiceDecisionEntry>;
  readonly corrections: ReadonlyMap<string, CorrectionEntry>;
  readonly lines: ReadonlyMap<string, LineObservationEntry>;
  readonly indicators: ReadonlyMap<string, IndicatorObservationEntry>;
}

const EMPTY: ProjectView = {
  recusal: null,
  scores: {},
  comments: {},
  verdict: null,
  opinion: '',
  decisions: new Map(),
  corrections: new Map(),
  lines: new Map(),
  indicators: new Map(),
};

const decisionKey = (d: Pick<InvoiceDecisionEntry, 'invoiceKey' | 'occurrence'>) => `${d.invoiceKey}#${String(d.occurrence)}`;

const correctionKey = (c: CorrectionEntry) =>
  `${c.target === 'invoice' ? '发票' : '合同'} ${c.targetKey}${c.occurrence > 1 ? `（第 ${String(c.occurrence)} 次）` : ''} ${c.field}`;
const sameCorrection = (a: CorrectionEntry | undefined, b: CorrectionEntry | undefined) =>
  a?.newValue === b?.newValue && a?.reason === b?.reason && a?.evidence === b?.evidence;

function view(project: ExpertProject | undefined): ProjectView {
  if (project === undefined) return EMPTY;
  if (project.recusal !== null) return { ...EMPTY, recusal: project.recusal };
  return {
    recusal: null,
    scores: project.scores,
    comments: project.comments,
    verdict: project.verdict,
    opinion: project.opinion,
    decisions: new Map(project.invoiceDecisions.map((d) => [decisionKey(d), d])),
    corrections: new Map((project.corrections ?? []).map((c) => [correctionKey(c), c])),
    lines: new Map((project.inspection?.lines ?? []).map((o) => [o.lineId, o])),
    indicators: new Map((project.inspection?.indicators ?? []).map((o) => [o.indicatorId, o])),
  };
}

/** The order of first appearance, newer side first, so the list follows the expert's latest file. */
function unionKeys(newer: Iterable<string>, older: Iterable<string>): string[] {
  return [...new Set([...newer, ...older])];
}

const sameRecusal = (a: Recusal | null, b: Recusal | null) => a?.kind === b?.kind && a?.note === b?.note;

// When a decision was re-saved unchanged only its time moves; that is not a change to approve.
const sameDecision = (a: InvoiceDecisionEntry | undefined, b: InvoiceDecisionEntry | undefined) =>
  a?.kind === b?.kind && a?.amount === b?.amount && a?.reason === b?.reason;

// As with decisions, an observation saved again unchanged only moves its time.
const sameLineObservation = (a: LineObservationEntry | undefined, b: LineObservationEntry | undefined) =>
  a?.status === b?.status &&
  a?.quantitySeen === b?.quantitySeen &&
  a?.modelSeen === b?.modelSeen &&
  a?.serialNumber === b?.serialNumber &&
  a?.note === b?.note &&
  (a?.photos ?? []).map((p) => p.sha256).join() === (b?.photos ?? []).map((p) => p.sha256).join();
const sameIndicatorObservation = (a: IndicatorObservationEntry | undefined, b: IndicatorObservationEntry | undefined) => a?.value === b?.value && a?.note === b?.note;

function diffProject(old: ProjectView, next: ProjectView): ExpertFileChange[] {
  const changes: ExpertFileChange[] = [];
  if (!sameRecusal(old.recusal, next.recusal)) changes.push({ kind: 'recusal', old: old.recusal, new: next.recusal });
  for (const itemId of unionKeys(Object.keys(next.scores), Object.keys(old.scores))) {
    const [before, after] = [old.scores[itemId] ?? null, next.scores[itemId] ?? null];
    if (before !== after) changes.push({ kind: 'score', itemId, old: before, new: after });
  }
  for (const itemId of unionKeys(Object.keys(next.comments), Object.keys(old.comments))) {
    const [before, after] = [old.comments[itemId] ?? null, next.comments[itemId] ?? null];
    if (before !== after) changes.push({ kind: 'comment', itemId, old: before, new: after });
  }
  if (old.verdict !== next.verdict) changes.push({ kind: 'verdict', old: old.verdict, new: next.verdict });
  if (old.opinion !== next.opinion) changes.push({ kind: 'opinion', old: old.opinion, new: next.opinion });
  for (const key of unionKeys(next.decisions.keys(), old.decisions.keys())) {
    const [before, after] = [old.decisions.get(key), next.decisions.get(key)];
    if (sameDecision(before, after)) continue;
    const where = (after ?? before) as InvoiceDecisionEntry;
    changes.push({ kind: 'invoice-decision', invoiceKey: where.invoiceKey, occurrence: where.occurrence, old: before ?? null, new: after ?? null });
  }
  for (const key of unionKeys(next.corrections.keys(), old.corrections.keys())) {
    const [before, after] = [old.corrections.get(key), next.corrections.get(key)];
    if (!sameCorrection(before, after)) changes.push({ kind: 'correction', key, old: before ?? null, new: after ?? null });
  }
  for (const lineId of unionKeys(next.lines.keys(), old.lines.keys())) {
    const [before, after] = [old.lines.get(lineId), next.lines.get(lineId)];
    if (!sameLineObservation(before, after)) changes.push({ kind: 'inspection-line', lineId, old: before ?? null, new: after ?? null });
  }
  for (const indicatorId of unionKeys(next.indicators.keys(), old.indicators.keys())) {
    const [before, after] = [old.indicators.get(indicatorId), next.indicators.get(indicatorId)];
    if (!sameIndicatorObservation(before, after)) changes.push({ kind: 'inspection-indicator', indicatorId, old: before ?? null, new: after ?? null });
  }
  return changes;
}

/**
 * Per project, every item that differs between the file already applied (`null` for a first
 * import: everything is new) and the newer one; projects without a change are left out.
 */
export function diffExpertFiles(old: ExpertFileContent | null, next: ExpertFileContent): ProjectChanges[] {
  const before = new Map((old?.projects ?? []).map((p) => [p.projectId, p]));
  const after = new Map(next.projects.map((p) => [p.projectId, p]));
  return unionKeys(after.keys(), before.keys())
    .map((projectId) => ({ projectId, changes: diffProject(view(before.get(projectId)), view(after.get(projectId))) }))
    .filter((project) => project.changes.length > 0);
}
