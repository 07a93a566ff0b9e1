import { describe, expect, it } from 'vitest';
import { formatAmountInWords } from '@shared/domain/amount-in-words';
import { suggestDecision, verifyProject } from '@shared/verification';
import {
  APPLICANT,
  CONSULTANT,
  CONSULTANT_CODE,
  MACHINE_CODE,
  MACHINE_SUPPLIER,
  cleanProject,
  context,
  invoice,
  invoiceFindings,
  priced,
  withCode,
  withInvoice,
} from './fixtures';

describe('NO_CONTRACT', () => {
  it('rejects an invoice without a contract number, or with one not on the 合同 sheet', () => {
    const none = withCode(invoiceFindings(withInvoice(cleanProject(), 3, { contractNo: '' }), 3), 'NO_CONTRACT');
    expect(none[0]).toMatchObject({ severity: 'error' });
    expect(none[0]?.message).toContain('未填写合同编号');
    const unknown = withCode(invoiceFindings(withInvoice(cleanProject(), 3, { contractNo: 'HT-2024-009' }), 3), 'NO_CONTRACT');
    expect(unknown[0]?.message).toBe('合同编号「HT-2024-009」不在合同表中，无法与合同和付款凭证对应（000_985b87a7ad46cc56.txt §五(一)、§五(二)）');
    // §五(二) 提供对应合同及付款凭证作为佐证材料: statutory, no decision counts it
    expect(unknown[0]?.statutory).toBe('000_985b87a7ad46cc56.txt §五(一)、§五(二)');
    expect(withCode(invoiceFindings(withInvoice(cleanProject(), 3, { contractNo: '' }), 3, context(null)), 'NO_CONTRACT')[0]?.statutory).toBeUndefined();
  });

  it('matches contract numbers regardless of width, case and spaces', () => {
    const project = withInvoice(cleanProject(), 3, { contractNo: ' ht－2024－001 ' });
    expect(withCode(invoiceFindings(project, 3), 'NO_CONTRACT')).toEqual([]);
  });
});

describe('SELLER_NOT_CONTRACTOR', () => {
  it('rejects an invoice from someone other than the contract’s supplier, by name or by code', () => {
    const byName = withInvoice(cleanProject(), 3, { sellerName: CONSULTANT, sellerTaxId: CONSULTANT_CODE });
    const [f] = withCode(invoiceFindings(byName, 3), 'SELLER_NOT_CONTRACTOR');
    expect(f).toMatchObject({ severity: 'error' });
    expect(f?.message).toContain(`销售方「${CONSULTANT}」与合同「HT-2024-001」的供应商「${MACHINE_SUPPLIER}」不一致`);
    expect(f?.message).toContain(`销售方纳税人识别号「${CONSULTANT_CODE}」与合同供应商统一社会信用代码「${MACHINE_CODE}」不一致`);
    const byCode = withInvoice(cleanProject(), 3, { sellerTaxId: CONSULTANT_CODE });
    expect(withCode(invoiceFindings(byCode, 3), 'SELLER_NOT_CONTRACTOR')).toHaveLength(1);
  });

  it('accepts the supplier written with other brackets or spacing', () => {
    const project = cleanProject();
    project.contracts[0]!.supplierName = '阳江市锐达数控设备有限公司 ';
    expect(withCode(invoiceFindings(project, 2), 'SELLER_NOT_CONTRACTOR')).toEqual([]);
  });
});

