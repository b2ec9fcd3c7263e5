import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import { decodeBytes } from '../../src/domain/ingest/charset.ts';
import { extractArticle } from '../../src/domain/ingest/extractor.ts';

/** What one system gave for one page, in the scorer's terms. */
export interface Run {
  ok: boolean;
  error?: string;
  ms: number;
  title: string | null;
  body: string;
  authors: string[];
  published: string | null;
  source: string | null;
}

const failed = (error: unknown, ms: number): Run => ({ ok: false, error: String(error), ms, title: null, body: '', authors: [], published: null, source: null });

/** Our extractor on a page's bytes, or on the text copied from it. */
export function runOurs(input: Uint8Array | string, url: string): Run {
  const t0 = performance.now();
  try {
    const e = extractArticle(input, { url: url || undefined });
    const ms = performance.now() - t0;
    return { ok: true, ms, title: e.title, body: e.bodyText, authors: e.authors, published: e.publishedAt, source: e.source };
  } catch (error) {
    return failed(error, performance.now() - t0);
  }
}

/** The baseline: Readability.js on a linkedom document, after the same charset decoding as ours. */
export function runReadability(bytes: Uint8Array, url: string): Run {
  const t0 = performance.now();
  try {
    const { text } = decodeBytes(bytes);
    const { document } = parseHTML(text);
    const article = new Readability(document as unknown as Document).parse();
    const ms = performance.now() - t0;
    void url;
    return {
      ok: Boolean(article),
      ms,
      title: article?.title ?? null,
      body: article?.textContent ?? '',
      authors: article?.byline ? [article.byline] : [],
      published: article?.publishedTime ?? null,
      source: article?.siteName ?? null,
    };
  } catch (error) {
    return failed(error, performance.now() - t0);
  }
}
