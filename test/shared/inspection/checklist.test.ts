import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { sha256Hex } from '@core/audit/audit-hash';
import { readShudianXml } from '@shared/einvoice';
import { buildChecklist, type IndicatorRow } from '@shared/inspection/checklist';
import type { VProject } from '@shared/verification/types';
import { REPO_ROOT } from '@test/support/temp-dir';
import { cleanProject, invoice, MACHINE_CODE, MACHINE_SUPPLIER, priced } from '../verification/fixtures';

const OFFICIAL_SAMPLE = path.join(REPO_ROOT, 'test', 'fixtures', 'einvoice', 'shudian-special-official-sample.xml');

/** The official 数电 sample with its one line replaced by equipment lines (name, 规格型号, 单位, 数量, 单价, 金额). */
function einvoiceWithLines(fileName: string, lines: { name: string; spec: string; unit: string; quantity: string; price: string; amount: string }[]) {
  const xml = fs.readFileSync(OFFICIAL_SAMPLE, 'utf8');
  const items = lines
    .map(
      (l) =>
        `<IssuItemInformation><ItemName>${l.name}</ItemName><SpecMod>${l.spec}</SpecMod><MeaUnits>${l.unit}</MeaUnits><Quantity>${l.quantity}</Quantity><UnPrice>${l.price}</UnPrice><Amount>${l.amount}</Amount><TaxRate>0.130000</TaxRate></IssuItemInformation>`,
    )
    .join('');
  const replaced = xml.replace(/<IssuItemInformation>[\s\S]*<\/IssuItemInformation>/u, items);
  const read = readShudianXml(fileName, replaced);
  if (!read.ok) throw new Error(read.message);
  return read.value;
}

/** Row 2 (HT-2024-001) carries two machining centres and a rotary table on its e-invoice; row 3 the same centres again. */
function projectWithEquipment(): VProject {
  const project = cleanProject();
  const first = einvoiceWithLines('FP-24442000000123456789.xml', [
    { name: '*金属加工机械*五轴联动立式加工中心', spec: 'VMC850', unit: '台', quantity: '2', price: '400000', amount: '800000.00' },
    { name: '*金属加工机械*数控转台', spec: 'TK-320', unit: '套', quantity: '4', price: '50000', amount: '200000.00' },
  ]);
  const second = einvoiceWithLines('FP-24442000000123470012.xml', [
    { name: '*金属加工机械*五轴联动立式加工中心', spec: 'VMC850', unit: '台', quantity: '1', price: '315600.000000', amount: '315600.00' },
  ]);
  project.einvoices = new Map([
    [first.fileName, first],
    [second.fileName, second],
  ]);
  project.attachmentNames = new Set([...project.attachmentNames, second.fileName]);
  project.invoices = project.invoices.map((i) => (i.rowNo === 3 ? { ...i, attachments: [second.fileName] } : i));
  return project;
}

const INDICATORS: IndicatorRow[] = [
  { category: '建设指标', name: '新增生产设备', unit: '台（套）', target: '6', achieved: '6' },
  { category: '技术指标', name: '关键工序数控化率', unit: '%', target: '≥85%', achieved: '88%' },
];

