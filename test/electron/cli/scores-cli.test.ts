import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { EXIT_BAD_INPUT, EXIT_OK, runCli } from '@cli/run-cli';
import { RESOURCES_DIR, makeTempDir } from '../../support/temp-dir';

const cleanups: (() => void)[] = [];
afterEach(() => cleanups.splice(0).forEach((c) => c()));

async function jigai(...argv: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await runCli(argv, { io: { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t) }, resourcesDir: RESOURCES_DIR });
  return { code, stdout, stderr };
}

function tempDir(): string {
  const temp = makeTempDir();
  cleanups.push(temp.cleanup);
  return temp.dir;
}

function panelFile(content: unknown): string {
  const file = path.join(tempDir(), 'panel.json');
  fs.writeFileSync(file, typeof content === 'string' ? content : JSON.stringify(content));
  return file;
}

describe('jigai scores consolidate --input', () => {
  it('prints the figures of each project as two-decimal strings, null where a figure does not apply', async () => {
    const file = panelFile({
      projects: [
        { id: 'XM2024-001', scores: { 王工: '80', 李工: '85', 张工: '85', 赵工: '90', 钱工: '62.5' } },
        { id: 'XM2024-002', scores: { 王工: '70', 李工: null, 张工: '90', 赵工: '80', 钱工: null } },
      ],
    });
    const result = await jigai('scores', 'consolidate', '--input', file, '--json');
    expect(result.code).toBe(EXIT_OK);
    const output = JSON.parse(result.stdout) as { projects: Record<string, unknown>[] };
    // XM2024-001: mean 402.5 / 5 = 80.5; trimmed (80 + 85 + 85) / 3 = 83.33; median 85; spread 27.5
    expect(output.projects[0]).toMatchObject({ id: 'XM2024-001', experts: 5, mean: '80.50', trimmedMean: '83.33', median: '85.00', spread: '27.50' });
    // XM2024-002: two recused; (70 + 90 + 80) / 3 = 80; three scores → no trimmed mean
    expect(output.projects[1]).toMatchObject({ id: 'XM2024-002', experts: 3, mean: '80.00', trimmedMean: null, median: '80.00', spread: '20.00' });
    expect(Object.keys(output.projects[0] ?? {})).toEqual(['id', 'experts', 'mean', 'trimmedMean', 'median', 'spread', 'normalised']);
    for (const project of output.projects) expect(project.normalised).toMatch(/^\d+\.\d{2}$/u);
  });

  it('speaks Chinese without --json and flags a score far from the median', async () => {
    const file = panelFile({ projects: [{ id: 'XM2024-001', scores: { 王工: '80', 李工: '85', 张工: '85', 赵工: '90', 钱工: '62.5' } }] });
    const result = await jigai('scores', 'consolidate', '--input', file);
    expect(result.code).toBe(EXIT_OK);
    expect(result.stdout).toContain('项目 XM2024-001：计入 5 位专家；平均分 80.50，去掉最高最低分后平均 83.33，中位数 85.00，极差 27.50');
    expect(result.stdout).toContain('偏离中位数超过 15 分：钱工 62.50 分（中位数 85.00，相差 22.50）');
  });

  it('exits 2 naming every bad score by its place in the file', async () => {
    const file = panelFile({
      projects: [
        { id: 'P1', scores: { 王工: '85.3', 李工: 86 } },
        { id: 'P1', scores: { 王工: '120' } },
      ],
    });
    const result = await jigai('scores', 'consolidate', '--input', file, '--json');
    expect(result.code).toBe(EXIT_BAD_INPUT);
    const { error } = JSON.parse(result.stdout) as { error: { code: string; message: string } };
    expect(error.code).toBe('BAD_INPUT');
    expect(error.message).toContain('$.projects[0].scores["李工"]：应为总分字符串（如 "85.5"），回避的专家为 null');
  });

  it('reports the semantic problems once the shape is right', async () => {
    const file = panelFile({
      projects: [
        { id: 'P1', scores: { 王工: '85.3' } },
        { id: 'P1', scores: { 王工: '120' } },
      ],
    });
    const result = await jigai('scores', 'consolidate', '--input', file, '--json');
    expect(result.code).toBe(EXIT_BAD_INPUT);
    const { error } = JSON.parse(result.stdout) as { error: { message: string } };
    expect(error.message.split('\n')).toEqual([
      `专家评分文件「${file}」有 3 处错误：`,
      '$.projects[0].scores["王工"]：项目「P1」专家「王工」的总分「85.3」不是 0.5 分的整数倍',
      '$.projects[1].id：项目编号「P1」重复',
      '$.projects[1].scores["王工"]：项目「P1」专家「王工」的总分 120 超过 100 分',
    ]);
  });

  it('exits 2 on a missing file, bad JSON, a missing --input and an unknown subcommand or option', async () => {
    expect((await jigai('scores', 'consolidate', '--input', path.join(tempDir(), 'none.json'))).stderr).toContain('无法读取专家评分文件');
    expect((await jigai('scores', 'consolidate', '--input', panelFile('{ "projects": ['))).stderr).toContain('不是有效的 JSON');
    const noInput = await jigai('scores', 'consolidate', '--json');
    expect(noInput.code).toBe(EXIT_BAD_INPUT);
    expect(noInput.stdout).toContain('请用 --input 指定专家评分文件');
    const unknown = await jigai('scores', 'frobnicate');
    expect(unknown.code).toBe(EXIT_BAD_INPUT);
    expect(unknown.stderr).toContain('未知的子命令「jigai scores frobnicate」，可用的子命令：record、export、import、consolidate');
    expect((await jigai('scores')).stderr).toContain('请指定 jigai scores 的子命令（record、export、import、consolidate）');
    const foreign = await jigai('scores', 'consolidate', '--policy', 'x');
    expect(foreign.code).toBe(EXIT_BAD_INPUT);
    expect(foreign.stderr).toContain('未知选项 --policy');
  });

  it('is listed in the help', async () => {
    expect((await jigai('help')).stdout).toContain('scores');
    expect((await jigai('scores', '--help')).stdout).toContain('jigai scores consolidate --input 专家评分.json');
  });
});

