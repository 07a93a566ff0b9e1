import type { ApiHandlers } from '@shared/api/contract';
import { AppError } from '@shared/api/errors';
import type { CoreContext } from '../core-context';
import { deliverFile } from '../deliver-file';
import type { ReportService } from './report-service';
import { signPdf } from './signing/sign-pdf';
import { verifyPdfSignatures } from './signing/verify-pdf';

type ReportHandlers = Pick<ApiHandlers, 'makeReport' | 'countersignReport' | 'verifyReport'>;

export function createReportHandlers(ctx: CoreContext, reports: ReportService): ReportHandlers {
  const unlock = (passphrase: string) => {
    const signer = reports.ownSigner();
    if (!signer) throw new AppError('BAD_INPUT', '本机还没有评审人身份，无法签名；请先在“设置 → 评审人身份”中创建');
    return signer.unlock(passphrase);
  };
  return {
    makeReport: async ({ batchId, projectId, kind, final, passphrase, path }) => {
      const key = passphrase === undefined ? undefined : unlock(passphrase);
      const made = await reports.make({ kind, batchId, projectId, final, key });
      const fileName = `${made.title}${made.draft ? '（草稿）' : ''}-${made.reportId}.pdf`;
      return {
        ...deliverFile(made.bytes, fileName, path),
        reportId: made.reportId,
        contentSha256: made.contentSha256,
        draft: made.draft,
        open: made.open,
        signed: made.signed,
      };
    },
    countersignReport: async ({ base64, fileName, passphrase, path }) => {
      const pdf = Buffer.from(base64, 'base64');
      const before = await verifyPdfSignatures(pdf);
      if (before.signatures.length === 0) throw new AppError('BAD_INPUT', `「${fileName}」没有签名，不是待会签的报告`);
      if (!before.valid) throw new AppError('CONFLICT', `「${fileName}」中已有签名无效（文件在签名后被改动），不能会签`);
      const signed = await signPdf(pdf, unlock(passphrase), ctx.now());
      const check = await verifyPdfSignatures(signed);
      return { ...deliverFile(signed, fileName.replace(/(\.pdf)?$/iu, '-会签.pdf'), path), check };
    },
    verifyReport: ({ base64 }) => verifyPdfSignatures(Buffer.from(base64, 'base64')),
  };
}
