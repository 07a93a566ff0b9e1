import path from 'node:path';
import { createCore } from '../../electron/core/create-core';
import { silentLogger } from '../../electron/core/logger';
import { bestOf, report } from './measure';
import { createTestReviewer } from '../support/reviewer';

const DECISIONS = 30;
const kib = (value: unknown) => Buffer.byteLength(JSON.stringify(value)) / 1024;

/**
 * One reviewer decision on a 5,000-invoice project of the benchmark batch: core time (median of
 * single decisions, each validated, stored, audited and applied) and reply size, against the
 * baseline of what a decision cost before — verifying the whole project again and sending it all.
 */
export async function benchDecision(root: string, dataDir: string): Promise<void> {
  const open = () => createCore({ dataDir, resourcesDir: path.join(root, 'resources'), logger: silentLogger });
  const core = open();
  if (!(await core.api.getMyReviewer({})).reviewer) await createTestReviewer(core);
  const [batch] = await core.api.listBatches({});
  const [project] = batch ? await core.api.listProjects({ batchId: batch.id }) : [];
  if (!batch || !project) throw new Error('基准数据中没有项目');
  const ref = { batchId: batch.id, projectId: project.id };

  let fullKiB = 0;
  const baseline = await bestOf(3, async () => {
    const fresh = open();
    fullKiB = kib(await fresh.api.getProjectVerification(ref));
    fresh.close();
  });

  const verification = await core.api.getProjectVerification(ref);
  const rows = verification.invoices.filter((r) => r.contractNo !== '').slice(0, DECISIONS);
  const times: number[] = [];
  const cpuTimes: number[] = [];
  let replyKiB = 0;
  for (const [i, row] of rows.entries()) {
    const started = process.hrtime.bigint();
    const cpu = process.cpuUsage();
    const reply = await core.api.decideInvoices(
      i % 3 === 0
        ? { ...ref, rowNos: [row.rowNo], kind: 'reject', reason: '基准测试' }
        : i % 3 === 1
          ? { ...ref, rowNos: [row.rowNo], kind: 'accept' }
          : { ...ref, rowNos: [row.rowNo], kind: 'clear' },
    );
    times.push(Number(process.hrtime.bigint() - started) / 1e6);
    const used = process.cpuUsage(cpu);
    cpuTimes.push((used.user + used.system) / 1e3);
    replyKiB = Math.max(replyKiB, kib(reply));
  }
  core.close();
  const median = medianOf(times);
  report(`认定一张发票（${String(verification.invoices.length)} 张发票的项目）`, {
    '核心耗时中位数（毫秒，要求 ≤ 30）': median.toFixed(1),
    '处理器时间中位数（毫秒）': medianOf(cpuTimes).toFixed(1),
    '最慢一次（毫秒）': Math.max(...times).toFixed(1),
    '回复大小（KiB，要求 ≤ 20）': replyKiB.toFixed(1),
    '基线：整项目重新核验（毫秒）': (baseline.seconds * 1000).toFixed(0),
    '基线处理器时间（毫秒）': (baseline.cpuSeconds * 1000).toFixed(0),
    '基线：整项目回复（KiB）': fullKiB.toFixed(0),
    耗时与基线之比: (median / (baseline.seconds * 1000)).toFixed(3),
    回复与基线之比: (replyKiB / fullKiB).toFixed(4),
  });
}

function medianOf(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}
