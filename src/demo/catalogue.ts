/**
 * What the demo company sells and whom it sells to: product families with realistic
 * specifications (规格), China's sales regions with their provinces, and the words staff write in
 * the contact log. Used only to generate demo and benchmark data.
 */
import type { Faker } from '@faker-js/faker';

export interface ProductFamily {
  code: string;
  category: string;
  noun: string;
  unit: string;
  /** List price range in CNY. */
  price: [number, number];
  specification: (faker: Faker) => string;
}

const dn = (faker: Faker) => faker.helpers.arrayElement([25, 32, 40, 50, 65, 80, 100, 125, 150, 200]);

export const PRODUCT_FAMILIES: ProductFamily[] = [
  {
    code: 'PMP',
    category: '离心泵',
    noun: '单级离心泵',
    unit: '台',
    price: [1800, 36000],
    specification: (f) => `DN${dn(f)} PN16 ${f.number.int({ min: 5, max: 200 })}m³/h 扬程${f.number.int({ min: 12, max: 80 })}m`,
  },
  {
    code: 'VLV',
    category: '阀门',
    noun: '闸阀',
    unit: '个',
    price: [260, 8800],
    specification: (f) => `DN${dn(f)} PN${f.helpers.arrayElement([10, 16, 25])} ${f.helpers.arrayElement(['铸铁', '铸钢', '304不锈钢'])}`,
  },
  {
    code: 'MTR',
    category: '电机',
    noun: '三相异步电机',
    unit: '台',
    price: [1500, 26000],
    specification: (f) =>
      `YE3-${f.helpers.arrayElement(['90L', '112M', '132M', '160M', '180L'])}-${f.helpers.arrayElement([2, 4, 6])} ${f.helpers.arrayElement([1.5, 2.2, 4, 7.5, 11, 15, 22])}kW 380V`,
  },
  {
    code: 'RDC',
    category: '减速机',
    noun: '齿轮减速机',
    unit: '台',
    price: [2200, 48000],
    specification: (f) => `i=${f.helpers.arrayElement([5, 10, 20, 31.5, 50])} 额定扭矩${f.number.int({ min: 2, max: 60 }) * 50}N·m`,
  },
  {
    code: 'FIT',
    category: '管件',
    noun: '法兰',
    unit: '件',
    price: [18, 900],
    specification: (f) =>
      `DN${dn(f)} ${f.helpers.arrayElement(['碳钢', '304不锈钢', '316L不锈钢'])} ${f.helpers.arrayElement(['HG/T 20592', 'GB/T 9119'])}`,
  },
  {
    code: 'SEL',
    category: '密封件',
    noun: '骨架油封',
    unit: '个',
    price: [3, 160],
    specification: (f) =>
      `φ${f.number.int({ min: 12, max: 120 })}×${f.number.int({ min: 20, max: 150 })}×${f.helpers.arrayElement([7, 8, 10, 12])} ${f.helpers.arrayElement(['NBR', 'FKM', 'PTFE'])}`,
  },
  {
    code: 'CAB',
    category: '控制柜',
    noun: '水泵控制柜',
    unit: '套',
    price: [3200, 68000],
    specification: (f) =>
      `3×380V ${f.helpers.arrayElement([5.5, 7.5, 11, 15, 22, 37])}kW IP${f.helpers.arrayElement([54, 55, 65])} ${f.helpers.arrayElement(['一用一备', '两用一备', '变频'])}`,
  },
  {
    code: 'SPR',
    category: '配件',
    noun: '机械密封',
    unit: '套',
    price: [90, 2600],
    specification: (f) =>
      `轴径${f.number.int({ min: 16, max: 85 })}mm ${f.helpers.arrayElement(['碳化硅/石墨', '碳化硅/碳化硅', '硬质合金'])}`,
  },
];

/** Sales regions (销售区域) with provinces and their cities; 海外 holds the export customers. */
export const REGIONS: { region: string; provinces: Record<string, string[]>; weight: number }[] = [
  {
    region: '华东',
    weight: 30,
    provinces: {
      上海市: ['上海'],
      江苏省: ['苏州', '无锡', '南京', '常州'],
      浙江省: ['杭州', '宁波', '温州', '台州'],
      山东省: ['济南', '青岛', '淄博', '潍坊'],
      安徽省: ['合肥', '芜湖'],
    },
  },
  {
    region: '华南',
    weight: 18,
    provinces: { 广东省: ['广州', '深圳', '佛山', '东莞'], 福建省: ['福州', '厦门', '泉州'], 广西壮族自治区: ['南宁', '柳州'] },
  },
  {
    region: '华北',
    weight: 14,
    provinces: { 北京市: ['北京'], 天津市: ['天津'], 河北省: ['石家庄', '唐山', '保定'], 山西省: ['太原', '大同'] },
  },
  {
    region: '华中',
    weight: 12,
    provinces: { 湖北省: ['武汉', '宜昌', '襄阳'], 湖南省: ['长沙', '株洲'], 河南省: ['郑州', '洛阳'], 江西省: ['南昌'] },
  },
  { region: '西南', weight: 9, provinces: { 四川省: ['成都', '绵阳'], 重庆市: ['重庆'], 云南省: ['昆明'], 贵州省: ['贵阳'] } },
  { region: '西北', weight: 6, provinces: { 陕西省: ['西安', '宝鸡'], 甘肃省: ['兰州'], 新疆维吾尔自治区: ['乌鲁木齐'] } },
  { region: '东北', weight: 5, provinces: { 辽宁省: ['沈阳', '大连'], 吉林省: ['长春'], 黑龙江省: ['哈尔滨'] } },
  { region: '海外', weight: 6, provinces: {} },
];

