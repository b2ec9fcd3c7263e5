/**
 * The fixed query list of the search benchmark: real queries a reader of a Chinese news portal
 * types (people, places, two-character words, phrases, several terms, filters). Written by hand.
 */
export interface BenchQuery {
  q: string;
  kind: 'person' | 'place' | 'word' | 'phrase' | 'multi' | 'filter';
  source?: string;
  from?: string;
  to?: string;
  sort?: 'time';
  channelSlot?: number;
}

const people = '泽连斯基 普京 拜登 特朗普 马斯克 马克龙 朔尔茨 岸田文雄 尹锡悦 莫迪 内塔尼亚胡 哈马斯 古特雷斯 布林肯 苏纳克 埃尔多安 卢拉 王毅 李强 梅西 C罗 谷爱凌 全红婵 刘德华 周杰伦 雷军 任正非 董明珠 马云 黄仁勋 奥特曼 库克 盖茨 斯威夫特 普里戈任 瓦格纳 佩洛西 赖清德 蔡英文 约翰逊';
const places = '乌克兰 俄罗斯 加沙 以色列 伊斯坦布尔 基辅 莫斯科 华盛顿 北京 上海 深圳 广州 杭州 成都 重庆 武汉 西安 南京 天津 苏州 香港 澳门 台湾 新疆 西藏 海南 云南 贵州 哈尔滨 东北 雄安 粤港澳大湾区 长江 黄河 珠峰 南海 日本 韩国 朝鲜 印度';
const words = '停火 谈判 疫情 地震 台风 暴雨 洪水 高考 房价 油价 降息 加息 芯片 新能源 电动车 光伏 锂电 就业 养老 医保 生育 彩礼 春运 春晚 国庆 旅游 消费 出口 关税 制裁 选举 罢工 枪击 爆炸 火灾 车祸 诈骗 反腐 扶贫 乡村振兴 人工智能 大模型 航天 神舟 嫦娥 高铁 大飞机 世界杯 奥运会 亚运会';
const phrases = ['一带一路', '人类命运共同体', '新质生产力', '高质量发展', '乡村振兴', '共同富裕', '中国式现代化', '双碳', '碳达峰', '数字经济', '两会', '政府工作报告', '国务院常务会议', '中央经济工作会议', '美联储加息', '俄乌冲突', '巴以冲突', '淄博烧烤', '哈尔滨冰雪', '村BA', 'ChatGPT', '华为Mate60', '特斯拉降价', '比亚迪', '理想汽车', '小米汽车', '恒大', '碧桂园', '硅谷银行', '核污染水'];
const multi = ['泽连斯基 谈判', '普京 拜登', '加沙 停火', '上海 疫情', '高考 作文', '房价 下跌', '新能源 汽车 出口', '台风 暴雨 广东', '芯片 制裁', '美联储 降息', '日本 排海', '马斯克 推特', '华为 芯片', '特斯拉 上海', '杭州 亚运会', '成都 大运会', '淄博 烧烤', '哈尔滨 旅游', '村超 贵州', '北京 冬奥会'];

export const BENCH_QUERIES: BenchQuery[] = [
  ...people.split(' ').map((q) => ({ q, kind: 'person' as const })),
  ...places.split(' ').map((q) => ({ q, kind: 'place' as const })),
  ...words.split(' ').map((q) => ({ q, kind: 'word' as const })),
  ...phrases.map((q) => ({ q: `"${q}"`, kind: 'phrase' as const })),
  ...multi.map((q) => ({ q, kind: 'multi' as const })),
  { q: '疫情', kind: 'filter', source: '央视网' },
  { q: '疫情', kind: 'filter', source: '腾讯新闻', from: '2023-01-01', to: '2023-03-31' },
  { q: '谈判', kind: 'filter', sort: 'time' },
  { q: '台风', kind: 'filter', from: '2023-07-01', to: '2023-09-30' },
  { q: '高考', kind: 'filter', sort: 'time', source: '腾讯新闻' },
  { q: '乌克兰', kind: 'filter', from: '2024-01-01' },
  { q: '芯片', kind: 'filter', channelSlot: 0 },
  { q: '上海', kind: 'filter', channelSlot: 1 },
  { q: '旅游', kind: 'filter', channelSlot: 2, sort: 'time' },
  { q: '新能源', kind: 'filter', to: '2023-06-30' },
  { q: '马斯克', kind: 'filter', sort: 'time' },
  { q: '地震', kind: 'filter', source: '央视网', sort: 'time' },
  { q: '"人工智能"', kind: 'filter', from: '2024-01-01', to: '2025-12-31' },
  { q: '习近平', kind: 'filter', source: '央视网', from: '2025-01-01' },
  { q: '北京', kind: 'filter', channelSlot: 3 },
  { q: '经济', kind: 'filter', sort: 'time' },
  { q: '中国', kind: 'filter' },
  { q: '发展', kind: 'filter', source: '央视网' },
  { q: '美国', kind: 'filter', channelSlot: 4 },
  { q: '比赛', kind: 'filter', from: '2023-08-01', to: '2023-08-31' },
];
