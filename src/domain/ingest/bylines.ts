/**
 * Who wrote and who edited a Chinese news page, read from the way bylines are written:
 * 作者:张三, 光明日报记者 王建宏 张文攀, 本报实习生 刘国栋 本报记者 王燕平, (记者 格桑边觉),
 * (姚峰 上海报道), 责任编辑:杨倩_NF4425, [责任编辑:韩保林 PK155]. Reporters are the story's authors;
 * the responsible editor is reported apart from them, as the regulation for reposted news asks.
 */

import { withTraditional, withTraditionalWords } from './traditional.ts';

const HAN = '\\u4e00-\\u9fff';
/**
 * A name after a label, matched up to 6 characters so that a longer word is not cut into a name;
 * it is kept only when it reads as a person's name (isPersonName).
 */
const NAME = `[${HAN}·•]{2,6}`;
/** Further names in a list are personal names: 2–4 Han characters, or joined by ·. */
const MORE_NAME = `(?:[${HAN}]{2,4}|[${HAN}]{1,6}[·•][${HAN}·•]{1,12})`;
// A name ends where Han text or a number runs on (作者：张三 新华社北京5月18日电 is one name, not two),
// and a word followed by a colon is the next label (个人简介：, 分享：), not a name.
const NAME_END = `(?![${HAN}\\d])(?!\\s*[:：])`;

/** Splits a list of names written 栾海、高山 or 栾海 高山 or 栾海,高山. */
export function splitNames(value: string): string[] {
  return value
    .split(/[、,，;；\s/|]+/)
    .map((n) => n.trim())
    .filter((n) => n.length >= 2 && n.length <= 20);
}

/** Words that sit where a name would and are not one: labels, page furniture, 完/待续 endings, agency short names. */
const NOT_A_NAME = withTraditionalWords([
  '来源', '时间', '发布', '编辑', '责任', '日期', '通讯员', '实习生', '摄影', '本报', '本网', '记者', '作者', '分享', '评论', '打印', '收藏',
  '推荐', '关注', '简介', '个人简介', '最新', '动态', '相关', '阅读', '点击', '浏览', '字号', '返回', '关闭', '待续', '未完', '全文完', '完结',
  '未完待续', '图片', '供图', '资料', '视频', '央视', '新华', '中新', '综合', '整理', '编译', '报道', '特稿', '专稿', '文章', '作品',
  '粉丝', '文集', '专栏', '主页', '首页', '更多', '受访者',
  // What a template prints when nobody is named: unknown, anonymous, none.
  '未知', '佚名', '匿名', '暂无', '不详', '无名', '网友', '网络',
  // Column labels that follow 记者 (记者手记, 记者观察): a kind of story, not a reporter.
  '手记', '观察', '调查', '见闻', '连线', '探访', '走访', '直击', '体验', '札记', '日记', '来信', '问答',
]);

/** Names of organisations end like this: 新华社, 中国新闻网, 新浪财经-自媒体综合, 大汉网络. */
const ORGANISATION_RE = withTraditional(/(网|网络|报|社|台|频道|中心|综合|新闻|杂志|客户端|编辑部|工作室|集团|公司|研究院|委员会)$/);

const PERSON_NAME_RE = new RegExp(`^${MORE_NAME}$`);

/** Whether a token reads as a person's name in a Chinese byline: 2–4 Han characters or a transliteration with ·. */
export function isPersonName(name: string): boolean {
  if (!PERSON_NAME_RE.test(name)) return false;
  return !NOT_A_NAME.has(name) && !/报道$/.test(name) && !(name.length >= 3 && ORGANISATION_RE.test(name));
}

/**
 * The commonest few hundred Chinese surnames, and the first characters of the common compound ones
 * (上官, 令狐, 东方, 皇甫). Names standing without a label (常书香 马丹阳) or after the first one of a
 * list must start with one, so that words such as 我要说说 or 出自 that follow a byline are not
 * taken for people.
 */
const COMMON_SURNAMES = new Set(
  '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左柳甘祝包宁尚符舒阮柯纪梅童凌毕单季裴霍涂成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房滕屈饶解牟艾尤阳时穆农司卓古吉缪简车项连芦麦褚娄窦戚岑景党宫费卜冷晏席卫米柏宗瞿桂全佟应臧闵苟邬边卞姬师和仇栾隋商刁沙荣巫寇桑郎甄丛仲虞敖巩明佘池查麻苑迟邝官封谈匡鞠惠荆乐冀郁胥南班储原栗燕楚鄢劳谌奚皮粟冼蔺楼盘满闻位厉伊仝区郜海阚花权强帅屠豆朴盖练廉禹井祖漆巴丰支卿国狄平计索宣晋相初门云容敬来扈晁芮都普阙浦戈伏鹿薄邸雍辜羊阿乌母裘亓修邰赫杭况那宿鲜印逯隆茹诸战慕危玉银亢嵇公哈湛宾戎勾茅利於呼居揭干但尉冶斯元束檀衣信展阴昝智幸奉植衡富尧闭由上令东皇',
);