/** Parts of customer names: 苏州 + 恒通 + 机械设备 + 有限公司. */
export const BRAND_WORDS = [
  '恒通',
  '华泰',
  '永盛',
  '鑫达',
  '宏远',
  '金桥',
  '瑞丰',
  '中联',
  '天诚',
  '安捷',
  '博远',
  '德信',
  '嘉禾',
  '凯达',
  '利民',
  '明阳',
  '新源',
  '长江',
  '东方',
  '海川',
  '润泽',
  '正大',
  '远航',
  '兴业',
];
export const INDUSTRIES = [
  '机械设备',
  '水务工程',
  '化工',
  '环保科技',
  '建设工程',
  '电力设备',
  '制药',
  '食品',
  '石化工程',
  '暖通设备',
  '消防工程',
  '矿业',
  '造纸',
  '纺织印染',
];
export const COMPANY_FORMS = ['有限公司', '有限公司', '股份有限公司', '有限责任公司'];

export const CONTACT_TITLES = ['采购经理', '总经理', '技术主管', '财务经理', '仓库主管', '设备部长', '采购专员'];

export const POTENTIAL_NEEDS = [
  '明年新厂区扩建，预计需要一批离心泵和控制柜',
  '考虑将进口密封件替换为国产，需要样品试用',
  '希望提供节能型电机的改造方案',
  '对不锈钢法兰有长期稳定需求，询问年度框架价格',
  '计划更换老旧减速机，需要技术交流',
];

export const INQUIRY_SUMMARIES: Record<string, string[]> = {
  order: ['客户来电下单，确认型号与数量', '客户追加订单，要求月底前交货', '客户传真订单，需核对规格'],
  quotation: ['客户询价，需提供含税报价', '客户要求按年度用量报优惠价', '询问出口报价（FOB上海）'],
  stock_check: ['客户查询现货库存', '询问常用规格是否有库存可当周发货'],
  consultation: ['咨询选型，介绍产品参数', '咨询安装与维护注意事项', '咨询付款方式与账期'],
  complaint: ['反映到货包装破损', '反映产品运行噪音偏大', '反映交货延迟'],
  sample: ['寄送样品供客户测试', '客户要求寄送密封件样品'],
  catalogue: ['寄送最新产品目录和价格表', '发送电子版样本'],
  other: ['节日问候，回访客户使用情况', '客户满意度回访'],
};

export const INQUIRY_OUTCOMES = ['已报价，等待客户回复', '已下单', '已转计划确认交期', '已寄出', '已答复客户', '需业务员跟进'];

export const HOLD_REASONS = ['货款逾期超过90天', '超出信用额度，待财务确认', '对账差异未解决'];

/** What customers say, by opinion topic, with how they felt (客户意见). */
export const OPINION_TEXTS: Record<string, { text: string; sentiment: 'positive' | 'neutral' | 'negative'; marketInfo?: boolean }[]> = {
  quality: [
    { text: '新批次离心泵运行平稳，噪音比上批明显降低', sentiment: 'positive' },
    { text: '个别密封件使用三个月后渗漏，希望加强出厂检验', sentiment: 'negative' },
  ],
  delivery: [
    { text: '交期比承诺晚了一周，影响了现场安装进度', sentiment: 'negative' },
    { text: '这次紧急订单按时到货，感谢跟单员的协调', sentiment: 'positive' },
  ],
  packaging: [{ text: '木箱包装牢固，但希望外箱标明型号和数量，方便仓库收货', sentiment: 'neutral' }],
  service: [
    { text: '技术人员上门调试很及时，问题当天解决', sentiment: 'positive' },
    { text: '来电咨询时转接次数太多，希望有固定对接人', sentiment: 'negative' },
  ],
  price: [
    { text: '同行报价低约5%，希望年度框架协议能给更优惠的价格', sentiment: 'neutral', marketInfo: true },
    { text: '竞争对手推出了节能型电机，价格与我司相近', sentiment: 'neutral', marketInfo: true },
  ],
  product_range: [{ text: '希望增加不锈钢材质的小流量规格，目前只能外购', sentiment: 'neutral', marketInfo: true }],
};
