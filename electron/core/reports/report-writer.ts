import PDFDocument from 'pdfkit';
import type { Font } from 'fontkit';
import { assertGlyphCoverage } from '../fonts/glyph-coverage';
import { openReportFonts, type ReportFontWeight } from '../fonts/report-fonts';
import { qrModules } from './qr-modules';

/**
 * The page engine every report is drawn with: A4, Noto Sans SC, a running header naming the batch
 * and project, the footer 第 X 页 共 Y 页 with the report id, a QR code on every page carrying the
 * report id and the SHA-256 of the report's content (so a paper copy can be matched to its file),
 * and the 草稿 watermark on every page of a draft. Pages are buffered so the page count and the
 * decorations are drawn once the body is complete.
 */

export interface PageFrame {
  /** Document title, shown in the running header and the PDF metadata. */
  title: string;
  /** Left part of the running header: the batch (and project) the report is about. */
  subject: string;
  reportId: string;
  contentSha256: string;
  draft: boolean;
  createdAt: Date;
  resourcesDir?: string;
}

export type Align = 'left' | 'right' | 'center';

export interface TableColumn {
  title: string;
  /** Share of the text width (the shares of a table add up to 1). */
  width: number;
  align?: Align;
}

const A4: [number, number] = [595.28, 841.89];
const MARGIN = { top: 72, bottom: 78, left: 50, right: 50 };
const BODY_SIZE = 10;
const TABLE_SIZE = 7.5;
const CELL_PAD = 2.5;
const GREY = '#666666';
const RULE = '#999999';
const HEADER_FILL = '#e8e8e8';
const QR_SIZE = 52;

/** What every page's QR code says: the report id and the SHA-256 of the report's content. */
export function qrText(reportId: string, contentSha256: string): string {
  return `JIGAI-REPORT ${reportId} SHA256 ${contentSha256}`;
}

export class ReportWriter {
  readonly doc: PDFKit.PDFDocument;
  private readonly fonts: Record<ReportFontWeight, Font>;
  private readonly chunks: Buffer[] = [];
  private readonly done: Promise<void>;
  private readonly checked = new Set<string>();

  constructor(private readonly frame: PageFrame) {
    this.fonts = openReportFonts(frame.resourcesDir);
    this.check(frame.title, '报告标题');
    this.check(frame.subject, '页眉');
    this.doc = new PDFDocument({
      size: A4,
      margins: MARGIN,
      bufferPages: true,
      // Deterministic output for the same data and time: no random document id.
      info: { Title: frame.title, Author: '技改评审', Creator: '技改评审', Producer: '技改评审', CreationDate: frame.createdAt },
      lang: 'zh-CN',
      displayTitle: true,
    } as PDFKit.PDFDocumentOptions);
    // pdfkit takes a fontkit font object as a source; its type declarations omit that case.
    this.doc.registerFont('regular', this.fonts.regular as unknown as PDFKit.Mixins.PDFFontSource, 'NotoSansSC-Regular');
    this.doc.registerFont('bold', this.fonts.bold as unknown as PDFKit.Mixins.PDFFontSource, 'NotoSansSC-Bold');
    this.doc.font('regular').fontSize(BODY_SIZE);
    this.doc.on('data', (chunk: Buffer) => this.chunks.push(chunk));
    this.done = new Promise<void>((resolve, reject) => {
      this.doc.on('end', resolve);
      this.doc.on('error', reject);
    });
  }

  /** Text width available between the margins. */
  get width(): number {
    return this.doc.page.width - MARGIN.left - MARGIN.right;
  }

  private get bottom(): number {
    return this.doc.page.height - MARGIN.bottom;
  }

  private check(text: string, where: string): void {
    // Thousands of distinct strings (invoice numbers, amounts) use a few dozen characters: a string
    // is looked up in the fonts only when it holds a character not seen before.
    for (const ch of text) {
      if (this.checked.has(ch)) continue;
      assertGlyphCoverage(this.fonts.bold, text, where);
      assertGlyphCoverage(this.fonts.regular, text, where);
      for (const seen of text) this.checked.add(seen);
      return;
    }
  }

