import { createHash, X509Certificate } from 'node:crypto';
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import { OID, pkiCrypto } from './pkijs-engine';

export interface PdfSignatureCheck {
  /** Common name of the signing certificate (the reviewer's name). */
  signer: string;
  /** SHA-256 of the signing certificate, 64 hex digits. */
  fingerprint: string;
  /** The signing-time attribute, ISO 8601; null when absent. */
  signedAt: string | null;
  /** The CMS signature is sound and its message digest matches the signed byte ranges. */
  valid: boolean;
  /** Nothing was appended after this signature (false for all but the last when countersigned). */
  coversWholeDocument: boolean;
  /** Why `valid` is false, in Chinese; null when valid. */
  problem: string | null;
}

export interface PdfSignaturesReport {
  /** At least one signature, and all of them valid. */
  valid: boolean;
  signatures: PdfSignatureCheck[];
}

const BYTE_RANGE = /\/ByteRange\s*\[\s*(\d+)\s+(\d+)\s+(\d+)\s+(\d+)\s*\]/gu;

/**
 * Checks every signature of a PDF: each /ByteRange names the bytes signed and leaves a gap for the
 * /Contents hex string holding the CMS. The gap must be exactly that string, the CMS signature must
 * verify with the certificate it carries, and the message digest must be the SHA-256 of the ranges.
 * A signature whose ranges end before the end of the file was followed by an incremental update.
 */
export async function verifyPdfSignatures(pdf: Uint8Array): Promise<PdfSignaturesReport> {
  const bytes = Buffer.from(pdf.buffer, pdf.byteOffset, pdf.byteLength);
  const text = bytes.toString('latin1');
  const signatures: PdfSignatureCheck[] = [];
  for (const match of text.matchAll(BYTE_RANGE)) {
    const [a, b, c, d] = match.slice(1, 5).map(Number) as [number, number, number, number];
    if (a === 0 && b === 0) continue;
    signatures.push(await checkOne(bytes, text, [a, b, c, d]));
  }
  return { valid: signatures.length > 0 && signatures.every((s) => s.valid), signatures };
}

async function checkOne(bytes: Buffer, text: string, [a, b, c, d]: [number, number, number, number]): Promise<PdfSignatureCheck> {
  const coversWholeDocument = c + d === bytes.length;
  const failed = (problem: string, signer = '（无法读取）', fingerprint = '', signedAt: string | null = null): PdfSignatureCheck => ({
    signer,
    fingerprint,
    signedAt,
    valid: false,
    coversWholeDocument,
    problem,
  });
  const gap = text.slice(a + b, c);
  if (a !== 0 || c + d > bytes.length || !/^<[0-9a-fA-F]*>$/u.test(gap)) return failed('签名的字节范围与文件不符（文件被截断或改动）');
  const cms = Buffer.from(gap.slice(1, -1), 'hex');
  const signed = Buffer.concat([bytes.subarray(a, a + b), bytes.subarray(c, c + d)]);
  let signedData: pkijs.SignedData;
  let certificate: pkijs.Certificate;
  try {
    const parsed = asn1js.fromBER(new Uint8Array(cms).buffer);
    const contentInfo = new pkijs.ContentInfo({ schema: parsed.result });
    if (contentInfo.contentType !== OID.signedData) return failed('签名内容不是 CMS 签名数据');
    signedData = new pkijs.SignedData({ schema: contentInfo.content });
    const first = signedData.certificates?.[0];
    if (!(first instanceof pkijs.Certificate)) return failed('签名中没有签名人证书');
    certificate = first;
  } catch {
    return failed('签名数据无法解析');
  }
  const der = Buffer.from(certificate.toSchema().toBER(false));
  const signer = commonName(der);
  const fingerprint = createHash('sha256').update(der).digest('hex');
  const attributes = signedData.signerInfos[0]?.signedAttrs?.attributes ?? [];
  const timeValue = attributes.find((attr) => attr.type === OID.signingTime)?.values[0] as asn1js.UTCTime | asn1js.GeneralizedTime | undefined;
  const signedAt = timeValue ? timeValue.toDate().toISOString() : null;
  const digestValue = attributes.find((attr) => attr.type === OID.messageDigest)?.values[0] as asn1js.OctetString | undefined;
  const expected = createHash('sha256').update(signed).digest();
  if (!digestValue || !Buffer.from(digestValue.valueBlock.valueHexView).equals(expected)) {
    return failed('签名之后文件内容被改动（摘要不符）', signer, fingerprint, signedAt);
  }
  let sound: boolean;
  try {
    sound = (await signedData.verify({ signer: 0, data: new Uint8Array(signed).buffer, checkChain: false, extendedMode: false }, pkiCrypto)) === true;
  } catch {
    sound = false;
  }
  if (!sound) return failed('签名值与签名人证书不符', signer, fingerprint, signedAt);
  return { signer, fingerprint, signedAt, valid: true, coversWholeDocument, problem: null };
}

function commonName(der: Buffer): string {
  const subject = new X509Certificate(der).subject;
  const line = subject.split('\n').find((l) => l.startsWith('CN='));
  return line ? line.slice(3) : subject;
}
