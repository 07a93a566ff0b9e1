import { describe, expect, it } from 'vitest';
import { checkExcludedSpending, extractTaxCategory } from '@shared/domain/tax-category';

describe('extractTaxCategory', () => {
  it.each([
    ['*建筑服务*工程款', '建筑服务', '工程款'],
    ['*计算机配套产品*服务器', '计算机配套产品', '服务器'],
    ['*信息技术服务*技术服务费', '信息技术服务', '技术服务费'],
    ['*人力资源服务*劳务', '人力资源服务', '劳务'],
    ['＊建筑服务＊工程款', '建筑服务', '工程款'],
    [' * 经营租赁 * 厂房租金 ', '经营租赁', '厂房租金'],
    ['*金属加工机械*数控机床*五轴', '金属加工机械', '数控机床*五轴'],
    ['*软件*', '软件', ''],
  ])('%s → %s / %s', (name, category, productName) => {
    expect(extractTaxCategory(name)).toEqual({ category, productName });
  });

  it.each(['服务器', '', '**服务器', '*未闭合'])('has no category in %j', (name) => {
    expect(extractTaxCategory(name)).toBeUndefined();
  });
});

describe('checkExcludedSpending', () => {
  it('flags construction and explains why', () => {
    const r = checkExcludedSpending('*建筑服务*工程款');
    expect(r.excluded).toBe(true);
    if (r.excluded) {
      expect(r.category).toBe('建筑服务');
      expect(r.rule.id).toBe('construction');
      expect(r.message).toBe('项目名称「*建筑服务*工程款」税收分类为「建筑服务」，属于建筑工程（土建、装修、安装等），技改投资一般不含建筑物，请核对是否应计入');
    }
  });

  it.each([
    ['*不动产*厂房', 'real-estate'],
    ['*经营租赁*设备租金', 'lease'],
    ['*融资租赁*本金', 'lease'],
    ['*不动产经营租赁服务*厂房租金', 'real-estate'],
    ['*无形资产*土地使用权', 'land'],
    ['土地使用权出让金', 'land'],
  ])('flags %s as %s', (name, id) => {
    const r = checkExcludedSpending(name);
    expect(r.excluded).toBe(true);
    if (r.excluded) expect(r.rule.id).toBe(id);
  });

  it.each(['*计算机配套产品*服务器', '*信息技术服务*技术服务费', '*金属加工机械*数控机床', '服务器'])('does not flag %s', (name) => {
    expect(checkExcludedSpending(name).excluded).toBe(false);
  });

  it('returns the category even when nothing is excluded', () => {
    expect(checkExcludedSpending('*计算机配套产品*服务器')).toEqual({ excluded: false, category: '计算机配套产品' });
    expect(checkExcludedSpending('服务器')).toEqual({ excluded: false });
  });

  it('accepts a custom rule list', () => {
    const rules = [{ id: 'lease', where: 'category', keyword: '运输服务', reason: '测试用规则' }] as const;
    expect(checkExcludedSpending('*运输服务*运费', rules).excluded).toBe(true);
    expect(checkExcludedSpending('*建筑服务*工程款', rules).excluded).toBe(false);
  });
});
