import {
  INDICATOR_CATEGORIES,
  INVESTMENT_CATEGORIES,
  INVOICE_TYPES,
  PROJECT_INFO_FIELDS,
  PROJECT_TYPES,
  REGION_TYPES,
  SHEET_COLUMNS,
  type SheetName,
} from '@shared/domain';

/**
 * How the columns of 申报表.xlsx look: width, cell format, drop-down list and the explanation shown
 * in 填表说明. Names and order come from SHEET_COLUMNS / PROJECT_INFO_FIELDS (the reader's view of
 * the format); this file only adds presentation, so the blank template and the sample packages
 * cannot drift from what the importer accepts.
 */

export type ColumnKind = 'text' | 'code' | 'date' | 'amount' | 'rate' | 'list' | 'integer' | 'number';

export interface ColumnLayout {
  /** Canonical column name (SHEET_COLUMNS). */
  readonly name: string;
  /** Header as the template writes it: the canonical name or an alias, with the unit where it helps. */
  readonly header: string;
  readonly kind: ColumnKind;
  readonly width: number;
  /** Closed list offered as a drop-down. */
  readonly list?: readonly string[];
  /** 填表说明 text for this column. */
  readonly note: string;
  readonly example: string;
}

export interface ProjectInfoFieldLayout {
  readonly name: string;
  /** 字段 cell as the template writes it (with unit for money). */
  readonly label: string;
  readonly kind: ColumnKind;
  readonly list?: readonly string[];
  readonly note: string;
  readonly example: string;
}

export const YES_NO: readonly string[] = ['是', '否'];
export const INVESTMENT_CATEGORY_LABELS: readonly string[] = INVESTMENT_CATEGORIES.map((o) => o.label);
export const INVOICE_TYPE_LABELS: readonly string[] = INVOICE_TYPES.map((o) => o.label);
export const PROJECT_TYPE_LABELS: readonly string[] = PROJECT_TYPES.map((o) => o.label);
export const REGION_TYPE_LABELS: readonly string[] = REGION_TYPES.map((o) => o.label);
export const INDICATOR_CATEGORY_LABELS: readonly string[] = INDICATOR_CATEGORIES.map((o) => o.label);

/** Excel number formats per kind; text and code cells are formatted as text so that digits keep their leading zeros. */
export const NUMBER_FORMATS: Readonly<Record<ColumnKind, string | undefined>> = {
  text: '@',
  code: '@',
  date: 'yyyy-mm-dd',
  amount: '#,##0.00',
  rate: '0%',
  list: '@',
  integer: '0',
  number: 'General',
};

const AMOUNT_NOTE = '单位：元，最多两位小数；可填数字或文本（如 1,234.50）。如整列按万元填写，请把表头改为「…（万元）」';
const DATE_NOTE = '可填 Excel 日期，或文本 2024-01-05、2024/1/5、2024.01.05、2024年1月5日';
const CODE_NOTE = '18 位统一社会信用代码（数字或大写字母，不使用 I、O、S、V、Z），请以文本格式填写';
const ATTACHMENT_NOTE = '附件文件名（位于本项目的「附件/」文件夹内），多个文件用英文分号「;」分隔，如 HT-001.pdf;HT-001-补充协议.pdf';

