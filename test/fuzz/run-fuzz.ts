import fs from 'node:fs';
import path from 'node:path';
import { createImportChild, runImportChild, type ChildRun } from '../support/import-child/run-import-child';
import { createRng } from '../support/package-builder';
import { buildRawZip } from '../electron/core/package/container/support/raw-zip-writer';
import { buildFuzzBases, type FuzzBase } from './fuzz-bases';
import { mutate, type Mutation } from './mutations';

export const MEMORY_LIMIT_BYTES = 1024 * 1024 * 1024;

export interface FuzzOptions {
  count: number;
  seed: string;
  /** Run only this case (to reproduce a failure). */
  only?: number;
  jobs: number;
  timeoutMs: number;
  /** Scratch folder; emptied case by case. */
  work: string;
  onCase?: (result: FuzzCaseResult) => void;
}

export interface FuzzCaseResult {
  index: number;
  base: string;
  mutation: Mutation;
  detail: string;
  verdict: 'imported' | 'refused' | 'failure';
  /** For a failure: what went wrong. */
  reason?: string;
  seconds: number;
  maxRssBytes: number;
}

export interface FuzzSummary {
  seed: string;
  tried: number;
  imported: number;
  refused: number;
  failures: FuzzCaseResult[];
  peakRssBytes: number;
  seconds: number;
  byMutation: Record<string, { tried: number; refused: number }>;
}

const CJK = /[\u4e00-\u9fff]/u;

/**
 * Mutated packages (bytes flipped in the zip, the workbooks, the e-invoice XML and OFD files;
 * truncations; lying headers) imported — and, when imported, verified — each in its own child process
 * on a copy of a data folder that already holds the original batch. Every case must end in a clean
 * import or a refusal with located Chinese errors that left the data folder exactly as it was; a
 * crash, a hang, more than 1 GiB of memory or a partial store is a failure. Case `i` of seed `s` is
 * always the same package.
 */
export async function runFuzz(options: FuzzOptions): Promise<FuzzSummary> {
  const started = performance.now();
  fs.mkdirSync(options.work, { recursive: true });
  const { bases, templates } = await preparedBases(options);

  const indexes = options.only === undefined ? Array.from({ length: options.count }, (_, i) => i) : [options.only];
  const results: FuzzCaseResult[] = [];
  let next = 0;
  const worker = async () => {
    const child = createImportChild();
    try {
      for (let i = next++; i < indexes.length; i = next++) {
        const result = await runCase(indexes[i] as number, bases, templates, options, child);
        results.push(result);
        options.onCase?.(result);
      }
    } finally {
      child.close();
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, options.jobs) }, worker));

  const byMutation: FuzzSummary['byMutation'] = {};
  for (const result of results) {
    const entry = (byMutation[result.mutation] ??= { tried: 0, refused: 0 });
    entry.tried += 1;
    if (result.verdict === 'refused') entry.refused += 1;
  }
  return {
    seed: options.seed,
    tried: results.length,
    imported: results.filter((r) => r.verdict === 'imported').length,
    refused: results.filter((r) => r.verdict === 'refused').length,
    failures: results.filter((r) => r.verdict === 'failure').sort((a, b) => a.index - b.index),
    peakRssBytes: Math.max(0, ...results.map((r) => r.maxRssBytes)),
    seconds: (performance.now() - started) / 1000,
    byMutation,
  };
}

/**
 * The bases and their imported data folders, made once per scratch folder and process: every case
 * copies its template and never writes to it, so a second run in the same folder (the kept cases of
 * fuzz.test.ts) starts from the very same folders instead of generating and importing them again.
 */
const prepared = new Map<string, Promise<{ bases: FuzzBase[]; templates: Map<string, string> }>>();

