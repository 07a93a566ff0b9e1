import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { oneProjectSpec, writePackageZip } from '../../support/package-builder';
import { generateSamplePackage } from '@cli/sample';
import { EXIT_BAD_INPUT, EXIT_OK, runCli } from '@cli/run-cli';
import { plantPaymentDefects } from '../../support/plant-payment-defects';
import { RESOURCES_DIR, makeTempDir } from '../../support/temp-dir';

const cleanups: (() => void)[] = [];
afterEach(() => cleanups.splice(0).forEach((c) => c()));

async function jigai(...argv: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await runCli(argv, {
    io: { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t) },
    resourcesDir: RESOURCES_DIR,
  });
  return { code, stdout, stderr };
}

function dataDir(): string {
  const temp = makeTempDir();
  cleanups.push(temp.cleanup);
  return temp.dir;
}

describe('jigai CLI', () => {
  it('prints Chinese help listing its commands', async () => {
    const result = await jigai('help');
    expect(result.code).toBe(EXIT_OK);
    expect(result.stdout).toContain('用法：jigai <命令>');
    expect(result.stdout).toContain('info');
  });

  it('info --json reports version, schema version and counts of a new data folder', async () => {
    const dir = dataDir();
    const result = await jigai('info', '--data', dir, '--json');
    expect(result.code).toBe(EXIT_OK);
    const info = JSON.parse(result.stdout) as { dataDir: string; schemaVersion: number; counts: Record<string, number> };
    expect(info.dataDir).toBe(dir);
    expect(info.schemaVersion).toBeGreaterThanOrEqual(2);
    expect(info.counts).toEqual({ batches: 0, projects: 0, invoices: 0 });
  });

  it('info without --json speaks Chinese', async () => {
    const result = await jigai('info', '--data', dataDir());
    expect(result.stdout).toContain('数据结构版本');
  });

  it('exits 2 with the error as JSON on bad input', async () => {
    const unknownOption = await jigai('info', '--colour', '--json');
    expect(unknownOption.code).toBe(EXIT_BAD_INPUT);
    expect(JSON.parse(unknownOption.stdout)).toMatchObject({ error: { code: 'BAD_INPUT', message: expect.stringContaining('未知选项 --colour') } });
    const unknownCommand = await jigai('frobnicate');
    expect(unknownCommand.code).toBe(EXIT_BAD_INPUT);
    expect(unknownCommand.stderr).toContain('未知命令「frobnicate」');
  });
});

describe('jigai award', () => {
  it('answers a JSON array of cases in order, an invalid case with an error that does not stop the others', async () => {
    const dir = dataDir();
    const input = path.join(dir, 'cases.json');
    fs.writeFileSync(
      input,
      JSON.stringify([
        { policy: 'xiamen-2024', investment: '80000000.00' },
        { policy: 'atlantis-2030', investment: '1.00' },
        { policy: 'xiamen-2024', investment: '-5.00' },
        { policy: 'xiamen-2024', investment: '250000000.00', chainLeader: true, supportingEnterprises: 10, stage: 'acceptance', accepted: true },
      ]),
    );
    const result = await jigai('award', '--input', input, '--data', dir, '--json');
    expect(result.code).toBe(EXIT_OK);
    const outcomes = JSON.parse(result.stdout) as { award?: string; error?: { code: string; message: string } }[];
    // 80,000,000.00 × 8% = 6,400,000.00
    expect(outcomes[0]?.award).toBe('6400000.00');
    expect(outcomes[1]?.error?.code).toBe('UNKNOWN_POLICY');
    expect(outcomes[2]?.error?.message).toContain('investment');
    // 10,000,000 + 4% × 50,000,000 = 12,000,000, plus the 2,000,000 chain-leader bonus
    expect(outcomes[3]?.award).toBe('14000000.00');
  });

  it('exits 2 when the input is not a JSON array', async () => {
    const dir = dataDir();
    const input = path.join(dir, 'cases.json');
    fs.writeFileSync(input, '{"policy":"xiamen-2024"}');
    const result = await jigai('award', '--input', input, '--data', dir, '--json');
    expect(result.code).toBe(EXIT_BAD_INPUT);
    expect(result.stdout).toContain('JSON 数组');
  });
});

describe('jigai import', () => {
  it('imports a package and prints the summary as JSON', async () => {
    const dir = dataDir();
    const file = path.join(dir, 'package.zip');
    await writePackageZip(file, oneProjectSpec());
    const result = await jigai('import', file, '--data', dir, '--json');
    expect(result.code).toBe(EXIT_OK);
    const summary = JSON.parse(result.stdout) as { batch: { id: string; policy: string; stage: string }; projects: { id: string; invoiceAmountTotal: string }[] };
    expect(summary.batch).toMatchObject({ id: 'XM-2026-YS-01', policy: 'xiamen-2024', stage: 'acceptance' });
    expect(summary.projects).toEqual([expect.objectContaining({ id: 'XM2024-001', invoiceAmountTotal: '1503600.50' })]);
  });

  it('exits 2 with every located error as JSON and stores nothing', async () => {
    const dir = dataDir();
    const file = path.join(dir, 'package.zip');
    await writePackageZip(file, { ...oneProjectSpec(), missing: ['XM2024-001/附件/缺失.pdf', 'XM2024-001/附件/发票.pdf'] });
    const result = await jigai('import', file, '--data', dir, '--json');
    expect(result.code).toBe(EXIT_BAD_INPUT);
    const output = JSON.parse(result.stdout) as { errors: { file: string; column?: string; message: string }[] };
    expect(output.errors.map((e) => e.file).sort()).toEqual(['XM2024-001/附件/发票.pdf', 'XM2024-001/附件/缺失.pdf']);
    const info = JSON.parse((await jigai('info', '--data', dir, '--json')).stdout) as { counts: Record<string, number> };
    expect(info.counts).toEqual({ batches: 0, projects: 0, invoices: 0 });
  });
});

