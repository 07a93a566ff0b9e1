import { createHash } from 'node:crypto';
import { buffer } from 'node:stream/consumers';
import yauzl from 'yauzl';
import { shudianOfd, taxControlOfd, zipOfd } from '../fixtures/einvoice/make-ofd-fixtures';
import { generateSamplePackage } from '../support/package-builder';

/** A valid package as its files by path (manifest.json included), the starting point of mutations. */
export interface FuzzBase {
  name: string;
  files: Map<string, Buffer>;
}

export async function unzipAll(zip: Buffer): Promise<Map<string, Buffer>> {
  const zipfile = await yauzl.fromBufferPromise(zip, { lazyEntries: true });
  const files = new Map<string, Buffer>();
  for await (const entry of zipfile.eachEntry()) {
    if (!entry.fileName.endsWith('/')) files.set(entry.fileName, await buffer(await zipfile.openReadStreamPromise(entry)));
  }
  zipfile.close();
  return files;
}

/** Replaces (or adds) files and rewrites manifest.json's hashes, so a mutated file reaches its reader. */
export function withFiles(files: ReadonlyMap<string, Buffer>, changed: ReadonlyMap<string, Buffer>): Map<string, Buffer> {
  const result = new Map(files);
  const manifest = JSON.parse((files.get('manifest.json') as Buffer).toString('utf8')) as { files: Record<string, string> };
  for (const [name, data] of changed) {
    result.set(name, data);
    manifest.files[name] = createHash('sha256').update(data).digest('hex');
  }
  result.set('manifest.json', Buffer.from(JSON.stringify(manifest, null, 2), 'utf8'));
  return result;
}

/**
 * Two generated packages (the same bytes every run): a small one with 数电 XML invoices, and one
 * with more rows, every planted review defect and OFD invoices of both kinds added as attachments
 * (verification reads every .xml and .ofd attachment). No PDFs: their content is only stored.
 */
export async function buildFuzzBases(): Promise<FuzzBase[]> {
  const small = await generateSamplePackage({ projects: 2, invoices: 8, seed: 'fuzz-small', pdfAttachments: false });
  const rich = await generateSamplePackage({ projects: 2, invoices: 40, seed: 'fuzz-rich', pdfAttachments: false, defects: ['duplicate-invoice'], batchId: 'FUZZ-RICH' });
  const richFiles = await unzipAll(rich.zip);
  const project = rich.manifest.projects[0]?.id ?? '';
  const ofds = new Map([
    [`${project}/附件/税控发票.ofd`, await zipOfd(taxControlOfd())],
    [`${project}/附件/数电发票.ofd`, await zipOfd(shudianOfd())],
  ]);
  return [
    { name: 'small', files: await unzipAll(small.zip) },
    { name: 'rich', files: withFiles(richFiles, ofds) },
  ];
}
