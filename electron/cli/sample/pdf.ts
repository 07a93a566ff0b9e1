import type { Font } from 'fontkit';
import PDFDocument from 'pdfkit';
import { fenToMoney } from '@shared/domain';
import { enumLabel, INVOICE_TYPES } from '@shared/domain';
import { assertGlyphCoverage } from '../../core/fonts/glyph-coverage';
import { openReportFonts } from '../../core/fonts/report-fonts';
import { documentOf, groupedYuan, wordsOf } from './invoice-math';
import { isDigital } from './invoice-numbers';
import type { Contract, Invoice, Payment, Project } from './model';

/**
 * PDF renderings of the attachments: e-invoices laid out like the printed 数电 invoice, contracts,
 * bank receipts. pdfkit embeds a subset of the bundled report font (Noto Sans SC); a character the
 * font cannot draw stops the package with an error naming it, because a PDF of empty boxes would
 * mislead a reviewer.
 */

const INK = '#8B4513';
const BLACK = '#000000';

type Doc = PDFKit.PDFDocument;

export class PdfRenderer {
  private constructor(
    private readonly font: Font,
    private readonly creationDate: Date,
  ) {}

  /**
   * Opens the report font and checks that it has a glyph for every character of `coverageText`
   * (the generator passes all the text its word lists can produce), so a gap shows before any work.
   */
  static open(coverageText: string, creationDate: Date): PdfRenderer {
    const font = openReportFonts().regular;
    assertGlyphCoverage(font, coverageText, '示例材料的词表');
    return new PdfRenderer(font, creationDate);
  }

  /** Draws a document; throws before drawing a character the font has no glyph for. */
  private async render(title: string, size: [number, number], draw: (doc: Doc, text: Text) => void): Promise<Buffer> {
    const doc = new PDFDocument({
      size,
      margin: 0,
      info: { Title: title, Author: '技改评审示例材料', Creator: '技改评审', Producer: '技改评审', CreationDate: this.creationDate },
    });
    const chunks: Buffer[] = [];
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    const done = new Promise<void>((resolve, reject) => {
      doc.on('end', resolve);
      doc.on('error', reject);
    });
    // pdfkit takes a fontkit font object as a source (PDFFontFactory.open); its type declarations omit that case.
    doc.font(this.font as unknown as PDFKit.Mixins.PDFFontSource);
    const text: Text = (value, x, y, options = {}) => {
      assertGlyphCoverage(this.font, value, `「${title}」`);
      doc
        .fillColor(options.color ?? BLACK)
        .fontSize(options.size ?? 9)
        .text(value, x, y, {
          lineBreak: options.width !== undefined && options.wrap === true,
          ...(options.width === undefined ? {} : { width: options.width }),
          align: options.align ?? 'left',
        });
    };
    draw(doc, text);
    doc.end();
    await done;
    return Buffer.concat(chunks);
  }

  invoice(invoice: Invoice): Promise<Buffer> {
    return this.render(`发票 ${invoice.number}`, [684, 396], (doc, text) => drawInvoice(doc, text, invoice));
  }

  contract(contract: Contract, project: Project): Promise<Buffer> {
    return this.render(contract.name, [595, 842], (doc, text) => drawContract(doc, text, contract, project));
  }

  receipt(payment: Payment): Promise<Buffer> {
    return this.render(`电子回单 ${payment.voucherNo}`, [595, 320], (doc, text) => drawReceipt(doc, text, payment));
  }
}

interface TextOptions {
  size?: number;
  width?: number;
  align?: 'left' | 'center' | 'right';
  color?: string;
  wrap?: boolean;
}
type Text = (value: string, x: number, y: number, options?: TextOptions) => void;

function chineseDate(date: string): string {
  return `${date.slice(0, 4)}年${date.slice(5, 7)}月${date.slice(8, 10)}日`;
}

function money(fen: number): string {
  return `¥${fenToMoney(fen)}`;
}

function invoiceTitle(invoice: Invoice): string {
  switch (invoice.type) {
    case 'digital-special':
      return '电子发票（增值税专用发票）';
    case 'digital-ordinary':
      return '电子发票（普通发票）';
    case 'e-special':
      return '增值税电子专用发票';
    case 'e-ordinary':
      return '增值税电子普通发票';
    default:
      return enumLabel(INVOICE_TYPES, invoice.type);
  }
}

