import { fail, ok, type Result } from '../domain/result';
import type { EInvoiceData } from '../verification/types';
import { compactData, hasNegativeAmount, invoiceIdentity, missingFieldsMessage, optionalDate, originalKeyFromRemark, readMoneyFields } from './fields';
import { attributeOf, childrenOf, descendantsOf, parseXml, pathOf, textOf, type XmlNode } from './xml';

/**
 * The XML inside an OFD e-invoice (OFD is a zip of XML; unzipping is the caller's job).
 * DOMAIN.md §2 "Files" describes two kinds:
 *
 * - Tax-control e-invoices carry the full data in `Doc_0/Attachs/original_invoice.xml`, root
 *   `eInvoice`: InvoiceCode, InvoiceNo, IssueDate (`2022年05月05日`), Buyer/BuyerName,
 *   Buyer/BuyerTaxID, Seller/SellerName, Seller/SellerTaxID, TaxExclusiveTotalAmount,
 *   TaxTotalAmount, TaxInclusiveTotalAmount, GoodsInfos/GoodsInfo, Note.
 * - 数电 OFD has no attachment. `OFD.xml` → DocBody/DocInfo/CustomDatas holds entries
 *   `<CustomData Name="发票号码">…</CustomData>` (number, 合计金额, 合计税额, 开票日期 and both tax IDs);
 *   the names of the parties are only on the page: `Doc_0/Tags/CustomTag.xml` names, per field,
 *   the text objects that show it (`<BuyerName><ObjectRef PageRef="1">6924</ObjectRef></BuyerName>`)
 *   and `Doc_0/Pages/Page_0/Content.xml` draws them (`<TextObject ID="6924"><TextCode>…`).
 *   An amount is often two objects, 「¥」 and the figure, and a long name two lines: the texts of all
 *   referenced objects are joined in order.
 *
 * A field is taken from CustomDatas when there, otherwise through the tags. When both exist and
 * differ, CustomDatas wins without notice: the reader has no channel for warnings.
 */

export const OFD_SOURCE = 'OFD';

/** Where the parts sit inside the OFD zip. */
export const OFD_ENTRY_PATHS = {
  ofd: 'OFD.xml',
  originalInvoice: 'Doc_0/Attachs/original_invoice.xml',
  customTag: 'Doc_0/Tags/CustomTag.xml',
  pageContent: 'Doc_0/Pages/Page_0/Content.xml',
} as const;

/** The text of each part found in the zip; absent parts are undefined. */
export type OfdXmlParts = Partial<Record<keyof typeof OFD_ENTRY_PATHS, string>>;

/** Reads whichever kind the parts are: the attachment when present, otherwise CustomDatas and tags. */
export function readOfdXml(fileName: string, parts: OfdXmlParts): Result<EInvoiceData> {
  if (parts.originalInvoice !== undefined) return readOfdOriginalInvoice(fileName, parts.originalInvoice);
  if (parts.ofd !== undefined) return readOfdCustomData(fileName, { ...parts, ofd: parts.ofd });
  return fail(`OFD 文件中既没有 ${OFD_ENTRY_PATHS.ofd} 也没有 ${OFD_ENTRY_PATHS.originalInvoice}，不是电子发票`);
}

// ---------------------------------------------------------------------------
// Tax-control kind: Doc_0/Attachs/original_invoice.xml

const ATTACHMENT = `OFD 发票数据（${OFD_ENTRY_PATHS.originalInvoice}）`;

export function readOfdOriginalInvoice(fileName: string, xml: string): Result<EInvoiceData> {
  const parsed = parseXml(xml, ATTACHMENT);
  if (!parsed.ok) return parsed;
  const { name, node: root } = parsed.value;
  if (name.toLowerCase() !== 'einvoice') return fail(`${ATTACHMENT}的根元素是「${name}」，应为 eInvoice`);
  const text = (...path: string[]): string => textOf(pathOf(root, ...path));

  const numberText = text('InvoiceNo');
  const dateText = text('IssueDate');
  const moneyTexts = {
    amount: { text: text('TaxExclusiveTotalAmount'), label: '合计金额（TaxExclusiveTotalAmount）' },
    tax: { text: text('TaxTotalAmount'), label: '合计税额（TaxTotalAmount）' },
    total: { text: text('TaxInclusiveTotalAmount'), label: '价税合计（TaxInclusiveTotalAmount）' },
  };
  const missing = missingFieldsMessage(
    ATTACHMENT,
    [
      numberText === '' ? '发票号码（InvoiceNo）' : '',
      dateText === '' ? '开票日期（IssueDate）' : '',
      moneyTexts.amount.text === '' ? moneyTexts.amount.label : '',
      moneyTexts.total.text === '' ? moneyTexts.total.label : '',
    ].filter((label) => label !== ''),
  );
  if (missing !== undefined) return fail(missing);

  return buildOfdData(fileName, {
    code: text('InvoiceCode'),
    number: numberText,
    numberLabel: '发票号码（InvoiceCode/InvoiceNo）',
    date: dateText,
    dateLabel: '开票日期（IssueDate）',
    moneyTexts,
    sellerName: text('Seller', 'SellerName'),
    sellerTaxId: text('Seller', 'SellerTaxID'),
    buyerName: text('Buyer', 'BuyerName'),
    buyerTaxId: text('Buyer', 'BuyerTaxID'),
    remark: text('Note'),
  });
}

