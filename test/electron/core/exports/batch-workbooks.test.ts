import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EXIT_BAD_INPUT, EXIT_OK, runCli } from '@cli/run-cli';
import type { ConsolidationDto } from '@shared/api/panel-contract';
import type { ProjectVerification } from '@shared/api/verification-contract';
import {
  DIVERGENT_EXPERT,
  EXPERTS,
  FORMULA_LIKE_NAMES,
  RECUSED_EXPERT,
  RECUSED_PROJECT_INDEX,
  buildReviewedPanel,
  type ReviewedPanel,
} from '@test/support/reviewed-panel';
import { RESOURCES_DIR, makeTempDir } from '@test/support/temp-dir';
import { xlsxParts } from '@test/support/xlsx-surgery';

const temp = makeTempDir();
let panel: ReviewedPanel;
let consolidation: ConsolidationDto;
const files: Record<'matrix' | 'consolidated' | 'summary' | 'invoices', Buffer> = {
  matrix: Buffer.alloc(0),
  consolidated: Buffer.alloc(0),
  summary: Buffer.alloc(0),
  invoices: Buffer.alloc(0),
};
let verification: ProjectVerification;

async function open(bytes: Buffer): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  return workbook;
}

function sheetOf(workbook: ExcelJS.Workbook, name: string): ExcelJS.Worksheet {
  const sheet = workbook.getWorksheet(name);
  if (!sheet) throw new Error(`no sheet ${name}`);
  return sheet;
}

/** The row whose cells are the header names; data follow it. */
function headerRowOf(sheet: ExcelJS.Worksheet, first: string): number {
  for (let r = 1; r <= 10; r++) if (sheet.getCell(r, 1).value === first) return r;
  throw new Error(`no header ${first} in ${sheet.name}`);
}

/** Data rows as header → cell. */
function tableOf(sheet: ExcelJS.Worksheet, first: string): Map<string, ExcelJS.Cell>[] {
  const headerRow = headerRowOf(sheet, first);
  const headers = (sheet.getRow(headerRow).values as unknown[]).slice(1).map(String);
  const rows: Map<string, ExcelJS.Cell>[] = [];
  for (let r = headerRow + 1; r <= sheet.rowCount; r++) rows.push(new Map(headers.map((h, c) => [h, sheet.getCell(r, c + 1)])));
  return rows;
}

function cellsOf(workbook: ExcelJS.Workbook): ExcelJS.Cell[] {
  const cells: ExcelJS.Cell[] = [];
  workbook.eachSheet((sheet) => sheet.eachRow((row) => row.eachCell((cell) => void cells.push(cell))));
  return cells;
}

/** Layout every exported table shares: frozen header, filter from the header row, landscape A4 printing the header on every page. */
async function expectTableLayout(bytes: Buffer, sheetName: string, first: string): Promise<void> {
  const workbook = await open(bytes);
  const sheet = sheetOf(workbook, sheetName);
  const headerRow = headerRowOf(sheet, first);
  expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: headerRow });
  expect(String(sheet.autoFilter)).toMatch(new RegExp(`^A${String(headerRow)}:[A-Z]+\\d+$`, 'u'));
  expect(sheet.pageSetup).toMatchObject({ orientation: 'landscape', paperSize: 9, fitToWidth: 1, fitToHeight: 0 });
  // Print titles are a defined name in workbook.xml: read it from the file itself.
  const xml = (await xlsxParts(bytes)).get('xl/workbook.xml')?.toString('utf8') ?? '';
  expect(xml).toContain(`&apos;${sheetName}&apos;!$${String(headerRow)}:$${String(headerRow)}`);
  expect(sheet.getCell(headerRow, 1).font.bold).toBe(true);
}

beforeAll(async () => {
  panel = await buildReviewedPanel(temp.dir);
  const { chair, batchId } = panel;
  consolidation = await chair.api.getConsolidation({ batchId });
  for (const kind of ['matrix', 'consolidated', 'summary'] as const) {
    files[kind] = Buffer.from((await chair.api.exportBatchWorkbook({ batchId, kind })).base64 ?? '', 'base64');
  }
  const projectId = panel.projectIds[0] ?? '';
  verification = await chair.api.getProjectVerification({ batchId, projectId });
  files.invoices = Buffer.from((await chair.api.exportVerificationWorkbook({ batchId, projectId })).base64 ?? '', 'base64');
}, 300_000);

