import { describe, expect, it } from 'vitest';
import { tradeNameStem, verifyProject } from '@shared/verification';
import { APPLICANT, APPLICANT_CODE, cleanProject, context, invoiceFindings, MACHINE_CODE, withCode, withInvoice } from './fixtures';

const at = (changes: Parameters<typeof withInvoice>[2], rowNo = 2) => invoiceFindings(withInvoice(cleanProject(), rowNo, changes), rowNo);

describe('BUYER_NOT_APPLICANT', () => {
  it('accepts the applicant written with full- or half-width brackets and stray spaces', () => {
    const project = cleanProject();
    project.applicant = '厦门鹭岛智能装备（集团）有限公司';
    project.invoices = project.invoices.map((i) => ({ ...i, buyerName: '厦门鹭岛智能装备 (集团)有限公司' }));
    expect(withCode(verifyProject(project, context()).invoices.get(2), 'BUYER_NOT_APPLICANT')).toEqual([]);
    expect(withCode(at({ buyerTaxId: ' 914400007556190127 ' }), 'BUYER_NOT_APPLICANT')).toEqual([]);
  });

  it('rejects another buyer name, naming both', () => {
    const [f] = withCode(at({ buyerName: '厦门鹭岛精密模具有限公司' }), 'BUYER_NOT_APPLICANT');
    expect(f).toMatchObject({ severity: 'error' });
    expect(f?.message).toBe(`购买方名称「厦门鹭岛精密模具有限公司」与申报单位「${APPLICANT}」不一致`);
  });

  it('rejects another buyer tax id even under the right name', () => {
    const [f] = withCode(at({ buyerTaxId: MACHINE_CODE }), 'BUYER_NOT_APPLICANT');
    expect(f).toMatchObject({ severity: 'error' });
    expect(f?.message).toBe(`购买方纳税人识别号「${MACHINE_CODE}」与申报单位统一社会信用代码「${APPLICANT_CODE}」不一致`);
  });

  it('warns when the buyer fields are empty', () => {
    expect(withCode(at({ buyerTaxId: '' }), 'BUYER_NOT_APPLICANT')[0]?.severity).toBe('warning');
    expect(withCode(at({ buyerName: '' }), 'BUYER_NOT_APPLICANT')[0]?.severity).toBe('warning');
  });
});

describe('CREDIT_CODE_CHECK', () => {
  it('passes the valid codes of the fixture', () => {
    expect(withCode(at({}), 'CREDIT_CODE_CHECK')).toEqual([]);
  });

  it('warns, never errs, on a code that fails GB 32100', () => {
    const project = withInvoice(cleanProject(), 2, { sellerTaxId: '91441702707782974D' });
    project.contracts[0]!.supplierCode = '91441702707782974D';
    const result = verifyProject(project, context());
    const [f] = withCode(result.invoices.get(2), 'CREDIT_CODE_CHECK');
    expect(f?.severity).toBe('warning');
    expect(f?.message).toContain('销售方纳税人识别号「91441702707782974D」未通过 GB 32100 校验：第 18 位校验码按前 17 位应为「C」');
    expect(withCode(result.contracts.get('HT-2024-001'), 'CREDIT_CODE_CHECK')[0]?.severity).toBe('warning');
    const all = [...result.invoices.values(), ...result.contracts.values()].flat();
    expect(all.filter((x) => x.code === 'CREDIT_CODE_CHECK' && x.severity === 'error')).toEqual([]);
  });

  it('checks the buyer code too', () => {
    const [f] = withCode(at({ buyerTaxId: '91500106MA2CE71F65' }), 'CREDIT_CODE_CHECK');
    expect(f?.severity).toBe('warning');
    expect(f?.message).toContain('购买方纳税人识别号');
  });

  it('gives a notice for an old 15-digit taxpayer id', () => {
    const [f] = withCode(at({ sellerTaxId: '441702707782974' }), 'CREDIT_CODE_CHECK');
    expect(f).toMatchObject({ severity: 'info' });
    expect(f?.message).toContain('15 位的旧纳税人识别号');
  });
});

describe('RELATED_PARTY', () => {
  it('reduces company names to their 字号', () => {
    expect(tradeNameStem('厦门鹭岛智能装备有限公司')).toBe('鹭岛');
    expect(tradeNameStem('鹭岛智能科技（厦门）有限公司')).toBe('鹭岛');
    expect(tradeNameStem('阳江市锐达数控设备有限公司')).toBe('锐达');
    expect(tradeNameStem('北京中科智诚咨询有限公司')).toBe('中科智诚');
    expect(tradeNameStem('鹭岛智能装备股份有限公司厦门分公司')).toBe('鹭岛');
    // nothing but generic words: no stem to compare
    expect(tradeNameStem('厦门智能装备有限公司')).toBe('');
  });

  it('warns about a seller with the applicant’s 字号, saying which sign', () => {
    const project = withInvoice(cleanProject(), 2, { sellerName: '鹭岛智能科技(厦门)有限公司' });
    const [f] = withCode(invoiceFindings(project, 2), 'RELATED_PARTY');
    expect(f?.severity).toBe('warning');
    expect(f?.message).toContain('去掉地名、行业和组织形式后字号相同（「鹭岛」）');
  });

  it('warns about a seller with the applicant’s own credit code', () => {
    const [f] = withCode(at({ sellerTaxId: APPLICANT_CODE }), 'RELATED_PARTY');
    expect(f?.message).toContain(`纳税人识别号「${APPLICANT_CODE}」与申报单位「${APPLICANT}」的统一社会信用代码相同`);
  });

  it('flags the contract whose supplier looks related', () => {
    const project = cleanProject();
    project.contracts[2]!.supplierName = '鹭岛智能科技（厦门）有限公司';
    const [f] = withCode(verifyProject(project, context()).contracts.get('HT-2024-003'), 'RELATED_PARTY');
    expect(f?.message).toContain('供应商「鹭岛智能科技（厦门）有限公司」');
  });

  it('does not fire for unrelated suppliers that merely share industry words', () => {
    expect(withCode(at({ sellerName: '厦门智能装备有限公司' }), 'RELATED_PARTY')).toEqual([]);
    expect(withCode(at({ sellerName: '厦门鹭江智能装备有限公司' }), 'RELATED_PARTY')).toEqual([]);
  });
});