interface OfdTexts {
  code: string;
  number: string;
  numberLabel: string;
  date: string;
  dateLabel: string;
  moneyTexts: Parameters<typeof readMoneyFields>[0];
  sellerName: string;
  sellerTaxId: string;
  buyerName: string;
  buyerTaxId: string;
  remark: string;
}

/** Both OFD kinds end the same way: identity, date and amounts checked, then the data assembled. */
function buildOfdData(fileName: string, t: OfdTexts): Result<EInvoiceData> {
  const id = invoiceIdentity(t.code, t.number, t.numberLabel);
  if (!id.ok) return id;
  const issuedOn = optionalDate(t.date, t.dateLabel);
  if (!issuedOn.ok) return issuedOn;
  const money = readMoneyFields(t.moneyTexts);
  if (!money.ok) return money;
  const red = hasNegativeAmount(money.value);
  return ok(
    compactData<EInvoiceData>({
      source: OFD_SOURCE,
      fileName,
      number: id.value.number,
      code: id.value.kind === 'tax-control' ? id.value.code : undefined,
      issuedOn: issuedOn.value,
      sellerName: t.sellerName,
      sellerTaxId: t.sellerTaxId,
      buyerName: t.buyerName,
      buyerTaxId: t.buyerTaxId,
      ...money.value,
      red,
      originalNumber: red ? originalKeyFromRemark(t.remark) : undefined,
    }),
  );
}

// ---------------------------------------------------------------------------
// 数电 kind: OFD.xml CustomDatas + Doc_0/Tags/CustomTag.xml → Doc_0/Pages/Page_0/Content.xml

interface OfdField {
  /** Names of CustomData entries, in order of preference. */
  readonly customData: readonly string[];
  /** Element names in CustomTag.xml: the ones seen in issued files, then the Chinese name. */
  readonly tags: readonly string[];
}

/** Fields by their name on the invoice. */
export const OFD_FIELDS = {
  发票号码: { customData: ['发票号码'], tags: ['InvoiceNo', 'InvoiceNumber', '发票号码'] },
  发票代码: { customData: ['发票代码'], tags: ['InvoiceCode', '发票代码'] },
  开票日期: { customData: ['开票日期'], tags: ['IssueDate', '开票日期'] },
  购买方名称: { customData: ['购买方名称'], tags: ['BuyerName', '购买方名称'] },
  购买方纳税人识别号: { customData: ['购买方纳税人识别号', '购买方统一社会信用代码/纳税人识别号'], tags: ['BuyerTaxID', '购买方纳税人识别号'] },
  销售方名称: { customData: ['销售方名称'], tags: ['SellerName', '销售方名称'] },
  销售方纳税人识别号: { customData: ['销售方纳税人识别号', '销售方统一社会信用代码/纳税人识别号'], tags: ['SellerTaxID', '销售方纳税人识别号'] },
  合计金额: { customData: ['合计金额'], tags: ['TaxExclusiveTotalAmount', '合计金额'] },
  合计税额: { customData: ['合计税额'], tags: ['TaxTotalAmount', '合计税额'] },
  价税合计: { customData: ['价税合计'], tags: ['TaxInclusiveTotalAmount', '价税合计'] },
  备注: { customData: ['备注'], tags: ['Note', '备注'] },
} as const satisfies Record<string, OfdField>;

export type OfdFieldName = keyof typeof OFD_FIELDS;

const OFD_XML = `OFD 文件的 ${OFD_ENTRY_PATHS.ofd}`;

