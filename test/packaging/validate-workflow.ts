import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';

/** Checks a GitHub Actions workflow against the published schema with @action-validator/cli. */
export function workflowDeviations(workflowFile: string): string[] {
  if (!fs.existsSync(workflowFile)) return [`缺少发布流程 ${workflowFile}`];
  const cli = createRequire(import.meta.url).resolve('@action-validator/cli/cli.mjs');
  const result = spawnSync(process.execPath, [cli, workflowFile], { encoding: 'utf8' });
  if (result.status === 0) return [];
  return [`发布流程 ${workflowFile} 不符合 GitHub Actions 的格式：${`${result.stdout}${result.stderr}`.trim().slice(0, 2000)}`];
}
