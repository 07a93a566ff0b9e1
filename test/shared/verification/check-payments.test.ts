import { describe, expect, it } from 'vitest';
import { verifyProject } from '@shared/verification';
import { APPLICANT, cleanProject, context, withCode } from './fixtures';

describe('THIRD_PARTY_PAYMENT', () => {
  it('warns on a payment by someone other than the applicant, and on the invoices of its contract', () => {
    const project = cleanProject();
    project.payments[3]!.payer = '厦门鹭岛控股集团有限公司';
    const result = verifyProject(project, context());
    const [p] = withCode(result.payments.get(5), 'THIRD_PARTY_PAYMENT');
    expect(p?.severity).toBe('warning');
    expect(p?.message).toBe(`付款方「厦门鹭岛控股集团有限公司」不是申报单位「${APPLICANT}」，属第三方代付，资金流与发票、合同不一致，请核实`);
    for (const row of [4, 5]) {
      const [i] = withCode(result.invoices.get(row), 'THIRD_PARTY_PAYMENT');
      expect(i?.severity).toBe('warning');
      expect(i?.message).toBe('所属合同「HT-2024-002」有第三方代付：凭证「记-2024-07-040」 300,000.00 元由「厦门鹭岛控股集团有限公司」支付');
    }
    expect(withCode(result.invoices.get(2), 'THIRD_PARTY_PAYMENT')).toEqual([]);
  });

  it('accepts the applicant written with other brackets or spaces', () => {
    const project = cleanProject();
    project.payments[0]!.payer = ' 厦门鹭岛智能装备有限公司';
    expect(withCode(verifyProject(project, context()).payments.get(2), 'THIRD_PARTY_PAYMENT')).toEqual([]);
  });
});

describe('other payment checks', () => {
  it('PAYEE_NOT_CONTRACTOR: paid to someone other than the supplier', () => {
    const project = cleanProject();
    project.payments[5]!.payee = '北京智诚企业管理咨询中心';
    const [f] = withCode(verifyProject(project, context()).payments.get(7), 'PAYEE_NOT_CONTRACTOR');
    expect(f?.message).toContain('收款方「北京智诚企业管理咨询中心」与合同「HT-2024-003」的供应商「北京中科智诚咨询有限公司」不一致');
  });

  it('NO_CONTRACT: a payment with an unknown contract number', () => {
    const project = cleanProject();
    project.payments[5]!.contractNo = 'HT-2023-088';
    const [f] = withCode(verifyProject(project, context()).payments.get(7), 'NO_CONTRACT');
    expect(f).toMatchObject({ severity: 'warning' });
    expect(f?.message).toContain('「HT-2023-088」不在合同表中');
  });

  it('DUPLICATE_PAYMENT: the same voucher entered twice, but not two vouchers of one amount', () => {
    const project = cleanProject();
    project.payments.push({ ...project.payments[5]!, rowNo: 8 });
    const result = verifyProject(project, context());
    expect(withCode(result.payments.get(8), 'DUPLICATE_PAYMENT')[0]?.message).toContain('与付款表第 7 行');
    const distinct = cleanProject();
    distinct.payments.push({ ...distinct.payments[5]!, rowNo: 8, voucherNo: '记-2024-09-006' });
    expect(withCode(verifyProject(distinct, context()).payments.get(8), 'DUPLICATE_PAYMENT')).toEqual([]);
  });
});
