import type { InvestmentCategory } from '@shared/domain';

/**
 * Word lists the sample generator builds realistic data from: places with their GB/T 2260
 * division codes and tax bureaus, company-name parts, industries (GB/T 4754), goods and services
 * per investment category with `*税收分类*品名` names and typical prices, performance indicators.
 * Everything is invented from common parts; no real company or person is described.
 */

export interface City {
  readonly province: string;
  /** Empty for the four municipalities, whose province name is the city. */
  readonly city: string;
  /** Used in company names: 厦门宏达精密机械有限公司. */
  readonly short: string;
  /** Digits 3-4 of a 数电 invoice number: province, or 计划单列市 (DOMAIN.md §2). */
  readonly einvoiceRegion: string;
  /** Four digits of the tax bureau area: EInvoiceTag SWEI3502, TaxBureauCode 13502000000. */
  readonly bureauArea: string;
  readonly bureauName: string;
  readonly phoneArea: string;
  readonly districts: readonly (readonly [name: string, division: string])[];
}

export const CITIES = {
  厦门: {
    province: '福建省',
    city: '厦门市',
    short: '厦门',
    einvoiceRegion: '94',
    bureauArea: '3502',
    bureauName: '国家税务总局厦门市税务局',
    phoneArea: '0592',
    districts: [
      ['思明区', '350203'],
      ['海沧区', '350205'],
      ['湖里区', '350206'],
      ['集美区', '350211'],
      ['同安区', '350212'],
      ['翔安区', '350213'],
    ],
  },
  福州: {
    province: '福建省',
    city: '福州市',
    short: '福州',
    einvoiceRegion: '35',
    bureauArea: '3500',
    bureauName: '国家税务总局福建省税务局',
    phoneArea: '0591',
    districts: [
      ['鼓楼区', '350102'],
      ['仓山区', '350104'],
      ['马尾区', '350105'],
      ['闽侯县', '350121'],
    ],
  },
  泉州: {
    province: '福建省',
    city: '泉州市',
    short: '泉州',
    einvoiceRegion: '35',
    bureauArea: '3500',
    bureauName: '国家税务总局福建省税务局',
    phoneArea: '0595',
    districts: [
      ['丰泽区', '350503'],
      ['晋江市', '350582'],
      ['南安市', '350583'],
    ],
  },
  漳州: {
    province: '福建省',
    city: '漳州市',
    short: '漳州',
    einvoiceRegion: '35',
    bureauArea: '3500',
    bureauName: '国家税务总局福建省税务局',
    phoneArea: '0596',
    districts: [['芗城区', '350602']],
  },
  沈阳: {
    province: '辽宁省',
    city: '沈阳市',
    short: '沈阳',
    einvoiceRegion: '21',
    bureauArea: '2100',
    bureauName: '国家税务总局辽宁省税务局',
    phoneArea: '024',
    districts: [
      ['和平区', '210102'],
      ['沈河区', '210103'],
      ['大东区', '210104'],
      ['皇姑区', '210105'],
      ['铁西区', '210106'],
      ['浑南区', '210112'],
      ['沈北新区', '210113'],
      ['于洪区', '210114'],
    ],
  },
  大连: {
    province: '辽宁省',
    city: '大连市',
    short: '大连',
    einvoiceRegion: '91',
    bureauArea: '2102',
    bureauName: '国家税务总局大连市税务局',
    phoneArea: '0411',
    districts: [
      ['甘井子区', '210211'],
      ['金州区', '210213'],
    ],
  },
  南昌: {
    province: '江西省',
    city: '南昌市',
    short: '南昌',
    einvoiceRegion: '36',
    bureauArea: '3600',
    bureauName: '国家税务总局江西省税务局',
    phoneArea: '0791',
    districts: [
      ['东湖区', '360102'],
      ['青山湖区', '360111'],
      ['南昌县', '360121'],
    ],
  },
  赣州: {
    province: '江西省',
    city: '赣州市',
    short: '赣州',
    einvoiceRegion: '36',
    bureauArea: '3600',
    bureauName: '国家税务总局江西省税务局',
    phoneArea: '0797',
    districts: [
      ['章贡区', '360702'],
      ['赣县区', '360704'],
    ],
  },
  九江: {
    province: '江西省',
    city: '九江市',
    short: '九江',
    einvoiceRegion: '36',
    bureauArea: '3600',
    bureauName: '国家税务总局江西省税务局',
    phoneArea: '0792',
    districts: [['濂溪区', '360402']],
  },
  上饶: {
    province: '江西省',
    city: '上饶市',
    short: '上饶',
    einvoiceRegion: '36',
    bureauArea: '3600',
    bureauName: '国家税务总局江西省税务局',
    phoneArea: '0793',
    districts: [['信州区', '361102']],
  },
  青岛: {
    province: '山东省',
    city: '青岛市',
    short: '青岛',
    einvoiceRegion: '92',
    bureauArea: '3702',
    bureauName: '国家税务总局青岛市税务局',
    phoneArea: '0532',
    districts: [
      ['市南区', '370202'],
      ['市北区', '370203'],
      ['黄岛区', '370211'],
      ['崂山区', '370212'],
      ['李沧区', '370213'],
      ['城阳区', '370214'],
      ['即墨区', '370215'],
    ],
  },
  济南: {
    province: '山东省',
    city: '济南市',
    short: '济南',
    einvoiceRegion: '37',
    bureauArea: '3700',
    bureauName: '国家税务总局山东省税务局',
    phoneArea: '0531',
    districts: [
      ['历下区', '370102'],
      ['历城区', '370112'],
    ],
  },
  黄冈: {
    province: '湖北省',
    city: '黄冈市',
    short: '黄冈',
    einvoiceRegion: '42',
    bureauArea: '4200',
    bureauName: '国家税务总局湖北省税务局',
    phoneArea: '0713',
    districts: [
      ['黄州区', '421102'],
      ['麻城市', '421181'],
      ['武穴市', '421182'],
    ],
  },
  武汉: {
    province: '湖北省',
    city: '武汉市',
    short: '武汉',
    einvoiceRegion: '42',
    bureauArea: '4200',
    bureauName: '国家税务总局湖北省税务局',
    phoneArea: '027',
    districts: [
      ['洪山区', '420111'],
      ['东西湖区', '420112'],
    ],
  },
  上海: {
    province: '上海市',
    city: '',
    short: '上海',
    einvoiceRegion: '31',
    bureauArea: '3100',
    bureauName: '国家税务总局上海市税务局',
    phoneArea: '021',
    districts: [
      ['闵行区', '310112'],
      ['嘉定区', '310114'],
      ['浦东新区', '310115'],
      ['松江区', '310117'],
    ],
  },
  北京: {
    province: '北京市',
    city: '',
    short: '北京',
    einvoiceRegion: '11',
    bureauArea: '1100',
    bureauName: '国家税务总局北京市税务局',
    phoneArea: '010',
    districts: [
      ['朝阳区', '110105'],
      ['海淀区', '110108'],
      ['昌平区', '110114'],
    ],
  },
  深圳: {
    province: '广东省',
    city: '深圳市',
    short: '深圳',
    einvoiceRegion: '95',
    bureauArea: '4403',
    bureauName: '国家税务总局深圳市税务局',
    phoneArea: '0755',
    districts: [
      ['南山区', '440305'],
      ['宝安区', '440306'],
      ['龙华区', '440309'],
    ],
  },
  广州: {
    province: '广东省',
    city: '广州市',
    short: '广州',
    einvoiceRegion: '44',
    bureauArea: '4400',
    bureauName: '国家税务总局广东省税务局',
    phoneArea: '020',
    districts: [
      ['天河区', '440106'],
      ['黄埔区', '440112'],
    ],
  },
  苏州: {
    province: '江苏省',
    city: '苏州市',
    short: '苏州',
    einvoiceRegion: '32',
    bureauArea: '3200',
    bureauName: '国家税务总局江苏省税务局',
    phoneArea: '0512',
    districts: [
      ['吴中区', '320506'],
      ['相城区', '320507'],
      ['昆山市', '320583'],
    ],
  },
  南京: {
    province: '江苏省',
    city: '南京市',
    short: '南京',
    einvoiceRegion: '32',
    bureauArea: '3200',
    bureauName: '国家税务总局江苏省税务局',
    phoneArea: '025',
    districts: [['江宁区', '320115']],
  },
  杭州: {
    province: '浙江省',
    city: '杭州市',
    short: '杭州',
    einvoiceRegion: '33',
    bureauArea: '3300',
    bureauName: '国家税务总局浙江省税务局',
    phoneArea: '0571',
    districts: [
      ['滨江区', '330108'],
      ['余杭区', '330110'],
    ],
  },
  宁波: {
    province: '浙江省',
    city: '宁波市',
    short: '宁波',
    einvoiceRegion: '93',
    bureauArea: '3302',
    bureauName: '国家税务总局宁波市税务局',
    phoneArea: '0574',
    districts: [
      ['北仑区', '330206'],
      ['鄞州区', '330212'],
    ],
  },
} as const satisfies Record<string, City>;

