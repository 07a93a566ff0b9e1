import { describe, expect, it } from 'vitest';
import { suggestDecision, verifyProject } from '@shared/verification';
import { allFindings, cleanProject, context } from './fixtures';

describe('a clean realistic project (厦门鹭岛智能装备有限公司, 设备/软件/咨询)', () => {
  it('gives no findings at all under the Xiamen rules', () => {
    expect(allFindings(cleanProject())).toEqual([]);
  });

  it('gives no findings under a policy without spending rules either', () => {
    expect(allFindings(cleanProject(), context(null))).toEqual([]);
  });

  it('has a (possibly empty) list for every invoice, contract and payment', () => {
    const project = cleanProject();
    const result = verifyProject(project, context());
    expect([...result.invoices.keys()]).toEqual(project.invoices.map((i) => i.rowNo));
    expect([...result.contracts.keys()]).toEqual(['HT-2024-001', 'HT-2024-002', 'HT-2024-003']);
    expect([...result.payments.keys()]).toEqual(project.payments.map((p) => p.rowNo));
  });

  it('suggests accepting every invoice', () => {
    const result = verifyProject(cleanProject(), context());
    for (const findings of result.invoices.values()) {
      expect(suggestDecision(findings)).toEqual({ kind: 'accept', reason: '未发现问题，予以认定' });
    }
  });
});
