import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { fail, ok, type Result } from '../domain/result';

/**
 * Safe reading of the XML inside e-invoice files, which come from outside (an applicant's package).
 *
 * - Size is capped before anything is parsed.
 * - A DOCTYPE is refused outright: no data file of the tax bureau carries one, and it is the
 *   vehicle of entity bombs (billion laughs) and external entities. Entity processing is also
 *   switched off in the parser, so nothing declared in a document is ever expanded; only the five
 *   predefined entities and numeric character references are decoded, here, by a single regex pass
 *   that cannot expand recursively.
 * - Well-formedness is checked by the validator first, because the parser alone accepts a
 *   truncated file and returns whatever it had read.
 * - Nesting depth is capped by the parser (it throws) and every exception becomes a Chinese message.
 *
 * The tree is fast-xml-parser's object form with namespace prefixes removed (`ofd:CustomData` is
 * `CustomData`), attributes under `@_Name` and mixed text under `#text`; all values are strings
 * (no number parsing, so `00008006` keeps its zeros).
 */

/** 10 MB of text: a 数电 data file with a thousand lines is about 1 MB, an OFD page well below. */
export const MAX_XML_CHARS = 10_000_000;
const MAX_NESTED_TAGS = 64;

export type XmlNode = unknown;

export interface XmlRoot {
  /** Local name of the root element, e.g. `EInvoice`, `OFD`. */
  readonly name: string;
  readonly node: XmlNode;
}

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  textNodeName: '#text',
  removeNSPrefix: true,
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: true,
  processEntities: false,
  htmlEntities: false,
  ignoreDeclaration: true,
  ignorePiTags: true,
  maxNestedTags: MAX_NESTED_TAGS,
});

/** Parses one XML document; `what` names it in messages, e.g. 数电发票数据文件. */
/** The XML validator's error codes in words (its own messages are English). */
const XML_PROBLEM: Readonly<Record<string, string>> = {
  InvalidTag: '标签不完整或未闭合',
  InvalidXml: '结构不完整，缺少结束标签',
  InvalidAttr: '属性写法有误',
  InvalidChar: '含有不允许的字符',
};

export function parseXml(xml: string, what: string): Result<XmlRoot> {
  if (typeof xml !== 'string') return fail(`${what}不是文本，无法按 XML 读取`);
  if (xml.length > MAX_XML_CHARS) {
    return fail(`${what}超过 ${String(MAX_XML_CHARS / 1_000_000)} MB，远大于正常的电子发票，已拒绝读取`);
  }
  const text = xml.startsWith('\uFEFF') ? xml.slice(1) : xml;
  if (text.trim() === '') return fail(`${what}是空文件`);
  if (/<!DOCTYPE|<!ENTITY/iu.test(text)) {
    return fail(`${what}含有 DOCTYPE 或实体声明；电子发票文件不会含有这类声明（可能是实体扩展攻击），已拒绝读取`);
  }
  let validation: ReturnType<typeof XMLValidator.validate>;
  try {
    validation = XMLValidator.validate(text);
  } catch {
    return fail(`${what}不是格式正确的 XML，文件可能不完整或已损坏`);
  }
  if (validation !== true) {
    const { line, col, code } = validation.err;
    return fail(`${what}不是格式正确的 XML，文件可能不完整或已损坏（第 ${String(line)} 行第 ${String(col)} 列：${XML_PROBLEM[code] ?? '格式有误'}）`);
  }
  let parsed: unknown;
  try {
    parsed = parser.parse(text);
  } catch (error) {
    const message = errorText(error);
    if (/nested/iu.test(message)) return fail(`${what}的元素嵌套超过 ${String(MAX_NESTED_TAGS)} 层，不是正常的电子发票，已拒绝读取`);
    return fail(`${what}无法解析，文件可能不完整或已损坏`);
  }
  if (!isRecord(parsed)) return fail(`${what}中没有 XML 元素`);
  const names = Object.keys(parsed).filter((key) => !key.startsWith('@_') && key !== '#text');
  const [name] = names;
  if (names.length !== 1 || name === undefined) return fail(`${what}应只有一个根元素`);
  return ok({ name, node: parsed[name] });
}

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

const PREDEFINED: Readonly<Record<string, string>> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

/** Decodes the predefined entities and character references; anything else stays as written. */
export function decodeXmlText(raw: string): string {
  return raw.replace(/&(#x[0-9a-f]{1,6}|#\d{1,7}|[a-z]+);/giu, (whole, ref: string) => {
    if (ref.startsWith('#')) {
      const code = ref[1] === 'x' || ref[1] === 'X' ? Number.parseInt(ref.slice(2), 16) : Number.parseInt(ref.slice(1), 10);
      const valid = code <= 0x10ffff && !(code >= 0xd800 && code <= 0xdfff) && code !== 0;
      return valid ? String.fromCodePoint(code) : whole;
    }
    return PREDEFINED[ref] ?? whole;
  });
}

/** All children called `name` (local name), in document order. */
export function childrenOf(node: XmlNode, name: string): XmlNode[] {
  if (!isRecord(node) || !Object.hasOwn(node, name)) return [];
  const value = node[name];
  return Array.isArray(value) ? value : [value];
}

/** The first child called `name`, or undefined. */
export function childOf(node: XmlNode, name: string): XmlNode {
  return childrenOf(node, name)[0];
}

/** Follows a path of child names, taking the first match at each step: `pathOf(root, 'Header', 'EIid')`. */
export function pathOf(node: XmlNode, ...names: readonly string[]): XmlNode {
  let current = node;
  for (const name of names) {
    current = childOf(current, name);
    if (current === undefined) return undefined;
  }
  return current;
}

/** Text of an element (its own text, not its descendants'), decoded and trimmed; '' when it has none. */
export function textOf(node: XmlNode): string {
  if (typeof node === 'string') return decodeXmlText(node).trim();
  if (isRecord(node) && typeof node['#text'] === 'string') return decodeXmlText(node['#text']).trim();
  return '';
}

/** An attribute value, decoded, or undefined. */
export function attributeOf(node: XmlNode, name: string): string | undefined {
  if (!isRecord(node)) return undefined;
  const value = node[`@_${name}`];
  return typeof value === 'string' ? decodeXmlText(value) : undefined;
}

/** Element children of a node as [local name, node] pairs, document order within each name. */
export function elementChildren(node: XmlNode): [string, XmlNode][] {
  if (!isRecord(node)) return [];
  const pairs: [string, XmlNode][] = [];
  for (const [key, value] of Object.entries(node)) {
    if (key.startsWith('@_') || key === '#text') continue;
    for (const item of Array.isArray(value) ? value : [value]) pairs.push([key, item]);
  }
  return pairs;
}

/** Every descendant element called `name`, at any depth, in document order within each parent. */
export function descendantsOf(node: XmlNode, name: string): XmlNode[] {
  const found: XmlNode[] = [];
  const stack: [string, XmlNode][] = elementChildren(node).reverse();
  for (let entry = stack.pop(); entry !== undefined; entry = stack.pop()) {
    const [childName, child] = entry;
    if (childName === name) found.push(child);
    // Pushed in reverse so that they pop in document order; a loop, not push(...), for huge sibling lists.
    const children = elementChildren(child);
    for (let i = children.length - 1; i >= 0; i -= 1) {
      const next = children[i];
      if (next !== undefined) stack.push(next);
    }
  }
  return found;
}
