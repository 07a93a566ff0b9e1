import fs from 'node:fs';
import path from 'node:path';
import { manifestFor, sha256 } from '../electron/core/package/container/support/package-fixture';
import { buildRawZip, type RawZipEntry } from '../electron/core/package/container/support/raw-zip-writer';
import { REPO_ROOT } from './temp-dir';

export const LIBREOFFICE_WORKBOOK = path.join(REPO_ROOT, 'test', 'fixtures', 'workbooks', 'libreoffice-申报表.xlsx');

export interface PackageSpec {
  batch?: Partial<{ id: string; name: string; policy: string; stage: string; issuer: string; createdAt: string }>;
  /** Files by package path; all listed in the manifest with their hash unless in `unlisted`. */
  files: Record<string, Buffer>;
  projects: { id: string; workbook: string }[];
  unlisted?: string[];
  /** Listed in the manifest with this hash instead of the real one. */
  wrongHash?: string[];
  /** Listed in the manifest but absent from the zip. */
  missing?: string[];
  /** Zip-level damage by file: stored bytes, sizes or CRC written differently (see RawZipEntry). */
  damage?: Record<string, Omit<RawZipEntry, 'name' | 'data'>>;
}

/** Writes a package zip as a bureau's tool would: UTF-8 names, manifest first. */
export async function writePackageZip(file: string, spec: PackageSpec): Promise<void> {
  const listed: Record<string, string> = {};
  for (const [name, data] of Object.entries(spec.files)) {
    if (spec.unlisted?.includes(name)) continue;
    listed[name] = spec.wrongHash?.includes(name) ? sha256(Buffer.from('something else')) : sha256(data);
  }
  for (const name of spec.missing ?? []) listed[name] = sha256(Buffer.from(name));
  const manifest = manifestFor(new Map(Object.entries(spec.files)), {
    ...(spec.batch ? { batch: spec.batch } : {}),
    projects: spec.projects,
    files: listed,
  });
  // A raw writer rather than yazl, because hostile packages need names yazl refuses (`../x`).
  const entries = [
    { name: 'manifest.json', data: Buffer.from(JSON.stringify(manifest, null, 2)), deflate: true },
    ...Object.entries(spec.files).map(([name, data]) => ({ name, data, deflate: true, ...spec.damage?.[name] })),
  ];
  await fs.promises.writeFile(file, buildRawZip(entries));
}

/** A minimal valid one-page PDF (correct xref offsets), so viewers render it rather than fail. */
export function minimalPdf(text: string): Buffer {
  const content = `BT /F1 24 Tf 72 720 Td (${text}) Tj ET`;
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
    `<< /Length ${String(content.length)} >>\nstream\n${content}\nendstream`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
  ];
  let body = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((object, index) => {
    offsets.push(body.length);
    body += `${String(index + 1)} 0 obj\n${object}\nendobj\n`;
  });
  const xref = body.length;
  body += `xref\n0 ${String(objects.length + 1)}\n0000000000 65535 f \n`;
  for (const offset of offsets) body += `${String(offset).padStart(10, '0')} 00000 n \n`;
  body += `trailer\n<< /Size ${String(objects.length + 1)} /Root 1 0 R >>\nstartxref\n${String(xref)}\n%%EOF\n`;
  return Buffer.from(body, 'latin1');
}

/** A one-project package around the LibreOffice-written workbook, with one PDF attachment. */
export function oneProjectSpec(workbook: Buffer = fs.readFileSync(LIBREOFFICE_WORKBOOK)): PackageSpec {
  return {
    files: {
      'XM2024-001/申报表.xlsx': workbook,
      'XM2024-001/附件/合同HT-2024-001.pdf': minimalPdf('Contract HT-2024-001'),
    },
    projects: [{ id: 'XM2024-001', workbook: 'XM2024-001/申报表.xlsx' }],
  };
}

/** Every file under a folder with its hash: to prove a failed import left it as it was. */
export function snapshotFolder(dir: string): Record<string, string> {
  const result: Record<string, string> = {};
  const walk = (current: string) => {
    for (const entry of fs.readdirSync(current, { withFileTypes: true })) {
      const full = path.join(current, entry.name);
      if (entry.isDirectory()) walk(full);
      else result[path.relative(dir, full)] = sha256(fs.readFileSync(full));
    }
  };
  if (fs.existsSync(dir)) walk(dir);
  return result;
}

// The sample generator and its seeded randomness, for tests that start from a realistic package.
export { generateSamplePackage } from '../../electron/cli/sample';
export { createRng, type Rng } from '../../electron/cli/sample/prng';
