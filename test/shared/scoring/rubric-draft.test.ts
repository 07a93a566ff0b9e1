import { describe, expect, it } from 'vitest';
import type { BatchRubricDto } from '@shared/api/panel-contract';
import { adjustmentOf, draftOf, draftProblems, maximaSum, newItem } from '@shared/scoring/rubric-draft';

const item = (id: string, max: string) => ({
  id,
  title: `评分项${id}`,
  max,
  description: '说明',
  guidance: [{ from: '0', to: max, text: '按完成情况评分' }],
  evidence: ['验收报告'],
  source: '§五',
});
const rubric: BatchRubricDto = {
  batchId: 'B',
  rubricId: 'r',
  name: '验收评分标准',
  version: 1,
  frozen: false,
  adjustable: true,
  document: '通知',
  items: [item('a', '60'), item('b', '40')],
};

describe('the chair’s draft rubric', () => {
  it('starts from the batch rubric without problems and sums its maxima exactly', () => {
    const draft = draftOf(rubric);
    expect(draftProblems(draft)).toEqual([]);
    expect(maximaSum(draft)).toBe('100');
    expect(maximaSum([{ ...draft[0]!, max: '59.5' }, draft[1]!])).toBe('99.5');
  });

  it('names what stops saving, item by item, in Chinese', () => {
    const draft = draftOf(rubric);
    const added = newItem(draft);
    expect(added).toMatchObject({ id: 'added-3', added: true });
    const problems = draftProblems([{ ...draft[0]!, max: '50' }, { ...draft[1]!, max: '40.3' }, added]);
    expect(problems).toEqual([
      '第 2 项「评分项b」：满分「40.3」不是 0.5 分的整数倍',
      '第 3 项：请填写评分项名称',
      '第 3 项：满分应大于 0',
      '第 3 项：请填写评分项说明',
      '第 3 项：每个评分指引分段都要写明说明',
      '第 3 项：新增的评分项须列出佐证材料',
    ]);
    expect(draftProblems([{ ...draft[0]!, max: '50' }, draft[1]!])).toEqual(['各评分项满分之和应为 100 分，现在为 90 分']);
  });

  it('turns the draft into the adjustment input: trimmed texts, evidence one per line', () => {
    const [a] = draftOf(rubric);
    expect(adjustmentOf([{ ...a!, title: ' 建设内容 ', evidence: '验收报告\n\n 设备清单 ' }])).toEqual([
      { id: 'a', title: '建设内容', max: '60', description: '说明', guidance: [{ from: '0', to: '60', text: '按完成情况评分' }], evidence: ['验收报告', '设备清单'] },
    ]);
  });
});
