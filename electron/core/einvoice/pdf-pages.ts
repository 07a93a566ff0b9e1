import './dom-matrix-shim';
import * as pdfjs from 'pdfjs-dist/legacy/build/pdf.mjs';

/**
 * The text and the images of a PDF's first pages, read with pdf.js in Node (no canvas, no native
 * code). Text items are grouped into printed lines by their baseline and ordered left to right, so
 * that a label and the value drawn beside it (「名称：」 「示例有限公司」) end up on one line as a
 * reader sees them. Images are decoded to pixels for the QR code reader.
 */

/** An invoice is one page; a long contract needs no more than its first pages to be told apart. */
export const PDF_READ_LIMITS = { maxPages: 3, maxImagesPerPage: 8, maxImagePixels: 4_000_000 } as const;

export interface PdfImage {
  width: number;
  height: number;
  /** RGBA, 4 bytes per pixel. */
  data: Uint8ClampedArray;
}

export interface PdfPage {
  lines: string[];
  images: PdfImage[];
}

export interface PdfContent {
  pageCount: number;
  pages: PdfPage[];
}

interface PositionedText {
  str: string;
  x: number;
  y: number;
  height: number;
}

export async function readPdfPages(content: Buffer, options: { images: boolean }): Promise<PdfContent> {
  const task = pdfjs.getDocument({
    data: new Uint8Array(content),
    isEvalSupported: false,
    isOffscreenCanvasSupported: false,
    disableFontFace: true,
    useSystemFonts: false,
    verbosity: 0,
  });
  try {
    const document = await task.promise;
    const pages: PdfPage[] = [];
    for (let number = 1; number <= Math.min(document.numPages, PDF_READ_LIMITS.maxPages); number++) {
      const page = await document.getPage(number);
      const text = await page.getTextContent();
      const items: PositionedText[] = [];
      for (const item of text.items) {
        if (!('str' in item) || item.str.trim() === '') continue;
        items.push({ str: item.str, x: item.transform[4] ?? 0, y: item.transform[5] ?? 0, height: Math.abs(item.height) || 8 });
      }
      pages.push({ lines: groupLines(items), images: options.images && number === 1 ? await imagesOf(page) : [] });
    }
    return { pageCount: document.numPages, pages };
  } finally {
    await task.destroy();
  }
}

/** Items whose baselines differ by less than half a text height are one line. */
function groupLines(items: PositionedText[]): string[] {
  const sorted = [...items].sort((a, b) => b.y - a.y || a.x - b.x);
  const lines: PositionedText[][] = [];
  for (const item of sorted) {
    const line = lines.find((candidate) => {
      const first = candidate[0];
      return first !== undefined && Math.abs(first.y - item.y) < Math.max(first.height, item.height) / 2;
    });
    if (line) line.push(item);
    else lines.push([item]);
  }
  return lines.map((line) =>
    line
      .sort((a, b) => a.x - b.x)
      .map((item) => item.str.trim())
      .join(' '),
  );
}

type PdfPageProxy = Awaited<ReturnType<Awaited<ReturnType<typeof pdfjs.getDocument>['promise']>['getPage']>>;

async function imagesOf(page: PdfPageProxy): Promise<PdfImage[]> {
  const operators = await page.getOperatorList();
  const images: PdfImage[] = [];
  for (let i = 0; i < operators.fnArray.length && images.length < PDF_READ_LIMITS.maxImagesPerPage; i++) {
    if (operators.fnArray[i] !== pdfjs.OPS.paintImageXObject) continue;
    const name = (operators.argsArray[i] as unknown[])[0];
    if (typeof name !== 'string') continue;
    const image = await new Promise<unknown>((resolve) => {
      page.objs.get(name, resolve);
    });
    const rgba = toRgba(image);
    if (rgba) images.push(rgba);
  }
  return images;
}

/** pdf.js image kinds: 1 one bit per pixel (grey), 2 RGB, 3 RGBA. */
function toRgba(image: unknown): PdfImage | undefined {
  if (typeof image !== 'object' || image === null) return undefined;
  const { width, height, kind, data } = image as { width?: number; height?: number; kind?: number; data?: Uint8Array | Uint8ClampedArray };
  if (typeof width !== 'number' || typeof height !== 'number' || !data || width * height > PDF_READ_LIMITS.maxImagePixels) return undefined;
  const out = new Uint8ClampedArray(width * height * 4);
  if (kind === 3) out.set(data.subarray(0, out.length));
  else if (kind === 2) {
    for (let p = 0; p < width * height; p++) {
      out[p * 4] = data[p * 3] ?? 0;
      out[p * 4 + 1] = data[p * 3 + 1] ?? 0;
      out[p * 4 + 2] = data[p * 3 + 2] ?? 0;
      out[p * 4 + 3] = 255;
    }
  } else if (kind === 1) {
    const rowBytes = Math.ceil(width / 8);
    for (let y = 0; y < height; y++) {
      for (let x = 0; x < width; x++) {
        const bit = ((data[y * rowBytes + (x >> 3)] ?? 0) >> (7 - (x & 7))) & 1;
        const value = bit === 1 ? 255 : 0;
        const p = (y * width + x) * 4;
        out[p] = out[p + 1] = out[p + 2] = value;
        out[p + 3] = 255;
      }
    }
  } else return undefined;
  return { width, height, data: out };
}