export type CityName = keyof typeof CITIES;

export interface PolicyProfile {
  /** Prefix of project and batch ids: XM2024-001, XM-2026-YS-01. */
  readonly prefix: string;
  readonly issuer: string;
  readonly homeCities: readonly CityName[];
  readonly supplierCities: readonly (readonly [CityName, number])[];
  /** Industries applicants come from (Shenyang funds only C34/C35/C37/C38). */
  readonly industries: 'pilot' | 'all';
  /** Fill 项目类型 (Shenyang-type calls). */
  readonly projectType: boolean;
  /** Fill 区域类型 (Jiangxi-type calls). */
  readonly regionType: boolean;
  /**
   * The policy lets an invoiced but unpaid tail count (Xiamen: up to 10% of the contract), so a
   * clean package may leave a retention unpaid; elsewhere clean contracts are paid in full.
   */
  readonly unpaidTail: boolean;
}

const XIAMEN: PolicyProfile = {
  prefix: 'XM',
  issuer: '厦门市工业和信息化局',
  homeCities: ['厦门'],
  supplierCities: [
    ['厦门', 3],
    ['福州', 1],
    ['泉州', 1],
    ['漳州', 0.5],
    ['上海', 1],
    ['苏州', 1],
    ['深圳', 1],
    ['杭州', 0.7],
    ['北京', 0.6],
    ['广州', 0.5],
    ['宁波', 0.4],
    ['南京', 0.4],
  ],
  industries: 'all',
  projectType: false,
  regionType: false,
  unpaidTail: true,
};

