import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import yazl from 'yazl';

export function sha256(data: Buffer | string): string {
  return createHash('sha256').update(data).digest('hex');
}

/** A small package with Chinese paths: two projects, their workbooks and attachments. */
export function sampleFiles(): Map<string, Buffer> {
  return new Map<string, Buffer>([
    ['XM2024-001/申报表.xlsx', Buffer.from('PK\u0003\u0004 workbook of XM2024-001 (fake xlsx bytes)')],
    ['XM2024-001/附件/合同HT-001.pdf', Buffer.from('%PDF-1.7 合同 HT-001 '.repeat(500))],
    ['XM2024-001/附件/发票 24442000000012345678.xml', Buffer.from('<EInvoice><TaxAmount>130.00</TaxAmount></EInvoice>')],
    ['XM2024-002/申报表.xlsx', Buffer.from('PK\u0003\u0004 workbook of XM2024-002')],
    ['XM2024-002/附件/付款凭证（2024）.jpg', Buffer.from([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3, 4, 5])],
  ]);
}

export interface ManifestOverrides {
  batch?: Record<string, unknown>;
  projects?: unknown;
  files?: Record<string, string>;
}

/** A valid manifest for `files` (hashes computed), optionally bent by the test. */
export function manifestFor(files: ReadonlyMap<string, Buffer>, overrides: ManifestOverrides = {}): Record<string, unknown> {
  const projectIds = [...new Set([...files.keys()].map((p) => p.split('/')[0] ?? ''))].filter((id) => id.startsWith('XM'));
  return {
    format: 'jigai-package',
    version: 1,
    batch: {
      id: 'XM-2026-YS-01',
      name: '2026年新型技改重点项目竣工验收',
      policy: 'xiamen-2024',
      stage: 'acceptance',
      issuer: '厦门市工业和信息化局',
      createdAt: '2026-10-15',
      ...overrides.batch,
    },
    projects: overrides.projects ?? projectIds.map((id) => ({ id, workbook: `${id}/申报表.xlsx` })),
    files: overrides.files ?? Object.fromEntries([...files].map(([name, data]) => [name, sha256(data)])),
  };
}

export function manifestBytes(manifest: unknown): Buffer {
  return Buffer.from(JSON.stringify(manifest, null, 2), 'utf8');
}

/** Files plus their manifest.json, as the entries of a package. */
export function packageEntries(files: ReadonlyMap<string, Buffer>, manifest: unknown = manifestFor(files)): Map<string, Buffer> {
  return new Map([['manifest.json', manifestBytes(manifest)], ...files]);
}

export interface YazlEntry {
  name: string;
  data?: Buffer;
  mode?: number;
  compress?: boolean;
  directory?: boolean;
}

/** Writes a zip with yazl (UTF-8 names, bit 11 set, honest sizes). */
export async function writeYazlZip(file: string, entries: Iterable<YazlEntry>): Promise<void> {
  const zip = new yazl.ZipFile();
  for (const entry of entries) {
    if (entry.directory) zip.addEmptyDirectory(entry.name);
    else {
      const options: Partial<yazl.Options> = { compress: entry.compress ?? true };
      if (entry.mode !== undefined) options.mode = entry.mode;
      zip.addBuffer(entry.data ?? Buffer.alloc(0), entry.name, options);
    }
  }
  zip.end();
  await new Promise<void>((resolve, reject) => {
    zip.outputStream.pipe(fs.createWriteStream(file)).on('close', resolve).on('error', reject);
  });
}

export function entriesOf(files: ReadonlyMap<string, Buffer>, prefix = ''): YazlEntry[] {
  return [...files].map(([name, data]) => ({ name: `${prefix}${name}`, data }));
}

export function writeFolder(root: string, files: ReadonlyMap<string, Buffer>): void {
  for (const [name, data] of files) {
    const full = path.join(root, ...name.split('/'));
    fs.mkdirSync(path.dirname(full), { recursive: true });
    fs.writeFileSync(full, data);
  }
}

/** A temp folder per test, removed afterwards by `cleanup`. */
export function tempDir(): { dir: string; cleanup: () => void } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'jigai-'));
  return { dir, cleanup: () => fs.rmSync(dir, { recursive: true, force: true }) };
}
