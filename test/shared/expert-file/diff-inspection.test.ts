import { describe, expect, it } from 'vitest';
import { diffExpertFiles } from '@shared/expert-file/diff-expert-files';
import type { ExpertFileContent, LineObservationEntry } from '@shared/expert-file/expert-file-schema';
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

const seen: LineObservationEntry = {
  lineId: 'line-a',
  status: 'seen-running',
  quantitySeen: null,
  modelSeen: null,
  serialNumber: 'SN-1',
  note: '',
  photos: [{ sha256: 'c'.repeat(64), fileName: '铭牌.jpg', mime: 'image/jpeg', takenAt: null, addedAt: '2026-11-26T02:40:00.000Z', width: 10, height: 10 }],
  observedAt: '2026-11-26T02:32:00.000Z',
};

function withInspection(version: number, lines: LineObservationEntry[], value: string): ExpertFileContent {
  const content = structuredClone(sampleExpertContent(expert, version));
  content.formatVersion = 2;
  const project = content.projects.find((p) => p.projectId === 'XM2024-001');
  if (!project || project.recusal !== null) throw new Error('sample changed');
  project.inspection = { lines, indicators: [{ indicatorId: 'ind-1', value, note: '', observedAt: '2026-11-26T03:00:00.000Z' }] };
  return content;
}

describe('diffExpertFiles on 现场核查', () => {
  it('lists every observation of a first file as new', () => {
    const changes = diffExpertFiles(sampleExpertContent(expert, 1), withInspection(2, [seen], '10'))[0]?.changes;
    expect(changes).toEqual([
      { kind: 'inspection-line', lineId: 'line-a', old: null, new: seen },
      { kind: 'inspection-indicator', indicatorId: 'ind-1', old: null, new: expect.objectContaining({ value: '10' }) },
    ]);
  });

  it('ignores an observation saved again unchanged, and lists a changed status, a new photo and a withdrawn line', () => {
    const resaved = { ...seen, observedAt: '2026-11-26T05:00:00.000Z' };
    expect(diffExpertFiles(withInspection(1, [seen], '10'), withInspection(2, [resaved], '10'))).toEqual([]);
    const changed = { ...seen, status: 'not-found' as const, photos: [...seen.photos, { ...seen.photos[0], sha256: 'd'.repeat(64) } as (typeof seen.photos)[number]] };
    const [line] = diffExpertFiles(withInspection(1, [seen], '10'), withInspection(2, [changed], '10'))[0]?.changes ?? [];
    expect(line).toEqual({ kind: 'inspection-line', lineId: 'line-a', old: seen, new: changed });
    expect(diffExpertFiles(withInspection(1, [seen], '10'), withInspection(2, [], '9'))[0]?.changes).toEqual([
      { kind: 'inspection-line', lineId: 'line-a', old: seen, new: null },
      { kind: 'inspection-indicator', indicatorId: 'ind-1', old: expect.objectContaining({ value: '10' }), new: expect.objectContaining({ value: '9' }) },
    ]);
  });
});
