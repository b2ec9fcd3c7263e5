import { dropPageFurniture } from './block-furniture.ts';
import { blocksToHtml, blocksToImages, blocksToText, finishBlocks, summarise } from './body-blocks.ts';
import { decodeBytes } from './charset.ts';
import { type FoundDate, findDates, toIsoLocal } from './date-parse.ts';
import { type Extraction, ExtractionError } from './extraction.ts';
import { readHtml, readPageText } from './html-extractor.ts';
import { namesFromLatinByline, readWireCredit } from './latin-bylines.ts';
import { looksLikePlainText, readPlainText } from './text-extractor.ts';

export interface ExtractOptions {
  /** The page's address: resolves relative image URLs and fills sourceUrl. */
  url?: string;
  /** Charset from an HTTP Content-Type header, when the bytes came over HTTP. */
  charset?: string;
}

const MAX_INPUT = 4 * 1024 * 1024;

/** Chinese pages without a zone are Beijing time. */
const SHANGHAI_OFFSET = 480;

/**
 * Turns a page (bytes in any common charset, or a string of HTML or of copied text) into a clean,
 * attributed article. Pure: no network, no database. Throws ExtractionError when there is nothing
 * to extract.
 */
export function extractArticle(input: Uint8Array | string, options: ExtractOptions = {}): Extraction {
  // Beyond 4 MB nothing is an article any more: read the head only, for a bounded best effort.
  const bounded = typeof input === 'string' ? input.slice(0, MAX_INPUT) : input.subarray(0, MAX_INPUT);
  const decoded = typeof bounded === 'string' ? { text: bounded, charset: 'utf-16' } : decodeBytes(bounded, options.charset);
  const text = decoded.text.replace(/^\ufeff/, '');
  if (!text.trim()) throw new ExtractionError('the document is empty');
  if (isBinary(text)) throw new ExtractionError('the input is not text (binary data)');
  return looksLikePlainText(text) ? fromPlainText(text, options) : fromHtml(text, decoded.charset, options);
}

/**
 * The input as the editor would read it, to show beside the draft: copied text as it is, a page's
 * visible text one block a line. Never throws: what cannot be read shows as empty.
 */
export function readOriginalText(input: Uint8Array | string, options: Pick<ExtractOptions, 'charset'> = {}): string {
  const bounded = typeof input === 'string' ? input.slice(0, MAX_INPUT) : input.subarray(0, MAX_INPUT);
  const text = (typeof bounded === 'string' ? bounded : decodeBytes(bounded, options.charset).text).replace(/^\ufeff/, '');
  if (!text.trim() || isBinary(text)) return '';
  return looksLikePlainText(text) ? text.trim() : readPageText(text);
}

function isBinary(text: string): boolean {
  const sample = text.slice(0, 8192);
  let control = 0;
  for (let i = 0; i < sample.length; i++) {
    const c = sample.charCodeAt(i);
    if ((c < 9 || (c > 13 && c < 32)) && c !== 27) control++;
  }
  return control > sample.length * 0.05 || (sample.match(/\ufffd/g)?.length ?? 0) > sample.length * 0.3;
}

function fromPlainText(text: string, options: ExtractOptions): Extraction {
  const reading = readPlainText(text);
  const facts = finishBlocks(dropPageFurniture(reading.blocks));
  const credit = readWireCredit(blocksToText(facts.blocks).slice(-600));
  const dated = reading.published;
  const lang = detectLang(text);
  return assemble({
    title: reading.title,
    subtitle: reading.subtitle,
    originalTitle: facts.originalTitle || reading.originalTitle,
    keywords: [],
    section: reading.section,
    photographers: facts.photographers,
    source: reading.source || facts.source,
    sourceUrl: options.url ?? '',
    published: dated,
    authors: [...reading.authors, ...facts.reporters, ...(reading.authors.length || facts.reporters.length ? [] : credit.reporters)],
    editor: facts.editor || reading.editor || credit.editors.join(', '),
    facts,
    lang,
    charset: 'text',
    format: 'text',
  });
}

function fromHtml(html: string, charset: string, options: ExtractOptions): Extraction {
  const reading = readHtml(html, options.url);
  const facts = finishBlocks(reading.blocks);
  const text = blocksToText(facts.blocks);
  const lang = reconcileLang(reading.lang, detectLang(`${reading.title}\n${text}`));
  // Agencies close a story with its credit, (Reporting by …; Editing by …): the last word on who did what.
  const credit = readWireCredit(text.slice(-600));
  return assemble({
    title: reading.title,
    subtitle: reading.subtitle,
    originalTitle: facts.originalTitle || reading.originalTitle,
    keywords: keywordsUsed(reading.keywords, `${reading.title}\n${text}`),
    section: reading.section,
    photographers: facts.photographers.length ? facts.photographers : reading.photographers,
    source: reading.source || facts.source || reading.creditedSource,
    sourceUrl: options.url || reading.sourceUrl,
    published: reading.published,
    authors: firstNonEmpty(reading.authors.header, facts.reporters, reading.authors.trailer, reading.authors.declared, credit.reporters, reading.authors.poster),
    editor: facts.editor || reading.editor || credit.editors.join(', '),
    facts,
    lang,
    charset,
    format: 'html',
  });
}