afterAll(() => {
  panel.close();
  temp.cleanup();
});

describe('评分矩阵', () => {
  it('holds every item score of every expert on every project as numbers, the recused expert’s cells as 回避, and the rubric version', async () => {
    const workbook = await open(files.matrix);
    const sheet = sheetOf(workbook, '评分矩阵');
    expect(String(sheet.getCell(3, 1).value)).toBe(
      `评分标准：${consolidation.rubric.name}（第 ${String(consolidation.rubric.version)} 版，依据《${consolidation.rubric.document}》）`,
    );
    const rows = tableOf(sheet, '项目编号');
    expect(rows).toHaveLength(5 * EXPERTS.length);
    const names = new Map(consolidation.experts.map((e) => [e.id, e.name]));
    let checked = 0;
    for (const project of consolidation.projects) {
      for (const expected of project.rows) {
        const row = rows.find((r) => r.get('项目编号')?.value === project.projectId && r.get('专家')?.value === names.get(expected.expertId));
        expect(row, `${project.projectId} ${String(names.get(expected.expertId))}`).toBeDefined();
        for (const item of consolidation.rubric.items) {
          const cell = row?.get(`${item.title}\n（满分 ${item.max}）`);
          if (expected.recusal) {
            expect(cell?.value).toBe('回避');
          } else {
            expect(cell?.type).toBe(ExcelJS.ValueType.Number);
            expect(cell?.value).toBe(Number(expected.items[item.id]));
            expect(cell?.numFmt).toBe('0.0');
            checked++;
          }
        }
        expect(row?.get('合计')?.value).toBe(expected.recusal ? '回避' : Number(expected.total));
      }
    }
    // 14 scored (project, expert) pairs × the rubric's items: every one is in the file.
    expect(checked).toBe((5 * EXPERTS.length - 1) * consolidation.rubric.items.length);
    const recused = rows.find((r) => r.get('专家')?.value === RECUSED_EXPERT && r.get('项目编号')?.value === panel.projectIds[RECUSED_PROJECT_INDEX]);
    expect(recused?.get('计入汇总')?.value).toBe('回避');
    expect(recused?.get('回避原因')?.value).toBe('亲属关系：申报单位负责人为本人亲属');
  });

  it('is laid out for filtering and landscape printing', () => expectTableLayout(files.matrix, '评分矩阵', '项目编号'));
});

describe('汇总结果', () => {
  it('lists per project every method’s figure as numbers, the figure that counts, divergences and the panel verdict', async () => {
    const rows = tableOf(sheetOf(await open(files.consolidated), '汇总结果'), '排名');
    expect(rows).toHaveLength(5);
    for (const project of consolidation.projects) {
      const row = rows.find((r) => r.get('项目编号')?.value === project.projectId);
      for (const [header, value] of [
        ['算术平均分', project.mean],
        ['中位数', project.median],
        ['极差\n（最高−最低）', project.spread],
        ['评分尺度校正\n后的平均分', project.normalised],
        ['汇总得分\n（中位数）', project.figure],
      ] as const) {
        expect(row?.get(header)?.value, `${project.projectId} ${header}`).toBe(Number(value));
        expect(row?.get(header)?.numFmt).toBe('0.00');
      }
      expect(row?.get('排名')?.value).toBe(project.rank);
      expect(row?.get('去掉最高最低分\n后的平均分')?.value).toBe('不足 5 人');
    }
    const first = rows.find((r) => r.get('项目编号')?.value === panel.projectIds[0]);
    expect(String(first?.get('分歧提示')?.value)).toMatch(new RegExp(`^${DIVERGENT_EXPERT} [\\d.]+ 分，与中位数 [\\d.]+ 相差 [\\d.]+ 分（评语：`, 'u'));
    expect(first?.get('意见状态')?.value).toBe('草拟（据专家意见生成，组长未确认）');
    const confirmed = rows.find((r) => r.get('项目编号')?.value === panel.projectIds[1]);
    expect([confirmed?.get('专家组结论')?.value, confirmed?.get('专家组意见')?.value, confirmed?.get('意见状态')?.value]).toEqual([
      '通过',
      '专家组一致同意通过验收。',
      '组长已确认',
    ]);
    const recusedProject = rows.find((r) => r.get('项目编号')?.value === panel.projectIds[RECUSED_PROJECT_INDEX]);
    expect([recusedProject?.get('计入专家数')?.value, recusedProject?.get('回避专家')?.value]).toEqual([2, RECUSED_EXPERT]);
    expect(recusedProject?.get('计入专家数')?.numFmt).toBe('0');
  });

  it('is laid out for filtering and landscape printing', () => expectTableLayout(files.consolidated, '汇总结果', '排名'));
});

