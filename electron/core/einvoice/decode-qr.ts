import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { prepareZXingModule, readBarcodes } from 'zxing-wasm/reader';
import type { PdfImage } from './pdf-pages';

/**
 * QR codes in images, with the zxing-wasm reader. The WebAssembly file is read from disk, never
 * fetched (the program runs offline): beside the bundled core worker (scripts/build.mjs copies it
 * there; the packaged app has no node_modules), else from the installed package (tests, the CLI).
 * Prepared once per process, on first use.
 */
export const ZXING_WASM_FILE = 'zxing_reader.wasm';

function wasmFile(): string {
  const beside = path.join(path.dirname(fileURLToPath(import.meta.url)), ZXING_WASM_FILE);
  return fs.existsSync(beside) ? beside : createRequire(import.meta.url).resolve(`zxing-wasm/reader/${ZXING_WASM_FILE}`);
}

let ready: Promise<unknown> | undefined;

function prepare(): Promise<unknown> {
  ready ??= (async () => {
    const bytes = await fs.promises.readFile(wasmFile());
    const wasmBinary = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength);
    return prepareZXingModule({ overrides: { wasmBinary }, fireImmediately: true });
  })();
  return ready;
}

/** The text of every QR code found in the images, in order. */
export async function decodeQrCodes(images: readonly PdfImage[]): Promise<string[]> {
  const candidates = images.filter((image) => image.width >= 21 && image.height >= 21 && Math.abs(image.width / image.height - 1) < 0.2);
  if (candidates.length === 0) return [];
  await prepare();
  const texts: string[] = [];
  for (const image of candidates) {
    // Node has no ImageData class: zxing-wasm reads the same fields (data, width, height, colorSpace) from a plain object.
    const results = await readBarcodes({ ...image, colorSpace: 'srgb' } as unknown as Parameters<typeof readBarcodes>[0], { formats: ['QRCode'], maxNumberOfSymbols: 1 });
    for (const result of results) if (result.isValid && result.text !== '') texts.push(result.text);
  }
  return texts;
}
