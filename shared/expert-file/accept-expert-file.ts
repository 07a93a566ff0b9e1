import { formatFingerprintForReading } from '../identity/fingerprint-text';
import { refuse, type ExpertFileRefusal } from './expert-file-refusal';
import type { ExpertFileContent } from './expert-file-schema';

/** What the chair's data folder knows when a file arrives. */
export interface ExpertFileExpectations {
  /** Fingerprints the chair has confirmed with each expert (64 lower-case hex digits). */
  readonly trustedFingerprints: ReadonlySet<string> | readonly string[];
  readonly batchId: string;
  readonly packageSha256: string;
  /** The version last imported from this expert for this batch, or undefined if none. */
  readonly lastImportedVersion: (expertId: string) => number | undefined;
}

/**
 * The checks after the signature holds, in the order a chair would want them explained: is the
 * signer someone I confirmed, is it my batch on the same package, is it newer than what I have.
 */
export function checkExpertFileAcceptance(content: ExpertFileContent, expect: ExpertFileExpectations): ExpertFileRefusal | null {
  const { expert, batch } = content;
  const trusted = new Set(expect.trustedFingerprints);
  if (!trusted.has(expert.fingerprint)) {
    return refuse(
      'SIGNER_NOT_TRUSTED',
      `签名人「${expert.name}」（${expert.organization}）的证书尚未经组长确认。请通过电话或书面与本人逐组核对证书指纹 ${formatFingerprintForReading(expert.fingerprint)}，确认后再导入。`,
    );
  }
  if (batch.id !== expect.batchId) {
    return refuse('OTHER_BATCH', `该文件是评审批次「${batch.id}」的评审结果，不属于当前批次「${expect.batchId}」`);
  }
  if (batch.packageSha256 !== expect.packageSha256) {
    return refuse('OTHER_BATCH', `该文件基于批次「${batch.id}」的另一版材料包评审，与本机导入的材料包不一致；请专家导入同一版材料包后重新导出`);
  }
  const last = expect.lastImportedVersion(expert.id);
  if (last !== undefined && content.version <= last) {
    const message =
      content.version === last
        ? `专家「${expert.name}」的第 ${String(last)} 次导出已经导入过，本文件没有更新的内容`
        : `该文件是专家「${expert.name}」的第 ${String(content.version)} 次导出，早于已导入的第 ${String(last)} 次导出；旧文件不会覆盖较新的评审结果`;
    return refuse('OLDER_VERSION', message);
  }
  return null;
}
