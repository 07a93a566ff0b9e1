import { describe, expect, it } from 'vitest';
import {
  SHEET_COLUMNS,
  SHEET_NAMES,
  findHeaderRow,
  headerKey,
  matchHeaderRow,
  normalizeHeader,
  resolveHeader,
  resolveProjectInfoField,
  resolveSheetName,
} from '@shared/domain/header-match';

describe('normalizeHeader', () => {
  it('ignores spaces and line breaks and folds full-width brackets and commas', () => {
    expect(headerKey('金额（不含税）')).toBe(headerKey('金额(不含税)'));
    expect(headerKey(' 价税\n合计 ')).toBe('价税合计');
    expect(headerKey('金额（含税，不含运费）')).toBe('金额(含税,不含运费)');
  });

  it('reads and strips a unit in brackets', () => {
    expect(normalizeHeader('计划总投资（万元）')).toEqual({ raw: '计划总投资（万元）', key: '计划总投资', unit: 'wan' });
    expect(normalizeHeader('合同金额(元)')).toMatchObject({ key: '合同金额', unit: 'yuan' });
    expect(normalizeHeader('合同金额（单位：万元）')).toMatchObject({ key: '合同金额', unit: 'wan' });
    expect(normalizeHeader('合同金额（含税，万元）')).toMatchObject({ key: '合同金额(含税)', unit: 'wan' });
    expect(normalizeHeader('合同金额（含税）（万元）')).toMatchObject({ key: '合同金额(含税)', unit: 'wan' });
  });

  it('keeps other bracket text as part of the name', () => {
    expect(normalizeHeader('价税合计（大写）')).toEqual({ raw: '价税合计（大写）', key: '价税合计(大写)' });
    expect(normalizeHeader('金额（含税）').key).toBe('金额(含税)');
  });

  it('reports a header with two different units', () => {
    expect(normalizeHeader('金额（元）（万元）').problem).toContain('同时写了「元」和「万元」');
  });
});

describe('resolveHeader', () => {
  it('resolves canonical names and aliases, with units', () => {
    expect(resolveHeader('发票', '金额（不含税）')).toEqual({ column: '金额', amount: true, unit: 'yuan', unitWritten: false });
    expect(resolveHeader('发票', '不含税金额（万元）')).toEqual({ column: '金额', amount: true, unit: 'wan', unitWritten: true });
    expect(resolveHeader('发票', '合计税额')?.column).toBe('税额');
    expect(resolveHeader('合同', '合同金额（含税）')?.column).toBe('合同金额');
    expect(resolveHeader('合同', '合同价款(万元)')).toMatchObject({ column: '合同金额', unit: 'wan' });
    expect(resolveHeader('合同', '供应商纳税人识别号')?.column).toBe('供应商统一社会信用代码');
    expect(resolveHeader('发票', '销方税号')?.column).toBe('销售方纳税人识别号');
    expect(resolveHeader('发票', '购买方统一社会信用代码')?.column).toBe('购买方纳税人识别号');
  });

  it('keeps 价税合计 and 价税合计（大写） apart', () => {
    expect(resolveHeader('发票', '价税合计')).toMatchObject({ column: '价税合计', amount: true });
    expect(resolveHeader('发票', '价税合计（小写）')?.column).toBe('价税合计');
    expect(resolveHeader('发票', '含税金额')?.column).toBe('价税合计');
    expect(resolveHeader('发票', '价税合计（大写）')).toMatchObject({ column: '价税合计（大写）', amount: false });
    expect(resolveHeader('发票', '价税合计(大写)')?.column).toBe('价税合计（大写）');
    expect(resolveHeader('发票', '大写金额')?.column).toBe('价税合计（大写）');
    expect(resolveHeader('发票', '价税合计大写')?.column).toBe('价税合计（大写）');
  });

  it('reads 金额 per sheet', () => {
    expect(resolveHeader('付款', '付款金额')?.column).toBe('金额');
    expect(resolveHeader('付款', '实付金额')?.column).toBe('金额');
    expect(resolveHeader('发票', '付款金额')).toBeUndefined();
    expect(resolveHeader('付款', '不含税金额')).toBeUndefined();
    expect(resolveHeader('合同', '金额')).toBeUndefined();
  });

  it('does not take 金额（含税） for the invoice amount, which excludes tax', () => {
    expect(resolveHeader('发票', '金额（含税）')).toBeUndefined();
  });

  it('resolves 项目信息 fields', () => {
    expect(resolveProjectInfoField('计划总投资（万元）')).toEqual({ column: '计划总投资', amount: true, unit: 'wan', unitWritten: true });
    expect(resolveProjectInfoField('总投资')?.column).toBe('计划总投资');
    expect(resolveProjectInfoField('是否链主企业')?.column).toBe('是否链主企业');
    expect(resolveProjectInfoField('其他')).toBeUndefined();
    expect(resolveHeader('项目信息', '字段')?.column).toBe('字段');
  });

  it('has no alias that means two columns on one sheet', () => {
    for (const sheet of SHEET_NAMES) {
      const owner = new Map<string, string>();
      for (const spec of SHEET_COLUMNS[sheet]) {
        for (const name of [spec.name, ...spec.aliases]) {
          const key = headerKey(name);
          expect(owner.get(key) ?? spec.name, `${sheet}: ${name}`).toBe(spec.name);
          owner.set(key, spec.name);
          expect(resolveHeader(sheet, name)?.column).toBe(spec.name);
        }
      }
    }
  });
});

describe('resolveSheetName', () => {
  it('finds sheets by folded name', () => {
    expect(resolveSheetName(' 发 票 ')).toBe('发票');
    expect(resolveSheetName('绩效指标')).toBe('绩效指标');
    expect(resolveSheetName('Sheet1')).toBeUndefined();
  });
});

describe('matchHeaderRow', () => {
  it('maps cells to columns, keeps unknown ones and reports duplicates and missing', () => {
    const m = matchHeaderRow('付款', ['付款凭证号', '', '付款日期', '备注', '实付金额（万元）', '金额', null, 42]);
    expect(m.columns.map((c) => [c.index, c.column, c.unit])).toEqual([
      [0, '付款凭证号', 'yuan'],
      [2, '付款日期', 'yuan'],
      [4, '金额', 'wan'],
    ]);
    expect(m.unknown).toEqual([
      { index: 3, raw: '备注' },
      { index: 7, raw: '42' },
    ]);
    expect(m.duplicates).toEqual([{ index: 5, raw: '金额', column: '金额', firstIndex: 4 }]);
    expect(m.missing).toEqual(['付款方', '收款方', '合同编号', '附件']);
  });
});

describe('findHeaderRow', () => {
  it('skips title rows and blank rows above the header', () => {
    const rows = [
      ['2026年新型技改重点项目 发票明细'],
      [],
      ['发票号码（填写说明见附表）', null],
      ['发票代码', '发票 号码', '开票日期', '金额（元）'],
      ['', '23440000000000100001', '2023-02-23', 2],
    ];
    expect(findHeaderRow('发票', rows)).toBe(3);
    expect(findHeaderRow('项目信息', [['项目信息表'], ['字段', '值']])).toBe(1);
    expect(findHeaderRow('付款', [['无关'], ['内容']])).toBeUndefined();
  });
});
