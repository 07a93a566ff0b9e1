import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { consolidatePanel } from '@shared/scoring/consolidate';
import { draftPanelOpinion } from '@shared/scoring/panel-opinion';
import { parseRubric } from '@shared/scoring/rubric-schema';
import { buildScoreMatrix } from '@shared/scoring/score-matrix';
import { RESOURCES_DIR } from '../../support/temp-dir';

// 建设内容与建设指标完成情况 30, 技术指标完成情况 25, 投资完成与认定 25, 佐证材料完整性与真实性 20
const rubric = parseRubric(JSON.parse(fs.readFileSync(path.join(RESOURCES_DIR, 'rubrics', 'xiamen-2024-acceptance.json'), 'utf8')));

describe('the experts × items matrix of one project', () => {
  const matrix = buildScoreMatrix(
    rubric,
    new Map([
      ['甲', { items: { 'construction-indicators': '27', 'technical-indicators': '20', 'investment-completion': '22.5', evidence: '18' } }],
      ['乙', { items: {}, recused: true }],
      ['丙', { items: { 'construction-indicators': '25', 'technical-indicators': '21', 'investment-completion': '20', evidence: null } }],
      ['丁', { items: { 'construction-indicators': '24', 'technical-indicators': '19.5', 'investment-completion': '21', evidence: '16' } }],
    ]),
  );

  it('totals complete rows and leaves recused and incomplete rows out, saying why', () => {
    // 甲: 27 + 20 + 22.5 + 18 = 87.5; 丁: 24 + 19.5 + 21 + 16 = 80.5
    expect(matrix.totals).toEqual({ 甲: '87.5', 乙: null, 丙: null, 丁: '80.5' });
    expect(matrix.rows.map((r) => [r.expert, r.recused, r.total, r.missing])).toEqual([
      ['甲', false, '87.5', []],
      ['乙', true, null, []],
      ['丙', false, null, ['佐证材料完整性与真实性']],
      ['丁', false, '80.5', []],
    ]);
    expect(matrix.excluded).toEqual([
      { expert: '乙', reason: 'recused', message: '已声明回避，不参与本项目的评分汇总' },
      { expert: '丙', reason: 'incomplete', message: '有评分项未评分（佐证材料完整性与真实性），总分不完整，不计入本项目的汇总' },
    ]);
  });

  it('averages each item over the experts who scored it, recused experts left out', () => {
    expect(matrix.itemMeans).toEqual({
      'construction-indicators': '25.33', // (27 + 25 + 24) / 3
      'technical-indicators': '20.17', // (20 + 21 + 19.5) / 3 = 20.1667
      'investment-completion': '21.17', // (22.5 + 20 + 21) / 3 = 21.1667
      evidence: '17.00', // (18 + 16) / 2
    });
  });

  it('feeds the consolidation, which counts only the two complete scores', () => {
    const [p] = consolidatePanel([{ id: 'XM2024-001', scores: matrix.totals }]).projects;
    // (87.5 + 80.5) / 2 = 84; median 84; spread 7
    expect(p).toMatchObject({ experts: 2, notCounted: ['乙', '丙'], mean: '84.00', median: '84.00', spread: '7.00', trimmedMean: null });
  });
});

describe('draft panel opinion', () => {
  it('counts verdicts, suggests the most frequent and lists the opinions in panel order', () => {
    const draft = draftPanelOpinion([
      { name: '王工', recused: false, verdict: 'pass', opinion: '建设内容全部完成。' },
      { name: '李工', recused: true, verdict: null, opinion: '' },
      { name: '张工', recused: false, verdict: 'basic-pass', opinion: '佐证材料需补正。' },
      { name: '赵工', recused: false, verdict: 'pass', opinion: ' ' },
    ]);
    expect(draft.verdict).toBe('pass');
    expect(draft.counts).toEqual({ pass: 2, 'basic-pass': 1, fail: 0 });
    expect(draft.text).toBe(
      [
        '专家组 4 人（其中 1 人回避），参与评审 3 人：通过 2 人，基本通过 1 人，不通过 0 人。',
        '建议结论：通过。',
        '各位专家的意见：',
        '王工（通过）：建设内容全部完成。',
        '张工（基本通过）：佐证材料需补正。',
        '赵工（通过）：（未填写意见）',
      ].join('\n'),
    );
  });

  it('on a tie suggests the stricter verdict; without verdicts suggests none', () => {
    const tie = draftPanelOpinion([
      { name: '甲', recused: false, verdict: 'pass', opinion: 'a' },
      { name: '乙', recused: false, verdict: 'fail', opinion: 'b' },
    ]);
    expect(tie.verdict).toBe('fail');
    const none = draftPanelOpinion([{ name: '甲', recused: false, verdict: null, opinion: '' }]);
    expect(none.verdict).toBeNull();
    expect(none.text).toContain('尚无专家给出评审结论。');
    expect(none.text).toContain('甲（未给出结论）：（未填写意见）');
  });
});
