import { AppError } from '@shared/api/errors';
import { checkExpertFileAcceptance, type ExpertFileExpectations } from '@shared/expert-file/accept-expert-file';
import { canonicalJson } from '@shared/expert-file/canonical-json';
import { refuse, type ExpertFileRefusal, type ReadExpertFileResult } from '@shared/expert-file/expert-file-refusal';
import {
  EXPERT_FILE_CANONICALIZATION,
  EXPERT_FILE_SIGNATURE_ALGORITHM,
  expertFileContentSchema,
  type ExpertFile,
  type ExpertFileContent,
} from '@shared/expert-file/expert-file-schema';
import { parseExpertFileText } from '@shared/expert-file/parse-expert-file';
import { translateZodIssues } from '@shared/rules/zod-errors-zh';
import { certificateFingerprint, readCertificateSubject } from '../identity/certificate';
import { signDetached, verifyDetached } from '../identity/detached-signature';
import type { SigningKey } from '../identity/reviewer-identity';
import { checkedPhotos, type PhotoOriginal } from './expert-file-photos';

/** The bytes a signature covers: the UTF-8 of the content's RFC 8785 canonical form. */
function signedBytes(content: ExpertFileContent): Buffer {
  return Buffer.from(canonicalJson(content), 'utf8');
}

/**
 * Signs an expert's work with their opened key. The file is indented JSON so a chair can read it in
 * any editor; the signature does not depend on that layout. The photos' bytes, when there are any,
 * follow the signature: the content lists their SHA-256.
 */
export function buildExpertFile(content: ExpertFileContent, key: SigningKey, photos: readonly PhotoOriginal[] = []): Buffer {
  const parsed = expertFileContentSchema.safeParse(content);
  if (!parsed.success) {
    const problems = translateZodIssues(parsed.error.issues, content).map((issue) => issue.message);
    throw new AppError('BAD_INPUT', `评审结果不完整，无法导出：${problems.slice(0, 5).join('；')}`);
  }
  if (parsed.data.expert.certificatePem !== key.certificatePem || parsed.data.expert.fingerprint !== key.fingerprint) {
    throw new AppError('CONFLICT', '导出的评审人与打开的签名私钥不是同一人，无法签名');
  }
  const file: ExpertFile = {
    content: parsed.data,
    signature: {
      algorithm: EXPERT_FILE_SIGNATURE_ALGORITHM,
      canonicalization: EXPERT_FILE_CANONICALIZATION,
      certificateFingerprint: key.fingerprint,
      value: signDetached(signedBytes(parsed.data), key.privateKey).toString('base64'),
    },
  };
  const readable = JSON.stringify(file, null, 2);
  // Without photos the file is what format version 1 always was: no empty `photos` field.
  if (photos.length === 0) return Buffer.from(`${readable}\n`, 'utf8');
  // Tens of megabytes of Base64 are written as bytes, not through JSON.stringify (several copies of
  // each photo as strings); Base64 needs no escaping in JSON, so the result is the same JSON.
  const parts = [Buffer.from(`${readable.replace(/\n\}$/u, '')},\n  "photos": [\n`, 'utf8')];
  photos.forEach((photo, index) => {
    parts.push(Buffer.from(`    { "sha256": "${photo.sha256}", "base64": "`, 'utf8'));
    parts.push(Buffer.from(photo.bytes.toString('base64'), 'latin1'));
    parts.push(Buffer.from(index < photos.length - 1 ? '" },\n' : '" }\n  ]\n}\n', 'utf8'));
  });
  return Buffer.concat(parts);
}

/**
 * The signature must be the expert's own: the certificate inside the file must be the one the
 * fingerprint names, must name the expert the file claims (id, name, organisation), and its key must
 * verify the content. Otherwise someone could pair a trusted certificate with another person's work.
 */
function checkSignature(file: ExpertFile): ExpertFileRefusal | null {
  const { content, signature } = file;
  const { expert } = content;
  let fingerprint: string;
  let subject: ReturnType<typeof readCertificateSubject>;
  try {
    fingerprint = certificateFingerprint(expert.certificatePem);
    subject = readCertificateSubject(expert.certificatePem);
  } catch {
    return refuse('SIGNATURE_INVALID', `专家「${expert.name}」的证书已损坏，无法核验签名`);
  }
  if (fingerprint !== expert.fingerprint || fingerprint !== signature.certificateFingerprint) {
    return refuse('SIGNATURE_INVALID', `文件所附证书与签名所指的证书不一致，签名无效（专家「${expert.name}」）`);
  }
  if (subject.reviewerId !== expert.id || subject.name !== expert.name || subject.organization !== expert.organization) {
    return refuse(
      'SIGNATURE_INVALID',
      `文件中的评审人信息（${expert.name}，${expert.organization}）与其证书所载（${subject.name}，${subject.organization}）不符，签名无效`,
    );
  }
  if (!verifyDetached(signedBytes(content), Buffer.from(signature.value, 'base64'), expert.certificatePem)) {
    return refuse('SIGNATURE_INVALID', `签名核验失败：文件内容在专家「${expert.name}」签名后被改动过，或文件已损坏`);
  }
  return null;
}

/** Reads an expert file as the chair receives it; refuses with a code and a Chinese message, never throws for bad input. */
export function readExpertFile(bytes: Uint8Array, expectations: ExpertFileExpectations): ReadExpertFileResult {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return refuse('MALFORMED', '文件不是 UTF-8 编码的文本，不是专家评审文件或已损坏');
  }
  const parsed = parseExpertFileText(text);
  if (!parsed.ok) return parsed;
  const refusal = checkSignature(parsed.file) ?? photoRefusal(parsed.file) ?? checkExpertFileAcceptance(parsed.file.content, expectations);
  return refusal ?? { ok: true, file: parsed.file };
}

function photoRefusal(file: ExpertFile): ExpertFileRefusal | null {
  const checked = checkedPhotos(file);
  return checked.ok ? null : checked;
}
