import { describe, expect, it } from 'vitest';
import type { ChecklistIndicator, ChecklistLine } from '@shared/inspection/checklist';
import { inspectionFindings, type LineObservationFacts } from '@shared/inspection/inspection-findings';
import { suggestDecision } from '@shared/verification';

const line: ChecklistLine = {
  id: 'a1b2c3d4e5f60718',
  name: '五轴联动立式加工中心',
  model: 'VMC850',
  quantity: '3',
  unit: '台',
  unitPrice: '371866.67',
  amount: '1115600.00',
  supplier: '阳江市锐达数控设备有限公司',
  contractNo: 'HT-2024-001',
  contractName: '五轴联动立式加工中心采购合同',
  source: 'einvoice-lines',
  invoices: [
    { rowNo: 2, key: '24442000000123456789', number: '24442000000123456789', amount: '800000.00' },
    { rowNo: 3, key: '24442000000123470012', number: '24442000000123470012', amount: '315600.00' },
  ],
};
const indicator: ChecklistIndicator = { id: 'f0e1d2c3b4a59687', category: '技术指标', name: '关键工序数控化率', unit: '%', target: '≥85%', claimed: '88%' };
const observed = (facts: Partial<LineObservationFacts>) =>
  new Map([[line.id, { status: 'seen-running' as const, quantitySeen: null, modelSeen: null, reviewerName: '陈立新', ...facts }]]);

describe('the findings an observation raises', () => {
  it('raises nothing for equipment seen', () => {
    for (const status of ['seen-running', 'seen-idle'] as const) expect(inspectionFindings([line], [], observed({ status }), new Map()).invoices.size).toBe(0);
  });

  it('未见: INSPECTION_NOT_FOUND on each invoice with its share of the whole line, a warning that suggests the 核减', () => {
    const { invoices } = inspectionFindings([line], [], observed({ status: 'not-found' }), new Map());
    expect(invoices.get(2)).toEqual([
      {
        code: 'INSPECTION_NOT_FOUND',
        severity: 'warning',
        message:
          '现场核查（陈立新）：设备「五轴联动立式加工中心 VMC850」（合同 HT-2024-001）现场未见；现场未见该设备，建议核减该设备全部金额 1,115,600.00 元；本发票分摊 800,000.00 元，是否核减由评审人决定',
        proposedCut: '800000.00',
      },
    ]);
    expect(invoices.get(3)?.[0]?.proposedCut).toBe('315600.00');
    expect(suggestDecision(invoices.get(3) ?? [], '315600.00')).toEqual({
      kind: 'review',
      reason: expect.stringMatching(/^建议核减 315,600\.00 元：现场核查/u) as string,
      reduceTo: '0.00',
    });
  });

  it('型号或数量不符: INSPECTION_DIFFERENT with the part not seen; without a shortfall, the finding asks to check the model and proposes nothing', () => {
    const short = inspectionFindings([line], [], observed({ status: 'different', quantitySeen: '2', modelSeen: 'VMC650' }), new Map()).invoices;
    expect(short.get(2)?.[0]).toMatchObject({ code: 'INSPECTION_DIFFERENT', proposedCut: '266666.67' });
    expect(short.get(2)?.[0]?.message).toContain('型号或数量不符（现场型号 VMC650，现场清点 2台）');
    const modelOnly = inspectionFindings([line], [], observed({ status: 'different', quantitySeen: '3', modelSeen: 'VMC650' }), new Map()).invoices.get(2)?.[0];
    expect(modelOnly?.code).toBe('INSPECTION_DIFFERENT');
    expect(modelOnly?.proposedCut).toBeUndefined();
    expect(modelOnly?.message).toContain('现场数量不少于发票数量，未提出核减，请核实型号');
  });

  it('an indicator below target: INDICATOR_BELOW_TARGET on the project, never for text', () => {
    const below = inspectionFindings([], [indicator], new Map(), new Map([[indicator.id, { value: '80', reviewerName: '陈立新' }]]));
    expect(below.project).toEqual([
      { code: 'INDICATOR_BELOW_TARGET', severity: 'warning', message: '现场核查（陈立新）：指标「关键工序数控化率」现场核查值 80%，未达到目标值 ≥85%（申报完成值 88%）' },
    ]);
    expect(inspectionFindings([], [indicator], new Map(), new Map([[indicator.id, { value: '基本达到', reviewerName: '陈立新' }]])).project).toEqual([]);
  });
});
