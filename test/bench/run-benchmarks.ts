import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { benchAward } from './award.bench';
import { benchDecision } from './decision.bench';
import { benchImport, generateBenchPackage } from './import.bench';
import { benchReport } from './report.bench';
import { benchVerify } from './verify.bench';

/** Runs every benchmark on generated data in a temporary folder and prints the figures. */
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'jigai-bench-'));
// `npm run bench -- report verify` runs only the named benchmarks; no names: all of them.
const only = new Set(process.argv.slice(2));
const wanted = (name: string) => only.size === 0 || only.has(name);
try {
  process.stdout.write(`技改评审 基准测试（Node ${process.version}，${String(os.cpus().length)} 核）\n`);
  if (wanted('award')) await benchAward(root, work);
  if (wanted('import') || wanted('verify') || wanted('decision')) {
    const packageFile = await generateBenchPackage(work);
    const dataDir = await benchImport(root, work, packageFile);
    if (wanted('verify')) await benchVerify(root, dataDir);
    if (wanted('decision')) await benchDecision(root, dataDir);
  }
  if (wanted('report')) await benchReport(root, work);
} finally {
  fs.rmSync(work, { recursive: true, force: true });
}
