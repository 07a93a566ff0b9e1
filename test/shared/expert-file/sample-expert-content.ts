import type { ExpertFileContent } from '@shared/expert-file/expert-file-schema';
import type { PublicReviewerProfile } from '@shared/identity/reviewer-profile';

export const PACKAGE_SHA256 = '9c1f3e2a7b5d4c6e8f0a1b2c3d4e5f60718293a4b5c6d7e8f9a0b1c2d3e4f5a6';
export const BATCH_ID = 'XM-2026-YS-01';

/** One expert's work on a Xiamen acceptance batch: two projects scored, one recused. */
export function sampleExpertContent(expert: PublicReviewerProfile, version = 1): ExpertFileContent {
  return {
    format: 'jigai-expert-file',
    formatVersion: 1,
    batch: { id: BATCH_ID, packageSha256: PACKAGE_SHA256 },
    expert,
    rubric: { id: 'xiamen-2024-acceptance', version: 2 },
    version,
    exportedAt: '2026-11-24T09:15:00.000Z',
    projects: [
      {
        projectId: 'XM2024-001',
        recusal: null,
        scores: { 'construction-content': '27.5', 'investment-completion': '18.5', evidence: '20' },
        comments: { evidence: '设备验收单齐全，但 3 张发票的付款凭证缺少银行回单，见附件 12 第 4 页。' },
        verdict: 'basic-pass',
        opinion: '项目基本完成建设内容，产能提升指标达到申报目标的 96%，建议通过验收并补齐付款凭证。',
        invoiceDecisions: [
          {
            invoiceKey: '24352000000012345678',
            occurrence: 1,
            kind: 'reduce',
            amount: '812000.00',
            reason: '发票金额超出合同约定 38,000.00 元',
            decidedAt: '2026-11-23T10:02:11.000Z',
          },
          {
            invoiceKey: '24352000000012345699',
            occurrence: 1,
            kind: 'reject',
            amount: null,
            reason: '与 XM2023-017 项目重复申报',
            decidedAt: '2026-11-23T10:05:40.000Z',
          },
        ],
      },
      { projectId: 'XM2024-002', recusal: { kind: 'cooperation', note: '2025 年曾为申报单位提供技术咨询' } },
      {
        projectId: 'XM2024-003',
        recusal: null,
        scores: { 'construction-content': '30', 'investment-completion': '25' },
        comments: {},
        verdict: null,
        opinion: '',
        invoiceDecisions: [],
      },
    ],
  };
}