describe('评审结果汇总表', () => {
  it('ranks every project with its score, verdict, verified investment and award as exact money', async () => {
    const sheet = sheetOf(await open(files.summary), '评审结果汇总表');
    const rows = tableOf(sheet, '排名');
    expect(rows).toHaveLength(6); // five projects and the total line
    const ranked = [...consolidation.projects].sort((a, b) => (a.rank ?? 99) - (b.rank ?? 99) || a.projectId.localeCompare(b.projectId));
    expect(rows.slice(0, 5).map((r) => r.get('项目编号')?.value)).toEqual(ranked.map((p) => p.projectId));
    expect(rows.slice(0, 5).map((r) => r.get('排名')?.value)).toEqual(ranked.map((p) => p.rank));
    for (const project of consolidation.projects) {
      const row = rows.find((r) => r.get('项目编号')?.value === project.projectId);
      const v = await panel.chair.api.getProjectVerification({ batchId: panel.batchId, projectId: project.projectId });
      expect(row?.get('专家组得分')?.value).toBe(Number(project.figure));
      expect(row?.get('核定投资额')?.value).toBe(Number(v.summary.verifiedInvestment));
      expect(row?.get('核定投资额')?.numFmt).toBe('#,##0.00');
      // The cell holds the decimal digits of the string exactly: formatted back they are the same text.
      expect((row?.get('核定投资额')?.value as number).toFixed(2)).toBe(v.summary.verifiedInvestment);
      expect(row?.get('奖补金额')?.value).toBe(v.summary.award === null ? v.summary.awardMessage : Number(v.summary.award));
    }
    const total = rows[5];
    expect(total?.get('项目编号')?.value).toBe('合计');
    expect(total?.get('申报发票金额\n（不含税）')?.value).toBe(Number(verificationTotal(rows.slice(0, 5), '申报发票金额\n（不含税）')));
    // The total line stays outside the filter, so sorting keeps it last.
    expect(String(sheet.autoFilter)).toBe(`A${String(headerRowOf(sheet, '排名'))}:J${String(headerRowOf(sheet, '排名') + 5)}`);
  });

  it('is laid out for filtering and landscape printing', () => expectTableLayout(files.summary, '评审结果汇总表', '排名'));
});

/** Sum of a money column in fen, back to yuan text: the total line must equal it to the fen. */
function verificationTotal(rows: Map<string, ExcelJS.Cell>[], header: string): string {
  const fen = rows.reduce((sum, r) => sum + Math.round((r.get(header)?.value as number) * 100), 0);
  return (fen / 100).toFixed(2);
}

describe('text from packages', () => {
  it('stays text in every workbook: a name starting with =, +, - or @ is a string cell, never a formula', async () => {
    for (const [kind, bytes] of Object.entries(files)) {
      const cells = cellsOf(await open(bytes));
      expect(
        cells.filter((c) => c.type === ExcelJS.ValueType.Formula),
        kind,
      ).toEqual([]);
      if (kind === 'invoices') continue;
      for (const name of FORMULA_LIKE_NAMES) {
        const found = cells.filter((c) => c.value === name);
        expect(found.length, `${kind}: ${name}`).toBeGreaterThan(0);
        expect(found.every((c) => c.type === ExcelJS.ValueType.String)).toBe(true);
      }
      // No <f> element anywhere in the sheets' XML either.
      for (const [part, data] of await xlsxParts(bytes)) if (part.startsWith('xl/worksheets/')) expect(data.toString('utf8')).not.toMatch(/<f[ >]/u);
    }
  });
});

