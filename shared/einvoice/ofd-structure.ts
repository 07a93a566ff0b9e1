import { attributeOf, childOf, childrenOf, descendantsOf, parseXml, textOf } from './xml';

/**
 * The chain of references inside an OFD package (GB/T 33190): `OFD.xml` names the document root
 * (DocBody/DocRoot, usually Doc_0/Document.xml); the document names its pages (Pages/Page@BaseLoc),
 * its tag index (CustomTags) and its attachment index (Attachments); each index names files by
 * FileLoc. Issuers choose these names freely (Tag_Invoice.xml, Tag_e-invoice.xml,
 * inv_ord_issuer_….xml, original_invoice.xml…), so the reader follows the references instead of
 * expecting fixed paths. Locations are relative to the file that names them, or absolute from the
 * package root when they start with a slash.
 */

/** `loc` as seen from the file at `from`, normalised to a zip entry name (no leading slash, no `.`/`..`). */
export function resolveOfdLocation(from: string, loc: string): string {
  const clean = loc.trim().replace(/\\/gu, '/');
  const base = clean.startsWith('/') ? [] : from.split('/').slice(0, -1);
  const parts: string[] = [...base];
  for (const part of clean.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') parts.pop();
    else parts.push(part);
  }
  return parts.join('/');
}

/** The document root named by OFD.xml, or undefined when OFD.xml names none. */
export function ofdDocRoot(ofdXml: string): string | undefined {
  const parsed = parseXml(ofdXml, 'OFD.xml');
  if (!parsed.ok) return undefined;
  const loc = descendantsOf(parsed.value.node, 'DocRoot')
    .map(textOf)
    .find((text) => text !== '');
  return loc === undefined ? undefined : resolveOfdLocation('OFD.xml', loc);
}

export interface OfdDocumentLinks {
  /** Page content files in page order. */
  readonly pages: string[];
  readonly customTags: string | undefined;
  readonly attachments: string | undefined;
}

export function ofdDocumentLinks(documentXml: string, documentPath: string): OfdDocumentLinks {
  const parsed = parseXml(documentXml, documentPath);
  if (!parsed.ok) return { pages: [], customTags: undefined, attachments: undefined };
  const root = parsed.value.node;
  const pages = childrenOf(childOf(root, 'Pages'), 'Page')
    .map((page) => attributeOf(page, 'BaseLoc'))
    .filter((loc): loc is string => loc !== undefined && loc.trim() !== '')
    .map((loc) => resolveOfdLocation(documentPath, loc));
  const located = (name: string): string | undefined => {
    const loc = textOf(childOf(root, name));
    return loc === '' ? undefined : resolveOfdLocation(documentPath, loc);
  };
  return { pages, customTags: located('CustomTags'), attachments: located('Attachments') };
}

/** The files named by a CustomTags index, those that look like the invoice's tags first. */
export function ofdTagFiles(customTagsXml: string, customTagsPath: string): string[] {
  const parsed = parseXml(customTagsXml, customTagsPath);
  if (!parsed.ok) return [];
  const files = descendantsOf(parsed.value.node, 'CustomTag').flatMap((tag) => {
    const loc = textOf(childOf(tag, 'FileLoc'));
    if (loc === '') return [];
    const hint = `${attributeOf(tag, 'NameSpace') ?? ''} ${attributeOf(tag, 'TypeID') ?? ''} ${loc}`;
    return [{ path: resolveOfdLocation(customTagsPath, loc), invoice: INVOICE_HINT.test(hint) }];
  });
  return [...files.filter((f) => f.invoice), ...files.filter((f) => !f.invoice)].map((f) => f.path);
}

/** Names that point to invoice data: original_invoice, inv_ord_issuer_…, Tag_Invoice, Tag_e-invoice, fapiao. */
const INVOICE_HINT = /invoice|(?:^|[\s/_-])inv[_-]|fapiao|fp|发票/iu;

/** The XML attachment holding the invoice data, the one whose name says invoice first. */
export function ofdInvoiceAttachment(attachmentsXml: string, attachmentsPath: string): string | undefined {
  const parsed = parseXml(attachmentsXml, attachmentsPath);
  if (!parsed.ok) return undefined;
  const candidates = descendantsOf(parsed.value.node, 'Attachment').flatMap((attachment) => {
    const loc = textOf(childOf(attachment, 'FileLoc')) || (attributeOf(attachment, 'FileLoc') ?? '');
    const format = (attributeOf(attachment, 'Format') ?? '').toLowerCase();
    if (loc === '' || !(format === 'xml' || /\.xml$/iu.test(loc))) return [];
    const hint = `${attributeOf(attachment, 'Name') ?? ''} ${loc}`;
    return [{ path: resolveOfdLocation(attachmentsPath, loc), invoice: INVOICE_HINT.test(hint) }];
  });
  return (candidates.find((c) => c.invoice) ?? candidates[0])?.path;
}
