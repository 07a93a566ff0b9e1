import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateSamplePackage } from '@cli/sample';
import { createCore, type Core } from '@core/create-core';
import { silentLogger } from '@core/logger';
import { TEST_PASSPHRASE, createTestReviewer } from '@test/support/reviewer';
import { RESOURCES_DIR, makeTempDir } from '@test/support/temp-dir';

const temp = makeTempDir();
let expert: Core;
let chair: Core;
let batchId = '';
let p1 = '';
let p2 = '';

beforeAll(async () => {
  const zip = path.join(temp.dir, 'package.zip');
  const sample = await generateSamplePackage({ projects: 2, invoices: 10, seed: 'panel-api', outFile: zip, stage: 'acceptance', policy: 'xiamen-2024' });
  batchId = sample.manifest.batch.id;
  [p1, p2] = sample.manifest.projects.map((p) => p.id).sort() as [string, string];
  expert = createCore({ dataDir: path.join(temp.dir, 'expert'), resourcesDir: RESOURCES_DIR, logger: silentLogger });
  chair = createCore({ dataDir: path.join(temp.dir, 'chair'), resourcesDir: RESOURCES_DIR, logger: silentLogger });
  await expert.api.importPackage({ path: zip });
  await chair.api.importPackage({ path: zip });
}, 120_000);

afterAll(() => {
  expert.close();
  chair.close();
  temp.cleanup();
});