describe('发票核验明细表', () => {
  it('writes counts as integers, 税率 as a percentage, the policy by name and the reviewer who verified', async () => {
    const workbook = await open(files.invoices);
    const totals = tableOf(sheetOf(workbook, '项目合计'), '项目');
    const invoicesRow = totals.find((r) => r.get('项目')?.value === '发票张数');
    expect(invoicesRow?.get('张数')?.value).toBe(verification.summary.invoices);
    expect(invoicesRow?.get('张数')?.numFmt).toBe('0');
    expect(totals.find((r) => r.get('项目')?.value === '核定投资额')?.get('金额（元）')?.value).toBe(Number(verification.summary.verifiedInvestment));

    const invoices = tableOf(sheetOf(workbook, '发票核验明细'), '行号');
    expect(invoices).toHaveLength(verification.invoices.length);
    const rated = invoices.find((r) => verification.invoices.find((i) => i.rowNo === r.get('行号')?.value)?.taxRate === '0.13');
    expect(rated?.get('税率')?.value).toBe(0.13);
    expect(rated?.get('税率')?.numFmt).toBe('0%');
    expect(rated?.get('行号')?.numFmt).toBe('0');

    const heading = String(sheetOf(workbook, '发票核验明细').getCell(2, 1).value);
    expect(heading).toContain('政策：厦门市制造业新型技术改造城市试点专项资金（重点项目奖补）');
    expect(heading).toContain('核验人：陈组长');
    const text = cellsOf(workbook)
      .map((c) => String(c.value))
      .join('\n');
    expect(text).not.toMatch(/xiamen-2024|\d{3}_[0-9a-f]{16}\.txt|（未署名）/u);
    expect(text).toContain('《厦门市制造业新型技术改造城市试点工作方案》');
  });

  it('is laid out for filtering and landscape printing', async () => {
    await expectTableLayout(files.invoices, '发票核验明细', '行号');
    await expectTableLayout(files.invoices, '合同对账', '合同编号');
    await expectTableLayout(files.invoices, '付款核验', '行号');
  });
});

