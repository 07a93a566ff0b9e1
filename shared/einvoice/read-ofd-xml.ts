import { fail, ok, type Result } from '../domain/result';
import type { EInvoiceData } from '../verification/types';
import { addMoney, moneyEquals, parseMoney, subtractMoney } from '../domain/money';
import type { EInvoiceLine } from '../verification/types';
import { compactData, hasNegativeAmount, invoiceIdentity, missingFieldsMessage, optionalDate, optionalMoney, originalKeyFromRemark, readMoneyFields } from './fields';
import { lineNamesInText, linesOfXml } from './invoice-lines';
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

/**
 * The text of each part found in the zip; absent parts are undefined. The names are the
 * conventional ones, but the archive reader fills them by following OFD.xml's references
 * (ofd-structure.ts): `originalInvoice` is the invoice data attachment whatever its name
 * (`originalInvoicePath` says which), `customTag` the tag file, `pageContent` the first page.
 */
export type OfdXmlParts = Partial<Record<keyof typeof OFD_ENTRY_PATHS, string>> & { originalInvoicePath?: string };

/**
 * Reads whichever kind the parts are: the data attachment when present (eInvoice or XBRL `inv:`
 * facts), its gaps filled from CustomDatas, tags and page; otherwise CustomDatas and tags alone.
 */
export function readOfdXml(fileName: string, parts: OfdXmlParts): Result<EInvoiceData> {
  if (parts.originalInvoice !== undefined) {
    const fromAttachment = readOfdAttachment(fileName, parts.originalInvoice, parts.originalInvoicePath);
    if (!fromAttachment.ok || parts.ofd === undefined) return fromAttachment;
    return ok(fillGaps(fromAttachment.value, { ...parts, ofd: parts.ofd }));
  }
  if (parts.ofd !== undefined) return readOfdCustomData(fileName, { ...parts, ofd: parts.ofd });
  return fail(`OFD 文件中既没有 ${OFD_ENTRY_PATHS.ofd} 也没有发票数据附件，不是电子发票`);
}

/** The attachment by its root: the tax-control eInvoice, or XBRL invoice facts (root xbrl, `inv:` elements). */
function readOfdAttachment(fileName: string, xml: string, path: string | undefined): Result<EInvoiceData> {
  const what = `OFD 发票数据（${path ?? OFD_ENTRY_PATHS.originalInvoice}）`;
  const parsed = parseXml(xml, what);
  if (!parsed.ok) return parsed;
  if (parsed.value.name.toLowerCase() === 'einvoice') return readOfdOriginalInvoice(fileName, xml, path);
  return readXbrlInvoice(fileName, parsed.value.node, what, parsed.value.name);
}

/** Fields the attachment lacks (e.g. 合计税额, a party's name) taken from CustomDatas, tags and page. */
function fillGaps(data: EInvoiceData, parts: { ofd: string; customTag?: string | undefined; pageContent?: string | undefined }): EInvoiceData {
  const fields = readOfdFields(parts, { amount: data.amount, total: data.total });
  if (!fields.ok) return data;
  const text = (name: OfdFieldName): string => fields.value.get(name) ?? '';
  const money = (name: OfdFieldName): string | undefined => {
    const value = optionalMoney(text(name), name);
    return value.ok ? value.value : undefined;
  };
  const filled: EInvoiceData = {
    ...data,
    code: data.code,
    sellerName: data.sellerName ?? text('销售方名称'),
    sellerTaxId: data.sellerTaxId ?? text('销售方纳税人识别号'),
    buyerName: data.buyerName ?? text('购买方名称'),
    buyerTaxId: data.buyerTaxId ?? text('购买方纳税人识别号'),
    tax: data.tax ?? money('合计税额'),
    total: data.total ?? money('价税合计'),
    lines: data.lines ?? pageLines(parts.pageContent),
  };
  return compactData(filled);
}

// ---------------------------------------------------------------------------
// Tax-control kind: Doc_0/Attachs/original_invoice.xml