describe('scoring and the chair’s approval through the API', () => {
  it('asks for a reviewer identity before deciding or scoring', async () => {
    await expect(expert.api.saveItemScore({ batchId, projectId: p1, itemId: 'evidence', score: '15' })).rejects.toMatchObject({ code: 'REVIEWER_REQUIRED' });
    await expect(expert.api.decideInvoices({ batchId, projectId: p1, rowNos: [1], kind: 'accept' })).rejects.toMatchObject({ code: 'REVIEWER_REQUIRED' });
    expect(await expert.api.getMyReviewer({})).toEqual({ reviewer: null });
  });

  it('scores after a recusal declaration, never a recused project, and freezes the rubric at the first score', async () => {
    await createTestReviewer(expert, '王立');
    expect((await expert.api.getBatchRubric({ batchId })).frozen).toBe(false);
    await expect(expert.api.saveItemScore({ batchId, projectId: p1, itemId: 'evidence', score: '15' })).rejects.toMatchObject({ code: 'CONFLICT' });
    await expert.api.setRecusal({ batchId, projectId: p2, recusal: { kind: 'family', note: '' } });
    await expect(expert.api.saveItemScore({ batchId, projectId: p2, itemId: 'evidence', score: '15' })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expert.api.setRecusal({ batchId, projectId: p1, recusal: null });
    await expect(expert.api.saveItemScore({ batchId, projectId: p1, itemId: 'evidence', score: '20.5' })).rejects.toMatchObject({ code: 'BAD_INPUT' });
    // A comment before its score is kept; a low score without one is stored and named as a problem.
    await expert.api.saveItemScore({ batchId, projectId: p1, itemId: 'construction-indicators', comment: '建设内容基本完成。' });
    const low = await expert.api.saveItemScore({ batchId, projectId: p1, itemId: 'evidence', score: '10' });
    expect(low.problems.filter((p) => p.field === 'comment').map((p) => p.itemId)).toEqual(['evidence']);
    expect(low.progress).toMatchObject({ state: 'in-progress', scoredItems: 1, items: 4, total: null });
    expect((await expert.api.getBatchRubric({ batchId })).frozen).toBe(true);
    for (const [itemId, score] of [
      ['construction-indicators', '24'],
      ['technical-indicators', '20'],
      ['investment-completion', '20'],
    ] as const) {
      await expert.api.saveItemScore({ batchId, projectId: p1, itemId, score });
    }
    await expert.api.saveItemScore({ batchId, projectId: p1, itemId: 'evidence', comment: '佐证材料缺少验收报告。' });
    const done = await expert.api.saveVerdict({ batchId, projectId: p1, verdict: 'basic-pass', opinion: '建议补充验收报告。' });
    expect(done).toEqual({ problems: [], progress: { projectId: p1, state: 'complete', scoredItems: 4, items: 4, total: '74', verdict: 'basic-pass' } });
    const sheet = await expert.api.getScoringSheet({ batchId, projectId: p1 });
    expect(sheet.items.find((i) => i.itemId === 'construction-indicators')).toMatchObject({ score: '24', comment: '建设内容基本完成。' });
    expect((await expert.api.listScoringProgress({ batchId })).projects.map((p) => p.state)).toEqual(['complete', 'recused']);
  });

  it('shows the chair a refusal for an unconfirmed signer, then the change list, and stores nothing before approval', async () => {
    // A correction (更正) travels with the expert's work: the chair sees it in the change list.
    const contractNo = (await expert.api.getProjectVerification({ batchId, projectId: p1 })).contracts[0]?.contractNo ?? '';
    await expert.api.correctRecord({ batchId, projectId: p1, target: 'contract', contractNo, field: '约定尾款', value: '7%', reason: '合同第 7 条约定质保金 7%' });
    await expect(expert.api.exportExpertFile({ batchId, passphrase: 'wrong-passphrase' })).rejects.toMatchObject({
      code: 'WRONG_PASSPHRASE',
      message: expect.stringContaining('口令不正确'),
    });
    const exported = await expert.api.exportExpertFile({ batchId, passphrase: TEST_PASSPHRASE });
    expect(exported.version).toBe(1);
    const file = path.join(temp.dir, exported.fileName);
    fs.writeFileSync(file, Buffer.from(exported.base64 ?? '', 'base64'));

    const me = await createTestReviewer(chair, '陈组长', 'chair');
    const refused = await chair.api.previewExpertFileImport({ path: file });
    expect(refused).toMatchObject({ accepted: false, code: 'SIGNER_NOT_TRUSTED', signer: { name: '王立' } });
    if (refused.accepted) throw new Error('unreachable');
    await chair.api.trustSigner({ fingerprint: refused.signer?.fingerprint ?? '', name: '王立', method: 'phone' });

    const preview = await chair.api.previewExpertFileImport({ path: file });
    if (!preview.accepted) throw new Error(preview.message);
    expect(preview).toMatchObject({ version: 1, previousVersion: null, expert: { name: '王立' } });
    const p1Changes = preview.projects.find((p) => p.projectId === p1)?.changes ?? [];
    expect(p1Changes).toContainEqual({ kind: 'score', itemId: 'evidence', what: expect.any(String), old: null, new: '10' });
    expect(p1Changes).toContainEqual({
      kind: 'correction',
      itemId: contractNo,
      what: `合同 ${contractNo} 的约定尾款（更正）`,
      old: null,
      new: expect.stringContaining('→「7%」（合同第 7 条约定质保金 7%）'),
    });
    expect(preview.projects.find((p) => p.projectId === p2)?.changes).toEqual([{ kind: 'recusal', itemId: null, what: '回避声明', old: null, new: '亲属关系' }]);
    expect((await chair.api.getConsolidation({ batchId })).experts).toEqual([]);

    const applied = await chair.api.applyExpertFileImport({ importId: preview.importId });
    expect(applied).toEqual({ batchId, expertName: '王立', version: 1, projects: 2, invoiceDecisions: 0 });
    const consolidation = await chair.api.getConsolidation({ batchId });
    expect(consolidation.experts.map((e) => e.name)).toEqual(['王立']);
    const first = consolidation.projects.find((p) => p.projectId === p1);
    expect(first).toMatchObject({ mean: '74.00', median: '74.00', rank: 1 });
    expect(consolidation.projects.find((p) => p.projectId === p2)?.rows.map((r) => r.counted)).toEqual([false]);
    await expect(chair.api.applyExpertFileImport({ importId: preview.importId })).rejects.toMatchObject({ code: 'NOT_FOUND' });

    const opinion = await chair.api.getPanelOpinion({ batchId, projectId: p1 });
    expect(opinion.draft.verdict).toBe('basic-pass');
    await chair.api.savePanelOpinion({ batchId, projectId: p1, verdict: 'basic-pass', opinion: '专家组同意基本通过。' });
    await chair.api.setConsolidationMethod({ batchId, method: 'median', divergencePoints: '10' });
    const members = await chair.api.listPanelMembers({});
    expect(members.members.map((m) => [m.name, m.own, m.confirmation?.method ?? null])).toEqual([
      ['陈组长', true, null],
      ['王立', false, 'phone'],
    ]);
    expect(me.role).toBe('chair');
    expect(await chair.api.getAuditChainStatus({})).toMatchObject({ holds: true });
  }, 60_000);
});
