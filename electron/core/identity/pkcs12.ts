import { createDecipheriv, createHash, createPrivateKey, pbkdf2Sync, X509Certificate, type KeyObject } from 'node:crypto';
import type * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import { AppError } from '@shared/api/errors';

/**
 * Reads an organisation's PKCS#12 file (.p12/.pfx): its private key and the certificate that goes
 * with it. Handles what OpenSSL 3 and Windows write today (PBES2 with PBKDF2 and AES) and the older
 * files many certificate authorities still hand out (pbeWithSHAAnd3-KeyTripleDES-CBC, RFC 7292);
 * the file's MAC is checked with the passphrase first, so a wrong passphrase says so plainly.
 */

const OID = {
  data: '1.2.840.113549.1.7.1',
  encryptedData: '1.2.840.113549.1.7.6',
  keyBag: '1.2.840.113549.1.12.10.1.1',
  shroudedKeyBag: '1.2.840.113549.1.12.10.1.2',
  certBag: '1.2.840.113549.1.12.10.1.3',
  pbes2: '1.2.840.113549.1.5.13',
  pbeSha1TripleDes: '1.2.840.113549.1.12.1.3',
  localKeyId: '1.2.840.113549.1.9.21',
} as const;

const PRF_HASH: Readonly<Record<string, string>> = {
  '1.2.840.113549.2.7': 'sha1',
  '1.2.840.113549.2.9': 'sha256',
  '1.2.840.113549.2.10': 'sha384',
  '1.2.840.113549.2.11': 'sha512',
};
const AES_CBC: Readonly<Record<string, string>> = {
  '2.16.840.1.101.3.4.1.2': 'aes-128-cbc',
  '2.16.840.1.101.3.4.1.22': 'aes-192-cbc',
  '2.16.840.1.101.3.4.1.42': 'aes-256-cbc',
};

export interface Pkcs12Contents {
  privateKey: KeyObject;
  certificatePem: string;
}

const bad = (message: string) => new AppError('BAD_INPUT', message);

/** RFC 7292 appendix B.2 key derivation with SHA-1: id 1 gives the key, id 2 the IV. */
function pkcs12Kdf(passphrase: string, salt: Buffer, iterations: number, id: number, length: number): Buffer {
  const v = 64;
  const u = 20;
  // BMPString, big-endian, with a terminating zero.
  const chars = [...passphrase.normalize('NFC')].map((c) => c.charCodeAt(0));
  const password = Buffer.alloc(chars.length * 2 + 2);
  chars.forEach((c, i) => password.writeUInt16BE(c, i * 2));
  const fill = (source: Buffer) => {
    if (source.length === 0) return Buffer.alloc(0);
    const out = Buffer.alloc(v * Math.ceil(source.length / v));
    for (let i = 0; i < out.length; i++) out[i] = source[i % source.length] ?? 0;
    return out;
  };
  const I = Buffer.concat([fill(salt), fill(password)]);
  const D = Buffer.alloc(v, id);
  const out: Buffer[] = [];
  for (let produced = 0; produced < length; produced += u) {
    let A = createHash('sha1').update(D).update(I).digest();
    for (let r = 1; r < iterations; r++) A = createHash('sha1').update(A).digest();
    out.push(A);
    const B = fill(A);
    for (let j = 0; j < I.length; j += v) {
      let carry = 1;
      for (let k = v - 1; k >= 0; k--) {
        const sum = (I[j + k] ?? 0) + (B[k] ?? 0) + carry;
        I[j + k] = sum & 0xff;
        carry = sum >> 8;
      }
    }
  }
  return Buffer.concat(out).subarray(0, length);
}

function decrypt(algorithm: pkijs.AlgorithmIdentifier, encrypted: Buffer, passphrase: string): Buffer {
  const params = algorithm.algorithmParams as asn1js.Sequence;
  if (algorithm.algorithmId === OID.pbes2) {
    const pbes2 = new pkijs.PBES2Params({ schema: params });
    const kdf = new pkijs.PBKDF2Params({ schema: pbes2.keyDerivationFunc.algorithmParams });
    const cipher = AES_CBC[pbes2.encryptionScheme.algorithmId];
    const hash = kdf.prf ? PRF_HASH[kdf.prf.algorithmId] : 'sha1';
    if (!cipher || !hash) throw bad('证书文件使用了本程序不支持的加密算法；请用 AES 加密重新导出（如 openssl pkcs12 -export 的默认设置）');
    const salt = Buffer.from((kdf.salt as asn1js.OctetString).valueBlock.valueHexView);
    const iv = Buffer.from((pbes2.encryptionScheme.algorithmParams as asn1js.OctetString).valueBlock.valueHexView);
    const key = pbkdf2Sync(Buffer.from(passphrase.normalize('NFC'), 'utf8'), salt, kdf.iterationCount, Number(/\d+/u.exec(cipher)?.[0]) / 8, hash);
    const d = createDecipheriv(cipher, key, iv);
    return Buffer.concat([d.update(encrypted), d.final()]);
  }
  if (algorithm.algorithmId === OID.pbeSha1TripleDes) {
    const [saltBlock, iterationBlock] = (params.valueBlock.value ?? []) as [asn1js.OctetString, asn1js.Integer];
    const salt = Buffer.from(saltBlock.valueBlock.valueHexView);
    const iterations = iterationBlock.valueBlock.valueDec;
    const d = createDecipheriv('des-ede3-cbc', pkcs12Kdf(passphrase, salt, iterations, 1, 24), pkcs12Kdf(passphrase, salt, iterations, 2, 8));
    return Buffer.concat([d.update(encrypted), d.final()]);
  }
  throw bad('证书文件使用了过时的加密算法（如 RC2），本程序不能读取；请用 AES 或 3DES 加密重新导出');
}

