import { AppError } from '@shared/api/errors';
import { invoiceKey, type Stage } from '@shared/domain';
import { manifestSchema, type Manifest } from '@shared/package/manifest-schema';
import { writeFileAtomic } from '../../core/write-file-atomic';
import { planAttachments } from './attachments';
import { SampleContext, buildProjects, finishProjects, isStage, splitEvenly } from './build-data';
import * as catalog from './catalog';
import { DEFECT_NAMES, isDefectName, plantDataDefects, plantPaymentDefects, type DefectName, type PendingDefect } from './defects';
import { buildEInvoiceXml } from './einvoice-xml';
import type { Project } from './model';
import { PdfRenderer } from './pdf';
import { createRng } from './prng';
import { writeProjectWorkbook } from './write-workbook';
import { normalizeZipTimestamps, sha256, zipFiles, type ZipInput } from './zip';

export interface SamplePackageOptions {
  projects: number;
  /** Invoices across all projects, split as evenly as possible. */
  invoices: number;
  seed: number | string;
  defects?: readonly DefectName[];
  /** Rule set id written to the manifest; also picks the region the companies come from. Default xiamen-2024. */
  policy?: string;
  stage?: Stage;
  batchId?: string;
  /** Also write the zip here. */
  outFile?: string;
  /** Render the PDF attachments (default true); false leaves them out, which is much faster. */
  pdfAttachments?: boolean;
}

export interface InjectedDefect {
  defect: DefectName;
  projectId: string;
  /** Unique key of the invoice as its row states it (20-digit number, or code-number). */
  invoiceKey?: string;
  sheet: '发票' | '合同' | '付款';
  /** Excel row number in that sheet of the project's 申报表.xlsx. */
  row: number;
  detail: string;
}

export interface SamplePackageStats {
  projects: number;
  contracts: number;
  invoices: number;
  payments: number;
  files: number;
  bytes: number;
}

export interface SamplePackage {
  zip: Buffer;
  manifest: Manifest;
  injected: InjectedDefect[];
  /** Things a user should know, e.g. that PDF attachments were left out on request. */
  notes: string[];
  stats: SamplePackageStats;
}

export const SAMPLE_LIMITS = { maxProjects: 500, maxInvoices: 2_000_000 } as const;
const POLICY_PATTERN = /^[a-z0-9][a-z0-9-]{0,99}$/u;

function checkOptions(options: SamplePackageOptions): void {
  const { projects, invoices } = options;
  if (!Number.isInteger(projects) || projects < 1 || projects > SAMPLE_LIMITS.maxProjects) {
    throw new AppError('BAD_INPUT', `项目数「${String(projects)}」无效，应为 1 到 ${String(SAMPLE_LIMITS.maxProjects)} 之间的整数`);
  }
  if (!Number.isInteger(invoices) || invoices < projects || invoices > SAMPLE_LIMITS.maxInvoices) {
    throw new AppError(
      'BAD_INPUT',
      `发票数「${String(invoices)}」无效，应为不少于项目数（${String(projects)}）、不超过 ${String(SAMPLE_LIMITS.maxInvoices)} 的整数（所有项目合计）`,
    );
  }
  if (typeof options.seed === 'number' ? !Number.isFinite(options.seed) : options.seed.trim() === '') {
    throw new AppError('BAD_INPUT', '随机种子不能为空');
  }
  for (const defect of options.defects ?? []) {
    if (!isDefectName(defect)) throw new AppError('BAD_INPUT', `未知的缺陷「${String(defect)}」，可选：${DEFECT_NAMES.join('、')}`);
  }
  if (options.policy !== undefined && !POLICY_PATTERN.test(options.policy)) {
    throw new AppError('BAD_INPUT', `政策规则集编号「${options.policy}」无效，应由小写字母、数字和连字符组成，如 xiamen-2024`);
  }
  if (options.stage !== undefined && !isStage(options.stage)) {
    throw new AppError('BAD_INPUT', `评审阶段「${String(options.stage)}」无效，应为 application、midterm 或 acceptance`);
  }
  if (options.batchId !== undefined && (options.batchId.trim() === '' || options.batchId.length > 100)) {
    throw new AppError('BAD_INPUT', '批次编号应为 1 到 100 个字符');
  }
}

/** Every character the word lists can put into a PDF, to check the font before using it. */
function coverageText(): string {
  const names = catalog.INDUSTRIES.flatMap((industry) => catalog.PROJECT_NAME_PATTERNS.map((pattern) => pattern(industry, 100)));
  return [
    JSON.stringify([catalog.CITIES, catalog.SUPPLIER_WORDS, catalog.INDUSTRIES, catalog.ITEMS, catalog.ORG_FORMS]),
    catalog.TRADE_NAME_FIRST.join(''),
    catalog.TRADE_NAME_SECOND.join(''),
    catalog.SURNAMES.join(''),
    catalog.GIVEN_NAME_CHARS.join(''),
    catalog.BANKS.join(''),
    catalog.STREETS.join(''),
    names.join(''),
    '零壹贰叁肆伍陆柒捌玖拾佰仟万亿圆元角分整（负数）⊗¥0123456789.,:;%/-',
  ].join('');
}

