import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { computeAward, parseRuleSet, RuleSetError, safeParseRuleSet, safeParseRuleSetText, type RuleSetProblem } from '@shared/rules';
import { readRuleSetJson, RULES_DIR } from './load-rule-sets';

function clone<T>(value: T): T {
  return structuredClone(value);
}

function problems(json: unknown): RuleSetProblem[] {
  const result = safeParseRuleSet(json);
  if (result.ok) throw new Error('expected the rule set to be rejected');
  return [...result.errors];
}

function problemAt(json: unknown, path: string): RuleSetProblem {
  const all = problems(json);
  const found = all.find((problem) => problem.path === path);
  if (!found) throw new Error(`no problem at ${path}; got ${JSON.stringify(all, null, 1)}`);
  return found;
}

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const xiamen = (): Json => clone(readRuleSetJson('xiamen-2024')) as Json;

describe('the shipped rule sets', () => {
  const files = readdirSync(RULES_DIR).filter((name) => name.endsWith('.json'));

  it('are all there', () => {
    expect(files.map((name) => name.replace(/\.json$/u, '')).sort()).toEqual([
      'huanggang-2021',
      'jiangxi-2023',
      'qingdao-2025',
      'shenyang-2025',
      'xiamen-2024',
      'xiamen-2024-chain-leader',
      'xiamen-2024-cloud',
      'xiamen-2024-demonstration',
      'xiamen-2024-diagnosis',
      'xiamen-2024-financing-interest',
      'xiamen-2024-fixed-asset',
      'xiamen-2024-platform',
    ]);
  });

  it.each(files)('%s is valid, named after its id, and every rule cites a seed text', (file) => {
    const json = readRuleSetJson(file.replace(/\.json$/u, ''));
    const result = safeParseRuleSet(json);
    expect(result.ok ? [] : result.errors).toEqual([]);
    if (!result.ok) return;
    expect(`${result.value.id}.json`).toBe(file);
    const sources = JSON.stringify(json).match(/"source":"[^"]*"/gu) ?? [];
    expect(sources.length).toBeGreaterThan(0);
    for (const source of sources) expect(source).toMatch(/"source":"00[0-4]_[0-9a-f]{16}\.txt /u);
  });
});

describe('Chinese errors with JSON paths for a bureau rule-set file', () => {
  it('names a missing field', () => {
    const json = xiamen();
    delete json.summary;
    expect(problemAt(json, '$.summary').message).toMatch(/^缺少必填字段/u);
  });

  it('explains a percentage written with its sign', () => {
    const json = xiamen();
    json.award.rules[0].formula.bands[1].ratePercent = '8%';
    const problem = problemAt(json, '$.award.rules[0].formula.bands[1].ratePercent');
    expect(problem.message).toContain('应为百分数字符串');
    expect(problem.message).toContain('实际为 "8%"');
  });

  it('explains an amount written as a JSON number', () => {
    const json = xiamen();
    json.award.rules[0].formula.bands[1].cap = 10000000;
    const problem = problemAt(json, '$.award.rules[0].formula.bands[1].cap');
    expect(problem.message).toContain('应为金额字符串');
    expect(problem.message).toContain('实际为 数字 10000000');
  });

  it('lists the valid kinds for an unknown band kind', () => {
    const json = xiamen();
    json.award.rules[0].formula.bands[2].kind = 'progresive';
    const problem = problemAt(json, '$.award.rules[0].formula.bands[2].kind');
    expect(problem.message).toContain('"progressive"（累进）');
  });

  it('rejects a misspelt key instead of ignoring it', () => {
    const json = xiamen();
    json.award.rules[0].formula.bands[1].rate = '8';
    expect(problemAt(json, '$.award.rules[0].formula.bands[1]').message).toContain('未定义的字段 「rate」');
  });

  it('finds a gap between bands', () => {
    const json = xiamen();
    json.award.rules[0].formula.bands[1].to = '190000000';
    const problem = problemAt(json, '$.award.rules[0].formula.bands[1].to');
    expect(problem.message).toContain('区间应首尾相接');
    expect(problem.message).toContain('200000000');
  });

  it('finds a progressive base with no cap below it', () => {
    const json = xiamen();
    delete json.award.rules[0].formula.bands[1].cap;
    expect(problemAt(json, '$.award.rules[0].formula.bands[2].base').message).toContain('应给出上限 cap');
  });

  it('finds a condition on an undeclared field, and a wrong value type', () => {
    const json = xiamen();
    json.bonuses[0].when.of[1].fact = 'supportingCompanies';
    json.bonuses[0].when.of[0].value = 'yes';
    const all = problems(json);
    expect(all).toContainEqual({
      path: '$.bonuses[0].when.of[1].fact',
      message: '字段「supportingCompanies」未在 facts 中定义（已定义：investment、chainLeader、supportingEnterprises）',
    });
    expect(all.find((p) => p.path === '$.bonuses[0].when.of[0].value')?.message).toContain('应为 true 或 false');
  });

  it('finds instalments that pay more than the award', () => {
    const json = xiamen();
    json.schedule.instalments[1].percent = '80';
    expect(problemAt(json, '$.schedule.instalments').message).toBe('各批比例合计 110%，不能超过 100%');
  });

  it('finds stages out of order', () => {
    const json = xiamen();
    json.schedule.instalments[0].stage = 'midterm';
    expect(problemAt(json, '$.schedule.instalments[1].stage').message).toContain('顺序');
  });

  it('rejects an unsupported format version', () => {
    const json = xiamen();
    json.schemaVersion = 2;
    expect(problemAt(json, '$.schemaVersion').message).toContain('本程序支持的规则集格式版本');
  });

  it('reports every problem at once, and parseRuleSet throws them in one Chinese message', () => {
    const json = xiamen();
    json.award.rules[0].formula.bands[1].ratePercent = '8%';
    delete json.summary;
    expect(problems(json)).toHaveLength(2);
    try {
      parseRuleSet(json);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(RuleSetError);
      const message = (error as RuleSetError).message;
      expect(message).toContain('规则集「xiamen-2024」无效（2 处错误）');
      expect(message).toContain('$.summary：缺少必填字段');
      expect((error as RuleSetError).errors).toHaveLength(2);
    }
  });

  it('reports a JSON syntax error in Chinese', () => {
    const result = safeParseRuleSetText('{ "format": "jigai-rule-set", }');
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors[0]?.message).toContain('不是有效的 JSON 文本');
  });

  it('rejects something that is not an object at all', () => {
    expect(problems(null)[0]).toMatchObject({ path: '$' });
    expect(problems([])[0]?.message).toContain('应为对象');
  });
});