  /** Starts a new page unless `height` points still fit on this one. */
  ensureSpace(height: number): void {
    if (this.doc.y + height > this.bottom) this.doc.addPage();
  }

  title(text: string): void {
    this.check(text, '标题');
    this.doc.font('bold').fontSize(18).fillColor('black').text(text, MARGIN.left, this.doc.y, { width: this.width, align: 'center' });
    this.doc.moveDown(0.6);
  }

  heading(text: string): void {
    this.check(text, '小标题');
    this.ensureSpace(60);
    this.doc.moveDown(0.5);
    this.doc.font('bold').fontSize(12).fillColor('black').text(text, MARGIN.left, this.doc.y, { width: this.width });
    this.doc.moveDown(0.3);
  }

  paragraph(text: string, options: { bold?: boolean; size?: number; color?: string; indent?: number } = {}): void {
    this.check(text, '正文');
    const indent = options.indent ?? 0;
    this.doc
      .font(options.bold === true ? 'bold' : 'regular')
      .fontSize(options.size ?? BODY_SIZE)
      .fillColor(options.color ?? 'black')
      .text(text, MARGIN.left + indent, this.doc.y, { width: this.width - indent, lineGap: 2 });
    this.doc.moveDown(0.2);
  }

  /** Label–value lines (项目名称：…), the labels in bold in a fixed column. */
  facts(rows: readonly (readonly [string, string])[]): void {
    this.table(
      [
        { title: '项目', width: 0.26 },
        { title: '内容', width: 0.74 },
      ],
      rows.map(([k, v]) => [k, v]),
      { header: false, size: BODY_SIZE - 1 },
    );
  }

  /**
   * A table that flows across pages: rows are never split, and the header row is drawn again at
   * the top of every page the table continues on.
   */
  table(columns: readonly TableColumn[], rows: readonly (readonly string[])[], options: { header?: boolean; size?: number } = {}): void {
    const size = options.size ?? TABLE_SIZE;
    const withHeader = options.header !== false;
    const widths = columns.map((c) => c.width * this.width);
    const xs = widths.map((_, i) => MARGIN.left + widths.slice(0, i).reduce((a, b) => a + b, 0));
    const doc = this.doc;
    const lineHeight = (font: string) => doc.font(font).fontSize(size).currentLineHeight(true);
    /** Widths of the cells that fit on one line; undefined where the cell wraps. */
    const singleLine = (cells: readonly string[], font: string) => {
      doc.font(font).fontSize(size);
      return cells.map((cell, i) => {
        if (cell.includes('\n')) return undefined;
        const width = doc.widthOfString(cell);
        return width <= (widths[i] ?? 0) - 2 * CELL_PAD ? width : undefined;
      });
    };
    const rowHeight = (cells: readonly string[], font: string, fits: readonly (number | undefined)[]) => {
      let height = lineHeight(font);
      doc.font(font).fontSize(size);
      cells.forEach((cell, i) => {
        if (fits[i] === undefined) height = Math.max(height, doc.heightOfString(cell, { width: (widths[i] ?? 0) - 2 * CELL_PAD }));
      });
      return height + 2 * CELL_PAD;
    };
    const drawRow = (cells: readonly string[], font: string, fill?: string) => {
      const fits = singleLine(cells, font);
      const height = rowHeight(cells, font, fits);
      if (doc.y + height > this.bottom) {
        doc.addPage();
        header();
      }
      const top = doc.y;
      if (fill) doc.rect(MARGIN.left, top, this.width, height).fill(fill);
      doc.font(font).fontSize(size).fillColor('black');
      cells.forEach((cell, i) => {
        const left = (xs[i] ?? 0) + CELL_PAD;
        const inner = (widths[i] ?? 0) - 2 * CELL_PAD;
        const width = fits[i];
        const align = columns[i]?.align ?? 'left';
        if (cell === '') return;
        // A cell that fits is placed directly: pdfkit's line wrapper is the slow part of a long table.
        // Its width is handed over so pdfkit does not measure the string again.
        if (width !== undefined) {
          const x = align === 'right' ? left + inner - width : align === 'center' ? left + (inner - width) / 2 : left;
          doc.text(cell, x, top + CELL_PAD, { lineBreak: false, textWidth: width } as PDFKit.Mixins.TextOptions);
        } else {
          doc.text(cell, left, top + CELL_PAD, { width: inner, align });
        }
      });
      doc
        .moveTo(MARGIN.left, top + height)
        .lineTo(MARGIN.left + this.width, top + height)
        .lineWidth(0.4)
        .strokeColor(RULE)
        .stroke();
      doc.x = MARGIN.left;
      doc.y = top + height;
    };
    const headerCells = columns.map((c) => c.title);
    for (const cell of headerCells) this.check(cell, '表头');
    function header(): void {
      if (!withHeader) return;
      doc
        .moveTo(MARGIN.left, doc.y)
        .lineTo(MARGIN.left + width, doc.y)
        .lineWidth(0.6)
        .strokeColor(RULE)
        .stroke();
      drawRow(headerCells, 'bold', HEADER_FILL);
    }
    const width = this.width;
    this.ensureSpace(3 * (lineHeight('bold') + 2 * CELL_PAD));
    header();
    for (const row of rows) {
      for (const cell of row) this.check(cell, '表格');
      drawRow(row, 'regular');
    }
    doc.moveDown(0.6);
  }