describe('CONTRACT_OVERINVOICED', () => {
  /** A third machine invoice of 20,000.00 + 13% = 22,600.00 brings HT-2024-001 to 1,509,228.00 > 1,500,000.00. */
  function overinvoiced() {
    const project = cleanProject();
    project.invoices.push(
      invoice({
        rowNo: 7,
        number: '24442000000123499001',
        issuedOn: '2024-10-15',
        sellerName: MACHINE_SUPPLIER,
        sellerTaxId: MACHINE_CODE,
        itemName: '*金属加工机械*夹具',
        taxRate: '0.13',
        ...priced('20000.00', '0.13'),
        contractNo: 'HT-2024-001',
      }),
    );
    project.payments.push({
      rowNo: 8,
      voucherNo: '记-2024-10-011',
      paidOn: '2024-10-20',
      payer: APPLICANT,
      payee: MACHINE_SUPPLIER,
      amount: '22600.00',
      contractNo: 'HT-2024-001',
    });
    return project;
  }

  it('errs on the contract, and warns on the invoice that crosses the amount', () => {
    const result = verifyProject(overinvoiced(), context());
    const [c] = withCode(result.contracts.get('HT-2024-001'), 'CONTRACT_OVERINVOICED');
    expect(c?.severity).toBe('error');
    expect(c?.message).toContain('合同「HT-2024-001」金额 1,500,000.00 元（含税），其发票价税合计 1,509,228.00 元（3 张），超出合同金额 9,228.00 元');
    const [i] = withCode(result.invoices.get(7), 'CONTRACT_OVERINVOICED');
    expect(i?.severity).toBe('warning');
    expect(i?.message).toContain('合同内仅余 13,372.00 元，超出 9,228.00 元');
    expect(withCode(result.invoices.get(2), 'CONTRACT_OVERINVOICED')).toEqual([]);
    expect(withCode(result.invoices.get(3), 'CONTRACT_OVERINVOICED')).toEqual([]);
  });

  it('errs on an invoice wholly beyond the contract amount', () => {
    const project = overinvoiced();
    project.invoices.push({ ...project.invoices.at(-1)!, rowNo: 8, number: '24442000000123499002', key: '24442000000123499002', issuedOn: '2024-11-02' });
    const [i] = withCode(verifyProject(project, context()).invoices.get(8), 'CONTRACT_OVERINVOICED');
    expect(i?.severity).toBe('error');
    expect(i?.message).toContain('全部超出合同金额');
  });

  it('does not fire when a red invoice brings the total back within the contract', () => {
    const project = overinvoiced();
    const red = priced('-20000.00', '0.13');
    project.invoices.push({ ...project.invoices.at(-1)!, rowNo: 8, number: '24442000000123499003', key: '24442000000123499003', issuedOn: '2024-10-30', ...red });
    const result = verifyProject(project, context());
    expect(withCode(result.contracts.get('HT-2024-001'), 'CONTRACT_OVERINVOICED')).toEqual([]);
    expect(withCode(result.invoices.get(7), 'CONTRACT_OVERINVOICED')).toEqual([]);
  });
});

describe('NO_PAYMENT (§五(二) 提供对应合同及付款凭证作为佐证材料)', () => {
  it('excludes, whatever the decision, the invoices of a contract without any payment record', () => {
    const project = cleanProject();
    project.payments = project.payments.filter((p) => p.contractNo !== 'HT-2024-003');
    const result = verifyProject(project, context());
    const [f] = withCode(result.invoices.get(6), 'NO_PAYMENT');
    expect(f).toMatchObject({ severity: 'error', statutory: '000_985b87a7ad46cc56.txt §五(一)、§五(二)' });
    expect(f?.message).toContain('所属合同「HT-2024-003」没有任何付款记录');
    expect(withCode(result.invoices.get(2), 'NO_PAYMENT')).toEqual([]);
    // not required by a policy without spending rules
    expect(withCode(verifyProject(project, context(null)).invoices.get(6), 'NO_PAYMENT')).toEqual([]);
  });
});

