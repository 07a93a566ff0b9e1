import { createHash, X509Certificate, webcrypto, type KeyObject } from 'node:crypto';
import { Signer } from '@signpdf/utils';
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import { OID, pkiCrypto } from './pkijs-engine';

/**
 * The CMS SignedData of a PDF signature (adbe.pkcs7.detached), built with pkijs: RSA PKCS#1 v1.5
 * over SHA-256 with the signed attributes content-type, message-digest, signing-time and the ESS
 * signing-certificate-v2 (which binds the signature to the certificate, not only to its key).
 * Written here rather than taken from @signpdf's P12 signer because that one goes through
 * node-forge, which encodes a Chinese signer name twice as UTF-8 and breaks validation.
 */
export class ReviewerCmsSigner extends Signer {
  private readonly certificateDer: Buffer;

  constructor(
    private readonly privateKey: KeyObject,
    certificatePem: string,
  ) {
    super();
    this.certificateDer = Buffer.from(new X509Certificate(certificatePem).raw);
  }

  override async sign(pdfBuffer: Buffer, signingTime?: Date): Promise<Buffer> {
    const certificate = pkijs.Certificate.fromBER(new Uint8Array(this.certificateDer));
    const digest = createHash('sha256').update(pdfBuffer).digest();
    const attributes = [
      new pkijs.Attribute({ type: OID.contentType, values: [new asn1js.ObjectIdentifier({ value: OID.data })] }),
      new pkijs.Attribute({ type: OID.signingTime, values: [new asn1js.UTCTime({ valueDate: signingTime ?? new Date() })] }),
      new pkijs.Attribute({ type: OID.messageDigest, values: [new asn1js.OctetString({ valueHex: digest })] }),
      new pkijs.Attribute({ type: OID.signingCertificateV2, values: [signingCertificateV2(certificate, this.certificateDer)] }),
    ];
    const signedData = new pkijs.SignedData({
      version: 1,
      encapContentInfo: new pkijs.EncapsulatedContentInfo({ eContentType: OID.data }),
      signerInfos: [
        new pkijs.SignerInfo({
          version: 1,
          sid: new pkijs.IssuerAndSerialNumber({ issuer: certificate.issuer, serialNumber: certificate.serialNumber }),
          signedAttrs: new pkijs.SignedAndUnsignedAttributes({ type: 0, attributes }),
        }),
      ],
      certificates: [certificate],
    });
    const key = await webcrypto.subtle.importKey(
      'pkcs8',
      this.privateKey.export({ format: 'der', type: 'pkcs8' }),
      { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256' },
      false,
      ['sign'],
    );
    await signedData.sign(key, 0, 'SHA-256', undefined, pkiCrypto);
    const contentInfo = new pkijs.ContentInfo({ contentType: OID.signedData, content: signedData.toSchema(true) });
    return Buffer.from(contentInfo.toSchema().toBER(false));
  }
}

/** SigningCertificateV2 ::= SEQUENCE { certs SEQUENCE OF ESSCertIDv2 } with SHA-256 (the default, so not written) and issuer/serial. */
function signingCertificateV2(certificate: pkijs.Certificate, der: Buffer): asn1js.Sequence {
  const issuerSerial = new asn1js.Sequence({
    value: [
      new asn1js.Sequence({ value: [new asn1js.Constructed({ idBlock: { tagClass: 3, tagNumber: 4 }, value: [certificate.issuer.toSchema()] })] }),
      certificate.serialNumber,
    ],
  });
  const certHash = new asn1js.OctetString({ valueHex: createHash('sha256').update(der).digest() });
  return new asn1js.Sequence({ value: [new asn1js.Sequence({ value: [new asn1js.Sequence({ value: [certHash, issuerSerial] })] })] });
}