describe('the on-site checklist', () => {
  it('groups the e-invoice lines into equipment lines by contract, name and model, with quantities, unit price and the invoices behind them', () => {
    const { lines } = buildChecklist(projectWithEquipment(), [], sha256Hex);
    const centre = lines.find((l) => l.model === 'VMC850');
    expect(centre).toMatchObject({
      name: '五轴联动立式加工中心',
      quantity: '3',
      unit: '台',
      // 400,000.00 on one invoice and 315,600.00 on the other: no single unit price.
      unitPrice: null,
      amount: '1115600.00',
      supplier: MACHINE_SUPPLIER,
      contractNo: 'HT-2024-001',
      contractName: '五轴联动立式加工中心采购合同',
      source: 'einvoice-lines',
      invoices: [
        { rowNo: 2, key: '24442000000123456789', number: '24442000000123456789', amount: '800000.00' },
        { rowNo: 3, key: '24442000000123470012', number: '24442000000123470012', amount: '315600.00' },
      ],
    });
    expect(lines.find((l) => l.model === 'TK-320')).toMatchObject({ name: '数控转台', quantity: '4', unit: '套', unitPrice: '50000.00', amount: '200000.00' });
  });

  it('takes an invoice known only by its sheet row as one lot (quantity null), under its contract', () => {
    const { lines } = buildChecklist(projectWithEquipment(), [], sha256Hex);
    const mes = lines.filter((l) => l.contractNo === 'HT-2024-002');
    expect(
      mes.map((l) => ({ name: l.name, quantity: l.quantity, unitPrice: l.unitPrice, amount: l.amount, source: l.source, rows: l.invoices.map((i) => i.rowNo) })),
    ).toEqual([
      { name: 'MES系统开发服务', quantity: null, unitPrice: null, amount: '283018.87', source: 'invoice-rows', rows: [4] },
      { name: 'MES系统实施及培训服务', quantity: null, unitPrice: null, amount: '226415.09', source: 'invoice-rows', rows: [5] },
    ]);
    // Contract sheet order: the machine contract's lines first.
    expect(lines.map((l) => l.contractNo)).toEqual(['HT-2024-001', 'HT-2024-001', 'HT-2024-002', 'HT-2024-002', 'HT-2024-003']);
  });

  it('keeps a line’s id across a re-import that spells the contract number and name differently or adds invoices', () => {
    const before = buildChecklist(projectWithEquipment(), [], sha256Hex).lines;
    const project = projectWithEquipment();
    project.invoices = project.invoices.map((i) => (i.contractNo === 'HT-2024-001' ? { ...i, contractNo: ' ht－2024－001 ' } : i));
    project.invoices.push(
      invoice({
        rowNo: 7,
        number: '24442000000123499999',
        issuedOn: '2024-10-08',
        sellerName: MACHINE_SUPPLIER,
        sellerTaxId: MACHINE_CODE,
        itemName: '*金属加工机械*数控转台',
        taxRate: '0.13',
        ...priced('50000.00', '0.13'),
        contractNo: 'HT-2024-001',
      }),
    );
    const after = buildChecklist(project, [], sha256Hex).lines;
    for (const line of before) expect(after.map((l) => l.id)).toContain(line.id);
    expect(new Set(after.map((l) => l.id)).size).toBe(after.length);
  });

  it('leaves out equipment a red invoice fully reverses, and never lists the red invoice', () => {
    const project = projectWithEquipment();
    const mesRow = project.invoices.find((i) => i.rowNo === 4);
    if (!mesRow) throw new Error('row 4');
    project.invoices.push({
      ...mesRow,
      rowNo: 8,
      number: '24522000000011112222',
      key: '24522000000011112222',
      amount: '-283018.87',
      tax: '-16981.13',
      total: '-300000.00',
    });
    const { lines } = buildChecklist(project, [], sha256Hex);
    expect(lines.some((l) => l.name === 'MES系统开发服务')).toBe(false);
    expect(lines.flatMap((l) => l.invoices.map((i) => i.rowNo))).not.toContain(8);
  });

  it('lists the indicators with target and claimed value under ids that survive a re-import', () => {
    const { indicators } = buildChecklist(projectWithEquipment(), INDICATORS, sha256Hex);
    expect(indicators.map(({ category, name, unit, target, claimed }) => ({ category, name, unit, target, claimed }))).toEqual([
      { category: '建设指标', name: '新增生产设备', unit: '台（套）', target: '6', claimed: '6' },
      { category: '技术指标', name: '关键工序数控化率', unit: '%', target: '≥85%', claimed: '88%' },
    ]);
    const again = buildChecklist(projectWithEquipment(), [{ ...INDICATORS[1], name: ' 关键工序数控化率', target: '90%' } as IndicatorRow], sha256Hex);
    expect(again.indicators[0]?.id).toBe(indicators[1]?.id);
  });
});
