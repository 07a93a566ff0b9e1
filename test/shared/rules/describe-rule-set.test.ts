import { describe, expect, it } from 'vitest';
import { describeRuleSet, type RuleSetDescription } from '@shared/rules';
import { RULE_SETS, ruleSet } from './helpers';

function sectionRows(description: RuleSetDescription, key: string): string[][] {
  const section = description.sections.find((s) => s.key === key);
  if (!section) throw new Error(`no section ${key}`);
  return section.rows.map((row) => [...row.cells]);
}

describe('describeRuleSet', () => {
  it.each([...RULE_SETS.keys()])('%s: every row has one cell per column, the last being its source', (id) => {
    const description = describeRuleSet(ruleSet(id));
    expect(description.id).toBe(id);
    expect(description.sections.length).toBeGreaterThan(0);
    for (const section of description.sections) {
      expect(section.columns.at(-1)).toBe('依据');
      for (const row of section.rows) {
        expect(row.cells).toHaveLength(section.columns.length);
        expect(row.cells.at(-1)).toBe(row.source);
        expect(row.source.length).toBeGreaterThan(0);
      }
    }
  });

  it('shows the Xiamen bands as a reviewer reads them', () => {
    const description = describeRuleSet(ruleSet('xiamen-2024'));
    expect(description.document).toBe('《厦门市制造业新型技术改造城市试点工作方案》（征求意见稿），2024-09-30');
    expect(description.validity).toBe('至 2027-06-30');
    const bands = sectionRows(description, 'award').map((cells) => cells.slice(1, 5));
    expect(bands).toEqual([
      ['核定投资额 低于8000万元', '不予奖补', '—', '—'],
      ['核定投资额 8000万元–2亿元（不含）', '投资额 × 比例', '8%', '1000万元'],
      ['核定投资额 2亿元–5亿元（不含）', '前一区间上限 + (投资额 − 2亿元) × 比例', '4%', '1600万元'],
      ['核定投资额 5亿元–10亿元（不含）', '前一区间上限 + (投资额 − 5亿元) × 比例', '2%', '1800万元'],
      ['核定投资额 10亿元–30亿元（不含）', '固定金额', '2000万元', '—'],
      ['核定投资额 30亿元及以上', '固定金额', '2500万元', '—'],
    ]);
    expect(
      sectionRows(description, 'schedule')
        .slice(0, 3)
        .map((cells) => cells.slice(0, 2)),
    ).toEqual([
      ['立项', '30%'],
      ['中期评估', '20%'],
      ['竣工验收', '剩余部分'],
    ]);
    expect(sectionRows(description, 'bonuses')[0]?.[1]).toBe('是否链主企业为「是」，且同步实施技改的配套企业数量 ≥ 10，且核定投资额 ≥ 8000万元');
    expect(sectionRows(description, 'readings').map((cells) => cells[0])).toContain('累进区间的基数');
  });

  it('shows the Shenyang ceilings, conditions and fund sources', () => {
    const description = describeRuleSet(ruleSet('shenyang-2025'));
    const award = sectionRows(description, 'award');
    // 第六条(二) for the four pilot industries; 第七条(三) for the others (一事一议, 参照中央标准, no standard).
    expect(award.map((cells) => [cells[3], cells[4], cells[5]])).toEqual([
      ['—', '—', '不计算金额'],
      ['15%', '1000万元', '上限（不高于）'],
      ['20%', '1500万元', '上限（不高于）'],
      ['20%', '500万元', '上限（不高于）'],
      ['20%', '1500万元', '上限（不高于）'],
      ['20%', '500万元', '上限（不高于）'],
      ['—', '—', '不计算金额'],
      ['—', '—', '不计算金额'],
    ]);
    expect(award[2]?.[0]).toContain('是否链主企业为「是」');
    expect(award[2]?.[0]).toContain('行业代码以 C34、C35、C37、C38 开头');
    const sources = sectionRows(description, 'fundSource');
    expect(sources[0]?.[1]).toContain('就高不重复');
    expect(sources[1]?.[1]).toBe('行业代码以 C34、C35、C37、C38 开头');
  });

  it('says plainly when a policy has no award formula', () => {
    const description = describeRuleSet(ruleSet('qingdao-2025'));
    expect(description.hasFormula).toBe(false);
    expect(sectionRows(description, 'award')[0]?.[0]).toContain('未规定奖补计算公式');
    // Conclusions in words; codes and the policy file's stored name are not shown to reviewers.
    const notices = sectionRows(description, 'notices');
    expect(notices.flat().join('')).not.toContain('KEY_PROJECT_LIBRARY');
    expect(notices.map((cells) => cells.at(-1)).join('')).not.toMatch(/\.txt|§/);
  });

  it('describes caps that shrink with earlier awards and the interest formula', () => {
    const platform = sectionRows(describeRuleSet(ruleSet('xiamen-2024-platform')), 'award');
    expect(platform[1]?.[4]).toBe('500万元（累计，扣除此前已累计获得的平台奖补）');
    const interest = sectionRows(describeRuleSet(ruleSet('xiamen-2024-financing-interest')), 'award');
    expect(interest[0]?.[2]).toBe('固定资产融资额（融资额最高 10亿元） × (融资年利率 − 企业承担 2%) × 贴息年限，最长 5 年');
  });
});