export const POLICY_PROFILES: Readonly<Record<string, PolicyProfile>> = {
  xiamen: XIAMEN,
  shenyang: {
    prefix: 'SY',
    issuer: '沈阳市工业和信息化局',
    homeCities: ['沈阳'],
    supplierCities: [
      ['沈阳', 3],
      ['大连', 1.5],
      ['北京', 1],
      ['上海', 1],
      ['苏州', 0.8],
      ['济南', 0.5],
      ['青岛', 0.5],
      ['深圳', 0.6],
    ],
    industries: 'pilot',
    projectType: true,
    regionType: false,
    unpaidTail: false,
  },
  jiangxi: {
    prefix: 'JX',
    issuer: '江西省工业和信息化厅',
    homeCities: ['南昌', '赣州', '九江', '上饶'],
    supplierCities: [
      ['南昌', 2],
      ['赣州', 1],
      ['上海', 1],
      ['深圳', 0.8],
      ['杭州', 0.6],
      ['武汉', 0.6],
      ['北京', 0.5],
      ['厦门', 0.4],
    ],
    industries: 'all',
    projectType: false,
    regionType: true,
    unpaidTail: false,
  },
  qingdao: {
    prefix: 'QD',
    issuer: '青岛市工业和信息化局',
    homeCities: ['青岛'],
    supplierCities: [
      ['青岛', 3],
      ['济南', 1.5],
      ['上海', 1],
      ['北京', 1],
      ['苏州', 0.8],
      ['深圳', 0.6],
    ],
    industries: 'all',
    projectType: false,
    regionType: false,
    unpaidTail: false,
  },
  huanggang: {
    prefix: 'HG',
    issuer: '黄冈市经济和信息化局',
    homeCities: ['黄冈'],
    supplierCities: [
      ['武汉', 2.5],
      ['黄冈', 1.5],
      ['上海', 0.8],
      ['深圳', 0.6],
      ['苏州', 0.6],
      ['北京', 0.5],
    ],
    industries: 'all',
    projectType: false,
    regionType: false,
    unpaidTail: false,
  },
};