describe('jigai verify', () => {
  it('verifies a package in a temporary folder and reports each invoice with its findings', async () => {
    const dir = dataDir();
    const file = path.join(dir, 'sample.zip');
    const sample = await generateSamplePackage({ projects: 2, invoices: 60, seed: 'cli-verify', outFile: file, defects: ['amount-arithmetic'] });
    const result = await jigai('verify', '--package', file, '--json');
    expect(result.code).toBe(EXIT_OK);
    const output = JSON.parse(result.stdout) as {
      projects: { id: string; claimed: string; verifiedInvestment: string; award: string | null; invoices: { key: string; findings: { code: string }[] }[] }[];
    };
    expect(output.projects.map((p) => p.id).sort()).toEqual(sample.manifest.projects.map((p) => p.id).sort());
    expect(output.projects.reduce((n, p) => n + p.invoices.length, 0)).toBe(60);
    const planted = sample.injected[0];
    const flagged = output.projects.find((p) => p.id === planted?.projectId)?.invoices.find((i) => i.key === planted?.invoiceKey);
    expect(flagged?.findings.map((f) => f.code)).toContain('AMOUNT_ARITHMETIC');
    // The invoice with an error is not counted: verified < claimed.
    const project = output.projects.find((p) => p.id === planted?.projectId);
    expect(Number(project?.verifiedInvestment)).toBeLessThan(Number(project?.claimed));
  }, 60_000);

  it('reports each payment voucher with its findings, as JSON and as text', async () => {
    const dir = dataDir();
    const sample = await generateSamplePackage({ projects: 1, invoices: 40, seed: 'cli-payments', defects: ['third-party-payment'] });
    const projectId = sample.manifest.projects[0]?.id ?? '';
    const file = path.join(dir, 'payments.zip');
    const planted = await plantPaymentDefects(sample.zip, sample.manifest, projectId, file);
    const result = await jigai('verify', '--package', file, '--json');
    expect(result.code).toBe(EXIT_OK);
    const output = JSON.parse(result.stdout) as {
      projects: { id: string; payments: { voucher: string; findings: { code: string; severity: string; message: string }[] }[] }[];
    };
    const payments = output.projects.find((p) => p.id === projectId)?.payments ?? [];
    const codes = (voucher: string) => payments.filter((p) => p.voucher === voucher).flatMap((p) => p.findings.map((f) => f.code));
    expect(codes(planted.wrongPayee)).toContain('PAYEE_NOT_CONTRACTOR');
    expect(codes(planted.duplicated).filter((c) => c === 'DUPLICATE_PAYMENT')).toHaveLength(2);
    expect(payments.flatMap((p) => p.findings.map((f) => f.code))).toContain('THIRD_PARTY_PAYMENT');
    expect(payments.some((p) => p.findings.length === 0)).toBe(true);

    const text = await jigai('verify', '--package', file);
    expect(text.stdout).toContain(`付款凭证 ${planted.wrongPayee}`);
    expect(text.stdout).toContain('[警告] 收款方非合同供应商：');
    expect(text.stdout).not.toContain('PAYEE_NOT_CONTRACTOR');
  }, 60_000);

  it('exits 2 when neither or both of --package and --batch are given', async () => {
    expect((await jigai('verify', '--json')).code).toBe(EXIT_BAD_INPUT);
    expect((await jigai('verify', '--batch', 'X', '--package', 'y.zip', '--json')).code).toBe(EXIT_BAD_INPUT);
  });
});

describe('jigai log file', () => {
  it('writes logs/jigai.log in the data folder it used, with the cause of an internal failure', async () => {
    const dir = dataDir();
    expect((await jigai('info', '--data', dir, '--json')).code).toBe(EXIT_OK);
    expect(fs.readFileSync(path.join(dir, 'logs', 'jigai.log'), 'utf8')).toMatch(/\[info\] 命令「info」已完成\n$/);

    // A database "file" that is a folder cannot be opened: exit 1, and the log says why.
    const broken = dataDir();
    fs.mkdirSync(path.join(broken, 'jigai.sqlite'));
    const failed = await jigai('info', '--data', broken, '--json');
    expect(failed.code).toBe(1);
    expect(fs.readFileSync(path.join(broken, 'logs', 'jigai.log'), 'utf8')).toContain('[error] 命令「info」未能完成');
  });
});