const PROJECT_INFO_DETAILS: Readonly<Record<string, Omit<ProjectInfoFieldLayout, 'name'>>> = {
  项目编号: { label: '项目编号', kind: 'text', note: '须与材料包 manifest.json 中的项目编号一致', example: 'XM2024-001' },
  项目名称: { label: '项目名称', kind: 'text', note: '与立项批复一致的项目全称', example: '年产5万台精密减速机智能化技术改造项目' },
  申报单位: {
    label: '申报单位',
    kind: 'text',
    note: '申报企业全称（江西类产业集群、中小企业数字化转型试点填写试点地区名称）',
    example: '厦门宏达精密机械有限公司',
  },
  统一社会信用代码: { label: '统一社会信用代码', kind: 'code', note: `申报单位的${CODE_NOTE}`, example: '91350206MA2YGK5R0M' },
  行业代码: {
    label: '行业代码',
    kind: 'text',
    note: '国民经济行业分类（GB/T 4754-2017）代码：字母加 2 至 4 位数字，如 C3484 或 C34',
    example: 'C3484',
  },
  项目类型: { label: '项目类型', kind: 'list', list: PROJECT_TYPE_LABELS, note: '沈阳类政策填写：点、线、面；其他政策可不填', example: '点' },
  是否链主企业: { label: '是否链主企业', kind: 'list', list: YES_NO, note: '填写「是」或「否」', example: '否' },
  配套企业数量: { label: '配套企业数量', kind: 'integer', note: '与本项目一同完成改造的配套企业数量（家），整数', example: '12' },
  区域类型: {
    label: '区域类型',
    kind: 'list',
    list: REGION_TYPE_LABELS,
    note: '江西类试点政策填写：国家级开发区、省级开发区、一类县、二类县、三类县；其他政策可不填',
    example: '国家级开发区',
  },
  计划总投资: {
    label: '计划总投资（元）',
    kind: 'amount',
    note: '单位：元；如按万元填写，请把字段名改为「计划总投资（万元）」',
    example: '120,000,000.00',
  },
  建设期起: { label: '建设期起', kind: 'date', note: `建设期开始日期。${DATE_NOTE}`, example: '2024-01-01' },
  建设期止: { label: '建设期止', kind: 'date', note: `建设期结束日期。${DATE_NOTE}`, example: '2026-12-31' },
  所在区县: { label: '所在区县', kind: 'text', note: '项目建设地所在区县', example: '湖里区' },
  联系人: { label: '联系人', kind: 'text', note: '企业联系人姓名', example: '张伟' },
  联系电话: { label: '联系电话', kind: 'text', note: '手机或固定电话，请以文本格式填写', example: '0592-5123456' },
};

function projectInfoLayout(): readonly ProjectInfoFieldLayout[] {
  return PROJECT_INFO_FIELDS.map((field) => {
    const details = PROJECT_INFO_DETAILS[field.name];
    if (details === undefined) throw new Error(`项目信息字段「${field.name}」缺少模板说明`);
    return { name: field.name, ...details };
  });
}

export const PROJECT_INFO_LAYOUT: readonly ProjectInfoFieldLayout[] = projectInfoLayout();

type ColumnDetails = Omit<ColumnLayout, 'name'>;