export function readOfdOriginalInvoice(fileName: string, xml: string, path: string = OFD_ENTRY_PATHS.originalInvoice): Result<EInvoiceData> {
  const ATTACHMENT = `OFD 发票数据（${path}）`;
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
    lines: linesOfXml(root),
  });
}

// ---------------------------------------------------------------------------
// XBRL kind: facts such as <inv:InvoiceCode> in an attachment like inv_ord_issuer_….xml

/**
 * Local names of the XBRL facts, in order of preference. The 税控-era files (2020–2022) name facts
 * after the printed fields; the 数电 names are accepted too because issuers reused them.
 */
const XBRL_FACTS = {
  code: ['InvoiceCode', 'CodeOfInvoice'],
  number: ['InvoiceNumber', 'InvoiceNo', 'NumberOfInvoice', 'EInvoiceNumber'],
  date: ['IssueDate', 'DateOfIssue', 'InvoiceDate', 'DateOfInvoicing', 'IssueTime', 'RequestTime'],
  sellerName: ['SellerName', 'NameOfSeller'],
  sellerTaxId: ['SellerTaxID', 'SellerIdNum', 'TaxpayerIdentificationNumberOfSeller', 'SellerTaxpayerIdentificationNumber'],
  buyerName: ['BuyerName', 'NameOfPurchaser', 'PurchaserName'],
  buyerTaxId: ['BuyerTaxID', 'BuyerIdNum', 'TaxpayerIdentificationNumberOfPurchaser', 'PurchaserTaxpayerIdentificationNumber'],
  amount: ['TaxExclusiveTotalAmount', 'TotalAmWithoutTax', 'TotalAmountExcludingTax', 'TotalAmount'],
  tax: ['TaxTotalAmount', 'TotalTaxAm', 'TotalTaxAmount', 'TotalTax'],
  total: ['TaxInclusiveTotalAmount', 'TotalTax-includedAmount', 'TotalAmountIncludingTax', 'TotalPriceAndTax'],
  remark: ['Note', 'Remark', 'Remarks'],
} as const;

function readXbrlInvoice(fileName: string, root: XmlNode, what: string, rootName: string): Result<EInvoiceData> {
  const fact = (names: readonly string[]): string => {
    for (const name of names) {
      const value = descendantsOf(root, name)
        .map(textOf)
        .find((text) => text !== '');
      if (value !== undefined) return value;
    }
    return '';
  };
  const numberText = fact(XBRL_FACTS.number);
  if (numberText === '' && rootName.toLowerCase() !== 'xbrl') return fail(`${what}的根元素是「${rootName}」，既不是 eInvoice 也不是 XBRL 发票数据`);
  const moneyTexts = {
    amount: { text: fact(XBRL_FACTS.amount), label: '合计金额' },
    tax: { text: fact(XBRL_FACTS.tax), label: '合计税额' },
    total: { text: fact(XBRL_FACTS.total), label: '价税合计' },
  };
  const missing = missingFieldsMessage(
    `${what}（XBRL）`,
    [numberText === '' ? '发票号码' : '', fact(XBRL_FACTS.date) === '' ? '开票日期' : '', moneyTexts.amount.text === '' ? '合计金额' : ''].filter(
      (label) => label !== '',
    ),
  );
  if (missing !== undefined) return fail(missing);
  return buildOfdData(fileName, {
    code: fact(XBRL_FACTS.code),
    number: numberText,
    numberLabel: '发票号码',
    date: fact(XBRL_FACTS.date),
    dateLabel: '开票日期',
    moneyTexts,
    sellerName: fact(XBRL_FACTS.sellerName),
    sellerTaxId: fact(XBRL_FACTS.sellerTaxId),
    buyerName: fact(XBRL_FACTS.buyerName),
    buyerTaxId: fact(XBRL_FACTS.buyerTaxId),
    remark: fact(XBRL_FACTS.remark),
    lines: linesOfXml(root),
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
  lines: EInvoiceLine[] | undefined;
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
      lines: t.lines,
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
    lines: pageLines(parts.pageContent),
  });
}

