import { plainAddPlaceholder } from '@signpdf/placeholder-plain';
import { SignPdf } from '@signpdf/signpdf';
import { SUBFILTER_ADOBE_PKCS7_DETACHED } from '@signpdf/utils';
import type { SigningKey } from '../../identity/reviewer-identity';
import { ReviewerCmsSigner } from './cms-signer';

/** Room for the CMS: a 3072-bit certificate, the signature and the attributes take about 2.3 KB. */
const SIGNATURE_BYTES = 6144;

/**
 * Signs a finished PDF, or adds a countersignature to a signed one: the signature field and its
 * placeholder are appended as an incremental update, so every earlier signature keeps covering
 * exactly the bytes it signed.
 *
 * The signature dictionary's /Name and /Reason are left ASCII on purpose: @signpdf writes them
 * through a UTF-8 conversion that garbles UTF-16 text. Validators show the signer's name from the
 * certificate, where it is encoded correctly (UTF8String).
 */
export async function signPdf(pdf: Buffer, key: SigningKey, signingTime: Date): Promise<Buffer> {
  const withPlaceholder = plainAddPlaceholder({
    pdfBuffer: pdf,
    reason: 'Jigai review report',
    contactInfo: '',
    name: `SHA-256 ${key.fingerprint.slice(0, 16)}`,
    location: '',
    signingTime,
    signatureLength: SIGNATURE_BYTES,
    subFilter: SUBFILTER_ADOBE_PKCS7_DETACHED,
    appName: 'Jigai',
  });
  // The named class, not the default export: under Node's ES module loader the default is the whole CommonJS module.
  return new SignPdf().sign(tidyIncrementalTrailer(withPlaceholder), new ReviewerCmsSigner(key.privateKey, key.certificatePem), signingTime);
}

/**
 * @signpdf's placeholder writes a trailer that validators accept but `qpdf --check` warns about:
 * startxref points at the line break before `xref`, and /Size counts one object too many. Both are
 * corrected here, before the byte ranges are computed, so the signed file is clean.
 */
export function tidyIncrementalTrailer(pdf: Buffer): Buffer {
  const text = pdf.toString('latin1');
  const trailerStart = text.lastIndexOf('trailer');
  const tail = text.slice(trailerStart);
  const startxref = /startxref\n(\d+)\n%%EOF$/u.exec(tail);
  if (!startxref) return pdf;
  let offset = Number(startxref[1]);
  while (/\s/u.test(text[offset] ?? '')) offset += 1;
  let highest = 0;
  for (const match of text.matchAll(/(?:^|[\r\n])(\d+) 0 obj\b/gu)) highest = Math.max(highest, Number(match[1]));
  const fixedTail = tail.replace(/\/Size \d+/u, `/Size ${String(highest + 1)}`).replace(/startxref\n\d+\n%%EOF$/u, `startxref\n${String(offset)}\n%%EOF`);
  return Buffer.concat([pdf.subarray(0, trailerStart), Buffer.from(fixedTail, 'latin1')]);
}
