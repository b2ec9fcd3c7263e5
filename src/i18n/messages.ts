/**
 * Every piece of interface text, in zh-CN (the default) and English. Content (titles, bodies,
 * channel names) is the site's own and is not translated here.
 */
const zhCN = {
  home: '首页',
  back: '返回',
  body: '正文',
  source: '来源',
  time: '时间',
  editor: '编辑',
  reporters: '记者',
  photographers: '摄影',
  previous: '上一篇',
  next: '下一篇',
  none: '没有了',
  related: '相关新闻',
  newMedia: '新媒体',
  latest: '最新发布',
  important: '要闻',
  focus: '聚焦',
  headline: '头条',
  more: '更多',
  copyrightTitle: '{site}版权与免责声明',
  pageOf: '第 {page} / {pages} 页',
  previousPage: '上一页',
  nextPage: '下一页',
  firstPage: '首页',
  lastPage: '尾页',
  noArticles: '这里还没有文章。',
  sectionComing: '该栏目正在建设中,敬请期待。',
  notFoundTitle: '页面不存在',
  notFoundText: '您访问的页面不存在或已被删除。',
  errorTitle: '服务暂时不可用',
  errorText: '服务器遇到了问题,请稍后再试。',
  badRequestTitle: '请求有误',
  goHome: '返回首页',
  skipToContent: '跳到正文',
  mainNav: '主导航',
  breadcrumb: '当前位置',
  originalTitle: '原标题',
  originalAuthor: '原作者',
  icp: 'ICP备案号:{number}',
  licence: '互联网新闻信息服务许可证:{number}',
  subscribe: '订阅本站:',
  photoCount: '{count} 张图片',
  searchLabel: '搜索本站新闻',
  searchButton: '搜索',
  searchTitle: '搜索',
  searchResultsFor: '“{q}”的搜索结果',
  searchCount: '找到 {count} 条结果',
  searchCountMore: '找到超过 {count} 条结果,请缩小范围',
  searchNoResults: '没有找到相关内容,换个词试试。',
  searchEmpty: '请输入要搜索的词语,例如人名、地名或事件。',
  searchPastEnd: '这一页没有结果了。',
  searchSort: '排序',
  sortRelevance: '按相关度',
  sortTime: '按时间',
  searchChannel: '栏目',
  allChannels: '全部栏目',
  dateFrom: '起始日期',
  dateTo: '截止日期',
} as const;

export type MessageKey = keyof typeof zhCN;
export type Locale = 'zh-CN' | 'en';

const en: Record<MessageKey, string> = {
  home: 'Home',
  back: 'Back',
  body: 'Article',
  source: 'Source',
  time: 'Time',
  editor: 'Editor',
  reporters: 'Reporters',
  photographers: 'Photos',
  previous: 'Previous',
  next: 'Next',
  none: 'None',
  related: 'Related news',
  newMedia: 'New media',
  latest: 'Latest',
  important: 'Top stories',
  focus: 'Focus',
  headline: 'Headline',
  more: 'More',
  copyrightTitle: '{site} copyright and disclaimer',
  pageOf: 'Page {page} of {pages}',
  previousPage: 'Previous page',
  nextPage: 'Next page',
  firstPage: 'First',
  lastPage: 'Last',
  noArticles: 'No articles here yet.',
  sectionComing: 'This section is being built.',
  notFoundTitle: 'Page not found',
  notFoundText: 'The page you asked for does not exist or has been removed.',
  errorTitle: 'Service unavailable',
  errorText: 'The server ran into a problem. Please try again later.',
  badRequestTitle: 'Bad request',
  goHome: 'Go to the home page',
  skipToContent: 'Skip to content',
  mainNav: 'Main navigation',
  breadcrumb: 'You are here',
  originalTitle: 'Original title',
  originalAuthor: 'Original author',
  icp: 'ICP number: {number}',
  licence: 'Internet news licence: {number}',
  subscribe: 'Subscribe:',
  photoCount: '{count} photos',
  searchLabel: 'Search the news',
  searchButton: 'Search',
  searchTitle: 'Search',
  searchResultsFor: 'Results for “{q}”',
  searchCount: '{count} results',
  searchCountMore: 'More than {count} results; narrow your search',
  searchNoResults: 'Nothing found. Try other words.',
  searchEmpty: 'Type what you are looking for: a name, a place, an event.',
  searchPastEnd: 'No results on this page.',
  searchSort: 'Sort',
  sortRelevance: 'By relevance',
  sortTime: 'By time',
  searchChannel: 'Section',
  allChannels: 'All sections',
  dateFrom: 'From',
  dateTo: 'To',
};

const tables: Record<Locale, Record<MessageKey, string>> = { 'zh-CN': zhCN, en };

export type Translate = (key: MessageKey, params?: Record<string, string | number>) => string;

export function translator(locale: Locale): Translate {
  const table = tables[locale];
  return (key, params) => interpolate(table[key], params);
}

/** Fills {name} placeholders; unknown names stay visible so a missing parameter is noticed. */
export function interpolate(text: string, params?: Record<string, string | number>): string {
  return params ? text.replace(/\{(\w+)\}/g, (m, name: string) => String(params[name] ?? m)) : text;
}

/** The separator between names in a list: 、 in Chinese, a comma in English. */
export function joinNames(locale: Locale, names: readonly string[]): string {
  return names.join(locale === 'zh-CN' ? '、' : ', ');
}