/** The profile for a policy id: its first word (`shenyang-2025` → shenyang); Xiamen for ids we have no profile for. */
export function policyProfile(policy: string): PolicyProfile {
  return POLICY_PROFILES[policy.split('-')[0] ?? ''] ?? XIAMEN;
}

// --- Company names ------------------------------------------------------------------------------

/** Two characters make a 字号 (trade name): 宏达, 鑫源, 华创 … */
export const TRADE_NAME_FIRST = [...'宏华鑫恒瑞嘉盛金天东海中新建永博创正信和汇科联德泰达源弘兴立明龙腾航睿'];
export const TRADE_NAME_SECOND = [...'达创源信丰诚泰兴盛科通升远辉华宇邦鼎捷锐凯发隆昌安晟润峰阳智'];

export const ORG_FORMS: readonly (readonly [string, number])[] = [
  ['有限公司', 6],
  ['股份有限公司', 2],
  ['有限责任公司', 1],
];

/** Business words of a supplier's name by what it sells. */
export const SUPPLIER_WORDS: Readonly<Record<InvestmentCategory, readonly string[]>> = {
  equipment: ['数控机床', '智能装备', '自动化设备', '机械设备', '机器人', '精密仪器', '电气设备', '智能科技'],
  software: ['软件', '信息技术', '数字科技', '网络科技', '智能科技'],
  process: ['工程技术', '工业技术', '科技'],
  platform: ['云计算', '数据科技', '工业互联网', '信息科技'],
  consulting: ['管理咨询', '技术咨询', '咨询服务', '企业管理咨询'],
  testing: ['检测技术', '检验检测', '计量检测', '检测认证'],
  construction: ['建设工程', '建筑工程', '建设集团'],
  land: ['置业', '实业'],
  other: ['贸易', '商贸', '实业', '供应链管理'],
};

export interface Industry {
  /** GB/T 4754-2017 class. */
  readonly code: string;
  readonly name: string;
  /** Words for the applicant's name. */
  readonly words: readonly string[];
  /** What the applicant makes, for project names. */
  readonly product: string;
  readonly productUnit: string;
}