describe('a bureau defines a new policy without code', () => {
  // A made-up municipal policy: 6% of eligible investment from 5 million, 3% above 50 million
  // on top of the 3,000,000.00 reached at 50 million, capped 4,000,000.00; +500,000.00 for a
  // "专精特新" enterprise; 40% at application, the rest at acceptance.
  const bureau = {
    format: 'jigai-rule-set',
    schemaVersion: 1,
    id: 'demo-bureau-2026',
    version: '0.1.0',
    name: '示例市技改奖补',
    issuer: '示例市工业和信息化局',
    document: { file: 'demo.txt', title: '示例市技改奖补办法' },
    summary: '示例',
    facts: {
      investment: { type: 'money', label: '核定投资额' },
      specialised: { type: 'boolean', label: '是否专精特新企业', default: false },
    },
    award: {
      kind: 'rules',
      noMatchMessage: '无适用规则',
      rules: [
        {
          id: 'main',
          label: '技改奖补',
          ceiling: false,
          description: '分区间累进',
          source: 'demo.txt 第三条',
          formula: {
            kind: 'bands',
            base: 'investment',
            bands: [
              { id: 'low', kind: 'none', from: '0', to: '5000000', description: '不足500万元不奖补', source: 'demo.txt 第三条(一)' },
              { id: 'mid', kind: 'rate', from: '5000000', to: '50000000', ratePercent: '6', cap: '3000000', description: '6%', source: 'demo.txt 第三条(二)' },
              {
                id: 'high',
                kind: 'progressive',
                from: '50000000',
                base: 'previous-cap',
                ratePercent: '3',
                cap: '4000000',
                description: '超出部分3%',
                source: 'demo.txt 第三条(三)',
              },
            ],
          },
        },
      ],
    },
    bonuses: [
      {
        id: 'specialised',
        label: '专精特新加奖',
        when: { op: 'eq', fact: 'specialised', value: true },
        amount: '500000',
        requiresAcceptance: true,
        description: '专精特新企业另奖50万元',
        source: 'demo.txt 第四条',
      },
    ],
    schedule: {
      kind: 'instalments',
      description: '两期',
      source: 'demo.txt 第五条',
      instalments: [
        { kind: 'percent', stage: 'application', percent: '40', description: '立项40%', source: 'demo.txt 第五条' },
        { kind: 'remainder', stage: 'acceptance', description: '验收余额', source: 'demo.txt 第五条' },
      ],
      refundOnFailedAcceptance: true,
      refundDescription: '验收不通过全额退还',
      refundSource: 'demo.txt 第六条',
    },
  };

  it('is validated and computed like the shipped ones', () => {
    const ruleSet = parseRuleSet(bureau);
    // 3,000,000.00 + (60,000,000.00 − 50,000,000.00) × 3% = 3,300,000.00; + 500,000.00 = 3,800,000.00
    const result = computeAward(ruleSet, { investment: '60000000.00', specialised: true });
    expect(result.award).toBe('3800000.00');
    // 40% of 3,300,000.00 = 1,320,000.00; acceptance 1,980,000.00 + 500,000.00
    expect(result.schedule.map((entry) => entry.amount)).toEqual(['1320000.00', '2480000.00']);
    // 4,999,999.99 is below the threshold
    expect(computeAward(ruleSet, { investment: '4999999.99' }).award).toBe('0.00');
  });
});
