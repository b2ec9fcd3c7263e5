/** What the extractor gives back for one page or one pasted text. Field names follow the editor's article fields. */
export interface ExtractedImage {
  url: string;
  caption: string;
  credit: string;
}

export interface Extraction {
  title: string;
  subtitle: string;
  /** The title the story had where it first ran, as a repost names it: (原标题:…). Empty when the page names none. */
  originalTitle: string;
  /** The page's own keywords (news_keywords / keywords meta) that its title or body uses: a site-wide list is left out. */
  keywords: string[];
  /** The sections the page's breadcrumb passes through, top first (首页 >> 国际新闻 >> 正文 → 国际新闻). */
  section: string[];
  /** 来源: the outlet the story comes from (新华网), not the page we read it on. */
  source: string;
  /** Canonical URL of the page, when known. */
  sourceUrl: string;
  /** ISO 8601 with the page's offset (Chinese pages default to +08:00), or null when none was found. */
  publishedAt: string | null;
  authors: string[];
  /** Photographers a closing credit names: (摄影:赵磊). */
  photographers: string[];
  /** The original page's responsible editor (编辑/责任编辑). */
  editor: string;
  /** 电头 such as 新华社北京5月18日电, taken out of the first paragraph. */
  dateline: string;
  summary: string;
  /** Body in the editor's schema; passes sanitizeRichText unchanged in meaning. */
  bodyHtml: string;
  /** Body as text, one block per line. */
  bodyText: string;
  images: ExtractedImage[];
  lang: string;
  /** How the input was read: the charset for bytes, `text` for pasted plain text. */
  charset: string;
  format: 'html' | 'text';
}

/** One block of body content, the unit both readers (HTML and plain text) produce. */
export type Block =
  | { kind: 'p'; text: string }
  | { kind: 'h'; level: 2 | 3; text: string }
  | { kind: 'figure'; src: string; alt: string; caption: string; credit: string }
  | { kind: 'list'; ordered: boolean; items: string[] }
  | { kind: 'quote'; text: string };

export class ExtractionError extends Error {}