function drawInvoice(doc: Doc, text: Text, invoice: Invoice): void {
  const document = documentOf(invoice);
  const red = invoice.reverses !== undefined;
  text(invoiceTitle(invoice), 0, 20, { size: 17, width: 684, align: 'center', color: INK });
  doc.moveTo(232, 44).lineTo(452, 44).lineWidth(0.8).strokeColor(INK).stroke();
  if (red) text('（红字）', 452, 24, { size: 10, color: '#C00000' });
  let y = 18;
  if (!isDigital(invoice.type)) {
    text(`发票代码：${invoice.code}`, 480, y, { color: INK });
    y += 14;
  }
  text(`发票号码：${invoice.number}`, 480, y, { color: INK });
  text(`开票日期：${chineseDate(invoice.issuedOn)}`, 480, y + 14, { color: INK });

  doc.lineWidth(0.8).strokeColor(INK);
  doc.rect(20, 62, 644, 300).stroke();
  doc.moveTo(20, 122).lineTo(664, 122).stroke();
  doc.moveTo(342, 62).lineTo(342, 122).stroke();
  for (const x of [40, 362]) doc.moveTo(x, 62).lineTo(x, 122).stroke();
  vertical(text, '购买方信息', 26, 65, 11);
  vertical(text, '销售方信息', 348, 65, 11);
  const party = (x: number, name: string, code: string) => {
    text('名称：', x, 76, { color: INK });
    text(name, x + 30, 76, { width: 260 });
    text('统一社会信用代码/纳税人识别号：', x, 100, { color: INK });
    text(code, x + 140, 100);
  };
  party(46, invoice.buyer.name, invoice.buyer.code);
  party(368, invoice.seller.name, invoice.seller.code);

  const columns: readonly [string, number, number, 'left' | 'center' | 'right'][] = [
    ['项目名称', 24, 146, 'left'],
    ['规格型号', 172, 70, 'center'],
    ['单位', 242, 34, 'center'],
    ['数量', 276, 46, 'right'],
    ['单价', 324, 72, 'right'],
    ['金额', 398, 84, 'right'],
    ['税率/征收率', 484, 60, 'center'],
    ['税额', 546, 112, 'right'],
  ];
  for (const [label, x, width] of columns) text(label, x, 127, { color: INK, width, align: 'center' });
  let lineY = 146;
  const rate = `${String(invoice.ratePercent)}%`;
  for (const line of document.lines) {
    const cells = [
      invoice.item.name,
      line.spec,
      invoice.item.unit,
      String(line.quantity),
      fenToMoney(line.unitPriceFen),
      fenToMoney(line.amountFen),
      rate,
      fenToMoney(line.taxFen),
    ];
    cells.forEach((value, i) => {
      const column = columns[i];
      if (column) text(value, column[1], lineY, { width: column[2], align: column[3] });
    });
    lineY += 15;
  }
  doc.moveTo(20, 246).lineTo(664, 246).stroke();
  text('合　　计', 24, 251, { color: INK });
  text(money(document.amountFen), 398, 251, { width: 84, align: 'right' });
  text(money(document.taxFen), 546, 251, { width: 112, align: 'right' });
  doc.moveTo(20, 266).lineTo(664, 266).stroke();
  text('价税合计（大写）', 24, 272, { color: INK });
  text(`⊗${document.words}`, 110, 272, { width: 330 });
  text('（小写）', 470, 272, { color: INK });
  text(money(document.totalFen), 510, 272, { width: 148, align: 'left' });
  doc.moveTo(20, 288).lineTo(664, 288).stroke();
  doc.moveTo(40, 288).lineTo(40, 362).stroke();
  vertical(text, '备注', 26, 305, 30);
  const remark = red
    ? `被红冲蓝字${isDigital(invoice.type) ? '数电' : ''}发票号码：${invoice.reverses?.number ?? ''}　红字发票信息确认单编号：${invoice.redFormNumber ?? ''}`
    : invoice.contract
      ? `合同编号：${invoice.contract.no}`
      : '';
  text(remark, 46, 296, { width: 610, wrap: true });
  text(`开票人：${invoice.drawer}`, 24, 370, { color: INK });
}

/** Characters stacked top to bottom, as the printed invoice labels its boxes. */
function vertical(text: Text, label: string, x: number, y: number, step: number): void {
  [...label].forEach((ch, i) => text(ch, x, y + i * step, { size: 8, color: INK }));
}