async function renderAttachments(project: Project, renderer: PdfRenderer | undefined): Promise<ZipInput[]> {
  const files: ZipInput[] = [];
  const folder = `${project.id}/附件/`;
  const keep = async (names: string[], make: (name: string) => Promise<Buffer | undefined> | Buffer | undefined): Promise<string[]> => {
    const kept: string[] = [];
    for (const name of names) {
      const data = await make(name);
      if (data === undefined) continue;
      files.push({ path: `${folder}${name}`, data });
      kept.push(name);
    }
    return kept;
  };
  for (const contract of project.contracts) {
    contract.attachments = await keep(contract.attachments, () => renderer?.contract(contract, project));
  }
  for (const invoice of project.invoices) {
    if (invoice.attachmentsMissing === true || invoice.attachments.length === 0) continue;
    invoice.attachments = await keep(invoice.attachments, (name) =>
      name.endsWith('.xml') ? Buffer.from(buildEInvoiceXml(invoice), 'utf8') : renderer?.invoice(invoice),
    );
  }
  for (const payment of project.payments) {
    payment.attachments = await keep(payment.attachments, () => renderer?.receipt(payment));
  }
  files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  return files;
}

/**
 * Builds an application package (PACKAGE.md, version 1) of realistic data, the same bytes for the
 * same options. Requested defects are planted on specific rows and reported in `injected`; the
 * package still imports, because defects are review findings, not format errors.
 */
export async function generateSamplePackage(options: SamplePackageOptions): Promise<SamplePackage> {
  checkOptions(options);
  const requested = [...new Set(options.defects ?? [])];
  const stage = options.stage ?? 'acceptance';
  const policy = options.policy ?? 'xiamen-2024';
  const rng = createRng(`jigai-sample/${String(options.seed)}`);
  const context = new SampleContext(rng, {
    projects: options.projects,
    invoices: options.invoices,
    policy,
    stage,
    ...(options.batchId === undefined ? {} : { batchId: options.batchId }),
  });
  const { batch } = context;

  const projects = buildProjects(context, splitEvenly(options.invoices, options.projects));
  const pending: PendingDefect[] = plantDataDefects(context, projects, requested);
  finishProjects(context, projects);
  pending.push(...plantPaymentDefects(context, projects, requested));
  pending.push(...planAttachments(context, projects, requested));

  const notes: string[] = [];
  const created = new Date(`${batch.createdAt}T09:00:00Z`);
  let renderer: PdfRenderer | undefined;
  if (options.pdfAttachments === false) notes.push('按要求未生成 PDF 附件');
  else renderer = PdfRenderer.open(coverageText(), created);

  const entries: ZipInput[] = [];
  const files: Record<string, string> = {};
  for (const project of projects) {
    const attachments = await renderAttachments(project, renderer);
    const workbook = await writeProjectWorkbook(project, batch, rng.fork(`cells/${String(project.index)}`));
    const workbookPath = `${project.id}/申报表.xlsx`;
    for (const file of [{ path: workbookPath, data: workbook }, ...attachments]) {
      entries.push(file);
      files[file.path] = sha256(file.data);
    }
  }

  const manifest = manifestSchema.parse({
    format: 'jigai-package',
    version: 1,
    batch: {
      id: batch.id,
      name: batch.name,
      policy: batch.policy,
      stage: batch.stage,
      issuer: batch.issuer,
      createdAt: batch.createdAt,
    },
    projects: projects.map((project) => ({ id: project.id, workbook: `${project.id}/申报表.xlsx` })),
    files,
  });
  const manifestBytes = Buffer.from(`${JSON.stringify(manifest, null, 2)}\n`, 'utf8');
  const zip = normalizeZipTimestamps(await zipFiles([{ path: 'manifest.json', data: manifestBytes }, ...entries], created), created);

  const order = (defect: DefectName) => requested.indexOf(defect);
  const injected: InjectedDefect[] = pending
    .map((item) => resolve(item))
    .sort((a, b) => order(a.defect) - order(b.defect) || a.projectId.localeCompare(b.projectId) || a.row - b.row);

  if (options.outFile !== undefined) writeFileAtomic(options.outFile, zip);
  return {
    zip,
    manifest,
    injected,
    notes,
    stats: {
      projects: projects.length,
      contracts: projects.reduce((sum, p) => sum + p.contracts.length, 0),
      invoices: projects.reduce((sum, p) => sum + p.invoices.length, 0),
      payments: projects.reduce((sum, p) => sum + p.payments.length, 0),
      files: entries.length + 1,
      bytes: zip.length,
    },
  };
}

function resolve(item: PendingDefect): InjectedDefect {
  const base = { defect: item.defect, projectId: item.project.id, detail: item.detail };
  const { target } = item;
  switch (target.sheet) {
    case '发票':
      return { ...base, sheet: '发票', row: target.invoice.row, invoiceKey: invoiceKey(target.invoice.code, target.invoice.number) };
    case '合同':
      return { ...base, sheet: '合同', row: target.contract.row };
    case '付款':
      return { ...base, sheet: '付款', row: target.payment.row };
  }
}