export const INDUSTRIES: readonly Industry[] = [
  { code: 'C3411', name: '锅炉及辅助设备制造', words: ['锅炉', '热能设备'], product: '工业锅炉', productUnit: '台' },
  { code: 'C3442', name: '泵及真空设备制造', words: ['泵业', '流体设备'], product: '工业泵', productUnit: '台' },
  { code: 'C3453', name: '齿轮及齿轮减、变速箱制造', words: ['传动', '精密传动'], product: '精密减速机', productUnit: '台' },
  { code: 'C3484', name: '机械零部件加工', words: ['精密机械', '机械制造'], product: '精密零部件', productUnit: '万件' },
  { code: 'C3491', name: '工业机器人制造', words: ['机器人', '智能装备'], product: '工业机器人', productUnit: '台' },
  { code: 'C3521', name: '炼油、化工生产专用设备制造', words: ['化工装备', '压力容器'], product: '化工反应釜', productUnit: '台' },
  { code: 'C3562', name: '半导体器件专用设备制造', words: ['半导体设备', '微电子装备'], product: '晶圆清洗设备', productUnit: '台' },
  { code: 'C3581', name: '医疗诊断、监护及治疗设备制造', words: ['医疗器械', '医疗科技'], product: '医用监护仪', productUnit: '台' },
  { code: 'C3599', name: '其他专用设备制造', words: ['智能装备', '专用设备'], product: '自动化专用设备', productUnit: '台（套）' },
  { code: 'C3714', name: '高铁设备、配件制造', words: ['轨道交通装备', '轨道科技'], product: '轨道车辆配件', productUnit: '万件' },
  { code: 'C3734', name: '船用配套设备制造', words: ['船舶配套', '海工装备'], product: '船用甲板机械', productUnit: '台（套）' },
  { code: 'C3744', name: '航空相关设备制造', words: ['航空装备', '航空科技'], product: '航空零部件', productUnit: '万件' },
  { code: 'C3824', name: '电力电子元器件制造', words: ['电力电子', '电子科技'], product: 'IGBT功率模块', productUnit: '万只' },
  { code: 'C3825', name: '光伏设备及元器件制造', words: ['光伏科技', '新能源科技'], product: '光伏组件', productUnit: 'MW' },
  { code: 'C3841', name: '锂离子电池制造', words: ['新能源', '电池科技'], product: '锂离子电池模组', productUnit: 'MWh' },
  { code: 'C3851', name: '家用制冷电器具制造', words: ['电器', '制冷设备'], product: '商用冷柜', productUnit: '万台' },
  { code: 'C3899', name: '其他未列明电气机械及器材制造', words: ['电气', '电气设备'], product: '智能配电柜', productUnit: '台（套）' },
  { code: 'C3976', name: '光电子器件制造', words: ['光电', '光电科技'], product: '光通信模块', productUnit: '万只' },
];

/** The four Shenyang pilot industries (DOMAIN.md §3). */
export const PILOT_INDUSTRY_PREFIXES: readonly string[] = ['C34', 'C35', 'C37', 'C38'];

export const PROJECT_NAME_PATTERNS: readonly ((industry: Industry, scale: number) => string)[] = [
  (i, n) => `年产${String(n)}${i.productUnit}${i.product}智能化技术改造项目`,
  (i) => `${i.product}生产线数字化升级改造项目`,
  (i) => `${i.product}智能工厂建设项目`,
  (i) => `${i.product}关键工序智能化改造项目`,
  (i, n) => `新增${String(n)}${i.productUnit}${i.product}产能技术改造项目`,
];

// --- Goods and services -------------------------------------------------------------------------

export interface ItemSpec {
  /** `*税收分类简称*品名` as printed. */
  readonly name: string;
  readonly unit: string;
  /** 规格型号; empty list for services. */
  readonly specs: readonly string[];
  /** Unit price range in yuan, excluding tax. */
  readonly price: readonly [number, number];
  readonly quantity: readonly [number, number];
  /** VAT rate in percent for a general taxpayer. */
  readonly rate: number;
  /** 19-digit 税收分类编码 (illustrative values in the shape of the official table). */
  readonly taxCode: string;
  /** Title of the contract that buys it. */
  readonly contract: string;
}

const goods = (
  name: string,
  unit: string,
  specs: readonly string[],
  price: readonly [number, number],
  quantity: readonly [number, number],
  taxCode: string,
  contract: string,
): ItemSpec => ({ name, unit, specs, price, quantity, rate: 13, taxCode, contract });