/** A personal name that starts with a common surname: what an unlabelled name must be. */
export function isSurnamedName(name: string): boolean {
  return isPersonName(name) && COMMON_SURNAMES.has(name.charAt(0));
}

/** Whether a declared author (a meta tag, a byline element) names an organisation or an account rather than a person. */
export function isOrganisationOrAccount(value: string): boolean {
  const v = value.trim();
  return (/[\u4e00-\u9fff]/.test(v) && v.length >= 3 && ORGANISATION_RE.test(v)) || /^\S*\d{4,}\S*$/.test(v) || EDITOR_LABEL_RE.test(v);
}

/** A further name in a list does not start with the next role (实习记者 樊亮 张明超 记者惠禾). */
const NOT_A_ROLE = '(?!(?:特约|见习|首席|摄影|实习)?记者|通讯员|实习生)';

// 记者 may follow its newspaper (新京报记者); a bare 文 is a byline only as 文/ or 文: (文章, 文献 are words).
const ROLE = `(?:(?:特约记者|见习记者|首席记者|摄影记者|记者|通讯员|实习生|执笔人|执笔|撰稿人|撰稿|撰文|采写|作者)\\s*[:：]?|(?:文\\/图|图\\/文|文)\\s*[:：/／])`;
const BYLINE_RE = withTraditional(new RegExp(
  `(?:^|[\\s(（【\\[|｜□■]|[${HAN}·]{1,10}?(?=(?:记者|通讯员)))${ROLE}\\s*(${NAME}${NAME_END}(?:[、,，\\s]+${NOT_A_ROLE}${MORE_NAME}${NAME_END})*)`,
  'g',
));

/** Authors named in a byline somewhere in a stretch of page text: 作者:张三, (记者 李四 王五), 新京报记者 彭冲. */
export function findBylineAuthors(text: string): string[] {
  const found: string[] = [];
  let end = -1;
  for (const m of text.matchAll(BYLINE_RE)) {
    // Roles may follow one another (实习记者 樊亮 张明超 记者惠禾): a match right after the last one continues the byline.
    if (found.length && (m.index ?? 0) - end > 2) break;
    const names = splitNames(m[1] ?? '')
      .map(stripTrailingLabel)
      .filter((n, i) => (i === 0 ? isPersonName(n) : isSurnamedName(n)));
    found.push(...names);
    if (names.length) end = (m.index ?? 0) + m[0].length;
  }
  return found;
}

// Old portal headers put the writer in brackets after the time: 2004年7月16日08:19 [ 黄宇 ] 来源：[ 国际金融报 ].
const DATED_BRACKET_NAME_RE = new RegExp(`\\d{1,2}:\\d{2}(?::\\d{2})?\\s*[[【]\\s*([${HAN}·]{2,6})\\s*[\\]】]`);

/** The byline of an article's header: a labelled one (作者:张三, 本报记者 李四), else a name bracketed after the time. */
export function findHeaderAuthors(text: string): string[] {
  const labelled = findBylineAuthors(text);
  if (labelled.length) return labelled;
  const bracketed = DATED_BRACKET_NAME_RE.exec(text)?.[1] ?? '';
  return isSurnamedName(bracketed) ? [bracketed] : [];
}

function stripTrailingLabel(name: string): string {
  return name.replace(/(来源|时间|发布|编辑|日期|通讯员|实习生|摄影|摄)$/, '');
}

const ROLE_IN_LINE_RE = withTraditional(new RegExp(
  `[${HAN}·]{0,10}?(?:特约记者|见习记者|首席记者|摄影记者|记者|通讯员|实习生|执笔人|执笔|撰稿人|撰稿|作者)\\s*[:：]?\\s*|(?:整理|整合|编译)(?:\\s*[:：]\\s*|\\s+)`,
  'g',
));

/**
 * A line (or the inside of a closing bracket) that only names the story's people → their names:
 * 光明日报记者 王建宏 张文攀, 河南商报记者马俊峰/文, 本报实习生 刘国栋 周炜 本报记者 王燕平,
 * 本报记者罗科苏盈发自北京, 新京报记者 彭冲 山东冠县报道. With `bare`, names without a role count
 * too (常书香 马丹阳, 姚峰 上海报道): only where convention puts them, a bracket closing the body.
 */
