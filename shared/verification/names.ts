import { compactText } from '../domain/text';

/**
 * Comparing the parties named on invoices, contracts and payments. Chinese
 * input methods switch between full- and half-width brackets freely, so names
 * are compared after folding (「鹭岛智能科技（厦门）有限公司」 = 「鹭岛智能科技(厦门)有限公司」).
 */

const nameCache = new Map<string, string>();

/** Half-width, no spaces, Latin letters upper-cased, 【】〔〕 as (): the form two names are compared in. */
export function normalizeName(name: string): string {
  let folded = nameCache.get(name);
  if (folded === undefined) {
    if (nameCache.size > 50_000) nameCache.clear();
    folded = compactText(name)
      .replace(/[【〔[]/gu, '(')
      .replace(/[】〕\]]/gu, ')')
      .toUpperCase();
    nameCache.set(name, folded);
  }
  return folded;
}

const codeCache = new Map<string, string>();

/**
 * A credit code, taxpayer id, invoice key or contract number folded for
 * comparison (half-width, no spaces, upper case). Memoised: a project repeats
 * the same few codes thousands of times.
 */
export function normalizeCode(code: string): string {
  let folded = codeCache.get(code);
  if (folded === undefined) {
    if (codeCache.size > 200_000) codeCache.clear();
    folded = compactText(code).toUpperCase();
    codeCache.set(code, folded);
  }
  return folded;
}

/** Contract numbers are matched after the same folding (「HT-2024-001 」 = 「ht－2024－001」). */
export function normalizeContractNo(contractNo: string): string {
  return normalizeCode(contractNo);
}

// ---------------------------------------------------------------------------
// Trade-name stems (字号). A Chinese company name is 行政区划 + 字号 + 行业 + 组织形式
// (企业名称登记管理规定); two companies that share a 字号 once region, industry and
// company form are removed are often of one group — a sign of a related party.

const PROVINCES = [
  '北京',
  '天津',
  '河北',
  '山西',
  '内蒙古',
  '辽宁',
  '吉林',
  '黑龙江',
  '上海',
  '江苏',
  '浙江',
  '安徽',
  '福建',
  '江西',
  '山东',
  '河南',
  '湖北',
  '湖南',
  '广东',
  '广西',
  '海南',
  '重庆',
  '四川',
  '贵州',
  '云南',
  '西藏',
  '陕西',
  '甘肃',
  '青海',
  '宁夏',
  '新疆',
  '香港',
  '澳门',
  '台湾',
];
const CITIES = [
  '厦门',
  '福州',
  '泉州',
  '漳州',
  '莆田',
  '三明',
  '南平',
  '龙岩',
  '宁德',
  '深圳',
  '广州',
  '东莞',
  '佛山',
  '珠海',
  '中山',
  '惠州',
  '汕头',
  '江门',
  '阳江',
  '清远',
  '杭州',
  '宁波',
  '温州',
  '嘉兴',
  '绍兴',
  '金华',
  '台州',
  '湖州',
  '南京',
  '苏州',
  '无锡',
  '常州',
  '南通',
  '扬州',
  '徐州',
  '合肥',
  '芜湖',
  '济南',
  '青岛',
  '烟台',
  '潍坊',
  '淄博',
  '郑州',
  '洛阳',
  '武汉',
  '黄冈',
  '襄阳',
  '宜昌',
  '长沙',
  '株洲',
  '南昌',
  '赣州',
  '九江',
  '成都',
  '绵阳',
  '西安',
  '沈阳',
  '大连',
  '鞍山',
  '长春',
  '哈尔滨',
  '石家庄',
  '唐山',
  '太原',
  '呼和浩特',
  '昆明',
  '贵阳',
  '都匀',
  '黔南',
  '南宁',
  '兰州',
  '银川',
  '西宁',
  '乌鲁木齐',
  '拉萨',
  '海口',
  '三亚',
  // 厦门 districts, where most applicants of the Xiamen calls sit, and some common others.
  '思明',
  '湖里',
  '集美',
  '海沧',
  '同安',
  '翔安',
  '海淀',
  '朝阳',
  '丰台',
  '昌平',
  '南山',
  '福田',
  '宝安',
  '龙岗',
  '浦东',
  '闵行',
  '嘉定',
  '中国',
  '中华',
];
const REGION_SUFFIXES = ['特别行政区', '维吾尔自治区', '壮族自治区', '回族自治区', '自治区', '自治州', '省', '市', '新区', '区', '县'];
const REGIONS = [...PROVINCES, ...CITIES].sort((a, b) => b.length - a.length);