  /**
   * Photos in a row of four, each fitted into its cell with its caption (who, when) under it; a
   * photo whose stored copy cannot be read is drawn as an empty frame saying so, never left out.
   */
  photoStrip(photos: readonly { image: Buffer | undefined; caption: string }[]): void {
    const perRow = 4;
    const gap = 8;
    const cell = (this.width - gap * (perRow - 1)) / perRow;
    const imageHeight = cell * 0.75;
    const captionSize = 7;
    for (let start = 0; start < photos.length; start += perRow) {
      const row = photos.slice(start, start + perRow);
      for (const photo of row) this.check(`${photo.caption}照片未找到`, '照片说明');
      const captionHeight = Math.max(...row.map((p) => this.doc.font('regular').fontSize(captionSize).heightOfString(p.caption, { width: cell })));
      this.ensureSpace(imageHeight + captionHeight + 8);
      const top = this.doc.y;
      row.forEach((photo, i) => {
        const left = MARGIN.left + i * (cell + gap);
        if (photo.image) {
          this.doc.image(photo.image, left, top, { fit: [cell, imageHeight], align: 'center', valign: 'center' });
        } else {
          this.doc.rect(left, top, cell, imageHeight).lineWidth(0.5).strokeColor(RULE).stroke();
          this.doc
            .font('regular')
            .fontSize(captionSize)
            .fillColor(GREY)
            .text('照片未找到', left, top + imageHeight / 2 - 4, { width: cell, align: 'center' });
        }
        this.doc
          .font('regular')
          .fontSize(captionSize)
          .fillColor(GREY)
          .text(photo.caption, left, top + imageHeight + 2, { width: cell, align: 'center' });
      });
      this.doc.x = MARGIN.left;
      this.doc.y = top + imageHeight + captionHeight + 8;
    }
    this.doc.fillColor('black');
  }

  /** Space for a handwritten or digital signature: a line per signer with name and date. */
  signatureLines(names: readonly string[]): void {
    for (const name of names) {
      this.check(name, '签名栏');
      this.ensureSpace(40);
      const y = this.doc.y + 18;
      this.doc.font('regular').fontSize(BODY_SIZE).fillColor('black').text(`${name}（签名）：`, MARGIN.left, y, { lineBreak: false });
      this.doc
        .moveTo(MARGIN.left + 170, y + 12)
        .lineTo(MARGIN.left + 330, y + 12)
        .lineWidth(0.5)
        .strokeColor('black')
        .stroke();
      this.doc.text('日期：', MARGIN.left + 345, y, { lineBreak: false });
      this.doc
        .moveTo(MARGIN.left + 375, y + 12)
        .lineTo(MARGIN.left + this.width, y + 12)
        .stroke();
      this.doc.x = MARGIN.left;
      this.doc.y = y + 22;
    }
  }