/** A draft takes at most this many keywords. */
const MAX_KEYWORDS = 8;

/** The page's keywords that its title or story uses: a site-wide list (新闻,财经,体育…) and SEO padding fall away. */
function keywordsUsed(keywords: string[], text: string): string[] {
  const lower = text.toLowerCase();
  return keywords.filter((k) => lower.includes(k.toLowerCase())).slice(0, MAX_KEYWORDS);
}

/** Bylines are read from several places; the first place that names anyone wins. */
function firstNonEmpty(...lists: string[][]): string[] {
  return lists.find((list) => list.length) ?? [];
}

interface Parts {
  title: string;
  subtitle: string;
  originalTitle: string;
  keywords: string[];
  section: string[];
  source: string;
  sourceUrl: string;
  published: FoundDate | null;
  authors: string[];
  photographers: string[];
  editor: string;
  facts: ReturnType<typeof finishBlocks>;
  lang: string;
  charset: string;
  format: 'html' | 'text';
}

function assemble(p: Parts): Extraction {
  const zh = p.lang === 'zh';
  return {
    title: p.title,
    subtitle: p.subtitle,
    originalTitle: p.originalTitle,
    keywords: p.keywords,
    section: p.section,
    source: p.source,
    sourceUrl: p.sourceUrl,
    publishedAt: p.published ? toIsoLocal(p.published, zh ? SHANGHAI_OFFSET : null) : null,
    authors: [...new Set(p.authors)].filter((name) => namesWriter(name, p.source)),
    photographers: p.photographers,
    editor: p.editor,
    dateline: p.facts.dateline,
    summary: summarise(p.facts.blocks),
    bodyHtml: blocksToHtml(p.facts.blocks),
    bodyText: blocksToText(p.facts.blocks),
    images: blocksToImages(p.facts.blocks),
    lang: p.lang,
    charset: p.charset,
    format: p.format,
  };
}

const CJK_LANGS = new Set(['zh', 'ja', 'ko']);

/**
 * The declared lang, unless the text is Chinese, Japanese or Korean and the page says otherwise:
 * templates ship lang="en" on Chinese pages, and a Chinese story must get Chinese conventions
 * (Asia/Shanghai times). The other way round the page is believed: an English story on a Chinese
 * site keeps its site's conventions, and scripts cannot tell English from French.
 */
function reconcileLang(declared: string, detected: string): string {
  if (!declared) return detected;
  return CJK_LANGS.has(detected) && !CJK_LANGS.has(declared) ? detected : declared;
}

// A CMS account (admin, jdadmin, webmaster), a comment form's label (Name (required)), a guest.
const NOT_A_WRITER_RE = /^(?:\w*admin\w*|webmaster|guest|anonymous|管理员|匿名)$|[(（](?:required|wajib|必填|obligatoire|obligatorio|erforderlich)[)）]/i;

/**
 * Whether a credited name is a writer: not an account or a form label, and not the outlet itself
 * (AppleInsider on AppleInsider), unless it reads as a person's name (a personal blog is named after its writer).
 */
function namesWriter(name: string, source: string): boolean {
  if (NOT_A_WRITER_RE.test(name.trim())) return false;
  const bare = (s: string) => s.toLowerCase().replace(/[^\p{L}\p{N}]/gu, '');
  return !source || bare(name) !== bare(source) || namesFromLatinByline(name).length > 0;
}

/** Primary language from the script of the text: Han → zh, kana → ja, Hangul → ko, else en. */
export function detectLang(text: string): string {
  const sample = text.slice(0, 5000);
  const han = sample.match(/\p{Script=Han}/gu)?.length ?? 0;
  const kana = sample.match(/[\p{Script=Hiragana}\p{Script=Katakana}]/gu)?.length ?? 0;
  const hangul = sample.match(/\p{Script=Hangul}/gu)?.length ?? 0;
  const cyrillic = sample.match(/\p{Script=Cyrillic}/gu)?.length ?? 0;
  const letters = sample.match(/\p{L}/gu)?.length ?? 1;
  if (kana > letters * 0.05) return 'ja';
  if (hangul > letters * 0.2) return 'ko';
  if (han > letters * 0.2) return 'zh';
  if (cyrillic > letters * 0.3) return 'ru';
  return 'en';
}
