import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseRecusal, RECUSAL_KINDS } from '@shared/scoring/recusal';
import { parseRubric } from '@shared/scoring/rubric-schema';
import { commentRequired, projectTotal, readVerdict, validateProjectScore } from '@shared/scoring/score-rules';
import { RESOURCES_DIR } from '../../support/temp-dir';

// 建设内容与建设指标完成情况 30, 技术指标完成情况 25, 投资完成与认定 25, 佐证材料完整性与真实性 20
const rubric = parseRubric(JSON.parse(fs.readFileSync(path.join(RESOURCES_DIR, 'rubrics', 'xiamen-2024-acceptance.json'), 'utf8')));
const messages = (...args: Parameters<typeof validateProjectScore>) => validateProjectScore(...args).map((p) => p.message);

describe('item scores', () => {
  it('accepts half points within 0..max and a complete, explained score sheet', () => {
    const problems = validateProjectScore(
      rubric,
      {
        items: { 'construction-indicators': '27.5', 'technical-indicators': '20', 'investment-completion': '14.5', evidence: '20' },
        comments: { 'investment-completion': '核定投资额仅为计划的一半', evidence: '合同、发票、付款凭证逐一对应' },
        verdict: '基本通过',
        opinion: '建议整改后通过。',
      },
      { complete: true },
    );
    expect(problems).toEqual([]);
  });

  it('names the item of a score off the half-point grid, above the maximum or not a number', () => {
    expect(messages(rubric, { items: { 'technical-indicators': '18.3', evidence: '21', 'investment-completion': '八十' } }, { complete: false })).toEqual([
      '「技术指标完成情况」的得分「18.3」不是 0.5 分的整数倍',
      '「投资完成与认定」的得分「八十」不是有效的分值，应为不带符号的数字字符串（以 0.5 分为单位），如 "18.5"',
      '「佐证材料完整性与真实性」的得分 21 分超过本项满分 20 分',
    ]);
  });

  it('requires a comment below 60% of the maximum and at the maximum, not at exactly 60%', () => {
    // 60% of 25 is 15: 14.5 needs a reason, 15 does not; 25 is the maximum
    expect(commentRequired({ max: '25' }, '14.5')).toBe(true);
    expect(commentRequired({ max: '25' }, '15')).toBe(false);
    expect(commentRequired({ max: '25' }, '24.5')).toBe(false);
    expect(commentRequired({ max: '25' }, '25')).toBe(true);
    expect(
      messages(
        rubric,
        { items: { 'investment-completion': '14.5', 'construction-indicators': '30' }, comments: { 'construction-indicators': '  ' } },
        { complete: false },
      ),
    ).toEqual(['「建设内容与建设指标完成情况」给了满分 30 分，须填写评语说明理由', '「投资完成与认定」得分 14.5 分低于本项满分的 60%（15 分），须填写评语说明理由']);
  });

  it('allows gaps while typing but not when handing in', () => {
    const partial = { items: { 'construction-indicators': '24' } };
    expect(validateProjectScore(rubric, partial, { complete: false })).toEqual([]);
    expect(messages(rubric, partial, { complete: true })).toEqual([
      '「技术指标完成情况」尚未评分（满分 25 分）',
      '「投资完成与认定」尚未评分（满分 25 分）',
      '「佐证材料完整性与真实性」尚未评分（满分 20 分）',
      '尚未给出评审结论（通过、基本通过或不通过）',
      '尚未填写评审意见',
    ]);
  });

  it('refuses an unknown item and an unknown verdict', () => {
    expect(validateProjectScore(rubric, { items: { nosuch: '3' }, verdict: '优秀' }, { complete: false })).toEqual([
      { itemId: 'nosuch', field: 'score', message: '评分标准「厦门市新技改重点项目竣工验收评分标准」中没有评分项「nosuch」' },
      { field: 'verdict', message: '评审结论「优秀」不是可选的值，应为 通过、基本通过、不通过 之一' },
    ]);
  });

  it('totals the item scores exactly, and has no total while an item is unscored', () => {
    expect(projectTotal(rubric, { 'construction-indicators': '27.5', 'technical-indicators': '20', 'investment-completion': '14.5', evidence: '20' })).toBe('82');
    expect(projectTotal(rubric, { 'construction-indicators': '27.5', 'technical-indicators': '20.5', 'investment-completion': '14.5', evidence: '20' })).toBe('82.5');
    expect(projectTotal(rubric, { 'construction-indicators': '27.5' })).toBeNull();
  });

  it('reads verdicts by label or code', () => {
    expect([readVerdict('通过'), readVerdict('基本通过'), readVerdict('fail'), readVerdict('优秀')]).toEqual(['pass', 'basic-pass', 'fail', null]);
  });
});

describe('recusal', () => {
  it('has the five kinds with Chinese labels', () => {
    expect(RECUSAL_KINDS.map((k) => `${k.id}=${k.label}`)).toEqual([
      'employer=任职关系',
      'shareholding=持股关系',
      'family=亲属关系',
      'cooperation=近期合作关系',
      'other=其他利害关系',
    ]);
  });

  it('reads a kind by code or label and requires a note for “other”', () => {
    expect(parseRecusal({ kind: 'family' })).toEqual({ ok: true, value: { kind: 'family', note: '' } });
    expect(parseRecusal({ kind: '近期合作', note: ' 2025 年共同承担课题 ' })).toEqual({ ok: true, value: { kind: 'cooperation', note: '2025 年共同承担课题' } });
    expect(parseRecusal({ kind: 'other', note: ' ' })).toEqual({ ok: false, message: '回避声明的回避原因为“其他”，须填写说明' });
    expect(parseRecusal({ kind: 'friend' }, '项目 XM2024-001 的回避声明')).toMatchObject({
      ok: false,
      message: expect.stringContaining('项目 XM2024-001 的回避声明的回避原因'),
    });
  });
});
