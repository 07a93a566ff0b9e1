import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { deriveRubric } from '@shared/scoring/rubric-derive';
import { parseRubric, safeParseRubric, safeParseRubricText, type Rubric } from '@shared/scoring/rubric-schema';
import { RESOURCES_DIR } from '../../support/temp-dir';

const acceptance = parseRubric(JSON.parse(fs.readFileSync(path.join(RESOURCES_DIR, 'rubrics', 'xiamen-2024-acceptance.json'), 'utf8')));
const HASH = 'a'.repeat(64);

function errorsOf(json: unknown): string[] {
  const result = safeParseRubric(json);
  return result.ok ? [] : result.errors.map((e) => `${e.path}：${e.message}`);
}

function mutate(change: (copy: Rubric) => void): Rubric {
  const copy = structuredClone(acceptance) as Rubric;
  change(copy);
  return copy;
}

describe('rubric validation', () => {
  it('accepts the shipped rubric', () => {
    expect(errorsOf(acceptance)).toEqual([]);
  });

  it('refuses maxima that do not sum to 100, naming the items', () => {
    const errors = errorsOf(mutate((r) => (r.items[0] = { ...r.items[0]!, max: '35', guidance: [{ from: '0', to: '35', text: '全部' }] })));
    expect(errors).toEqual([expect.stringMatching(/^\$\.items：各评分项满分之和应为 100 分，实际为 105 分（建设内容与建设指标完成情况 35、/u)]);
  });

  it('refuses a maximum that is not a multiple of 0.5, or zero', () => {
    expect(errorsOf(mutate((r) => (r.items[3]!.max = '20.3')))).toContain('$.items[3].max：满分应为 0.5 分的整数倍，实际为 "20.3"');
    const zero = errorsOf(mutate((r) => r.items.push({ ...r.items[3]!, id: 'nothing', max: '0', guidance: [{ from: '0', to: '0', text: '无' }] })));
    expect(zero).toContain('$.items[4].max：评分项「佐证材料完整性与真实性」的满分应大于 0');
  });

  it('refuses duplicate item ids at the second occurrence', () => {
    expect(errorsOf(mutate((r) => (r.items[2]!.id = 'construction-indicators')))).toContain(
      '$.items[2].id：评分项编号「construction-indicators」重复；每个评分项的编号必须唯一',
    );
  });

  it('refuses guidance with a gap, an overlap, a bad start or one that stops short of the maximum', () => {
    const gap = errorsOf(mutate((r) => (r.items[0]!.guidance[1]!.from = '19')));
    expect(gap).toEqual([
      '$.items[0].guidance[1].from：评分项「建设内容与建设指标完成情况」的评分指引第 2 段从 19 分起，与上一分段之间有空缺（上一段到 17.5 分为止）；应从 18 分起',
    ]);
    const overlap = errorsOf(mutate((r) => (r.items[0]!.guidance[1]!.from = '17.5')));
    expect(overlap[0]).toContain('与上一分段重叠');
    expect(errorsOf(mutate((r) => (r.items[1]!.guidance[0]!.from = '1')))[0]).toContain(
      '$.items[1].guidance[0].from：评分项「技术指标完成情况」的评分指引第 1 段从 1 分起，应从 0 分开始',
    );
    expect(errorsOf(mutate((r) => (r.items[1]!.guidance[2]!.to = '24.5')))).toEqual([
      '$.items[1].guidance[2].to：评分项「技术指标完成情况」的评分指引最后一段应到满分 25 分为止，实际到 24.5 分',
    ]);
    expect(errorsOf(mutate((r) => (r.items[1]!.guidance[2]!.to = '26')))[0]).toContain('超过本项满分 25 分');
  });

  it('reports shape errors with their JSON path in Chinese', () => {
    const errors = errorsOf(
      mutate((r) => {
        (r as unknown as Record<string, unknown>).stages = ['final'];
        delete (r.items[0] as Partial<Rubric['items'][number]>).source;
      }),
    );
    expect(errors).toEqual(
      expect.arrayContaining([expect.stringMatching(/^\$\.stages\[0\]：应为评审阶段/u), expect.stringMatching(/^\$\.items\[0\]\.source：缺少必填字段/u)]),
    );
    expect(safeParseRubricText('{ nope')).toMatchObject({ ok: false, errors: [{ path: '$', message: expect.stringContaining('不是有效的 JSON 文本') }] });
  });
});

describe('a rubric adjusted by the chair', () => {
  it('is a new, re-validated rubric naming the default it came from', () => {
    const result = deriveRubric(acceptance, HASH, {
      edit: {
        'technical-indicators': {
          max: '20',
          guidance: [
            { from: '0', to: '11.5', text: '不足' },
            { from: '12', to: '20', text: '达到' },
          ],
        },
        evidence: { max: '25', guidance: [{ from: '0', to: '25', text: '按材料完整程度' }], description: '另须核对银行流水' },
      },
    });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value.version).toBe(2);
    expect(result.value.derivedFrom).toEqual({ id: 'xiamen-2024-acceptance', version: 1, hash: HASH });
    expect(result.value.items.map((i) => [i.id, i.max])).toEqual([
      ['construction-indicators', '30'],
      ['technical-indicators', '20'],
      ['investment-completion', '25'],
      ['evidence', '25'],
    ]);
    expect(result.value.items[3]?.source).toBe(acceptance.items[3]?.source);
    expect(acceptance.items[1]?.max).toBe('25');
  });

  it('is refused when the edits break the total or name unknown items', () => {
    const broken = deriveRubric(acceptance, HASH, { remove: ['evidence'] });
    expect(broken).toMatchObject({ ok: false, errors: [{ path: '$.items', message: expect.stringContaining('实际为 80 分') }] });
    const unknown = deriveRubric(acceptance, HASH, { edit: { nosuch: { title: 'x' } }, remove: ['gone'] });
    expect(unknown).toMatchObject({
      ok: false,
      errors: [
        { path: '$.edit.nosuch', message: expect.stringContaining('要修改的评分项「nosuch」不在评分标准') },
        { path: '$.remove[0]', message: expect.stringContaining('要删除的评分项「gone」') },
      ],
    });
  });

  it('may replace an item by another that cites its own paragraph', () => {
    const site = { ...acceptance.items[3]!, id: 'site-check', title: '现场核验情况', source: '000_985b87a7ad46cc56.txt §三(二)6' };
    const result = deriveRubric(acceptance, HASH, { remove: ['evidence'], add: [site], version: 5, name: '厦门市竣工验收评分标准（本批次）' });
    expect(result).toMatchObject({ ok: true, value: { version: 5, name: '厦门市竣工验收评分标准（本批次）' } });
  });
});
