import { describe, expect, it } from 'vitest';
import { diffExpertFiles } from '@shared/expert-file/diff-expert-files';
import type { ExpertFileContent } from '@shared/expert-file/expert-file-schema';
import type { PublicReviewerProfile } from '@shared/identity/reviewer-profile';
import { sampleExpertContent } from './sample-expert-content';

const expert: PublicReviewerProfile = {
  id: '0f8b2c4e-1d3a-4b5c-9d7e-6f8a9b0c1d2e',
  name: '陈立新',
  organization: '厦门理工学院',
  field: '工业自动化',
  role: 'expert',
  certificatePem: '-----BEGIN CERTIFICATE-----\n（比较时不读证书）\n-----END CERTIFICATE-----\n',
  fingerprint: 'a'.repeat(64),
  createdAt: '2026-11-01T08:00:00.000Z',
};

function edited(change: (content: ExpertFileContent) => void): ExpertFileContent {
  const content = structuredClone(sampleExpertContent(expert, 2));
  change(content);
  return content;
}

function scored(content: ExpertFileContent, projectId: string) {
  const project = content.projects.find((p) => p.projectId === projectId);
  if (!project || project.recusal !== null) throw new Error(`${projectId} is not a scored project in the sample`);
  return project;
}

describe('diffExpertFiles', () => {
  it('lists nothing when only the export counter, time and a decision’s save time moved', () => {
    const next = edited((c) => {
      c.exportedAt = '2026-11-25T09:00:00.000Z';
      const decision = scored(c, 'XM2024-001').invoiceDecisions[0];
      if (decision) decision.decidedAt = '2026-11-25T08:59:00.000Z';
    });
    expect(diffExpertFiles(sampleExpertContent(expert, 1), next)).toEqual([]);
  });

  it('names each changed item per project with its old and new value', () => {
    const next = edited((c) => {
      const first = scored(c, 'XM2024-001');
      first.scores['investment-completion'] = '19';
      first.comments['investment-completion'] = '投资完成率 97.2%，扣 1 分。';
      first.verdict = 'pass';
      const decision = first.invoiceDecisions[0];
      if (decision) decision.amount = '800000.00';
      first.invoiceDecisions.splice(1, 1);
      const third = scored(c, 'XM2024-003');
      delete third.scores['investment-completion'];
      third.scores.evidence = '18.5';
    });
    expect(diffExpertFiles(sampleExpertContent(expert, 1), next)).toEqual([
      {
        projectId: 'XM2024-001',
        changes: [
          { kind: 'score', itemId: 'investment-completion', old: '18.5', new: '19' },
          { kind: 'comment', itemId: 'investment-completion', old: null, new: '投资完成率 97.2%，扣 1 分。' },
          { kind: 'verdict', old: 'basic-pass', new: 'pass' },
          {
            kind: 'invoice-decision',
            invoiceKey: '24352000000012345678',
            occurrence: 1,
            old: expect.objectContaining({ amount: '812000.00' }) as unknown,
            new: expect.objectContaining({ amount: '800000.00', kind: 'reduce' }) as unknown,
          },
          { kind: 'invoice-decision', invoiceKey: '24352000000012345699', occurrence: 1, old: expect.objectContaining({ kind: 'reject' }) as unknown, new: null },
        ],
      },
      {
        projectId: 'XM2024-003',
        changes: [
          { kind: 'score', itemId: 'evidence', old: null, new: '18.5' },
          { kind: 'score', itemId: 'investment-completion', old: '25', new: null },
        ],
      },
    ]);
  });

  it('shows a recusal withdrawn in favour of scores, and a scored project turned into a recusal', () => {
    const next = edited((c) => {
      c.projects[1] = { projectId: 'XM2024-002', recusal: null, scores: { evidence: '15' }, comments: {}, verdict: 'fail', opinion: '证据不足。', invoiceDecisions: [] };
      c.projects[2] = { projectId: 'XM2024-003', recusal: { kind: 'family', note: '申报单位法定代表人为本人亲属' } };
    });
    const changes = diffExpertFiles(sampleExpertContent(expert, 1), next);
    expect(changes.map((p) => p.projectId)).toEqual(['XM2024-002', 'XM2024-003']);
    expect(changes[0]?.changes).toEqual([
      { kind: 'recusal', old: { kind: 'cooperation', note: '2025 年曾为申报单位提供技术咨询' }, new: null },
      { kind: 'score', itemId: 'evidence', old: null, new: '15' },
      { kind: 'verdict', old: null, new: 'fail' },
      { kind: 'opinion', old: '', new: '证据不足。' },
    ]);
    expect(changes[1]?.changes).toEqual([
      { kind: 'recusal', old: null, new: { kind: 'family', note: '申报单位法定代表人为本人亲属' } },
      { kind: 'score', itemId: 'construction-content', old: '30', new: null },
      { kind: 'score', itemId: 'investment-completion', old: '25', new: null },
    ]);
  });

  it('treats a first import as everything new, and a project left out as removed', () => {
    const first = diffExpertFiles(null, sampleExpertContent(expert, 1));
    expect(first.map((p) => [p.projectId, p.changes.length])).toEqual([
      ['XM2024-001', 8], // three scores, a comment, the verdict, the opinion, two invoice decisions,
      ['XM2024-002', 1],
      ['XM2024-003', 2],
    ]);
    const dropped = diffExpertFiles(
      sampleExpertContent(expert, 1),
      edited((c) => c.projects.splice(2, 1)),
    );
    expect(dropped).toEqual([
      {
        projectId: 'XM2024-003',
        changes: [
          { kind: 'score', itemId: 'construction-content', old: '30', new: null },
          { kind: 'score', itemId: 'investment-completion', old: '25', new: null },
        ],
      },
    ]);
  });
});

describe('corrections in the expert file (更正 travel with the expert’s work)', () => {
  const correction = {
    target: 'invoice' as const,
    targetKey: '24352000000000000006',
    occurrence: 1,
    field: 'issuedOn',
    oldValue: '2023-12-31',
    newValue: '2024-01-03',
    reason: '附件发票开票日期为 2024-01-03',
    evidence: '发票-0006.pdf#1',
    correctedAt: '2026-11-25T08:00:00.000Z',
  };

  it('lists a new correction, and a changed value, but not a file without the field against an empty list', () => {
    const withCorrection = edited((c) => (scored(c, 'XM2024-001').corrections = [correction]));
    expect(diffExpertFiles(sampleExpertContent(expert, 1), withCorrection)).toEqual([
      { projectId: 'XM2024-001', changes: [{ kind: 'correction', key: '发票 24352000000000000006 issuedOn', old: null, new: correction }] },
    ]);
    const changed = edited((c) => (scored(c, 'XM2024-001').corrections = [{ ...correction, newValue: '2024-01-04', correctedAt: '2026-11-25T09:00:00.000Z' }]));
    expect(diffExpertFiles(withCorrection, changed)[0]?.changes).toEqual([
      { kind: 'correction', key: '发票 24352000000000000006 issuedOn', old: correction, new: expect.objectContaining({ newValue: '2024-01-04' }) },
    ]);
    expect(
      diffExpertFiles(
        edited((c) => (scored(c, 'XM2024-001').corrections = [])),
        sampleExpertContent(expert, 2),
      ),
    ).toEqual([]);
  });
});