export function matchBylineLine(line: string, { bare = false } = {}): string[] {
  const t = stripBylineDecoration(line);
  if (!t || t.length > 60) return [];
  const roles = [...t.matchAll(ROLE_IN_LINE_RE)];
  if (!roles.length) return bare || /报道$/.test(line.trim()) ? namesOrNothing(t, isSurnamedName) : [];
  if (roles[0]?.index !== 0) return [];
  const names: string[] = [];
  for (const [i, role] of roles.entries()) {
    const from = (role.index ?? 0) + role[0].length;
    const found = namesOrNothing(t.slice(from, roles[i + 1]?.index ?? t.length));
    // Roles may follow one another (整合 新华日报·交汇点记者 徐睿翔); the last one must name someone.
    if (!found.length && (i === roles.length - 1 || t.slice(from, roles[i + 1]?.index).trim())) return [];
    names.push(...found);
  }
  return names;
}

/** Bullets, a closing (责编:…), and the /文, 摄, 受访者供图, 发自北京, 上海报道 that follow the names. */
function stripBylineDecoration(line: string): string {
  return line
    .trim()
    .replace(/^[□■●◆▲★\s]+/, '')
    .replace(/\s*[(（【[]\s*(?:责任编辑|责编|编辑)[^)）】\]]*[)）】\]]$/, '')
    .replace(new RegExp(`\\s*(?:发自|发于)[${HAN}]{1,8}$`), '')
    .replace(new RegExp(`\\s+[${HAN}]{2,8}报道$`), '')
    .replace(/\s*(?:受访者|采访对象|被访者)(?:供图|提供)$/, '')
    .replace(/\s+\S{0,8}(?:供图|摄)$/, '')
    .replace(/\s*[/／]\s*(?:文|图|摄|文图|图文|文\/图)$|\s*(?:摄|供图)$/, '')
    .trim();
}

