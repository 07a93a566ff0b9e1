import { buildRawZip, type RawZipEntry } from '../electron/core/package/container/support/raw-zip-writer';
import type { Rng } from '../support/package-builder';
import { xlsxFrom, xlsxParts } from '../support/xlsx-surgery';
import { unzipAll, withFiles, type FuzzBase } from './fuzz-bases';

export const MUTATIONS = [
  'zip-bytes',
  'zip-truncate',
  'zip-header-lie',
  'manifest-bytes',
  'xlsx-bytes',
  'xlsx-truncate',
  'xlsx-xml',
  'xlsx-header-lie',
  'einvoice-xml',
  'ofd-bytes',
  'ofd-xml',
] as const;
export type Mutation = (typeof MUTATIONS)[number];

/** A mutated package, ready to write, and what was done to it (printed to reproduce a failure). */
export interface FuzzCase {
  zip: Buffer;
  mutation: Mutation;
  detail: string;
}

function entriesOf(files: ReadonlyMap<string, Buffer>): RawZipEntry[] {
  return [...files].map(([name, data]) => ({ name, data, deflate: true }));
}

/** Flips, overwrites, inserts or deletes a few bytes. */
function damage(rng: Rng, data: Buffer): { data: Buffer; detail: string } {
  if (data.length === 0) return { data: Buffer.from([rng.int(0, 255)]), detail: 'one byte into an empty file' };
  const edits: string[] = [];
  let result = Buffer.from(data);
  for (let n = rng.int(1, 6); n > 0; n--) {
    const at = rng.int(0, result.length - 1);
    const kind = rng.weighted([
      ['flip', 5],
      ['byte', 2],
      ['insert', 1],
      ['delete', 1],
    ] as const);
    if (kind === 'flip') result[at] = (result[at] ?? 0) ^ (1 << rng.int(0, 7));
    else if (kind === 'byte') result[at] = rng.pick([0x00, 0xff, 0x3c, 0x3e, 0x22, 0x26, 0x7f, rng.int(0, 255)]);
    else if (kind === 'insert') result = Buffer.concat([result.subarray(0, at), Buffer.from([rng.int(0, 255)]), result.subarray(at)]);
    else result = Buffer.concat([result.subarray(0, at), result.subarray(at + 1)]);
    edits.push(`${kind}@${String(at)}`);
  }
  return { data: result, detail: edits.join(',') };
}

function truncate(rng: Rng, data: Buffer): { data: Buffer; detail: string } {
  const length = rng.int(0, Math.max(0, data.length - 1));
  return { data: data.subarray(0, length), detail: `cut at ${String(length)} of ${String(data.length)}` };
}

/** Text edits that keep XML half-plausible: tags cut, values swapped for odd ones, entities. */
function damageXml(rng: Rng, xml: Buffer): { data: Buffer; detail: string } {
  const text = xml.toString('utf8');
  const at = rng.int(0, Math.max(0, text.length - 1));
  const insert = rng.pick([
    '<',
    '>',
    '&',
    '&amp;',
    '&#0;',
    '&#xFFFFFFFF;',
    '<!DOCTYPE x [<!ENTITY a "aaaa">]>',
    ']]>',
    '<![CDATA[',
    '"',
    '\u0000',
    '</worksheet>',
    '<row r="999999999">',
    '<c r="XFD1" t="s"><v>99999999</v></c>',
    '<v>1e308</v>',
    '<v>-0</v>',
    '<v>NaN</v>',
    't="s"',
    't="e"',
    't="d"',
    '<f>1/0</f>',
    '<si><t>' + '长'.repeat(rng.int(1, 20_000)) + '</t></si>',
    '</si>',
    '<mergeCell ref="A1:XFD1048576"/>',
    'r="A0"',
    'r="ZZZZ1"',
    '<Amount>-1e999</Amount>',
    '<TaxRate>abc</TaxRate>',
  ]);
  const cut = rng.int(0, 40);
  return {
    data: Buffer.from(`${text.slice(0, at)}${insert}${text.slice(at + cut)}`, 'utf8'),
    detail: `at ${String(at)} replaced ${String(cut)} chars with ${JSON.stringify(insert.slice(0, 40))}`,
  };
}

function pickFile(rng: Rng, files: ReadonlyMap<string, Buffer>, pattern: RegExp): string | undefined {
  const names = [...files.keys()].filter((name) => pattern.test(name)).sort();
  return names.length === 0 ? undefined : rng.pick(names);
}

