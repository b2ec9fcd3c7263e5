/**
 * Conventions of Chinese news pages: 来源/时间 lines, 电头, photo credits and the
 * boilerplate that frames every article (上一篇/下一篇, 相关新闻, 版权声明, 分享到…). Bylines and
 * editors are in bylines.ts.
 */

import { matchBylineLine } from './bylines.ts';
import { withTraditional } from './traditional.ts';

const HAN = '\\u4e00-\\u9fff';

const SOURCE_RE = withTraditional(new RegExp(`(?:来源|来自|稿源|出处)\\s*[:：]\\s*([^\\s|｜/，,:：<>="']{2,30})`));

/** 来源:新华网 → 新华网 */
export function findSource(text: string): string {
  const m = SOURCE_RE.exec(text);
  // A broken template leaves its markup as text (来源： size="20"): an attribute is no source.
  if (!m?.[1] || /^[="']/.test(text.slice(m.index + m[0].length))) return '';
  // A 来源 line often runs straight into the next label: 来源:新华网时间:2025-05-19.
  const source = m[1].replace(/(时间|发布|作者|编辑|记者|日期|浏览|点击|字号)$/, '').replace(/(时间|发布时间|作者|编辑|记者|日期).*$/, '');
  return NO_SOURCE.has(source) ? '' : source;
}

/** What templates print after 来源 when they do not know the outlet: reposted, the internet, unknown. */
const NO_SOURCE = new Set(['转载', '互联网', '网络', '网友', '网友投稿', '未知', '不详', '暂无', '佚名', '本站', '其他', '其它']);

const DATELINE_RE = withTraditional(new RegExp(
  `^\\s*((?:(?:[${HAN}]{1,8}(?:社|网|报|台|日报|晚报|时报|新闻))\\s*)?[${HAN}]{0,12}?\\s*\\d{1,2}\\s*月\\s*\\d{1,2}\\s*日\\s*(?:电|讯)(?:\\s*[(（][^)）]{1,40}[)）])?|据?[${HAN}]{1,8}(?:社|网|台)[${HAN}]{2,6}?电(?=[(（\\s　:：])(?:\\s*[(（][^)）]{1,40}[)）])?|(?:本报|本网|本台|本刊|[${HAN}]{2,8}?快|[${HAN}]{2,8}?(?:日报|晚报|早报|时报|商报))讯(?:\\s*[(（][^)）]{1,40}[)）])?|[(（](?:记者|通讯员)[^)）]{1,40}[)）])[\\s　:：]*`,
));

/** 新华社北京5月18日电 (or 据新华社拉萨电, undated) opening the first paragraph → the dateline and the rest; reporters named inside it too. */
export function splitDateline(text: string): { dateline: string; rest: string; reporters: string[] } {
  const m = DATELINE_RE.exec(text);
  if (!m?.[1] || m[0].length >= text.length) return { dateline: '', rest: text, reporters: [] };
  const dateline = m[1].trim();
  // The bracket names the reporters, by one role or several: (记者 林晓), (实习记者 樊亮 张明超 记者惠禾).
  const inner = /[(（]([^)）]+)[)）]/.exec(dateline);
  const reporters = inner?.[1] ? matchBylineLine(inner[1]) : [];
  return { dateline, rest: text.slice(m[0].length).trim(), reporters };
}

const CREDIT_RE = withTraditional(/((?:[（(]\s*)?(?:[^。！？.!?（(]{0,30}?(?:摄|供图|发|图|摄影)\s*(?:[（(][^)）]{0,30}[)）])?|[^。！？.!?（(]{0,20}(?:资料图片|资料图|图片来源[:：][^。]{0,30}))(?:\s*[)）])?)\s*$/);
const CREDIT_WORD_RE = withTraditional(/(摄|供图|摄影|新华社发|社发|网发|资料图片|资料图|图片来源|视觉中国|东方IC|IC photo|Getty)/i);

/** 5月16日,…举行会谈。新华社发(土耳其外交部供图) → caption and credit. */
export function splitCredit(text: string): { caption: string; credit: string } {
  const trimmed = text.trim();
  const lastStop = Math.max(trimmed.lastIndexOf('。'), trimmed.lastIndexOf('！'), trimmed.lastIndexOf('？'));
  const tail = lastStop >= 0 ? trimmed.slice(lastStop + 1).trim() : '';
  if (tail && tail.length <= 40 && CREDIT_WORD_RE.test(tail)) return { caption: trimmed.slice(0, lastStop + 1).trim(), credit: tail };
  const paren = /\s*[（(]([^（()）]{2,40})[)）]\s*$/.exec(trimmed);
  // (Image: GETTY): the credit is the name, without its label.
  if (paren?.[1] && CREDIT_WORD_RE.test(paren[1])) return { caption: trimmed.slice(0, paren.index).trim(), credit: paren[1].trim().replace(CREDIT_LABEL_RE, '') };
  const spaced = /\s+(\S{2,30})$/.exec(trimmed);
  if (spaced?.[1] && /(摄|供图)$/.test(spaced[1])) return { caption: trimmed.slice(0, spaced.index).trim(), credit: spaced[1] };
  // English captions end with a labelled credit: … on Monday. Photo: Ann Lee/AP, (Credit: Harbour Daily).
  const labelled = LATIN_CREDIT_RE.exec(trimmed);
  if (labelled?.[1] && labelled.index > 0) return { caption: trimmed.slice(0, labelled.index).trim(), credit: labelled[1].trim() };
  return { caption: trimmed, credit: '' };
}

/** The label English pages put before a photo's credit: Photo:, Photograph by:, Image:, Credit:. */
const CREDIT_LABEL = '(?:photo|photograph|image|picture|credit)s?(?:\\s+by)?\\s*[:：]';
const CREDIT_LABEL_RE = new RegExp(`^${CREDIT_LABEL}\\s*`, 'i');
const LATIN_CREDIT_RE = new RegExp(`\\s*[(（]?\\s*\\b${CREDIT_LABEL}\\s*([^()（）:：]{2,80}?)\\s*[)）]?\\s*$`, 'i');
const CREDIT_LINE_RE = new RegExp(`^${CREDIT_LABEL}\\s*(\\S.{0,80})$`, 'i');

/** Whether a line ends with a labelled English credit: … at low tide. (Image: Harbour Daily). */
export function endsWithLabelledCredit(text: string): boolean {
  return LATIN_CREDIT_RE.test(text);
}

/** A line that is only a photo's credit (Photo: Hau Dinh, AP) → the credit, else ''. */
export function creditLine(text: string): string {
  return CREDIT_LINE_RE.exec(text.trim())?.[1] ?? '';
}

/** Whether a line reads as a photo caption with a credit (新华社记者曹阳摄). */
export function looksLikeCaption(text: string): boolean {
  const t = text.trim();
  if (t.length > 200) return false;
  return splitCredit(t).credit !== '' && CREDIT_RE.test(t);
}

/** Lines where the article is over: what follows is the site's frame. */
const END_MARKER_RE =
  withTraditional(/^\s*[【\[]?\s*(上一篇|下一篇|上一条|下一条|相关新闻|相关阅读|相关链接|相关文章|相关报道|延伸阅读|推荐阅读|热点推荐|猜你喜欢|热门推荐|为您推荐|精彩推荐|更多精彩|网友评论|我要评论|发表评论|评论\s*\d|版权与免责声明|版权声明|免责声明|反侵权公告|侵权声明|法律声明|转载声明|分享到|分享至|扫一扫|打印本页|打印此文|关闭窗口|返回顶部|[^。]{0,12}版权所有)/);

const COPYRIGHT_RE = withTraditional(/^[^。]{0,20}(版权|免责|侵权|Copyright|©)/i);
const NO_REPOSTING_RE = withTraditional(/未经.{0,10}(授权|许可).{0,6}(不得|擅自)转载/);

/** Site-wide legal text (版权声明, ©, terms of use): the article is certainly over. */
export function isCopyrightMarker(line: string): boolean {
  const t = line.trim();
  return COPYRIGHT_RE.test(t) || LEGAL_RE.test(t) || NO_REPOSTING_RE.test(t);
}

/** Terms-of-use sentences of site footers, in any language we see. */
const LEGAL_RE = /all rights reserved|constitutes acceptance of|may not be reproduced, distributed/i;

export function isEndMarker(line: string): boolean {
  return END_MARKER_RE.test(line) || LEGAL_RE.test(line) || DISCLAIMER_HEADING_RE.test(line.trim()) || DISCLAIMER_ITEM_RE.test(line);
}

const DISCLAIMER_HEADING_RE = withTraditional(/^[^。]{0,20}(版权与免责声明|免责声明)\s*[:：]?$/);
// The disclaimer's first item, when its heading was a box title the reader left out: ① 凡本网注明"来源:本网"的作品…
const DISCLAIMER_ITEM_RE = withTraditional(/^\s*(?:[①1一][、.．:：\s]*)?凡(?:本网|本站|本报|本刊)(?:注明|所载)/);

const ORIGINAL_TITLE_LINE_RE = withTraditional(/^[(（【]?\s*原标题\s*[:：]\s*(.+?)\s*[)）】]?$/);

/** (原标题：…) as a repost prints it on a line of its own → the original title; '' for any other line. */
export function readOriginalTitleLine(line: string): string {
  const said = ORIGINAL_TITLE_LINE_RE.exec(line.trim())?.[1] ?? '';
  // A forum reply names its thread: 原标题:【标题】是大卫在2005年8月12日发表.
  const title = /^【([^】]+)】/.exec(said)?.[1] ?? said;
  return title.length <= 80 ? title : '';
}

// Up to a closing bracket, the next label (责任编辑：, 出品︱, 标签) or an opening bracket ([责任编辑:…]), or the end.
const ORIGINAL_TITLE_LABEL_RE =
  withTraditional(/原标题\s*[:：]\s*(.{4,80}?)\s*(?:[)）]|(?=(?:责任编辑|编辑|来源|标签|分享|声明|免责)|\s+[\p{Script=Han}A-Za-z]{1,6}\s*[︱｜|:：]|[[【])|$)/u);

/** 原标题：… in the text that runs on after a story, up to the next label (责任编辑：…) → the original title. */
export function findOriginalTitleLabel(text: string): string {
  return ORIGINAL_TITLE_LABEL_RE.exec(text)?.[1]?.trim() ?? '';
}

/** Short lines of page furniture that may sit inside an article container. */
const FURNITURE_RE =
  withTraditional(/^\s*[【\[]?\s*(分享到|分享至|分享|字号|打印|关闭|收藏|纠错|举报|返回|点击|浏览|阅读|评论|扫一扫|扫描二维码|大\s*中\s*小|A\+|A-|【字体|进入.{0,6}(频道|论坛)|微信|微博|QQ空间|手机看新闻|本文来源|原标题)/);

export function isFurnitureLine(line: string): boolean {
  const t = line.trim();
  if (t.length > 40) return false;
  return FURNITURE_RE.test(t) && !/[。！？]$/.test(t);
}

const WHERE_YOU_ARE_RE = withTraditional(/^(您的位置|当前位置|你的位置|您现在的位置)/);

const NOT_A_SECTION = new Set(['首页', '主页', '网站首页', '正文', '内容', 'home', 'index']);

/** 首页 >> 国际新闻 >> 正文, 当前位置：首页 > 新闻 > 国际 → the sections it passes through (国际新闻; 新闻, 国际). */
export function readBreadcrumb(line: string): string[] {
  const trail = line.trim().replace(WHERE_YOU_ARE_RE, '').replace(/^\s*[:：]\s*/, '');
  return trail
    .split(/\s*(?:>>|>|»|›|→|\/|\||·)\s*/)
    .map((crumb) => crumb.trim())
    .filter((crumb) => crumb.length >= 2 && crumb.length <= 12 && !NOT_A_SECTION.has(crumb.toLowerCase()) && !/首页$/.test(crumb));
}

/** A breadcrumb line: 首页 >> 国际新闻 >> 正文, 您的位置: …, Home / News / … */
export function isBreadcrumbLine(line: string): boolean {
  const t = line.trim();
  return (
    (/(>>|»|>|→|›)/.test(t) && t.length < 80 && !/[。！？]/.test(t)) ||
    WHERE_YOU_ARE_RE.test(t) ||
    // Home / Services / Data Analytics, Home · Farm · …: the path starts at the front page.
    (/^(home|首页|主页)\s*[/·•|]\s*\S/i.test(t) && t.length < 120)
  );
}

/** A navigation bar flattened to text: many short words separated by spaces. */
export function isNavLine(line: string): boolean {
  const words = line.trim().split(/[\s|｜]+/).filter(Boolean);
  if (words.length < 4) return false;
  const short = words.filter((w) => w.length <= 5).length;
  return short / words.length >= 0.8 && !/[。，！？]/.test(line);
}

const META_LABEL_RE = withTraditional(/(来源|稿源|出处|发布时间|发布日期|时间|日期|作者|记者|编辑)\s*[:：]/);

/** Meta line of an article head: 来源:X 时间:Y, 发布时间, 作者, or a time stamp with the source after it (2024/01/01 09:30 稿源:新华网). */
export function isMetaLine(line: string): boolean {
  const t = line.trim();
  if (/[。！？]$/.test(t)) return false;
  if (META_LABEL_RE.test(t) && t.length < 160) return true;
  return t.length < 60 && !/[，。]/.test(t) && /^\d{4}[-/.年]\d{1,2}[-/.月]\d{1,2}日?(\s+\d{1,2}:\d{2}(:\d{2})?)?(\s|$)/.test(t);
}

const SENTENCE_END_RE = /[。！？!?；;：:…”"』」）)]$/;

/** A subheading inside a body: short, no closing punctuation, no commas. */
export function looksLikeSubheading(line: string): boolean {
  const t = line.trim();
  if (t.length < 2 || t.length > 36 || SENTENCE_END_RE.test(t)) return false;
  return !/[，,。！？]/.test(t);
}