  /** Draws the running header, the footer with page numbers, the QR code and the draft watermark, then closes the file. */
  async finish(): Promise<Buffer> {
    const doc = this.doc;
    const range = doc.bufferedPageRange();
    const qr = qrPath(qrModules(qrText(this.frame.reportId, this.frame.contentSha256)), A4[0] - MARGIN.right - QR_SIZE, A4[1] - MARGIN.bottom + 16);
    for (let i = range.start; i < range.start + range.count; i += 1) {
      doc.switchToPage(i);
      // Drawing in the margins must not make pdfkit start a new page.
      const margins = { ...doc.page.margins };
      doc.page.margins = { top: 0, bottom: 0, left: 0, right: 0 };
      this.decorate(i - range.start + 1, range.count, qr);
      doc.page.margins = margins;
    }
    doc.end();
    await this.done;
    return Buffer.concat(this.chunks);
  }

  private decorate(page: number, pages: number, qr: string): void {
    const doc = this.doc;
    const { width, height } = doc.page;
    const right = width - MARGIN.right;
    if (this.frame.draft) {
      doc.save();
      doc.opacity(0.13).font('bold').fontSize(150).fillColor('#c00000');
      doc.rotate(-35, { origin: [width / 2, height / 2] });
      doc.text('草稿', 0, height / 2 - 90, { width, align: 'center', lineBreak: false });
      doc.restore();
    }
    doc.font('regular').fontSize(8).fillColor(GREY);
    const titleText = this.frame.draft ? `${this.frame.title}（草稿）` : this.frame.title;
    const titleWidth = doc.widthOfString(titleText);
    doc.text(fitToWidth(doc, this.frame.subject, this.width - titleWidth - 12), MARGIN.left, 40, { lineBreak: false });
    doc.text(titleText, right - titleWidth, 40, { lineBreak: false });
    doc.moveTo(MARGIN.left, 54).lineTo(right, 54).lineWidth(0.5).strokeColor(RULE).stroke();
    const footerTop = height - MARGIN.bottom + 14;
    doc
      .moveTo(MARGIN.left, footerTop - 4)
      .lineTo(right, footerTop - 4)
      .lineWidth(0.5)
      .strokeColor(RULE)
      .stroke();
    doc
      .fillColor(GREY)
      .fontSize(9)
      .text(`第 ${String(page)} 页 共 ${String(pages)} 页`, MARGIN.left, footerTop + 6, { width: this.width, align: 'center', lineBreak: false });
    doc.fontSize(7).text(`报告编号 ${this.frame.reportId}`, MARGIN.left, footerTop + 22, { lineBreak: false });
    doc.text(`内容摘要 ${this.frame.contentSha256.slice(0, 16)}…`, MARGIN.left, footerTop + 32, { lineBreak: false });
    // The same code on every page: its path is built once and written as raw content (pdfkit's
    // rect() per module would cost a thousand calls per page). pdfkit's page transform makes y run downwards.
    doc.fillColor('black');
    doc.addContent(qr);
  }
}

/** The text, shortened with an ellipsis when it would not fit on one line of `width` points in the current font. */
function fitToWidth(doc: PDFKit.PDFDocument, text: string, width: number): string {
  if (doc.widthOfString(text) <= width) return text;
  let chars = [...text];
  while (chars.length > 1 && doc.widthOfString(`${chars.join('')}…`) > width) chars = chars.slice(0, -1);
  return `${chars.join('')}…`;
}

/** Fill path of the dark modules, one rectangle per run of dark modules in a row, in PDF coordinates. */
function qrPath(qr: boolean[][], left: number, top: number): string {
  const cell = QR_SIZE / qr.length;
  const ops: string[] = [];
  qr.forEach((row, y) => {
    let x = 0;
    while (x < row.length) {
      if (!row[x]) {
        x += 1;
        continue;
      }
      const start = x;
      while (x < row.length && row[x]) x += 1;
      ops.push(`${(left + start * cell).toFixed(2)} ${(top + y * cell).toFixed(2)} ${((x - start) * cell).toFixed(2)} ${cell.toFixed(2)} re`);
    }
  });
  return `${ops.join('\n')}\nf`;
}