const octets = (value: unknown) => Buffer.from((value as asn1js.OctetString).valueBlock.valueHexView);

/** The bags of one SafeContents, decrypted where the file encrypted them. */
function safeBags(info: pkijs.ContentInfo, passphrase: string): pkijs.SafeBag[] {
  let der: Buffer;
  if (info.contentType === OID.data) der = Buffer.from((info.content as asn1js.OctetString).getValue());
  else if (info.contentType === OID.encryptedData) {
    const data = new pkijs.EncryptedData({ schema: info.content });
    if (!data.encryptedContentInfo.encryptedContent) throw bad('证书文件中的加密内容为空');
    // getEncryptedContent joins a content split into several OCTET STRINGs (constructed encoding).
    der = decrypt(data.encryptedContentInfo.contentEncryptionAlgorithm, Buffer.from(data.encryptedContentInfo.getEncryptedContent()), passphrase);
  } else throw bad('证书文件含有本程序不支持的内容（公钥加密的 PKCS#12）');
  return pkijs.SafeContents.fromBER(new Uint8Array(der)).safeBags;
}

export async function readPkcs12(bytes: Uint8Array, passphrase: string): Promise<Pkcs12Contents> {
  let pfx: pkijs.PFX;
  try {
    pfx = pkijs.PFX.fromBER(new Uint8Array(bytes));
  } catch {
    throw bad('文件不是 PKCS#12 证书文件（.p12/.pfx），或已损坏');
  }
  try {
    await pfx.parseInternalValues({ password: new TextEncoder().encode(passphrase.normalize('NFC')).buffer as ArrayBuffer, checkIntegrity: true });
  } catch {
    throw bad('证书文件的口令不正确（或文件已损坏）');
  }
  const authSafe = pfx.parsedValue?.authenticatedSafe;
  if (!authSafe) throw bad('证书文件没有内容');
  const keys: KeyObject[] = [];
  const certificates: X509Certificate[] = [];
  try {
    for (const info of authSafe.safeContents) {
      for (const bag of safeBags(info, passphrase)) {
        if (bag.bagId === OID.shroudedKeyBag) {
          const shrouded = bag.bagValue as pkijs.PKCS8ShroudedKeyBag;
          const plain = decrypt(shrouded.encryptionAlgorithm, octets(shrouded.encryptedData), passphrase);
          keys.push(createPrivateKey({ key: plain, format: 'der', type: 'pkcs8' }));
        } else if (bag.bagId === OID.keyBag) {
          keys.push(createPrivateKey({ key: Buffer.from((bag.bagValue as pkijs.PrivateKeyInfo).toSchema().toBER()), format: 'der', type: 'pkcs8' }));
        } else if (bag.bagId === OID.certBag) {
          const cert = (bag.bagValue as pkijs.CertBag).parsedValue as pkijs.Certificate | undefined;
          if (cert) certificates.push(new X509Certificate(Buffer.from(cert.toSchema().toBER())));
        }
      }
    }
  } catch (error) {
    if (error instanceof AppError) throw error;
    throw bad('证书文件无法解密：口令不正确，或文件已损坏');
  }
  const privateKey = keys[0];
  if (!privateKey || keys.length > 1) throw bad(keys.length === 0 ? '证书文件中没有私钥' : '证书文件中有多个私钥，请导出只含一个签名私钥的文件');
  // The certificate whose public key is the private key's (a file often carries the CA chain too).
  const certificate = certificates.find((c) => c.checkPrivateKey(privateKey));
  if (!certificate) throw bad('证书文件中没有与私钥配套的证书');
  if (privateKey.asymmetricKeyType !== 'rsa') throw bad('本程序的 PDF 签名使用 RSA 密钥；该证书的密钥不是 RSA，不能用于签名');
  return { privateKey, certificatePem: certificate.toString() };
}
