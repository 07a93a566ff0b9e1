import path from 'node:path';
import { Dec } from '../../shared/domain/decimal';
import { createCore } from '../../electron/core/create-core';
import { silentLogger } from '../../electron/core/logger';
import { bestOf, report } from './measure';

/**
 * `jigai award` with 10,000 cases in one call, through the API (input validation included), against
 * a baseline of the bare arithmetic (decimal.js min(I × 8%, cap) per case) in the same run.
 */
export async function benchAward(root: string, dataDir: string): Promise<void> {
  const core = createCore({ dataDir, resourcesDir: path.join(root, 'resources'), logger: silentLogger, databaseFile: ':memory:' });
  const templates: Record<string, unknown>[] = [
    { policy: 'xiamen-2024', chainLeader: true, supportingEnterprises: 12, stage: 'midterm' },
    { policy: 'shenyang-2025', tier: 'line', chainLeader: true, industryCode: 'C3484' },
    { policy: 'jiangxi-2023', regionKind: 'county-2', stage: 'application' },
    { policy: 'xiamen-2024-cloud', firstCloudUse: true, industryCode: 'C3989' },
    { policy: 'qingdao-2025' },
  ];
  const cases = Array.from({ length: 10_000 }, (_, i) => ({
    ...templates[i % templates.length],
    investment: `${String(50_000_000 + i * 123_457)}.${String(i % 100).padStart(2, '0')}`,
  }));
  const cap = new Dec('10000000');
  const rate = new Dec('0.08');
  const baseline = await bestOf(5, () => cases.map((c) => Dec.min(new Dec(c.investment).times(rate), cap).toFixed(2)));
  const engine = await bestOf(5, () => core.api.computeAwards({ cases }));
  core.close();
  report('奖补测算：10,000 个案例一次调用（jigai award）', {
    '测算耗时（秒）': engine.seconds.toFixed(3),
    每秒案例数: Math.round(cases.length / engine.seconds),
    '基线：仅 decimal.js 乘法与取小（秒）': baseline.seconds.toFixed(3),
    与基线之比: (engine.seconds / baseline.seconds).toFixed(1),
  });
}
