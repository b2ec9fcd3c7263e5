import { readFile } from 'node:fs/promises';
import { Command } from 'commander';
import { extractArticle } from '../domain/ingest/extractor.ts';
import type { Extraction } from '../domain/ingest/extraction.ts';
import { safeFetch } from '../domain/ingest/safe-fetch.ts';

/** The JSON contract of `inkstone extract --json` (snake_case, as integrators and the scorer read it). */
export function toExtractJson(e: Extraction): Record<string, unknown> {
  return {
    title: e.title,
    subtitle: e.subtitle,
    original_title: e.originalTitle,
    keywords: e.keywords,
    section: e.section,
    body_text: e.bodyText,
    body_html: e.bodyHtml,
    summary: e.summary,
    authors: e.authors,
    photographers: e.photographers,
    editor: e.editor,
    source: e.source,
    source_url: e.sourceUrl,
    published_at: e.publishedAt,
    dateline: e.dateline,
    images: e.images,
    lang: e.lang,
    charset: e.charset,
    format: e.format,
  };
}

async function readInput(input: string, allowPrivateAddresses: boolean): Promise<{ bytes: Uint8Array; url?: string; charset?: string }> {
  if (input === '-') {
    const chunks: Buffer[] = [];
    for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
    return { bytes: Buffer.concat(chunks) };
  }
  if (/^https?:\/\//i.test(input)) {
    const page = await safeFetch(input, { allowPrivateAddresses });
    return { bytes: page.body, url: page.url, charset: page.charset };
  }
  // ftp://, file://, data: … are not fetched: a file path never looks like a scheme and two slashes.
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(input)) throw new Error(`only http:// and https:// addresses can be fetched, not ${input.split(':')[0]}:`);
  try {
    return { bytes: await readFile(input) };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new Error(code === 'ENOENT' ? `no such file: ${input}` : code === 'EISDIR' ? `${input} is a folder, not a file` : `cannot read ${input}: ${(error as Error).message}`);
  }
}

export const extractCommand = new Command('extract')
  .description('extract a clean article (title, body, attribution) from a page file, a URL or stdin (-)')
  .argument('<input>', 'an .html/.txt file, an http(s) URL, or - for stdin')
  .option('--url <url>', 'the page address, for relative image links and source_url')
  .option('--json', 'print one JSON object (the default output)')
  .option('--allow-private-addresses', 'let a URL reach this machine or the private network (intranet sources, tests)')
  .action(async (input: string, options: { url?: string; json?: boolean; allowPrivateAddresses?: boolean }) => {
    const { bytes, url, charset } = await readInput(input, options.allowPrivateAddresses ?? false);
    const result = extractArticle(bytes, { url: options.url || url, charset });
    process.stdout.write(`${JSON.stringify(toExtractJson(result))}\n`);
  });
