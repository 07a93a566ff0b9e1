import { createCipheriv, createHash } from 'node:crypto';
import path from 'node:path';
import { deflateRawSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { oneProjectSpec, writePackageZip, type PackageSpec } from '@test/support/package-builder';
import { runImportChild, type ChildRun } from '@test/support/import-child/run-import-child';
import { makeTempDir } from '@test/support/temp-dir';

/**
 * Damaged and lying zip entries, imported in a child process: an uncaught exception there (as yauzl's
 * reader raised when an entry was abandoned while other reads were queued) fails the test instead of
 * ending vitest. Eight large attachments make four reads run at once, as in a real package.
 */
const DAMAGED = 'XM2024-001/附件/扫描件-3.pdf';
const work = makeTempDir();
afterAll(() => work.cleanup());

/** 1 MB of bytes that do not compress (a scan), the same on every run: deflated, it is read in many chunks. */
function scan(index: number): Buffer {
  const key = createHash('sha256')
    .update(`scan ${String(index)}`)
    .digest()
    .subarray(0, 16);
  return createCipheriv('aes-128-ctr', key, Buffer.alloc(16)).update(Buffer.alloc(1024 * 1024));
}

const SCANS = Object.fromEntries(Array.from({ length: 8 }, (_, i) => [`XM2024-001/附件/扫描件-${String(i)}.pdf`, scan(i)]));

function spec(damage: PackageSpec['damage'] = {}): PackageSpec {
  const base = oneProjectSpec();
  return { ...base, files: { ...base.files, ...SCANS }, damage };
}

let baseData: string;
beforeAll(async () => {
  // A data folder already holding the batch: a refused re-import must leave it exactly as it was.
  baseData = path.join(work.dir, 'data');
  const file = path.join(work.dir, 'base.zip');
  await writePackageZip(file, spec());
  const run = await runImportChild(file, baseData);
  expect(run.report?.outcome, JSON.stringify(run.report).slice(0, 2000)).toBe('imported');
}, 120_000);

async function importDamaged(name: string, damage: PackageSpec['damage']): Promise<ChildRun> {
  const file = path.join(work.dir, `${name}.zip`);
  await writePackageZip(file, spec(damage));
  return runImportChild(file, baseData);
}

const data = SCANS[DAMAGED] as Buffer;
const deflated = deflateRawSync(data);
const cases: [string, PackageSpec['damage'], RegExp][] = [
  ['damaged deflate data', { [DAMAGED]: { body: Buffer.concat([Buffer.from([0xff, 0xff]), deflated.subarray(2)]) } }, /数据已损坏，无法解压/],
  ['deflate data cut short', { [DAMAGED]: { body: deflated.subarray(0, deflated.length >> 1) } }, /数据已损坏|少于文件头声明/],
  ['sizes that understate the data', { [DAMAGED]: { declaredSize: 1000 } }, /超过文件头声明的大小/],
  ['sizes that overstate the data', { [DAMAGED]: { declaredSize: data.length * 2 } }, /少于文件头声明/],
  ['a local header that disagrees with the directory', { [DAMAGED]: { localDeclaredSize: 1000 } }, /文件头不一致/],
  ['a CRC that does not match', { [DAMAGED]: { crc32: 0x12345678 } }, /CRC 校验值不符/],
];

describe('a package with a damaged or lying entry', () => {
  it.each(cases)(
    'is refused, located at the entry, nothing stored: %s',
    async (name, damage, message) => {
      const run = await importDamaged(name.replaceAll(' ', '-'), damage);
      expect(run.exitCode, run.stderr).toBe(0);
      const report = run.report;
      if (report?.outcome !== 'refused') throw new Error(`expected a refusal, got ${JSON.stringify(report)}`);
      expect(report.errors).toContainEqual({ severity: 'error', file: DAMAGED, message: expect.stringMatching(message) as unknown });
      expect(report.errors.every((e) => /[\u4e00-\u9fff]/u.test(e.message))).toBe(true);
      expect(report.after).toEqual(report.before);
    },
    60_000,
  );
});
