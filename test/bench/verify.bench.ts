import path from 'node:path';
import Database from 'better-sqlite3';
import { createCore } from '../../electron/core/create-core';
import { silentLogger } from '../../electron/core/logger';
import { bestOf, report } from './measure';

/**
 * Verifying every invoice of the imported benchmark batch (duplicates across projects included)
 * against a plain SQL scan of the same rows, in the same run.
 */
export async function benchVerify(root: string, dataDir: string): Promise<void> {
  const core = createCore({ dataDir, resourcesDir: path.join(root, 'resources'), logger: silentLogger });
  const [batch] = await core.api.listBatches({});
  if (!batch) throw new Error('基准数据中没有评审批次');
  const db = new Database(path.join(dataDir, 'jigai.sqlite'), { readonly: true });
  const scan = db.prepare('SELECT * FROM invoices i JOIN projects p ON p.pk = i.project_pk WHERE p.batch_id = ?');
  const baseline = await bestOf(3, () => scan.all(batch.id));
  let invoices = 0;
  let flagged = 0;
  const full = await bestOf(3, async () => {
    const result = await core.api.verifyBatch({ batchId: batch.id });
    invoices = result.projects.reduce((n, p) => n + p.invoices.length, 0);
    flagged = result.projects.reduce((n, p) => n + p.invoices.filter((i) => i.findings.length > 0).length, 0);
  });
  db.close();
  core.close();
  report('发票核验（jigai verify --batch）', {
    发票张数: invoices,
    有发现的发票: flagged,
    '核验耗时（秒，要求 ≤ 2）': full.seconds.toFixed(2),
    '处理器时间（秒）': full.cpuSeconds.toFixed(2),
    每秒发票数: Math.round(invoices / full.seconds),
    '峰值内存 RSS（MiB）': full.peakMiB.toFixed(0),
    '基线：SQL 扫描同样的行（秒）': baseline.seconds.toFixed(3),
    '基线处理器时间（秒）': baseline.cpuSeconds.toFixed(3),
    与基线之比: (full.seconds / baseline.seconds).toFixed(1),
    处理器时间与基线之比: (full.cpuSeconds / baseline.cpuSeconds).toFixed(1),
  });
}
