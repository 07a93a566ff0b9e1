import type { InspectionLine, LineObservation, ProjectInspection } from '@shared/api/inspection-contract';

/** Two experts' observations of a project's checklist, as getInspection answers them at the chair's (the chair inspected nothing). */
const photo = (n: number, takenAt: string | null) => ({
  sha256: String(n).repeat(64).slice(0, 64),
  fileName: `IMG_20261126_10${String(30 + n)}.jpg`,
  mime: 'image/jpeg',
  takenAt,
  addedAt: '2026-11-26T02:40:00.000Z',
  width: 4000,
  height: 3000,
});

const li: LineObservation = {
  reviewerId: 'r-li',
  reviewerName: '李秀英',
  status: 'different',
  quantitySeen: '1',
  modelSeen: 'DMU65 monoBLOCK',
  serialNumber: 'SN-65-0042',
  note: '车间仅见一台，另两台据称在外协厂',
  photos: [photo(1, '2026-11-26T10:31:05'), photo(2, null)],
  observedAt: '2026-11-26T02:32:00.000Z',
};
const ouyang: LineObservation = {
  ...li,
  reviewerId: 'r-oy',
  reviewerName: '欧阳明',
  status: 'seen-running',
  quantitySeen: null,
  modelSeen: null,
  serialNumber: null,
  note: '',
  photos: [],
  observedAt: '2026-11-26T02:45:00.000Z',
};

const line = (over: Partial<InspectionLine>): InspectionLine => ({
  id: 'line-1',
  name: '五轴联动加工中心',
  model: 'DMU65',
  quantity: '3',
  unit: '台',
  unitPrice: '175887.00',
  amount: '527661.00',
  supplier: '厦门精密机械设备有限公司',
  contractNo: 'HT-2024-001',
  contractName: '数控设备采购合同',
  invoices: [{ key: 'k1', number: '25352000001000000001', amount: '527661.00' }],
  source: 'einvoice-lines',
  mine: null,
  observations: [],
  proposedReduction: null,
  proposalExplanation: null,
  ...over,
});

export const SAMPLE_INSPECTION: ProjectInspection = {
  batchId: 'XM-2025-01',
  projectId: 'P001',
  projectName: '高端数控机床智能化改造项目',
  stage: 'acceptance',
  lines: [
    line({
      observations: [li, ouyang],
      mine: li,
      proposedReduction: '351774.00',
      proposalExplanation: '未见 2 台 × 单价 175,887.00 元 = 351,774.00 元',
    }),
    line({
      id: 'line-2',
      name: 'MES 制造执行系统',
      model: null,
      quantity: null,
      unit: null,
      unitPrice: null,
      amount: '1200000.50',
      contractNo: 'HT-2024-002',
      source: 'invoice-rows',
    }),
    line({
      id: 'line-3',
      name: '工业机器人',
      quantity: '2.5',
      unit: '套',
      unitPrice: '80000.00',
      amount: '200000.00',
      observations: [{ ...ouyang, quantitySeen: '2.5' }],
    }),
  ],
  indicators: [
    {
      id: 'ind-1',
      category: '建设指标',
      name: '新增设备台数',
      unit: '台',
      target: '12',
      claimed: '12',
      mine: null,
      observations: [{ reviewerId: 'r-li', reviewerName: '李秀英', value: '10', note: '两台在外协厂', observedAt: '2026-11-26T03:02:00.000Z' }],
      belowTarget: false,
    },
    { id: 'ind-2', category: '技术指标', name: '数控化率', unit: '%', target: '≥85%', claimed: '88%', mine: null, observations: [], belowTarget: false },
  ],
  progress: { done: 0, total: 5 },
};