const COMPANY_FORMS = [
  '股份有限公司',
  '有限责任公司',
  '集团有限公司',
  '有限公司',
  '分公司',
  '总公司',
  '公司',
  '集团',
  '股份',
  '合伙企业',
  '有限合伙',
  '普通合伙',
  '研究院',
  '研究所',
  '工作室',
  '经营部',
  '门市部',
  '商行',
  '中心',
  '厂',
].sort((a, b) => b.length - a.length);

/** 行业 words written between 字号 and the company form; stripped from the end, longest first. */
const INDUSTRY_WORDS = [
  '工业互联网',
  '供应链',
  '新材料',
  '自动化',
  '计算机',
  '机器人',
  '半导体',
  '互联网',
  '智能',
  '装备',
  '科技',
  '技术',
  '设备',
  '机械',
  '机电',
  '电子',
  '电气',
  '信息',
  '软件',
  '网络',
  '数字',
  '数据',
  '系统',
  '工程',
  '制造',
  '智造',
  '工业',
  '实业',
  '贸易',
  '商贸',
  '发展',
  '咨询',
  '服务',
  '管理',
  '检测',
  '测试',
  '材料',
  '能源',
  '环保',
  '精密',
  '仪器',
  '仪表',
  '通信',
  '通讯',
  '控股',
  '投资',
  '建设',
  '建筑',
  '物流',
  '光电',
  '医疗',
  '化工',
  '生物',
  '传感',
  '视觉',
  '科学',
  '产业',
  '国际',
  '创新',
  '研究',
  '数控',
  '机床',
  '云',
  '计量',
  '检验',
  '认证',
  '微电子',
  '传动',
  '光伏',
  '制冷',
  '器械',
  '容器',
  '压力',
  '新能源',
  '电力',
  '电池',
  '集团',
  '泵业',
  '流体',
  '海工',
  '热能',
  '电器',
  '置业',
  '航空',
  '船舶',
  '配套',
  '轨道',
  '交通',
  '锅炉',
  '计算',
  '专用',
  '海洋',
].sort((a, b) => b.length - a.length);
const INDUSTRY_SET = new Set(INDUSTRY_WORDS);

function stripRegionAtStart(s: string): string {
  for (const region of REGIONS) {
    if (!s.startsWith(region)) continue;
    let rest = s.slice(region.length);
    for (const suffix of REGION_SUFFIXES) {
      if (rest.startsWith(suffix)) {
        rest = rest.slice(suffix.length);
        break;
      }
    }
    return rest;
  }
  return s;
}

function stripRegionAtEnd(s: string): string {
  for (const suffix of ['', ...REGION_SUFFIXES]) {
    if (!s.endsWith(suffix)) continue;
    const body = s.slice(0, s.length - suffix.length);
    for (const region of REGIONS) {
      if (body.endsWith(region) && body.length > region.length) return body.slice(0, body.length - region.length);
    }
  }
  return s;
}

function stripEnd(s: string, words: readonly string[]): string {
  for (const word of words) {
    if (s.endsWith(word) && s.length > word.length) return s.slice(0, s.length - word.length);
  }
  return s;
}

const stemCache = new Map<string, string>();

/**
 * The 字号 of a company name, or '' when none can be told apart from generic
 * words: 「厦门鹭岛智能装备有限公司」 → 鹭岛, 「鹭岛智能科技(厦门)有限公司」 → 鹭岛,
 * 「阳江市锐达数控设备有限公司」 → 锐达. Bracketed parts are dropped (they hold a
 * region such as (厦门) or (中国), or a form such as (集团) or (有限合伙)).
 */
export function tradeNameStem(name: string): string {
  const cached = stemCache.get(name);
  if (cached !== undefined) return cached;
  let s = normalizeName(name).replace(/\([^()]*\)/gu, '');
  // Company forms and branch suffixes (「…有限公司厦门分公司」) from the end, regions from the start.
  for (let guard = 0; guard < 8; guard += 1) {
    const before = s;
    s = stripRegionAtEnd(stripEnd(s, COMPANY_FORMS));
    if (s === before) break;
  }
  for (let guard = 0; guard < 4; guard += 1) {
    const before = s;
    s = stripRegionAtStart(s);
    if (s === before) break;
  }
  for (let guard = 0; guard < 8; guard += 1) {
    const next = stripEnd(s, INDUSTRY_WORDS);
    if (next === s || next.length < 2) break;
    s = next;
  }
  const stem = s.length >= 2 && !INDUSTRY_SET.has(s) ? s : '';
  if (stemCache.size > 50_000) stemCache.clear();
  stemCache.set(name, stem);
  return stem;
}
