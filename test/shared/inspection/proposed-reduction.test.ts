import { describe, expect, it } from 'vitest';
import { allocateCut, proposeReduction } from '@shared/inspection/proposed-reduction';

const machines = { amount: '351774.00', quantity: '2', unit: '台', unitPrice: '175887.00' };
const lot = { amount: '283018.87', quantity: null, unit: null, unitPrice: null };

describe('the 核减 an observation proposes', () => {
  it('proposes nothing for equipment seen, running or idle', () => {
    expect(proposeReduction(machines, { status: 'seen-running', quantitySeen: null })).toBeNull();
    expect(proposeReduction(machines, { status: 'seen-idle', quantitySeen: '2' })).toBeNull();
  });

  it('proposes the whole line for equipment not found', () => {
    expect(proposeReduction(machines, { status: 'not-found', quantitySeen: null })).toEqual({
      cut: '351774.00',
      explanation: '现场未见该设备，建议核减该设备全部金额 351,774.00 元',
    });
  });

  it('proposes (invoiced − counted) × unit price when the lines give both', () => {
    expect(proposeReduction({ ...machines, amount: '879435.00', quantity: '5' }, { status: 'different', quantitySeen: '3' })).toEqual({
      cut: '351774.00',
      explanation: '发票数量 5台，现场清点 3台，未见 2台 × 单价 175,887.00 元 = 351,774.00 元',
    });
  });

  it('goes by the share of the quantity when the invoices price the line differently', () => {
    const proposal = proposeReduction({ amount: '1115600.00', quantity: '3', unit: '台', unitPrice: null }, { status: 'different', quantitySeen: '2' });
    expect(proposal?.cut).toBe('371866.67');
    expect(proposal?.explanation).toContain('各发票单价不一，按数量比例核减：1,115,600.00 元 × 1 ÷ 3 = 371,866.67 元');
  });

  it('proposes the whole line, saying why, when the invoiced or the counted quantity is unknown', () => {
    expect(proposeReduction(lot, { status: 'different', quantitySeen: '1' })).toEqual({
      cut: '283018.87',
      explanation: '发票未列明数量（按一批计），无法按数量折算，建议核减该设备全部金额 283,018.87 元',
    });
    expect(proposeReduction(machines, { status: 'different', quantitySeen: null })?.explanation).toBe(
      '未填写现场清点数量，无法按数量折算，建议核减该设备全部金额 351,774.00 元',
    );
  });

  it('proposes nothing when as many were counted as invoiced (only the model differs)', () => {
    expect(proposeReduction(machines, { status: 'different', quantitySeen: '2' })).toBeNull();
    expect(proposeReduction(machines, { status: 'different', quantitySeen: '3' })).toBeNull();
  });

  it('shares a cut over the invoices in proportion, to the fen', () => {
    const invoices = [
      { rowNo: 2, key: 'a', number: 'a', amount: '800000.00' },
      { rowNo: 3, key: 'b', number: 'b', amount: '315600.00' },
    ];
    const shares = allocateCut(invoices, '371866.67');
    expect([...shares]).toEqual([
      [2, '266666.67'],
      [3, '105200.00'],
    ]);
    const odd = allocateCut(
      [
        { rowNo: 1, key: 'a', number: 'a', amount: '1.00' },
        { rowNo: 2, key: 'b', number: 'b', amount: '1.00' },
        { rowNo: 3, key: 'c', number: 'c', amount: '1.00' },
      ],
      '1.00',
    );
    expect([...odd.values()].sort()).toEqual(['0.33', '0.33', '0.34']);
  });
});