/** A lie in an entry's headers: sizes, CRC or compressed bytes that do not match. */
function headerLie(rng: Rng, entry: RawZipEntry): string {
  const size = entry.data?.length ?? 0;
  const kind = rng.pick(['smaller', 'larger', 'local', 'crc', 'huge'] as const);
  if (kind === 'smaller') entry.declaredSize = rng.int(0, Math.max(0, size - 1));
  else if (kind === 'larger') entry.declaredSize = size + rng.int(1, 1_000_000);
  else if (kind === 'local') entry.localDeclaredSize = size + rng.int(1, 1000);
  else if (kind === 'crc') entry.crc32 = rng.int(0, 0xffffffff);
  else entry.declaredSize = 0xfffffff0;
  return `${kind} (real ${String(size)} bytes)`;
}

/** One mutated package from `base`, chosen and shaped by `rng` alone (same seed, same case). */
export async function mutate(rng: Rng, base: FuzzBase): Promise<FuzzCase> {
  const mutation = rng.pick(MUTATIONS);
  const files = base.files;
  const zip = (changed: Map<string, Buffer> = files) => buildRawZip(entriesOf(changed));
  const changeFile = async (pattern: RegExp, edit: (data: Buffer) => Promise<{ data: Buffer; detail: string }> | { data: Buffer; detail: string }) => {
    const name = pickFile(rng, files, pattern);
    if (name === undefined) return { zip: zip(), mutation, detail: 'no such file: unchanged' };
    const edited = await edit(files.get(name) as Buffer);
    return { zip: zip(withFiles(files, new Map([[name, edited.data]]))), mutation, detail: `${name}: ${edited.detail}` };
  };

  switch (mutation) {
    case 'zip-bytes': {
      const edited = damage(rng, zip());
      return { zip: edited.data, mutation, detail: edited.detail };
    }
    case 'zip-truncate': {
      const edited = truncate(rng, zip());
      return { zip: edited.data, mutation, detail: edited.detail };
    }
    case 'zip-header-lie': {
      const entries = entriesOf(files);
      const entry = rng.pick(entries);
      const detail = headerLie(rng, entry);
      return { zip: buildRawZip(entries), mutation, detail: `${String(entry.name)}: ${detail}` };
    }
    case 'manifest-bytes': {
      const edited = rng.chance(0.5) ? damage(rng, files.get('manifest.json') as Buffer) : damageXml(rng, files.get('manifest.json') as Buffer);
      return { zip: zip(new Map([...files, ['manifest.json', edited.data]])), mutation, detail: edited.detail };
    }
    case 'xlsx-bytes':
      return changeFile(/\.xlsx$/, (data) => damage(rng, data));
    case 'xlsx-truncate':
      return changeFile(/\.xlsx$/, (data) => truncate(rng, data));
    case 'xlsx-xml':
      return changeFile(/\.xlsx$/, async (data) => {
        const parts = await xlsxParts(data);
        const part = rng.pick([...parts.keys()].filter((name) => name.endsWith('.xml') || name.endsWith('.rels')).sort());
        const edited = damageXml(rng, parts.get(part) as Buffer);
        parts.set(part, edited.data);
        return { data: xlsxFrom(parts), detail: `${part} ${edited.detail}` };
      });
    case 'xlsx-header-lie':
      return changeFile(/\.xlsx$/, async (data) => {
        const parts = await xlsxParts(data);
        const entries = [...parts].map(([name, part]): RawZipEntry => ({ name, data: part, deflate: true }));
        const entry = rng.pick(entries);
        const detail = headerLie(rng, entry);
        return { data: buildRawZip(entries), detail: `${String(entry.name)}: ${detail}` };
      });
    case 'einvoice-xml':
      return changeFile(/\/附件\/.*\.xml$/, (data) => (rng.chance(0.5) ? damageXml(rng, data) : rng.chance(0.5) ? damage(rng, data) : truncate(rng, data)));
    case 'ofd-bytes':
      return changeFile(/\.ofd$/, (data) => (rng.chance(0.7) ? damage(rng, data) : truncate(rng, data)));
    case 'ofd-xml':
      return changeFile(/\.ofd$/, async (data) => {
        const parts = await unzipAll(data);
        const part = rng.pick([...parts.keys()].sort());
        const edited = damageXml(rng, parts.get(part) as Buffer);
        parts.set(part, edited.data);
        return { data: xlsxFrom(parts), detail: `${part} ${edited.detail}` };
      });
  }
}