function preparedBases(options: FuzzOptions) {
  let entry = prepared.get(options.work);
  if (!entry) {
    entry = (async () => {
      const bases = await buildFuzzBases();
      const templates = new Map<string, string>();
      for (const base of bases) templates.set(base.name, await prepareTemplate(base, options));
      return { bases, templates };
    })();
    // A failed preparation is not kept: the next run tries again.
    void entry.catch(() => prepared.delete(options.work));
    prepared.set(options.work, entry);
  }
  return entry;
}

/** The data folder each case starts from: the base package imported. */
async function prepareTemplate(base: FuzzBase, options: FuzzOptions): Promise<string> {
  const dataDir = path.join(options.work, `template-${base.name}`);
  fs.rmSync(dataDir, { recursive: true, force: true });
  const file = path.join(options.work, `base-${base.name}.zip`);
  fs.writeFileSync(file, buildRawZip([...base.files].map(([name, data]) => ({ name, data, deflate: true }))));
  const run = await runImportChild(file, dataDir, { timeoutMs: options.timeoutMs * 3 });
  if (run.report?.outcome !== 'imported') throw new Error(`base package ${base.name} does not import: ${JSON.stringify(run.report)} ${run.stderr}`);
  return dataDir;
}

async function runCase(
  index: number,
  bases: FuzzBase[],
  templates: Map<string, string>,
  options: FuzzOptions,
  child: ReturnType<typeof createImportChild>,
): Promise<FuzzCaseResult> {
  const rng = createRng(`jigai-fuzz/${options.seed}/${String(index)}`);
  const base = rng.pick(bases);
  const fuzzCase = await mutate(rng.fork('mutation'), base);
  const folder = path.join(options.work, `case-${String(index)}`);
  fs.rmSync(folder, { recursive: true, force: true });
  const dataDir = path.join(folder, 'data');
  fs.cpSync(templates.get(base.name) as string, dataDir, { recursive: true });
  const file = path.join(folder, '材料包.zip');
  fs.writeFileSync(file, fuzzCase.zip);
  const run = await child.run(file, dataDir, { timeoutMs: options.timeoutMs, verify: true });
  const judged = judge(run);
  // A failing case keeps its package for a look; a passing one is removed.
  if (judged.verdict !== 'failure') fs.rmSync(folder, { recursive: true, force: true });
  return {
    index,
    base: base.name,
    mutation: fuzzCase.mutation,
    detail: fuzzCase.detail,
    ...judged,
    seconds: run.seconds,
    maxRssBytes: run.report?.maxRssBytes ?? 0,
  };
}

function judge(run: ChildRun): Pick<FuzzCaseResult, 'verdict' | 'reason'> {
  const failure = (reason: string) => ({ verdict: 'failure' as const, reason });
  if (run.timedOut) return failure('hang: no answer within the time limit');
  const report = run.report;
  if (run.exitCode !== 0 || !report)
    return failure(`crash (exit ${String(run.exitCode)}, ${String(run.signal)}): ${run.stderr.trim().split('\n').slice(0, 8).join(' | ')}`);
  if (report.maxRssBytes > MEMORY_LIMIT_BYTES) return failure(`memory: peak ${(report.maxRssBytes / 2 ** 20).toFixed(0)} MiB`);
  if (report.after.files.some((name) => name.endsWith('.tmp'))) return failure('temporary file left in the attachment store');
  if (report.outcome === 'imported') return { verdict: 'imported' };
  if (report.outcome === 'failed') return failure(`not a package error but ${report.code}: ${report.message}`);
  if (report.errors.length === 0) return failure(`refused without a located problem: ${report.message}`);
  const unlocated = report.errors.find((e) => e.file === '' || !CJK.test(e.message));
  if (unlocated) return failure(`problem not located or not in Chinese: ${JSON.stringify(unlocated)}`);
  if (JSON.stringify(report.after) !== JSON.stringify(report.before)) return failure('refused, but the data folder changed (partial store)');
  return { verdict: 'refused' };
}

export function reproduceCommand(seed: string, index: number): string {
  return `npm run fuzz -- --seed ${seed} --case ${String(index)}`;
}