function drawContract(doc: Doc, text: Text, contract: Contract, project: Project): void {
  const buyer = project.applicant;
  const seller = contract.supplier;
  text(contract.name, 0, 60, { size: 20, width: 595, align: 'center' });
  text(`合同编号：${contract.no}`, 360, 100, { size: 10 });
  let y = 130;
  const para = (value: string, size = 11) => {
    text(value, 60, y, { size, width: 475, wrap: true });
    y += doc.fontSize(size).heightOfString(value, { width: 475 }) + 7;
  };
  para(`甲方（买方）：${buyer.name}`);
  para(`统一社会信用代码：${buyer.code}　　法定代表人：${buyer.legalRep}`, 10);
  para(`地址：${buyer.address}`, 10);
  y += 6;
  para(`乙方（卖方）：${seller.name}`);
  para(`统一社会信用代码：${seller.code}　　法定代表人：${seller.legalRep}`, 10);
  para(`地址：${seller.address}`, 10);
  para(`开户行：${seller.bank}　账号：${seller.bankAccount}`, 10);
  y += 10;
  para(`甲乙双方根据《中华人民共和国民法典》及有关法律法规，就甲方「${project.name}」所需${contract.name.replace(/合同$/u, '')}事宜，经友好协商，订立本合同。`);
  para('第一条　合同标的');
  for (const item of contract.items) {
    const name = item.name.replace(/^\*[^*]+\*/u, '');
    para(`　　${name}${item.specs.length > 0 ? `（规格型号：${item.specs.join('、')}）` : ''}，计量单位：${item.unit}，数量及单价以供货清单为准。`, 10);
  }
  para('第二条　合同价款');
  para(`　　合同总价（含税）人民币 ${groupedYuan(contract.amountFen)} 元（大写：${wordsOf(contract.amountFen, '元')}），乙方开具增值税专用发票。`, 10);
  para('第三条　付款方式');
  para('　　合同签订后甲方支付合同总价的 30% 作为预付款；货到验收合格后支付至 90%；余款 10% 作为质量保证金，质保期满后无息支付。', 10);
  para('第四条　交付与验收');
  para(`　　乙方应在合同签订后 90 日内完成交付、安装调试，交付地点：${buyer.address}。`, 10);
  para('第五条　质量保证');
  para('　　质保期为验收合格之日起 12 个月，质保期内非甲方原因造成的故障由乙方免费维修或更换。', 10);
  para('第六条　其他');
  para('　　本合同一式肆份，甲乙双方各执贰份，自双方签字盖章之日起生效。', 10);
  y = Math.max(y + 30, 690);
  text(`甲方（盖章）：${buyer.name}`, 60, y, { size: 10, width: 230 });
  text(`乙方（盖章）：${seller.name}`, 310, y, { size: 10, width: 230 });
  text('法定代表人或授权代表：', 60, y + 40, { size: 10 });
  text('法定代表人或授权代表：', 310, y + 40, { size: 10 });
  text(`签订日期：${chineseDate(contract.signedOn)}`, 60, y + 70, { size: 10 });
  text(`签订日期：${chineseDate(contract.signedOn)}`, 310, y + 70, { size: 10 });
}

function drawReceipt(doc: Doc, text: Text, payment: Payment): void {
  const { payer, payee } = payment;
  const bank = payer.bank.replace(/银行.*$/u, '银行');
  text(`${bank}网上银行电子回单`, 0, 24, { size: 16, width: 595, align: 'center' });
  text(`回单编号：${payment.voucherNo}`, 40, 56, { size: 9 });
  text(`交易日期：${chineseDate(payment.paidOn)}`, 400, 56, { size: 9 });
  doc.lineWidth(0.6).strokeColor('#333333').rect(40, 74, 515, 200).stroke();
  doc.moveTo(297, 74).lineTo(297, 170).stroke();
  for (const y of [122, 170, 210, 242]) doc.moveTo(40, y).lineTo(555, y).stroke();
  const side = (x: number, label: string, name: string, account: string, bankName: string) => {
    text(label, x, 80, { size: 10 });
    text(`户名：${name}`, x, 96, { size: 9, width: 250 });
    text(`账号：${account}`, x, 128, { size: 9 });
    text(`开户行：${bankName}`, x, 146, { size: 9, width: 250 });
  };
  side(46, '付款人', payer.name, payer.bankAccount, payer.bank);
  side(303, '收款人', payee.name, payee.bankAccount, payee.bank);
  text(`金额（小写）：${money(payment.amountFen)}`, 46, 178, { size: 10 });
  text(`金额（大写）：${wordsOf(payment.amountFen, '元')}`, 46, 194, { size: 10, width: 500 });
  text(`用途：${payment.purpose}`, 46, 218, { size: 9, width: 500 });
  text('交易状态：交易成功', 46, 250, { size: 9 });
  text('本回单仅供参考，以银行系统记录为准', 0, 286, { size: 8, width: 595, align: 'center', color: '#666666' });
}