/** All tokens are personal names (at most eight), or nothing. */
function namesOrNothing(text: string, isName = isPersonName): string[] {
  // 周思博 (Joel Spolsky): the name in its own language may follow in brackets.
  const names = splitNames(text.replace(/\s*[(（][A-Za-z][A-Za-z .'-]*[)）]/g, ''));
  return names.length && names.length <= 8 && names.every(isName) ? names : [];
}

// Forums and old blog hosts sign a post with its user name: ggjjzhzz 发表于 2005-9-15, 本贴由 大卫 于2005年8月12日….
const POSTED_AT_RE = withTraditional(/(?<![^\s:：,，。|｜[\]【】()（）<>《》「」“”"'])([^\s:：,，。|｜[\]【】()（）<>《》「」“”"']{2,20})\s+(?:发表于|发布于)\s*[:：]?\s*\d{4}[-/.年]/);
const POSTED_BY_RE = withTraditional(/本[贴帖]由\s*([^\s于]{2,20})\s*于\s*\d{4}/);
// …发布时间 2005/05/17 22:11:42 by 眉间尺; 作者:zboygirl 阅读(1660) (a user name in Latin letters after 作者).
const STAMPED_BY_RE = /\d{1,2}:\d{2}(?::\d{2})?\s+by\s+([^\s〓|｜<>]{2,20})/i;
const LATIN_AUTHOR_RE = /作者\s*[:：]\s*([A-Za-z][\w.-]{2,30})(?![\w.-]|\s*=)/;

/** The user name a forum or blog host signs a post with, or ''. */
export function findPosterName(text: string): string {
  for (const m of [POSTED_BY_RE.exec(text), POSTED_AT_RE.exec(text), postedStamp(text), LATIN_AUTHOR_RE.exec(text)]) {
    const name = usableUserName(m?.[1] ?? '');
    if (name) return name;
  }
  return '';
}

/** A time stamp signed "by X", unless it stamps a change (Last modified: 2024/01/20 04:32 by dstillman names the last editor). */
function postedStamp(text: string): RegExpExecArray | null {
  const m = STAMPED_BY_RE.exec(text);
  return m && !/(modified|updated|edited|修改|更新|编辑)[^:：]{0,5}[:：]?[^:：]{0,25}$/i.test(text.slice(Math.max(0, m.index - 40), m.index)) ? m : null;
}

/** Only 本贴由 X 于… and 作者:handle, which a forum or blog writes of the post itself wherever it prints them. */
export function findPostedBy(text: string): string {
  return usableUserName((POSTED_BY_RE.exec(text) ?? LATIN_AUTHOR_RE.exec(text))?.[1] ?? '');
}

function usableUserName(name: string): string {
  return name && !NOT_A_NAME.has(name) && !isOrganisationOrAccount(name) && !/^\d/.test(name) ? name : '';
}

const EDITOR_LABEL_RE = withTraditional(/(?:责任编辑|责编|值班编辑|本文编辑|编辑)\s*[:：]/);
const EDITOR_RE = withTraditional(new RegExp(`(?:责任编辑|责编|值班编辑|本文编辑|编辑)\\s*[:：]\\s*(${NAME}(?:[、,，]${MORE_NAME})*)(?=$|[\\s_)）】\\]|｜,，。A-Za-z0-9])`));

const EMPTY_EDITOR_RE = withTraditional(/^[(（【[]?\s*(?:责任编辑|责编|编辑)\s*[:：]?\s*[)）】\]]?$/);

const PHOTOGRAPHER_RE = withTraditional(/^(?:摄影|摄|图片|图)\s*[:：/／]?\s*(.+)$/);
const PHOTOGRAPHER_BRACKET_RE = withTraditional(/[(（]\s*(?:摄影|摄)\s*[:：/／]\s*([^()（）]{2,30})[)）]/);

/** 摄影:赵磊、王林 (the inside of a closing bracket) → the photographers; null when it is no photo credit. */
export function readPhotographerCredit(credit: string): string[] | null {
  const names = PHOTOGRAPHER_RE.exec(credit.trim())?.[1];
  const people = names ? splitNames(names).filter(isPersonName) : [];
  return people.length ? people : null;
}

/** (摄影:赵磊) anywhere in a stretch of text, such as the line under an article → the photographers. */
export function findPhotographers(text: string): string[] {
  const inner = PHOTOGRAPHER_BRACKET_RE.exec(text)?.[0].slice(1, -1) ?? '';
  return readPhotographerCredit(inner) ?? [];
}

/** 责任编辑: with the name left empty by the site's template: frame, not text. */
export function isEmptyEditorLine(line: string): boolean {
  return EMPTY_EDITOR_RE.test(line.trim());
}

/** The responsible editor named anywhere in a stretch of text: 责任编辑:杨倩_NF4425, [责任编辑:韩保林 PK155], 【编辑:刘欢】. */
export function findEditorLabel(text: string): string {
  const m = EDITOR_RE.exec(text);
  return m?.[1] ? m[1].replace(/[,，]/g, '、') : '';
}

const EDITOR_LINE_RE = withTraditional(/^[(（【[]?\s*(?:责任编辑|责编|编辑|值班编辑|本文编辑)\s*[:：]?\s*([^\s)）】\]]{2,20})\s*[)）】\]]?$/);

/** 编辑:但堂丹 or (责任编辑:X) as a line of its own → the editor's name. */
export function matchEditorLine(line: string): string | null {
  const m = EDITOR_LINE_RE.exec(line.trim());
  if (!m?.[1]) return null;
  // Sites append internal codes to the name: 杨倩_NF4425.
  return m[1].replace(/[_\s].*$/, '').replace(/[A-Za-z0-9]+$/, '') || null;
}

const EDITOR_TAIL_RE = withTraditional(/[(（【[]\s*(?:责任编辑|责编|编辑)\s*[:：]?\s*([^\s)）】\]]{2,20})\s*[)）】\]]\s*$/);

/** A trailing (责任编辑:X) at the end of the last paragraph. */
export function takeTrailingEditor(text: string): { text: string; editor: string } {
  const m = EDITOR_TAIL_RE.exec(text);
  if (!m?.[1]) return { text, editor: '' };
  return { text: text.slice(0, m.index).trim(), editor: m[1].replace(/[_\s].*$/, '') };
}

const CLOSING_BRACKET_RE = /[(（]([^()（）]{2,40})[)）]\s*$/;

/** (记者:栾海、高山), (总台记者 张倩), (常书香 马丹阳) closing the last paragraph → the reporters, removed from the text. */
export function takeTrailingReporters(text: string): { text: string; reporters: string[] } {
  const m = CLOSING_BRACKET_RE.exec(text);
  const reporters = m?.[1] ? matchBylineLine(m[1].replace(/^\s*(?:文|采写)\s*[:：/／]\s*/, ''), { bare: true }) : [];
  if (!m || !reporters.length) return { text, reporters: [] };
  return { text: text.slice(0, m.index).trim(), reporters };
}
