import { describe, expect, it } from 'vitest';
import {
  INVESTMENT_CATEGORIES,
  INVOICE_TYPES,
  enumLabel,
  parseIndicatorCategory,
  parseInvestmentCategory,
  parseInvoiceType,
  parseProjectType,
  parseRegionType,
  parseStage,
  parseVerdict,
  STAGES,
} from '@shared/domain/enums';
import { formatYesNo, parseYesNo } from '@shared/domain/yes-no';

describe('parseYesNo', () => {
  it.each<[unknown, boolean]>([
    ['是', true],
    ['否', false],
    [' 是 ', true],
    [true, true],
    [false, false],
    ['Y', true],
    ['n', false],
    ['TRUE', true],
    ['false', false],
  ])('%j → %s', (input, expected) => {
    expect(parseYesNo(input)).toEqual({ ok: true, value: expected });
  });

  it('rejects anything else, naming the field', () => {
    expect(parseYesNo('不是', '是否国产')).toEqual({ ok: false, message: '是否国产「不是」应填写「是」或「否」' });
    expect(parseYesNo('', '是否链主企业')).toEqual({ ok: false, message: '是否链主企业为空，应填写「是」或「否」' });
    expect(parseYesNo(1).ok).toBe(false);
  });

  it('formats booleans', () => {
    expect(formatYesNo(true)).toBe('是');
    expect(formatYesNo(false)).toBe('否');
  });
});

describe('enumerations', () => {
  it('reads project types 点/线/面', () => {
    expect(parseProjectType('点')).toEqual({ ok: true, value: 'point' });
    expect(parseProjectType(' 线 ')).toEqual({ ok: true, value: 'line' });
    expect(parseProjectType('面上项目')).toEqual({ ok: true, value: 'area' });
    expect(parseProjectType('体')).toEqual({ ok: false, message: '项目类型「体」不是可选的值，应为 点、线、面 之一' });
  });

  it('reads region types', () => {
    expect(parseRegionType('国家级开发区')).toEqual({ ok: true, value: 'national-zone' });
    expect(parseRegionType('省级开发区')).toEqual({ ok: true, value: 'provincial-zone' });
    expect(parseRegionType('一类县')).toEqual({ ok: true, value: 'county-1' });
    expect(parseRegionType('二类县')).toEqual({ ok: true, value: 'county-2' });
    expect(parseRegionType('三类县')).toEqual({ ok: true, value: 'county-3' });
    expect(parseRegionType('四类县').ok).toBe(false);
  });

  it('reads stages by Chinese name or manifest id', () => {
    expect(parseStage('立项评审')).toEqual({ ok: true, value: 'application' });
    expect(parseStage('中期评估')).toEqual({ ok: true, value: 'midterm' });
    expect(parseStage('竣工验收')).toEqual({ ok: true, value: 'acceptance' });
    expect(parseStage('acceptance')).toEqual({ ok: true, value: 'acceptance' });
    expect(enumLabel(STAGES, 'midterm')).toBe('中期评估');
  });

  it('reads the 投资类别 list', () => {
    expect(INVESTMENT_CATEGORIES.map((c) => c.label)).toEqual(['设备', '软件', '工艺', '平台', '咨询', '测试', '土建', '土地', '其他']);
    expect(parseInvestmentCategory('土建')).toEqual({ ok: true, value: 'construction' });
    const r = parseInvestmentCategory('厂房');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message).toBe('投资类别「厂房」不是可选的值，应为 设备、软件、工艺、平台、咨询、测试、土建、土地、其他 之一');
  });

  it('reads the 发票类型 list and the titles printed on invoices', () => {
    expect(INVOICE_TYPES.map((t) => t.label)).toEqual(['增值税专用发票', '增值税普通发票', '电子专票', '电子普票', '数电专票', '数电普票']);
    expect(parseInvoiceType('数电专票')).toEqual({ ok: true, value: 'digital-special' });
    expect(parseInvoiceType('电子发票(增值税专用发票)')).toEqual({ ok: true, value: 'digital-special' });
    expect(parseInvoiceType('电子发票（普通发票）')).toEqual({ ok: true, value: 'digital-ordinary' });
    expect(parseInvoiceType('增值税电子专用发票')).toEqual({ ok: true, value: 'e-special' });
    expect(INVOICE_TYPES.filter((t) => t.special).map((t) => t.id)).toEqual(['vat-special', 'e-special', 'digital-special']);
    expect(parseInvoiceType('收据').ok).toBe(false);
  });

  it('reads verdicts and indicator categories', () => {
    expect(parseVerdict('基本通过')).toEqual({ ok: true, value: 'basic-pass' });
    expect(parseVerdict('不通过')).toEqual({ ok: true, value: 'fail' });
    expect(parseIndicatorCategory('技术指标')).toEqual({ ok: true, value: 'technical' });
    expect(parseIndicatorCategory('', '指标类别').ok).toBe(false);
  });
});