const SHEET_DETAILS: Readonly<Record<SheetName, Readonly<Record<string, ColumnDetails>>>> = {
  项目信息: {
    字段: { header: '字段', kind: 'text', width: 20, note: '字段名称，请勿修改（计划总投资可改为按万元填写）', example: '项目编号' },
    值: { header: '值', kind: 'text', width: 48, note: '按左侧字段填写', example: 'XM2024-001' },
  },
  合同: {
    合同编号: { header: '合同编号', kind: 'text', width: 18, note: '合同上的编号，本项目内不重复；发票、付款表按此编号关联合同', example: 'HT-2024-0015' },
    合同名称: { header: '合同名称', kind: 'text', width: 30, note: '合同标题', example: '数控机床采购合同' },
    供应商名称: { header: '供应商名称', kind: 'text', width: 32, note: '合同乙方（供应商）全称，应与发票销售方名称一致', example: '苏州华创数控机床有限公司' },
    供应商统一社会信用代码: {
      header: '供应商统一社会信用代码',
      kind: 'code',
      width: 24,
      note: `供应商的${CODE_NOTE}`,
      example: '91320506MA1N8E3H4L',
    },
    签订日期: { header: '签订日期', kind: 'date', width: 13, note: `合同签订日期。${DATE_NOTE}`, example: '2024-03-18' },
    合同金额: {
      header: '合同金额（含税，元）',
      kind: 'amount',
      width: 18,
      note: `合同总价（含税）。${AMOUNT_NOTE}`,
      example: '3,560,000.00',
    },
    投资类别: {
      header: '投资类别',
      kind: 'list',
      width: 11,
      list: INVESTMENT_CATEGORY_LABELS,
      note: `从下拉列表选择：${INVESTMENT_CATEGORY_LABELS.join('、')}。土建、土地一般不计入技改投资`,
      example: '设备',
    },
    是否国产: { header: '是否国产', kind: 'list', width: 10, list: YES_NO, note: '合同标的是否为国产设备或软件，填写「是」或「否」', example: '是' },
    约定尾款: {
      header: '约定尾款',
      kind: 'text',
      width: 12,
      note: '合同约定的尾款或质保金：填合同金额的比例（如 10%）或金额（元）；合同未约定则留空。已开票未付款部分仅在合同约定尾款时认定',
      example: '10%',
    },
    附件: { header: '附件', kind: 'text', width: 32, note: ATTACHMENT_NOTE, example: 'HT-2024-0015.pdf' },
  },
  发票: {
    发票代码: {
      header: '发票代码',
      kind: 'code',
      width: 15,
      note: '税控发票（纸质专票、普票，电子专票、电子普票）填写 10 位或 12 位发票代码；数电发票没有发票代码，此列留空',
      example: '035022400113',
    },
    发票号码: {
      header: '发票号码',
      kind: 'code',
      width: 23,
      note: '数电发票填写 20 位号码（第 1-2 位年份、3-4 位地区）；税控发票填写 8 位号码。请以文本格式填写，防止前导 0 丢失或长数字变成科学计数',
      example: '24942000000012345678',
    },
    开票日期: { header: '开票日期', kind: 'date', width: 13, note: `发票上的开票日期。${DATE_NOTE}`, example: '2024-05-20' },
    发票类型: {
      header: '发票类型',
      kind: 'list',
      width: 16,
      list: INVOICE_TYPE_LABELS,
      note: `从下拉列表选择：${INVOICE_TYPE_LABELS.join('、')}。票面标题为「电子发票（增值税专用发票）」的是数电专票`,
      example: '数电专票',
    },
    销售方名称: { header: '销售方名称', kind: 'text', width: 32, note: '发票销售方全称，应与合同供应商一致', example: '苏州华创数控机床有限公司' },
    销售方纳税人识别号: {
      header: '销售方纳税人识别号',
      kind: 'code',
      width: 24,
      note: `销售方的${CODE_NOTE}（旧纳税人识别号为 15、17 或 20 位）`,
      example: '91320506MA1N8E3H4L',
    },
    购买方名称: { header: '购买方名称', kind: 'text', width: 32, note: '发票购买方全称，应为申报单位', example: '厦门宏达精密机械有限公司' },
    购买方纳税人识别号: {
      header: '购买方纳税人识别号',
      kind: 'code',
      width: 24,
      note: `购买方的${CODE_NOTE}`,
      example: '91350206MA2YGK5R0M',
    },
    项目名称: {
      header: '项目名称',
      kind: 'text',
      width: 30,
      note: '发票明细的项目名称，按票面「*税收分类简称*品名」填写，如 *机械设备*数控机床；多行明细填主要一行',
      example: '*机械设备*数控机床',
    },
    金额: {
      header: '金额（不含税，元）',
      kind: 'amount',
      width: 17,
      note: `发票合计金额（不含税）。红字发票填负数。${AMOUNT_NOTE}`,
      example: '1,150,442.48',
    },
    税率: {
      header: '税率',
      kind: 'rate',
      width: 9,
      note: '可填 13%、0.13 或 13；免税填「免税」。常见税率 13%、9%、6%，征收率 5%、3%、1%',
      example: '13%',
    },
    税额: { header: '税额（元）', kind: 'amount', width: 15, note: `发票合计税额；红字发票填负数。${AMOUNT_NOTE}`, example: '149,557.52' },
    价税合计: {
      header: '价税合计（元）',
      kind: 'amount',
      width: 17,
      note: `价税合计（小写）= 金额 + 税额。${AMOUNT_NOTE}`,
      example: '1,300,000.00',
    },
    '价税合计（大写）': {
      header: '价税合计（大写）',
      kind: 'text',
      width: 34,
      note: '按票面照录中文大写金额，如 壹佰叁拾万圆整；红字发票以「（负数）」开头',
      example: '壹佰叁拾万圆整',
    },
    合同编号: { header: '合同编号', kind: 'text', width: 18, note: '发票对应的合同编号（合同表中的编号）', example: 'HT-2024-0015' },
    附件: {
      header: '附件',
      kind: 'text',
      width: 40,
      note: `${ATTACHMENT_NOTE}。数电发票可附 XML 数据文件，程序会读取并与本行核对`,
      example: '24942000000012345678.pdf;24942000000012345678.xml',
    },
  },
  付款: {
    付款凭证号: { header: '付款凭证号', kind: 'text', width: 18, note: '银行回单号或记账凭证号，本项目内不重复', example: 'FK-202406-0012' },
    付款日期: { header: '付款日期', kind: 'date', width: 13, note: `银行付款日期。${DATE_NOTE}`, example: '2024-06-15' },
    付款方: { header: '付款方', kind: 'text', width: 32, note: '付款账户户名，应为申报单位', example: '厦门宏达精密机械有限公司' },
    收款方: { header: '收款方', kind: 'text', width: 32, note: '收款账户户名，应为合同供应商', example: '苏州华创数控机床有限公司' },
    金额: { header: '金额（元）', kind: 'amount', width: 17, note: `实际付款金额。${AMOUNT_NOTE}`, example: '1,068,000.00' },
    合同编号: { header: '合同编号', kind: 'text', width: 18, note: '付款对应的合同编号', example: 'HT-2024-0015' },
    附件: { header: '附件', kind: 'text', width: 32, note: ATTACHMENT_NOTE, example: '回单-FK-202406-0012.pdf' },
  },
  绩效指标: {
    指标类别: {
      header: '指标类别',
      kind: 'list',
      width: 12,
      list: INDICATOR_CATEGORY_LABELS,
      note: `从下拉列表选择：${INDICATOR_CATEGORY_LABELS.join('、')}`,
      example: '技术指标',
    },
    指标名称: { header: '指标名称', kind: 'text', width: 30, note: '申报书中承诺的绩效指标', example: '关键工序数控化率' },
    单位: { header: '单位', kind: 'text', width: 10, note: '指标的计量单位，如 %、台、万元', example: '%' },
    目标值: { header: '目标值', kind: 'number', width: 12, note: '申报时承诺的目标，填数字', example: '85' },
    完成值: { header: '完成值', kind: 'number', width: 12, note: '实际完成情况，填数字；立项评审阶段可不填', example: '88.5' },
    佐证材料: { header: '佐证材料', kind: 'text', width: 36, note: '证明完成值的材料名称', example: '设备联网清单及MES系统截图' },
  },
};