const service = (name: string, unit: string, price: readonly [number, number], rate: number, taxCode: string, contract: string): ItemSpec => ({
  name,
  unit,
  specs: [],
  price,
  quantity: [1, 1],
  rate,
  taxCode,
  contract,
});

export const ITEMS: Readonly<Record<InvestmentCategory, readonly ItemSpec[]>> = {
  equipment: [
    goods('*机械设备*数控机床', '台', ['VMC850', 'VMC1160', 'CK6150', 'TCK63'], [180000, 950000], [1, 6], '1090103020000000000', '数控机床采购合同'),
    goods('*机械设备*卧式加工中心', '台', ['HMC630', 'HMC800'], [900000, 2600000], [1, 3], '1090103020000000000', '加工中心采购合同'),
    goods('*机械设备*工业机器人', '台', ['六轴20kg', '六轴165kg', 'SCARA 6kg'], [90000, 480000], [1, 12], '1090199000000000000', '工业机器人采购合同'),
    goods('*机械设备*自动化生产线', '条', ['柔性装配线', '智能喷涂线', '焊接自动化线'], [1200000, 6500000], [1, 2], '1090199000000000000', '自动化生产线采购及安装合同'),
    goods('*机械设备*智能仓储设备', '套', ['立体货架堆垛机', 'AGV搬运机器人'], [150000, 2200000], [1, 6], '1090199000000000000', '智能仓储系统采购合同'),
    goods('*计算机配套产品*服务器', '台', ['2U双路机架式', '4U GPU服务器'], [38000, 280000], [1, 10], '1090511030000000000', '服务器及存储设备采购合同'),
    goods('*计算机网络设备*工业交换机', '台', ['24口千兆', '48口万兆'], [3500, 36000], [2, 40], '1090512010000000000', '工业网络设备采购合同'),
    goods('*仪器仪表*三坐标测量机', '台', ['CMM-8106', 'CMM-12158'], [320000, 1200000], [1, 2], '1090618990000000000', '检测仪器采购合同'),
    goods('*输配电控制设备*智能配电柜', '套', ['GCS', 'MNS'], [45000, 260000], [1, 8], '1090403010000000000', '配电设备采购合同'),
    goods('*通用设备*螺杆空气压缩机', '台', ['55kW变频', '110kW变频'], [68000, 320000], [1, 4], '1090105010000000000', '空压站设备采购合同'),
    goods('*专用设备*光纤激光切割机', '台', ['6kW', '12kW'], [380000, 1600000], [1, 3], '1090103990000000000', '激光切割设备采购合同'),
  ],
  software: [
    { ...goods('*软件*MES制造执行系统软件', '套', ['V3.0', '企业版'], [280000, 1800000], [1, 1], '1060301020100000000', 'MES系统采购合同') },
    { ...goods('*软件*ERP管理软件', '套', ['云平台版', '标准版'], [150000, 900000], [1, 1], '1060301020100000000', 'ERP软件采购合同') },
    service('*信息技术服务*软件开发服务', '项', [120000, 1500000], 6, '3040201010000000000', '软件开发合同'),
    service('*信息技术服务*信息系统集成服务', '项', [80000, 900000], 6, '3040202000000000000', '信息系统集成合同'),
  ],
  process: [
    service('*研发和技术服务*工艺技术服务', '项', [60000, 800000], 6, '3040105000000000000', '工艺改进技术服务合同'),
    service('*研发和技术服务*技术开发服务', '项', [100000, 1200000], 6, '3040101000000000000', '技术开发合同'),
  ],
  platform: [
    service('*信息技术服务*工业互联网平台服务', '年', [60000, 600000], 6, '3040203000000000000', '工业互联网平台服务合同'),
    service('*信息技术服务*云服务', '年', [20000, 300000], 6, '3040203000000000000', '云服务合同'),
  ],
  consulting: [
    service('*咨询服务*智能制造诊断咨询', '项', [30000, 300000], 6, '3040603000000000000', '智能制造诊断咨询服务合同'),
    service('*鉴证咨询服务*技术咨询服务', '项', [20000, 200000], 6, '3040602000000000000', '技术咨询服务合同'),
  ],
  testing: [
    service('*研发和技术服务*检验检测服务', '项', [8000, 150000], 6, '3040104000000000000', '检验检测服务合同'),
    service('*研发和技术服务*计量校准服务', '次', [3000, 60000], 6, '3040104000000000000', '计量校准服务合同'),
  ],
  construction: [service('*建筑服务*工程款', '项', [500000, 4000000], 9, '3050100000000000000', '厂房改造工程施工合同')],
  land: [],
  other: [],
};