/** Fields of a CSV text (RFC 4180 quoting), line by line. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const char = text[i] as string;
    if (quoted) {
      if (char === '"' && text[i + 1] === '"') field += text[++i];
      else if (char === '"') quoted = false;
      else field += char;
    } else if (char === '"') {
      quoted = true;
    } else if (char === ',' || char === '\n') {
      row.push(field.replace(/\r$/u, ''));
      field = '';
      if (char === '\n') {
        rows.push(row);
        row = [];
      }
    } else {
      field += char;
    }
  }
  if (field !== '' || row.length > 0) rows.push([...row, field]);
  return rows;
}

describe('opened by LibreOffice', () => {
  it('converts every workbook to CSV in one headless run, showing text as text and numbers in their formats', () => {
    const input = path.join(temp.dir, 'xlsx');
    const output = path.join(temp.dir, 'csv');
    fs.mkdirSync(input);
    for (const [kind, bytes] of Object.entries(files)) fs.writeFileSync(path.join(input, `${kind}.xlsx`), bytes);
    // A profile of its own, so parallel runs do not share LibreOffice's user folder; every sheet (-1)
    // as UTF-8 (76), cells as shown (formats applied), formulas as their results (were there any).
    const profile = `file://${path.join(temp.dir, 'lo-profile')}`;
    const filter = 'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,true,false,false,-1';
    const run = spawnSync(
      'soffice',
      [`-env:UserInstallation=${profile}`, '--headless', '--convert-to', filter, '--outdir', output, ...Object.keys(files).map((k) => path.join(input, `${k}.xlsx`))],
      {
        encoding: 'utf8',
        timeout: 180_000,
      },
    );
    expect(run.error, 'LibreOffice (soffice) must be installed: .ci/run installs libreoffice-calc-nogui').toBeUndefined();
    expect(run.status, run.stderr).toBe(0);
    const csv = (name: string) => parseCsv(fs.readFileSync(path.join(output, `${name}.csv`), 'utf8'));

    const matrix = csv('matrix-评分矩阵');
    const matrixHeader = matrix.findIndex((r) => r[0] === '项目编号');
    const data = matrix.slice(matrixHeader + 1);
    expect(data).toHaveLength(5 * EXPERTS.length);
    // A name starting with = is the text it was, not the formula's result 3.
    expect(data.filter((r) => r[1] === '=1+2')).toHaveLength(EXPERTS.length);
    for (const name of FORMULA_LIKE_NAMES)
      expect(
        data.some((r) => r[1] === name),
        name,
      ).toBe(true);
    const recused = data.find((r) => r[0] === panel.projectIds[RECUSED_PROJECT_INDEX] && r[2] === RECUSED_EXPERT) ?? [];
    expect(recused.slice(4, 4 + consolidation.rubric.items.length).every((v) => v === '回避')).toBe(true);
    const names = new Map(consolidation.experts.map((e) => [e.id, e.name]));
    const firstRow = consolidation.projects[0]?.rows.find((r) => r.recusal === null);
    const firstItem = consolidation.rubric.items[0]?.id ?? '';
    const shown = data.find((r) => r[0] === panel.projectIds[0] && r[2] === names.get(firstRow?.expertId ?? ''))?.[4];
    expect(shown).toBe(Number(firstRow?.items[firstItem]).toFixed(1));

    const summary = csv('summary-评审结果汇总表');
    const summaryData = summary.slice(summary.findIndex((r) => r[0] === '排名') + 1);
    const verified = summaryData.map((r) => r[7] ?? '');
    expect(
      verified.slice(0, 5).every((v) => /^\d{1,3}(?:,\d{3})*\.\d{2}$/u.test(v)),
      verified.join(' | '),
    ).toBe(true);
    expect(summaryData[5]?.[1]).toBe('合计');

    const consolidated = csv('consolidated-汇总结果');
    const consolidatedData = consolidated.slice(consolidated.findIndex((r) => r[0] === '排名') + 1);
    expect(consolidatedData.map((r) => r[7])).toEqual(consolidation.projects.map((p) => p.median));

    const totals = csv('invoices-项目合计');
    expect(totals.find((r) => r[0] === '发票张数')?.[1]).toBe(String(verification.summary.invoices));
    const invoiceRows = csv('invoices-发票核验明细');
    const rates = new Set(invoiceRows.slice(invoiceRows.findIndex((r) => r[0] === '行号') + 1).map((r) => r[8]));
    expect(
      [...rates].every((rate) => rate === undefined || /^\d+(?:\.\d+)?%$|^免税$|^不征税$|^$/u.test(rate)),
      [...rates].join(' '),
    ).toBe(true);
    expect(rates.has('13%')).toBe(true);
  }, 200_000);
});

describe('jigai export', () => {
  async function jigai(...argv: string[]) {
    let stdout = '';
    let stderr = '';
    const code = await runCli(argv, { io: { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t) }, resourcesDir: RESOURCES_DIR });
    return { code, stdout, stderr };
  }

  it('writes each workbook where asked and refuses a wrong kind or a missing project in Chinese', async () => {
    const data = ['--data', panel.chairDataDir, '--json'];
    for (const kind of ['matrix', 'consolidated', 'summary'] as const) {
      const out = path.join(temp.dir, `cli-${kind}.xlsx`);
      const result = await jigai('export', '--batch', panel.batchId, '--kind', kind, '--out', out, ...data);
      expect(result.code, result.stderr).toBe(EXIT_OK);
      expect(JSON.parse(result.stdout)).toEqual({ path: out, kind });
      const sheet = (await open(fs.readFileSync(out))).worksheets[0];
      expect(sheet?.name).toBe({ matrix: '评分矩阵', consolidated: '汇总结果', summary: '评审结果汇总表' }[kind]);
    }
    const invoices = path.join(temp.dir, 'cli-invoices.xlsx');
    expect((await jigai('export', '--batch', panel.batchId, '--kind', 'invoices', '--project', panel.projectIds[0] ?? '', '--out', invoices, ...data)).code).toBe(
      EXIT_OK,
    );
    expect((await open(fs.readFileSync(invoices))).worksheets.map((s) => s.name)).toEqual(['发票核验明细', '合同对账', '付款核验', '项目合计', '计算过程', '更正记录']);

    const wrongKind = await jigai('export', '--batch', panel.batchId, '--kind', 'pdf', '--out', invoices, ...data);
    expect(wrongKind.code).toBe(EXIT_BAD_INPUT);
    expect(JSON.parse(wrongKind.stdout).error.message).toContain('matrix（评分矩阵）');
    const noProject = await jigai('export', '--batch', panel.batchId, '--kind', 'invoices', '--out', invoices, ...data);
    expect(JSON.parse(noProject.stdout).error.message).toBe('发票核验明细表针对一个项目，请用 --project 指定');
  });
});
