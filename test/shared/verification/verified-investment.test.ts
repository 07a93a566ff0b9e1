import { describe, expect, it } from 'vitest';
import { Dec } from '@shared/domain/decimal';
import { computeVerifiedInvestment, type InvoiceDecision, type VProject } from '@shared/verification';
import { cleanProject, invoice, MACHINE_CODE, MACHINE_SUPPLIER, priced, XIAMEN } from './fixtures';

const acceptAll = (project: VProject): Map<number, InvoiceDecision> => new Map(project.invoices.map((i) => [i.rowNo, { kind: 'accept' }]));

function sumCounted(result: ReturnType<typeof computeVerifiedInvestment>): string {
  return result.contracts.reduce((s, c) => s.plus(c.counted), new Dec(0)).toFixed(2);
}

describe('computeVerifiedInvestment (Xiamen rules)', () => {
  it('counts the clean project’s accepted amounts excluding tax, with a trace a reviewer can follow', () => {
    const project = cleanProject();
    const result = computeVerifiedInvestment(project, acceptAll(project), XIAMEN);
    expect(result.total).toBe('2013713.21');
    expect(sumCounted(result)).toBe(result.total);
    expect(result.contracts.map((c) => [c.contractNo, c.invoiced, c.accepted, c.paid, c.unpaid, c.counted, c.eligible])).toEqual([
      ['HT-2024-001', '1315600.00', '1315600.00', '1486628.00', '0.00', '1315600.00', true],
      ['HT-2024-002', '509433.96', '509433.96', '480000.00', '60000.00', '509433.96', true],
      ['HT-2024-003', '188679.25', '188679.25', '200000.00', '0.00', '188679.25', true],
    ]);
    const machine = result.contracts[0]!;
    expect(machine.trace[0]).toBe(
      '合同 HT-2024-001（设备，合同金额 1,500,000.00 元）：认定发票 2 张，不含税 1,315,600.00 元；已付款 1,486,628.00 元；计入 1,315,600.00 元',
    );
    expect(machine.trace).toContain(
      '上限一（合同金额）：合同金额 1,500,000.00 元为含税金额，按本合同发票不含税合计 / 价税合计 = 1,315,600.00 / 1,486,628.00 折合不含税 1,327,433.63 元',
    );
    expect(machine.trace.at(-1)).toBe('计入 min(认定 1,315,600.00，上限一 1,327,433.63，上限二 1,315,600.00) = 1,315,600.00 元');
    expect(result.contracts[1]!.trace.join('\n')).toContain(
      '已开票未支付尾款 60,000.00元；合同约定尾款 600,000.00元 × 10% = 60,000.00元，政策上限合同金额 600,000.00元 × 10% = 60,000.00元；认定 min(60,000.00，60,000.00，60,000.00) = 60,000.00元',
    );
    expect(result.trace.at(-1)).toBe('核定投资额 = 1,315,600.00 + 509,433.96 + 188,679.25 = 2,013,713.21 元');
    expect(result.withoutContract).toEqual([]);
  });

  it('leaves out rejected and undecided invoices and counts the 核减 amount', () => {
    const project = cleanProject();
    const decisions = acceptAll(project);
    decisions.set(3, { kind: 'reject' });
    decisions.set(4, { kind: 'reduce', amount: '250000.00' });
    decisions.delete(6);
    const result = computeVerifiedInvestment(project, decisions, XIAMEN);
    expect(result.contracts.map((c) => c.counted)).toEqual(['1000000.00', '476415.09', '0.00']);
    expect(result.total).toBe('1476415.09');
    expect(result.contracts[1]!.trace).toContain('认定 2 张（其中核减 1 张）；认定不含税 476,415.09 元');
    expect(result.contracts[2]!.trace).toContain('认定 0 张，尚未决定 1 张（不计入）；认定不含税 0.00 元');
  });

  it('never counts a 核减 amount above the invoice amount, nor a negative one', () => {
    const project = cleanProject();
    const decisions = acceptAll(project);
    decisions.set(6, { kind: 'reduce', amount: '250000.00' });
    const result = computeVerifiedInvestment(project, decisions, XIAMEN);
    expect(result.contracts[2]!.counted).toBe('188679.25');
    expect(result.contracts[2]!.trace.join('\n')).toContain('核减后金额 250,000.00 元 超过发票金额 188,679.25 元，按发票金额计');
    decisions.set(6, { kind: 'reduce', amount: '-5.00' });
    expect(computeVerifiedInvestment(project, decisions, XIAMEN).contracts[2]!.counted).toBe('0.00');
  });

  it('caps a contract by what was paid plus the 10% unpaid tail', () => {
    const project = cleanProject();
    project.payments = project.payments.filter((p) => p.rowNo !== 6); // 300,000.00 of 540,000.00 paid
    const software = computeVerifiedInvestment(project, acceptAll(project), XIAMEN).contracts[1]!;
    // (300,000.00 + 60,000.00) × 509,433.96 / 540,000.00 = 339,622.64
    expect(software.counted).toBe('339622.64');
    expect(software.unpaid).toBe('240000.00');
    expect(software.trace.at(-1)).toBe('计入 min(认定 509,433.96，上限一 566,037.73，上限二 339,622.64) = 339,622.64 元');
  });

  it('caps a contract by its amount, converted to excluding tax with its invoices’ ratio', () => {
    const project = cleanProject();
    project.contracts[0]!.amount = '1130000.00'; // only the first machine invoice fits
    const machine = computeVerifiedInvestment(project, acceptAll(project), XIAMEN).contracts[0]!;
    // 1,130,000.00 × 1,315,600.00 / 1,486,628.00 = 1,000,000.00
    expect(machine.counted).toBe('1000000.00');
  });

  it('counts nothing from an excluded category, and says why', () => {
    const project = cleanProject();
    project.contracts[2]!.category = '土建';
    const result = computeVerifiedInvestment(project, acceptAll(project), XIAMEN);
    expect(result.contracts[2]).toMatchObject({ counted: '0.00', eligible: false });
    expect(result.contracts[2]!.trace).toContain('投资类别「土建」不予认定（不予认定：土建、土地；000_985b87a7ad46cc56.txt §五(一)、§五(二)）');
    expect(result.total).toBe('1825033.96');
  });

  it('lists accepted invoices without a known contract and counts them 0', () => {
    const project = cleanProject();
    project.invoices[4]!.contractNo = '';
    const result = computeVerifiedInvestment(project, acceptAll(project), XIAMEN);
    expect(result.withoutContract).toEqual([{ rowNo: 6, key: '24112000000045678901', amount: '188679.25' }]);
    expect(result.contracts[2]!.counted).toBe('0.00');
    expect(result.trace.join('\n')).toContain('无对应合同的发票 1 张（第 6 行），不含税 188,679.25 元，不计入');
  });

  describe('red invoices', () => {
    function withRed(): VProject {
      const project = cleanProject();
      project.invoices.push(
        invoice({
          rowNo: 7,
          number: '24442000000123488888',
          issuedOn: '2024-09-10',
          sellerName: MACHINE_SUPPLIER,
          sellerTaxId: MACHINE_CODE,
          itemName: '*金属加工机械*数控转台及刀库',
          taxRate: '0.13',
          ...priced('-315600.00', '0.13'),
          contractNo: 'HT-2024-001',
        }),
      );
      return project;
    }

    it('nets a red invoice with its blue original to zero', () => {
      const project = withRed();
      const machine = computeVerifiedInvestment(project, acceptAll(project), XIAMEN).contracts[0]!;
      expect(machine.invoiced).toBe('1000000.00');
      expect(machine.counted).toBe('1000000.00');
      expect(machine.trace.join('\n')).toContain('第 3 行发票与红字发票第 7 行冲销：认定 315,600.00 元 + 红字 -315,600.00 元，合计计入 0.00 元');
    });

    it('counts a red invoice whatever its decision, and drops the pair when the original is rejected', () => {
      const project = withRed();
      const decisions = acceptAll(project);
      decisions.set(7, { kind: 'reject' });
      expect(computeVerifiedInvestment(project, decisions, XIAMEN).contracts[0]!.counted).toBe('1000000.00');
      decisions.set(3, { kind: 'reject' });
      expect(computeVerifiedInvestment(project, decisions, XIAMEN).contracts[0]!.counted).toBe('1000000.00');
    });

    it('subtracts a red invoice whose original is not in the project', () => {
      const project = withRed();
      project.invoices = project.invoices.filter((i) => i.rowNo !== 3);
      expect(computeVerifiedInvestment(project, acceptAll(project), XIAMEN).contracts[0]!.counted).toBe('684400.00');
    });
  });
});

describe('computeVerifiedInvestment without spending rules', () => {
  it('counts accepted invoices per contract capped only by the contract amount, and says so', () => {
    const project = cleanProject();
    project.payments = [];
    project.contracts[2]!.category = '土建';
    const result = computeVerifiedInvestment(project, acceptAll(project), undefined);
    expect(result.contracts.map((c) => c.counted)).toEqual(['1315600.00', '509433.96', '188679.25']);
    expect(result.trace[0]).toContain('本政策未规定投资认定规则');
    expect(result.contracts[0]!.trace).toContain('本政策未规定投资认定口径：不核对投资类别、付款和尾款，按认定的发票金额计入，仅以合同金额为上限');
    expect(result.contracts[0]!.trace.join('\n')).not.toContain('上限二');
  });
});