/** Line names printed on the page (数电 OFD keeps its lines only there). */
function pageLines(pageContent: string | undefined): EInvoiceLine[] | undefined {
  if (pageContent === undefined) return undefined;
  const page = parseXml(pageContent, '页面');
  return page.ok ? lineNamesInText(pageTexts(page.value.node)) : undefined;
}

function pageTexts(pageRoot: XmlNode): string[] {
  return descendantsOf(pageRoot, 'TextObject').map((object) => childrenOf(object, 'TextCode').map(textOf).join(''));
}

/**
 * A sum the page shows but neither CustomDatas nor tags name: 合计税额 is the figure printed on the
 * page that equals 价税合计 − 合计金额 (and 价税合计 the one equal to 金额 + 税额). Only a figure
 * actually drawn is taken, so a page that does not show it leaves the field empty.
 */
function sumFromPage(pageRoot: XmlNode, expected: string): string | undefined {
  for (const text of pageTexts(pageRoot)) {
    const figure = text.replace(/[¥￥,，\s]/gu, '');
    if (!/^-?\d+(?:\.\d{1,2})?$/u.test(figure)) continue;
    if (moneyEquals(figure, expected)) return figure;
  }
  return undefined;
}

/**
 * Every field of {@link OFD_FIELDS} that the parts give, as text: CustomDatas first, then the page
 * text the tags point at. Exported for diagnostics and tests.
 */
export function readOfdFields(
  parts: { ofd: string; customTag?: string | undefined; pageContent?: string | undefined },
  known: { amount?: string | undefined; total?: string | undefined } = {},
): Result<Map<OfdFieldName, string>> {
  const ofd = parseXml(parts.ofd, OFD_XML);
  if (!ofd.ok) return ofd;
  if (ofd.value.name !== 'OFD') return fail(`${OFD_XML}的根元素是「${ofd.value.name}」，应为 ofd:OFD，文件不是 OFD 文档`);
  const customData = customDataOf(ofd.value.node);

  let tagText: (elementNames: readonly string[]) => string = () => '';
  let pageRoot: XmlNode;
  if (parts.pageContent !== undefined) {
    const page = parseXml(parts.pageContent, `OFD 文件的 ${OFD_ENTRY_PATHS.pageContent}`);
    if (!page.ok) return page;
    pageRoot = page.value.node;
  }
  if (parts.customTag !== undefined && pageRoot !== undefined) {
    const tags = parseXml(parts.customTag, `OFD 文件的 ${OFD_ENTRY_PATHS.customTag}`);
    if (!tags.ok) return tags;
    tagText = tagResolver(tags.value.node, pageRoot);
  }

  const values = new Map<OfdFieldName, string>();
  for (const [name, spec] of Object.entries(OFD_FIELDS) as [OfdFieldName, OfdField][]) {
    const fromCustomData = spec.customData.map((key) => customData.get(key) ?? '').find((value) => value !== '');
    const value = fromCustomData ?? tagText(spec.tags);
    if (value !== '') values.set(name, value);
  }
  if (pageRoot !== undefined) fillSumsFromPage(values, pageRoot, known);
  return ok(values);
}

function fillSumsFromPage(values: Map<OfdFieldName, string>, pageRoot: XmlNode, known: { amount?: string | undefined; total?: string | undefined }): void {
  const figure = (name: OfdFieldName, fallback: string | undefined): string | undefined => {
    const value = parseMoney(values.get(name) ?? fallback ?? '');
    return value.ok ? value.value : undefined;
  };
  const amount = figure('合计金额', known.amount);
  const total = figure('价税合计', known.total);
  const tax = figure('合计税额', undefined);
  if (!values.has('合计税额') && amount !== undefined && total !== undefined) {
    const found = sumFromPage(pageRoot, subtractMoney(total, amount));
    if (found !== undefined) values.set('合计税额', found);
  }
  if (!values.has('价税合计') && known.total === undefined && amount !== undefined && tax !== undefined) {
    const found = sumFromPage(pageRoot, addMoney(amount, tax));
    if (found !== undefined) values.set('价税合计', found);
  }
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