function sheetLayout(sheet: SheetName): readonly ColumnLayout[] {
  const details = SHEET_DETAILS[sheet];
  return SHEET_COLUMNS[sheet].map((column) => {
    const detail = details[column.name];
    if (detail === undefined) throw new Error(`${sheet} 的列「${column.name}」缺少模板说明`);
    return { name: column.name, ...detail };
  });
}

export const SHEET_LAYOUTS: Readonly<Record<SheetName, readonly ColumnLayout[]>> = {
  项目信息: sheetLayout('项目信息'),
  合同: sheetLayout('合同'),
  发票: sheetLayout('发票'),
  付款: sheetLayout('付款'),
  绩效指标: sheetLayout('绩效指标'),
};

export const INSTRUCTIONS_SHEET_NAME = '填表说明';

/** General rules shown at the top of 填表说明, one paragraph per line. */
export const GENERAL_INSTRUCTIONS: readonly string[] = [
  '本表是「技改评审」申报材料包第 1 版的申报表。每个项目一个工作簿，与附件一起放在材料包的「<项目编号>/」文件夹中，文件名为「申报表.xlsx」。',
  '工作表按名称识别：项目信息、合同、发票、付款、绩效指标。请勿修改工作表名称；本「填表说明」表不会被读取，可以保留。',
  '表头按名称识别：列的顺序可以调整，表头上方可以加标题行，可以增加其他列（不会被读取）；空行会被跳过。',
  '金额：默认单位为元，最多两位小数，可以填数字，也可以填文本 1,234.50、¥1234.5、1234.50元。表头写明「（万元）」时整列按万元读取（1.5 即 15,000 元）。',
  '日期：可以填 Excel 日期，也可以填文本 2024-01-05、2024/1/5、2024.01.05、2024年1月5日。',
  '税率：可以填 13%、0.13、13 或 免税。',
  '发票号码：数电发票（全电发票）只有 20 位发票号码，没有发票代码，「发票代码」列留空；税控发票（增值税专用发票、普通发票、电子专票、电子普票）填写 10 位或 12 位发票代码和 8 位发票号码。号码和代码请以文本格式填写。',
  '红字发票：金额、税额、价税合计填负数，大写金额以「（负数）」开头。',
  '附件：在「附件」列填写文件名，文件放在本项目的「附件/」文件夹中，支持 .pdf .ofd .xml .jpg .jpeg .png；多个文件用英文分号「;」分隔。数电发票的 XML 数据文件会被读取并与本行核对。',
  '统一社会信用代码：18 位，请以文本格式填写；程序会按 GB 32100 校验，未通过校验的会提示人工核对。',
  '是/否 类字段填写「是」或「否」；带下拉箭头的单元格请从列表中选择。',
];
