import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { EXIT_OK, runCli } from '@cli/run-cli';
import { RESOURCES_DIR, makeTempDir } from '../../support/temp-dir';

const cleanups: (() => void)[] = [];
afterEach(() => cleanups.splice(0).forEach((c) => c()));

async function award(cases: object[]) {
  const temp = makeTempDir();
  cleanups.push(temp.cleanup);
  const input = path.join(temp.dir, 'cases.json');
  fs.writeFileSync(input, JSON.stringify(cases));
  let stdout = '';
  const run = (json: boolean) =>
    runCli(['award', '--input', input, '--data', temp.dir, ...(json ? ['--json'] : [])], {
      io: { stdout: (t) => (stdout += t), stderr: () => undefined },
      resourcesDir: RESOURCES_DIR,
    });
  expect(await run(true)).toBe(EXIT_OK);
  const outcomes = JSON.parse(stdout) as { award: string; hasFormula: boolean; ceiling: boolean; fundSource: string | null }[];
  stdout = '';
  await run(false);
  return { outcomes, text: stdout };
}

describe('jigai award follows the eligibility in the policy texts', () => {
  it('shenyang-2025 (001 第五条, 第七条(三)): I6510 → 一事一议, C29 点 → no standard, C29 线 with demonstration → the central ceiling', async () => {
    const { outcomes, text } = await award([
      { policy: 'shenyang-2025', investment: '30000000.00', tier: 'point', industryCode: 'I6510' },
      { policy: 'shenyang-2025', investment: '30000000.00', tier: 'line', industryCode: 'I6510', strongDemonstration: true },
      { policy: 'shenyang-2025', investment: '30000000.00', tier: 'area', industryCode: 'I6510', chainLeader: true },
      { policy: 'shenyang-2025', investment: '30000000.00', tier: 'point', industryCode: 'C2911' },
      // 30,000,000.00 × 20% = 6,000,000.00 > 5,000,000.00 (第六条(二)2, referenced by 第七条(三)2)
      { policy: 'shenyang-2025', investment: '30000000.00', tier: 'line', industryCode: 'C2911', strongDemonstration: true },
    ]);
    expect(outcomes.slice(0, 4).map((o) => [o.hasFormula, o.award])).toEqual(Array(4).fill([false, '0.00']));
    expect(outcomes[4]).toMatchObject({ hasFormula: true, award: '5000000.00', ceiling: true, fundSource: 'local' });
    expect(text).toContain('案例 1：不计算金额（重大制造业项目、互联网和软件信息服务业项目：对重大制造业项目、互联网和软件信息服务业项目，按照“一事一议”');
    expect(text).toContain('案例 5：奖补上限 5000000.00 元');
  });

  it('xiamen-2024-platform (000 §四(七)): a national cross-industry platform → 10,000,000.00 as a ceiling', async () => {
    const { outcomes } = await award([{ policy: 'xiamen-2024-platform', investment: '300000000.00', nationalCrossIndustryPlatform: true }]);
    expect(outcomes[0]).toMatchObject({ hasFormula: true, award: '10000000.00', ceiling: true });
  });
});