/** Categories of eligible spending and how often a contract is of each. */
export const CONTRACT_CATEGORY_WEIGHTS: readonly (readonly [InvestmentCategory, number])[] = [
  ['equipment', 55],
  ['software', 15],
  ['process', 8],
  ['platform', 7],
  ['consulting', 7],
  ['testing', 8],
];

// --- People, banks, streets ---------------------------------------------------------------------

export const SURNAMES = [
  ...'王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蒋蔡余杜叶程苏魏吕丁沈姚卢姜崔钟谭陆汪范金石廖贾夏韦方白邹孟熊秦邱江尹薛段雷侯龙史黎贺顾毛郝龚邵万钱',
];
export const GIVEN_NAME_CHARS = [...'伟芳娜敏静丽强磊军洋勇艳杰涛明超秀霞平刚桂英华玉兰萍建文辉力斌宇浩凯健俊帆鹏志鑫晨琳雪梅海波婷晓燕红林亮峰冬青'];

export const BANKS = ['中国工商银行', '中国建设银行', '中国银行', '中国农业银行', '交通银行', '招商银行', '兴业银行', '中信银行'];
export const STREETS = ['科技路', '创新路', '工业大道', '高新路', '兴业路', '智造路', '产业园路', '环岛干道', '新城大道', '港湾大道'];

// --- Performance indicators ---------------------------------------------------------------------

export interface IndicatorSpec {
  readonly category: '建设指标' | '技术指标' | '经济指标';
  readonly name: string;
  readonly unit: string;
  readonly target: readonly [number, number];
  readonly integer: boolean;
  readonly evidence: string;
}

export const INDICATORS: readonly IndicatorSpec[] = [
  { category: '建设指标', name: '新增生产设备', unit: '台（套）', target: [20, 200], integer: true, evidence: '设备购置发票、设备验收单及固定资产台账' },
  { category: '建设指标', name: '新建智能化生产线', unit: '条', target: [1, 6], integer: true, evidence: '产线验收报告及现场照片' },
  { category: '技术指标', name: '关键工序数控化率', unit: '%', target: [70, 92], integer: false, evidence: '关键工序设备清单及数控设备台账' },
  { category: '技术指标', name: '设备联网率', unit: '%', target: [60, 95], integer: false, evidence: '设备联网清单及MES系统运行截图' },
  { category: '技术指标', name: '生产效率提升', unit: '%', target: [15, 40], integer: false, evidence: '改造前后生产效率统计表' },
  { category: '技术指标', name: '产品不良品率降低', unit: '%', target: [10, 35], integer: false, evidence: '质量部门月度质量报表' },
  { category: '技术指标', name: '单位产品综合能耗下降', unit: '%', target: [5, 20], integer: false, evidence: '第三方节能监测报告' },
  { category: '经济指标', name: '新增年产值', unit: '万元', target: [5000, 60000], integer: true, evidence: '年度财务审计报告' },
  { category: '经济指标', name: '新增年利税', unit: '万元', target: [500, 8000], integer: true, evidence: '年度纳税证明及审计报告' },
  { category: '经济指标', name: '新增就业岗位', unit: '人', target: [20, 300], integer: true, evidence: '社保缴纳人员名单' },
];
