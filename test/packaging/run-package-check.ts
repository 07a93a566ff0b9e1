// npm run package:check — builds the desktop package for Linux (`dir` target) against a stand-in
// Electron distribution and fails on any deviation from test/packaging/package-rules.ts.
// Options: --config FILE (default electron-builder.yml), --no-build (use the current dist/), --keep.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { REPO_ROOT } from '../support/temp-dir';
import { inspectPackage, megabytes, type PackageFigures } from './inspect-package';
import { packagedWorkerDeviations } from './packaged-worker';
import { listAsar } from './read-asar';
import { fuseDeviations } from './read-fuses';
import { writeStandInElectron } from './standin-electron';
import { workflowDeviations } from './validate-workflow';

interface BuilderConfig {
  extraResources?: (string | { from: string; to: string; filter?: string[] })[];
  directories?: Record<string, string>;
  linux?: { executableName?: string };
  [key: string]: unknown;
}

const require = createRequire(import.meta.url);
const yaml = require('js-yaml') as { load(text: string): unknown };
const builder = require('electron-builder') as {
  build(options: { projectDir: string; targets: unknown; config: string; publish: 'never' }): Promise<string[]>;
  Platform: { LINUX: { createTarget(type: string, arch: number): unknown } };
  Arch: Record<string, number>;
};

const NATIVE_SOURCE = 'build/native/current';

async function main(): Promise<number> {
  const { values } = parseArgs({ options: { config: { type: 'string' }, 'no-build': { type: 'boolean' }, keep: { type: 'boolean' } } });
  const started = performance.now();
  if (!values['no-build']) {
    const built = spawnSync(process.execPath, ['scripts/build.mjs'], { cwd: REPO_ROOT, stdio: 'inherit' });
    if (built.status !== 0) return fail(['npm run build 失败']);
  }
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'jigai-package-check-'));
  try {
    const electronVersion = (require('electron/package.json') as { version: string }).version;
    const arch = process.arch;
    const electronDist = writeStandInElectron(path.join(work, 'electron-dist'), electronVersion);
    const native = stageNativeDriver(work, electronVersion, arch);
    const configFile = path.resolve(REPO_ROOT, values.config ?? 'electron-builder.yml');
    const config = yaml.load(fs.readFileSync(configFile, 'utf8')) as BuilderConfig;
    config.extraResources = (config.extraResources ?? []).map((entry) =>
      typeof entry === 'object' && entry.from === NATIVE_SOURCE ? { ...entry, from: native.dir } : entry,
    );
    config.electronDist = electronDist;
    config.electronVersion = electronVersion;
    config.directories = { ...config.directories, output: path.join(work, 'out') };
    const archId = builder.Arch[arch];
    if (archId === undefined) return fail([`不支持的处理器架构 ${arch}`]);
    // Handed over as a file: a config object would be merged with electron-builder.yml in the repository.
    const effectiveConfig = path.join(work, 'electron-builder.json');
    fs.writeFileSync(effectiveConfig, JSON.stringify(config, null, 2));
    await builder.build({ projectDir: REPO_ROOT, targets: builder.Platform.LINUX.createTarget('dir', archId), config: effectiveConfig, publish: 'never' });

    const appOut = fs.readdirSync(path.join(work, 'out')).find((name) => name.startsWith('linux') && name.endsWith('-unpacked'));
    if (!appOut) return fail(['electron-builder 没有生成 linux-unpacked 目录']);
    const appDir = path.join(work, 'out', appOut);
    const resourcesPath = path.join(appDir, 'resources');
    const asarEntries = fs.existsSync(path.join(resourcesPath, 'app.asar')) ? listAsar(path.join(resourcesPath, 'app.asar')) : [];
    const { figures, deviations } = inspectPackage(resourcesPath, asarEntries, path.join(REPO_ROOT, 'resources'));
    if (asarEntries.length === 0) deviations.push('没有 resources/app.asar（electron-builder.yml 中应为 asar: true）');
    const executable = path.join(appDir, config.linux?.executableName ?? 'jigai-review');
    if (fs.existsSync(executable)) deviations.push(...(await fuseDeviations(executable)));
    else deviations.push(`没有可执行文件 ${path.basename(executable)}`);
    // The stand-in driver is the Node build, so this Node can run the packaged worker with it; a real
    // Electron build cannot be loaded here, and then only the layout is checked.
    if (native.standIn) deviations.push(...(await packagedWorkerDeviations(resourcesPath, path.join(resourcesPath, 'native', 'better_sqlite3.node'))));
    else process.stdout.write('（本机有 Electron 版 SQLite 驱动，纯 Node 无法加载它：跳过核心线程试运行）\n');
    deviations.push(...workflowDeviations(path.join(REPO_ROOT, '.github', 'workflows', 'release.yml')));

    report(figures, asarEntries.length, performance.now() - started, values.keep ? appDir : undefined);
    if (deviations.length > 0) return fail(deviations);
    process.stdout.write('打包检查通过\n');
    return 0;
  } finally {
    if (!values.keep) fs.rmSync(work, { recursive: true, force: true });
  }
}

/**
 * The SQLite driver for resources/native: the Electron build when `npm run dist` or `npm start` made
 * one, else a copy of the Node build standing in for it (same file name and place in the package).
 */
function stageNativeDriver(work: string, electronVersion: string, arch: string): { dir: string; standIn: boolean } {
  const electronBuild = path.join(REPO_ROOT, 'build', 'native', `electron-${electronVersion}-${arch}`);
  if (fs.existsSync(path.join(electronBuild, 'better_sqlite3.node'))) return { dir: electronBuild, standIn: false };
  const dir = path.join(work, 'native');
  fs.mkdirSync(dir, { recursive: true });
  fs.copyFileSync(
    path.join(path.dirname(require.resolve('better-sqlite3/package.json')), 'build', 'Release', 'better_sqlite3.node'),
    path.join(dir, 'better_sqlite3.node'),
  );
  return { dir, standIn: true };
}

function report(figures: PackageFigures, asarFiles: number, elapsedMs: number, keptAt: string | undefined): void {
  const line = (label: string, part: { files: number; bytes: number }) =>
    `  ${label.padEnd(22)}${String(part.files).padStart(6)} 个文件  ${megabytes(part.bytes).padStart(9)}\n`;
  process.stdout.write('\n打包内容（linux dir，Electron 替身）：\n');
  process.stdout.write(line('app.asar（含解包项）', { files: asarFiles, bytes: figures.asar.bytes }));
  process.stdout.write(line('app.asar.unpacked', figures.unpacked));
  process.stdout.write(line('resources/native', figures.native));
  process.stdout.write(line('resources/fonts', figures.fonts));
  process.stdout.write(`  应用自带部分合计（不含字体）：${megabytes(figures.appBytes)}\n`);
  process.stdout.write(`  用时 ${(elapsedMs / 1000).toFixed(1)} 秒${keptAt ? `；输出保留在 ${keptAt}` : ''}\n`);
}

function fail(deviations: readonly string[]): number {
  process.stdout.write(`\n打包检查未通过（${deviations.length} 处）：\n${deviations.map((line) => `  - ${line}`).join('\n')}\n`);
  return 1;
}

// An explicit exit: electron-builder leaves handles behind that would otherwise keep the process alive or reset its code.
process.exit(await main());
