import fs from 'node:fs';
import path from 'node:path';
import { ASAR_ALLOWED, ASAR_REQUIRED, FONT_FILES, NATIVE_FILES, SIZE_BUDGET_BYTES, UNPACKED_ALLOWED, UNPACKED_REQUIRED } from './package-rules';

export interface AsarEntry {
  path: string;
  size: number;
}

export interface PackageFigures {
  asar: { files: number; bytes: number };
  unpacked: { files: number; bytes: number };
  native: { files: number; bytes: number };
  fonts: { files: number; bytes: number };
  /** What the budget counts: asar + unpacked + native. */
  appBytes: number;
}

export interface Inspection {
  figures: PackageFigures;
  deviations: string[];
}

/** Files under `dir`, as forward-slash paths relative to it, with their sizes. */
export function filesUnder(dir: string): AsarEntry[] {
  if (!fs.existsSync(dir)) return [];
  return (fs.readdirSync(dir, { recursive: true, withFileTypes: true }) as fs.Dirent[])
    .filter((entry) => entry.isFile())
    .map((entry) => {
      const full = path.join(entry.parentPath, entry.name);
      return { path: path.relative(dir, full).split(path.sep).join('/'), size: fs.statSync(full).size };
    })
    .sort((a, b) => a.path.localeCompare(b.path));
}

const sum = (entries: readonly AsarEntry[]) => entries.reduce((total, entry) => total + entry.size, 0);

/**
 * Compares a packaged app's resources folder with the rules in package-rules.ts and with the
 * repository's resources/; every difference becomes one line in `deviations`.
 * `asarEntries` lists the files inside app.asar (read with @electron/asar by the caller).
 */
export function inspectPackage(resourcesPath: string, asarEntries: readonly AsarEntry[], repoResources: string): Inspection {
  const deviations: string[] = [];
  const unpacked = filesUnder(path.join(resourcesPath, 'app.asar.unpacked'));
  const native = filesUnder(path.join(resourcesPath, 'native'));
  const shippedResources = filesUnder(path.join(resourcesPath, 'resources'));

  checkListing('app.asar', asarEntries, ASAR_ALLOWED, ASAR_REQUIRED, deviations);
  checkListing('app.asar.unpacked', unpacked, UNPACKED_ALLOWED, UNPACKED_REQUIRED, deviations);

  for (const name of NATIVE_FILES) if (!native.some((file) => file.path === name)) deviations.push(`resources/native 缺少 ${name}`);
  for (const file of native) if (!NATIVE_FILES.includes(file.path)) deviations.push(`resources/native 有多余文件 ${file.path}`);

  const expected = new Map(filesUnder(repoResources).map((file) => [file.path, path.join(repoResources, file.path)]));
  for (const [relative, source] of expected) {
    const shipped = path.join(resourcesPath, 'resources', relative);
    if (!fs.existsSync(shipped)) deviations.push(`resources/resources 缺少 ${relative}`);
    else if (!fs.readFileSync(shipped).equals(fs.readFileSync(source))) deviations.push(`resources/resources/${relative} 与仓库中的文件不同`);
  }
  for (const font of FONT_FILES) {
    const file = shippedResources.find((entry) => entry.path === font);
    if (!file) deviations.push(`resources/resources 缺少报告字体 ${font}`);
    else if (file.size < 1_000_000) deviations.push(`报告字体 ${font} 只有 ${file.size} 字节，不是完整的字体文件`);
  }
  for (const file of shippedResources) {
    if (!expected.has(file.path) && !FONT_FILES.includes(file.path)) deviations.push(`resources/resources 有多余文件 ${file.path}`);
  }

  const fonts = shippedResources.filter((file) => file.path.startsWith('fonts/'));
  const figures: PackageFigures = {
    asar: { files: asarEntries.length, bytes: fs.existsSync(path.join(resourcesPath, 'app.asar')) ? fs.statSync(path.join(resourcesPath, 'app.asar')).size : 0 },
    unpacked: { files: unpacked.length, bytes: sum(unpacked) },
    native: { files: native.length, bytes: sum(native) },
    fonts: { files: fonts.length, bytes: sum(fonts) },
    appBytes: 0,
  };
  figures.appBytes = figures.asar.bytes + figures.unpacked.bytes + figures.native.bytes;
  if (figures.appBytes > SIZE_BUDGET_BYTES) {
    deviations.push(`超出体积预算：app.asar、app.asar.unpacked 与 resources/native 共 ${megabytes(figures.appBytes)}，上限 ${megabytes(SIZE_BUDGET_BYTES)}`);
  }
  return { figures, deviations };
}

function checkListing(where: string, files: readonly AsarEntry[], allowed: readonly RegExp[], required: readonly string[], deviations: string[]): void {
  for (const name of required) if (!files.some((file) => file.path === name)) deviations.push(`${where} 缺少 ${name}`);
  const unexpected = files.filter((file) => !allowed.some((pattern) => pattern.test(file.path)));
  // Whole trees (a library's node_modules) are summarised by folder so the report stays readable.
  const byFolder = new Map<string, AsarEntry[]>();
  for (const file of unexpected) {
    const folder = /^node_modules\/(@[^/]+\/)?[^/]+/.exec(file.path)?.[0] ?? file.path;
    byFolder.set(folder, [...(byFolder.get(folder) ?? []), file]);
  }
  for (const [folder, group] of byFolder) {
    deviations.push(
      group.length === 1 && group[0]?.path === folder ? `${where} 不应包含 ${folder}` : `${where} 不应包含 ${folder}（${group.length} 个文件，${megabytes(sum(group))}）`,
    );
  }
}

export function megabytes(bytes: number): string {
  return `${(bytes / 1_000_000).toFixed(1)} MB`;
}
