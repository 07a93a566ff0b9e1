#!/usr/bin/env node
// The CLI is bundled into dist/ by `npm run build` (run automatically by `npm install`).
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const entry = fileURLToPath(new URL('../dist/electron/cli.js', import.meta.url));
if (!existsSync(entry)) {
  process.stderr.write('错误：命令行工具尚未构建，请先在安装目录运行 npm run build\n');
  process.exit(1);
}
await import(entry);
