import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '@shared/api/errors';
import { verifyPdfSignatures, type PdfSignaturesReport } from '../../core/reports/signing/verify-pdf';
import { signPdf } from '../../core/reports/signing/sign-pdf';
import type { ReportKind } from '../../core/reports/report-model';
import type { ReportService, ReportSigner } from '../../core/reports/report-service';
import { writeFileAtomic } from '../../core/write-file-atomic';
import { askPassphrase } from '../ask-passphrase';
import type { CliCommand, CommandContext, CommandResult } from '../command';

const KINDS: readonly ReportKind[] = ['acceptance', 'expert', 'summary'];
/** The exit code of bad input (run-cli.ts): a report whose signatures fail is refused like one. */
const EXIT_SIGNATURE_INVALID = 2;

const USAGE = [
  'jigai report --batch 批次编号 [--project 项目编号] --kind acceptance|expert|summary [--sign] [--final] --out 报告.pdf --data 数据文件夹 [--json]',
  'jigai report sign 报告.pdf --out 会签后.pdf --data 数据文件夹 [--json]',
  'jigai report verify 报告.pdf [--json]',
].join('\n      ');

export const reportCommand: CliCommand = {
  name: 'report',
  summary: '生成 PDF 报告（验收报告、专家个人评审表、评审结果汇总表），签名、会签与核验签名',
  usage: USAGE,
  options: {
    batch: { type: 'string' },
    project: { type: 'string' },
    kind: { type: 'string' },
    sign: { type: 'boolean' },
    final: { type: 'boolean' },
    out: { type: 'string' },
  },
  positionals: true,
  async run(context) {
    const [verb, ...rest] = context.positionals;
    if (verb === 'verify') return verifyReport(rest);
    if (verb === 'sign') return countersign(context, rest);
    if (verb !== undefined) throw new AppError('BAD_INPUT', `未知的子命令「jigai report ${verb}」，可用：sign、verify\n用法：${USAGE}`);
    return makeReport(context);
  },
};

function stringOption(values: CommandContext['values'], name: string): string | undefined {
  const value = values[name];
  return typeof value === 'string' ? value : undefined;
}

function requireOut(values: CommandContext['values']): string {
  const out = stringOption(values, 'out');
  if (out === undefined) throw new AppError('BAD_INPUT', '请用 --out 指定输出的 PDF 文件');
  return path.resolve(out);
}

async function unlockOwn(reports: ReportService): Promise<{ signer: ReportSigner; key: ReturnType<ReportSigner['unlock']> }> {
  const signer = reports.ownSigner();
  if (!signer) throw new AppError('BAD_INPUT', '此数据文件夹还没有评审人身份，无法签名；请先在“设置 → 评审人身份”中创建');
  const passphrase = await askPassphrase(`请输入 ${signer.name} 的签名口令：`);
  return { signer, key: signer.unlock(passphrase) };
}

async function makeReport({ values, openCore }: CommandContext): Promise<CommandResult> {
  const kind = stringOption(values, 'kind');
  if (kind === undefined || !KINDS.includes(kind as ReportKind))
    throw new AppError('BAD_INPUT', '请用 --kind 指定报告种类：acceptance（验收报告）、expert（专家个人评审表）或 summary（评审结果汇总表）');
  const batchId = stringOption(values, 'batch');
  if (batchId === undefined) throw new AppError('BAD_INPUT', '请用 --batch 指定评审批次');
  const projectId = stringOption(values, 'project');
  if (kind !== 'summary' && projectId === undefined) throw new AppError('BAD_INPUT', '请用 --project 指定项目（评审结果汇总表以外的报告针对一个项目）');
  if (kind === 'summary' && projectId !== undefined) throw new AppError('BAD_INPUT', '评审结果汇总表针对整个批次，不需要 --project');
  const out = requireOut(values);
  const core = openCore();
  const key = values.sign === true ? (await unlockOwn(core.reports)).key : undefined;
  const report = await core.reports.make({ kind: kind as ReportKind, batchId, projectId, final: values.final === true, key });
  writeFileAtomic(out, report.bytes);
  const json = {
    path: out,
    reportId: report.reportId,
    contentSha256: report.contentSha256,
    draft: report.draft,
    open: report.open,
    signed: report.signed,
    bytes: report.bytes.length,
  };
  const lines = [
    `已生成${report.draft ? '草稿' : '正式'}${report.title}：${out}`,
    `报告编号 ${report.reportId}，内容摘要 ${report.contentSha256}`,
    ...(report.draft ? ['尚未完成的事项：', ...report.open.map((o) => `  - ${o}`)] : []),
    report.signed ? '已签名。' : '未签名。',
  ];
  return { json, text: lines.join('\n') };
}

function readPdf(file: string | undefined): Buffer {
  if (file === undefined) throw new AppError('BAD_INPUT', '请指定 PDF 报告文件');
  try {
    return fs.readFileSync(file);
  } catch {
    throw new AppError('BAD_INPUT', `无法读取文件：${file}`);
  }
}

async function countersign({ values, openCore }: CommandContext, files: string[]): Promise<CommandResult> {
  const pdf = readPdf(files[0]);
  const out = requireOut(values);
  const before = await verifyPdfSignatures(pdf);
  if (before.signatures.some((s) => !s.valid)) throw new AppError('CONFLICT', `报告中已有签名无效，不能会签：\n${signatureLines(before).join('\n')}`);
  const core = openCore();
  const { key } = await unlockOwn(core.reports);
  const signed = await signPdf(pdf, key, core.context.now());
  writeFileAtomic(out, signed);
  const after = await verifyPdfSignatures(signed);
  return { json: { path: out, ...after }, text: [`已会签：${out}`, ...signatureLines(after)].join('\n') };
}

function signatureLines(report: PdfSignaturesReport): string[] {
  if (report.signatures.length === 0) return ['此文件没有签名。'];
  return report.signatures.map(
    (s, i) =>
      `签名 ${String(i + 1)}：${s.signer}，${s.signedAt ?? '签名时间不详'}，证书指纹 ${s.fingerprint}，${s.valid ? '有效' : `无效（${s.problem ?? ''}）`}，${s.coversWholeDocument ? '签名后文件未再改动' : '签名后文件有追加内容（如会签）'}`,
  );
}

async function verifyReport(files: string[]): Promise<CommandResult> {
  const report = await verifyPdfSignatures(readPdf(files[0]));
  const json = { valid: report.valid, signatures: report.signatures.map(({ problem: _problem, ...s }) => s) };
  return {
    json,
    text: [report.valid ? '全部签名有效。' : '签名核验未通过。', ...signatureLines(report)].join('\n'),
    exitCode: report.valid ? 0 : EXIT_SIGNATURE_INVALID,
  };
}