export function readOfdCustomData(fileName: string, parts: { ofd: string; customTag?: string | undefined; pageContent?: string | undefined }): Result<EInvoiceData> {
  const fields = readOfdFields(parts);
  if (!fields.ok) return fields;
  const field = (name: OfdFieldName): string => fields.value.get(name) ?? '';

  const moneyTexts = {
    amount: { text: field('合计金额'), label: '合计金额' },
    tax: { text: field('合计税额'), label: '合计税额' },
    total: { text: field('价税合计'), label: '价税合计' },
  };
  const missing = missingFieldsMessage(
    `${OFD_XML}（CustomDatas）及页面标签`,
    [field('发票号码') === '' ? '发票号码' : '', field('开票日期') === '' ? '开票日期' : '', moneyTexts.amount.text === '' ? '合计金额' : ''].filter(
      (label) => label !== '',
    ),
  );
  if (missing !== undefined) {
    return fail(field('发票号码') === '' ? `${missing}；该 OFD 可能不是电子发票` : missing);
  }

  return buildOfdData(fileName, {
    code: field('发票代码'),
    number: field('发票号码'),
    numberLabel: '发票号码',
    date: field('开票日期'),
    dateLabel: '开票日期',
    moneyTexts,
    sellerName: field('销售方名称'),
    sellerTaxId: field('销售方纳税人识别号'),
    buyerName: field('购买方名称'),
    buyerTaxId: field('购买方纳税人识别号'),
    remark: field('备注'),
  });
}

/**
 * Every field of {@link OFD_FIELDS} that the parts give, as text: CustomDatas first, then the page
 * text the tags point at. Exported for diagnostics and tests.
 */
export function readOfdFields(parts: { ofd: string; customTag?: string | undefined; pageContent?: string | undefined }): Result<Map<OfdFieldName, string>> {
  const ofd = parseXml(parts.ofd, OFD_XML);
  if (!ofd.ok) return ofd;
  if (ofd.value.name !== 'OFD') return fail(`${OFD_XML}的根元素是「${ofd.value.name}」，应为 ofd:OFD，文件不是 OFD 文档`);
  const customData = customDataOf(ofd.value.node);

  let tagText: (elementNames: readonly string[]) => string = () => '';
  if (parts.customTag !== undefined && parts.pageContent !== undefined) {
    const tags = parseXml(parts.customTag, `OFD 文件的 ${OFD_ENTRY_PATHS.customTag}`);
    if (!tags.ok) return tags;
    const page = parseXml(parts.pageContent, `OFD 文件的 ${OFD_ENTRY_PATHS.pageContent}`);
    if (!page.ok) return page;
    tagText = tagResolver(tags.value.node, page.value.node);
  }

  const values = new Map<OfdFieldName, string>();
  for (const [name, spec] of Object.entries(OFD_FIELDS) as [OfdFieldName, OfdField][]) {
    const fromCustomData = spec.customData.map((key) => customData.get(key) ?? '').find((value) => value !== '');
    const value = fromCustomData ?? tagText(spec.tags);
    if (value !== '') values.set(name, value);
  }
  return ok(values);
}

/** CustomData entries by Name, wherever they sit (some producers omit the CustomDatas wrapper). */
function customDataOf(root: XmlNode): Map<string, string> {
  const entries = new Map<string, string>();
  for (const entry of descendantsOf(root, 'CustomData')) {
    const name = attributeOf(entry, 'Name')?.trim();
    const value = textOf(entry);
    if (name !== undefined && value !== '' && !entries.has(name)) entries.set(name, value);
  }
  return entries;
}

/** Text shown by the objects a tag refers to, for the first of `elementNames` that resolves. */
function tagResolver(tagRoot: XmlNode, pageRoot: XmlNode): (elementNames: readonly string[]) => string {
  const texts = new Map<string, string>();
  for (const object of descendantsOf(pageRoot, 'TextObject')) {
    const id = attributeOf(object, 'ID')?.trim();
    if (id !== undefined && !texts.has(id)) texts.set(id, childrenOf(object, 'TextCode').map(textOf).join(''));
  }
  return (elementNames) => {
    for (const elementName of elementNames) {
      for (const tag of descendantsOf(tagRoot, elementName)) {
        const shown = childrenOf(tag, 'ObjectRef').map((ref) => texts.get(textOf(ref)));
        if (shown.length === 0 || shown.some((part) => part === undefined)) continue;
        const value = shown.join('').trim();
        if (value !== '') return value;
      }
    }
    return '';
  };
}
