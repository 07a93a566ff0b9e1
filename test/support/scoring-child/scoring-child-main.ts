import { createCore } from '@core/create-core';
import { silentLogger } from '@core/logger';
import { plannedWrite } from './plan';

/**
 * Scores one project as fast as it can, one autosave per step, and reports each step once its call
 * returned (i.e. committed). The parent kills it with SIGKILL at some point.
 */
const [dataDir, resourcesDir, batchId, projectId] = process.argv.slice(2) as [string, string, string, string];
const core = createCore({ dataDir, resourcesDir, logger: silentLogger });
for (let step = 0; step < 1_000_000; step++) {
  await core.api.saveItemScore({ batchId, projectId, ...plannedWrite(step), comment: `第 ${String(step)} 次保存` });
  process.stdout.write(`${String(step)}\n`);
}