describe('UNPAID_BEYOND_TAIL', () => {
  it('accepts an unpaid tail of exactly 10% of the contract amount (the fixture’s software contract)', () => {
    const result = verifyProject(cleanProject(), context());
    expect(withCode(result.contracts.get('HT-2024-002'), 'UNPAID_BEYOND_TAIL')).toEqual([]);
  });

  it('warns on the contract and its invoices when the unpaid part exceeds 10%, showing every figure', () => {
    const project = cleanProject();
    project.payments = project.payments.filter((p) => p.rowNo !== 6); // the 180,000.00 payment is missing
    const result = verifyProject(project, context());
    const [c] = withCode(result.contracts.get('HT-2024-002'), 'UNPAID_BEYOND_TAIL');
    expect(c?.severity).toBe('warning');
    expect(c?.message).toBe(
      '合同「HT-2024-002」金额 600,000.00 元，已开票（含税）540,000.00 元，已付款 300,000.00 元，未付 240,000.00 元；' +
        '已开票未支付尾款 240,000.00元；合同约定尾款 600,000.00元 × 10% = 60,000.00元，政策上限合同金额 600,000.00元 × 10% = 60,000.00元；' +
        '认定 min(240,000.00，60,000.00，60,000.00) = 60,000.00元，超出部分 180,000.00 元不计入核定投资额（000_985b87a7ad46cc56.txt §五(一)、§五(二)）',
    );
    expect(withCode(result.invoices.get(4), 'UNPAID_BEYOND_TAIL')).toEqual([c]);
    expect(withCode(result.invoices.get(5), 'UNPAID_BEYOND_TAIL')).toEqual([c]);
    expect(suggestDecision(result.invoices.get(4) ?? []).kind).toBe('review');
  });

  it('counts no unpaid part of a contract whose 约定尾款 is empty, asking for the clause (§五(二) 合同中有约定尾款部分的)', () => {
    const project = cleanProject();
    project.contracts[1]!.agreedTail = '';
    const result = verifyProject(project, context());
    // 540,000.00 invoiced, 480,000.00 paid: 60,000.00 unpaid and no stipulated tail
    const [c] = withCode(result.contracts.get('HT-2024-002'), 'TAIL_NOT_STIPULATED');
    expect(c?.severity).toBe('warning');
    expect(c?.message).toContain('未付 60,000.00 元；合同表未填写约定尾款，未付部分暂不计入');
    expect(c?.message).toContain('请登记更正「约定尾款」并注明合同所在页');
    expect(withCode(result.invoices.get(4), 'TAIL_NOT_STIPULATED')).toEqual([c]);
    expect(withCode(result.contracts.get('HT-2024-002'), 'UNPAID_BEYOND_TAIL')).toEqual([]);
  });

  it('is not checked without spending rules', () => {
    const project = cleanProject();
    project.payments = [];
    const result = verifyProject(project, context(null));
    for (const list of result.contracts.values()) expect(withCode(list, 'UNPAID_BEYOND_TAIL')).toEqual([]);
  });
});

describe('DUPLICATE_CONTRACT and CONTRACT_OVERPAID', () => {
  it('flags a contract number used twice on the sheet', () => {
    const project = cleanProject();
    project.contracts.push({ ...project.contracts[0]!, rowNo: 5 });
    const [f] = withCode(verifyProject(project, context()).contracts.get('HT-2024-001'), 'DUPLICATE_CONTRACT');
    expect(f?.message).toBe('合同编号「HT-2024-001」在合同表第 5 行再次出现（首次在第 2 行），发票和付款按首次出现的合同核对');
  });

  it('warns when payments exceed the contract amount', () => {
    const project = cleanProject();
    project.payments.push({
      rowNo: 9,
      voucherNo: '记-2024-10-002',
      paidOn: '2024-10-02',
      payer: APPLICANT,
      payee: CONSULTANT,
      amount: '50000.00',
      contractNo: 'HT-2024-003',
    });
    const [f] = withCode(verifyProject(project, context()).contracts.get('HT-2024-003'), 'CONTRACT_OVERPAID');
    expect(f?.severity).toBe('warning');
    expect(f?.message).toContain('已付款合计 250,000.00 元，超过合同金额 200,000.00 元（超出 50,000.00 元）');
  });
});

it('keeps the fixture’s words consistent with the shared formatter', () => {
  expect(cleanProject().invoices.map((i) => i.totalInWords)).toEqual(cleanProject().invoices.map((i) => formatAmountInWords(i.total)));
});