describe('jigai rubric show', () => {
  it('prints the rubric of a rule set and stage without opening a data folder', async () => {
    const result = await jigai('rubric', 'show', '--policy', 'xiamen-2024', '--stage', 'acceptance', '--json');
    expect(result.code).toBe(EXIT_OK);
    const rubric = JSON.parse(result.stdout) as { id: string; version: number; hash: string; items: { id: string; title: string; max: string }[] };
    expect(rubric).toMatchObject({ id: 'xiamen-2024-acceptance', version: 1 });
    expect(rubric.hash).toMatch(/^[0-9a-f]{64}$/u);
    expect(rubric.items).toEqual([
      { id: 'construction-indicators', title: '建设内容与建设指标完成情况', max: '30' },
      { id: 'technical-indicators', title: '技术指标完成情况', max: '25' },
      { id: 'investment-completion', title: '投资完成与认定', max: '25' },
      { id: 'evidence', title: '佐证材料完整性与真实性', max: '20' },
    ]);
  });

  it('accepts the stage in Chinese and prints Chinese text', async () => {
    const result = await jigai('rubric', 'show', '--policy', 'shenyang-2025', '--stage', '中期评估');
    expect(result.code).toBe(EXIT_OK);
    expect(result.stdout).toContain('沈阳市新技改城市试点项目评估验收评分标准（第 1 版）');
    expect(result.stdout).toContain('国产化设备及软件投入：满分 15 分（001_626c3b4bfbd45a84.txt 第十一条、第七条(二)1）');
  });

  it('exits 2 for an unknown rule set or stage', async () => {
    const policy = await jigai('rubric', 'show', '--policy', 'atlantis-2030', '--stage', 'acceptance', '--json');
    expect(policy.code).toBe(EXIT_BAD_INPUT);
    expect(JSON.parse(policy.stdout)).toMatchObject({
      error: { code: 'NOT_FOUND', message: expect.stringContaining('政策规则「atlantis-2030」的竣工验收没有内置的评分标准') },
    });
    const stage = await jigai('rubric', 'show', '--policy', 'xiamen-2024', '--stage', 'final');
    expect(stage.code).toBe(EXIT_BAD_INPUT);
    expect(stage.stderr).toContain('--stage 评审阶段「final」不是可选的值，应为 立项评审、中期评估、竣工验收 之一');
  });
});
