import { createHash } from 'node:crypto';
import type { IncomingMessage, OutgoingHttpHeaders, ServerResponse } from 'node:http';
import { promisify } from 'node:util';
import zlib from 'node:zlib';

const gzip = promisify(zlib.gzip);
const brotli = promisify(zlib.brotliCompress);

/** The cookie the newsroom sets; its presence means "staff: never serve or store a cached page". */
export const STAFF_COOKIE = 'inkstone_session';

/** Browsers revalidate every time (cheap with ETag); a CDN keeps pages until the purge hook says. */
export const PAGE_CACHE_CONTROL = 'public, max-age=0, must-revalidate, s-maxage=86400';

/** Per-entry bookkeeping (maps, key, headers) counted on top of the bodies. */
const ENTRY_OVERHEAD = 512;

export interface StoredPage {
  status: number;
  contentType: string;
  body: Buffer;
  tags: readonly string[];
  /** For pages that go stale by the clock (the news sitemap covers "the last 2 days"). */
  ttlMs?: number;
}

interface Entry {
  key: string;
  etag: string;
  tags: readonly string[];
  expiresAt: number;
  bytes: number;
  identity: Variant;
  gzip?: Variant;
  br?: Variant;
}

interface Variant {
  body: Buffer;
  headers: OutgoingHttpHeaders;
}

export interface PageCacheOptions {
  /** Upper bound on the memory held by bodies and their compressed variants. */
  maxBytes?: number;
  /** Called with the tags of every purge (for external caches). */
  onPurge?: (tags: readonly string[]) => void;
}

/**
 * Rendered pages in memory, bounded by bytes (least recently used goes first), invalidated
 * exactly by tags. A page is stored only if no purge happened while it was rendered, so a
 * change is never hidden behind a page rendered from the data before it.
 */
export class PageCache {
  readonly maxBytes: number;
  private readonly entries = new Map<string, Entry>();
  private readonly keysByTag = new Map<string, Set<string>>();
  private bytes = 0;
  private holds = 0;
  private epoch = 0;
  private readonly onPurge: ((tags: readonly string[]) => void) | undefined;
  private readonly compressing = new Set<Promise<void>>();

  constructor(options: PageCacheOptions = {}) {
    this.maxBytes = options.maxBytes ?? 128 * 1024 * 1024;
    this.onPurge = options.onPurge;
  }

  get size(): number {
    return this.entries.size;
  }

  get totalBytes(): number {
    return this.bytes;
  }

  /** A number that changes on every purge; renders capture it before they read the database. */
  get generation(): number {
    return this.epoch;
  }

  /** The key of a request: host (absolute URLs in feeds depend on it) and the full path. */
  static keyOf(req: IncomingMessage): string {
    return `${(req.headers.host ?? '').toLowerCase()}${req.url ?? '/'}`;
  }

  /** Whether this request may be answered from or stored into the cache at all. */
  static eligible(req: IncomingMessage): boolean {
    if (req.method !== 'GET' && req.method !== 'HEAD') return false;
    const cookie = req.headers.cookie;
    return !(cookie && cookie.includes(`${STAFF_COOKIE}=`));
  }

  /**
   * Answers the request from memory if it can. This runs before the router (see the server
   * factory), so a hit costs little more than a bare `node:http` handler.
   */
  serve(req: IncomingMessage, res: ServerResponse): boolean {
    if (this.holds > 0 || !PageCache.eligible(req)) return false;
    const key = PageCache.keyOf(req);
    const entry = this.entries.get(key);
    if (!entry) return false;
    if (entry.expiresAt && entry.expiresAt < Date.now()) {
      this.remove(entry);
      return false;
    }
    // Least recently used order is Map insertion order: re-insert on a hit.
    this.entries.delete(key);
    this.entries.set(key, entry);
    if (matchesEtag(req.headers['if-none-match'], entry.etag)) {
      res.writeHead(304, { etag: entry.etag, 'cache-control': entry.identity.headers['cache-control'] as string, vary: 'Accept-Encoding' });
      res.end();
      return true;
    }
    const variant = pickVariant(entry, req.headers['accept-encoding']);
    res.writeHead(200, variant.headers);
    res.end(req.method === 'HEAD' ? undefined : variant.body);
    return true;
  }

  /**
   * Stores a rendered page unless a purge happened since `generation` was read. Returns the
   * headers the first response should carry (ETag, Cache-Control, Surrogate-Key), or undefined.
   */
  store(key: string, generation: number, page: StoredPage): OutgoingHttpHeaders | undefined {
    if (generation !== this.epoch || this.holds > 0) return undefined;
    const etag = `"${createHash('sha1').update(page.body).digest('base64url')}"`;
    const headers: OutgoingHttpHeaders = {
      'content-type': page.contentType,
      etag,
      'cache-control': PAGE_CACHE_CONTROL,
      'surrogate-key': page.tags.join(' '),
      vary: 'Accept-Encoding',
    };
    const old = this.entries.get(key);
    if (old) this.remove(old);
    const entry: Entry = {
      key,
      etag,
      tags: page.tags,
      expiresAt: page.ttlMs ? Date.now() + page.ttlMs : 0,
      bytes: page.body.length + key.length * 2 + ENTRY_OVERHEAD,
      identity: { body: page.body, headers: { ...headers, 'content-length': page.body.length } },
    };
    if (entry.bytes > this.maxBytes / 4) return headers;
    this.insert(entry);
    const compressing = this.compress(entry, headers).finally(() => this.compressing.delete(compressing));
    this.compressing.add(compressing);
    return headers;
  }

  /** Removes every page carrying any of the tags; returns how many went. */
  purge(tags: readonly string[]): number {
    this.epoch++;
    let removed = 0;
    for (const tag of tags) {
      for (const key of this.keysByTag.get(tag) ?? []) {
        const entry = this.entries.get(key);
        if (entry) {
          this.remove(entry);
          removed++;
        }
      }
    }
    if (tags.length) this.onPurge?.(tags);
    return removed;
  }

  /**
   * While held, nothing is served or stored: used while deciding, with a query, how far a
   * change reaches. Returns the release function.
   */
  hold(): () => void {
    this.holds++;
    this.epoch++;
    let released = false;
    return () => {
      if (released) return;
      released = true;
      this.holds--;
      this.epoch++;
    };
  }

  /** Resolves when every variant started so far is made (tests and the benchmark wait on it). */
  async compressed(): Promise<void> {
    await Promise.all([...this.compressing]);
  }

  clear(): void {
    this.epoch++;
    this.entries.clear();
    this.keysByTag.clear();
    this.bytes = 0;
  }

  private insert(entry: Entry): void {
    this.entries.set(entry.key, entry);
    this.bytes += entry.bytes;
    for (const tag of entry.tags) {
      let keys = this.keysByTag.get(tag);
      if (!keys) this.keysByTag.set(tag, (keys = new Set()));
      keys.add(entry.key);
    }
    this.evict();
  }

  private remove(entry: Entry): void {
    if (this.entries.get(entry.key) !== entry) return;
    this.entries.delete(entry.key);
    this.bytes -= entry.bytes;
    for (const tag of entry.tags) {
      const keys = this.keysByTag.get(tag);
      keys?.delete(entry.key);
      if (keys?.size === 0) this.keysByTag.delete(tag);
    }
  }

  private evict(): void {
    for (const entry of this.entries.values()) {
      if (this.bytes <= this.maxBytes) return;
      this.remove(entry);
    }
  }

  /** Compression happens once per render, off the request path; hits before it get identity. */
  private async compress(entry: Entry, headers: OutgoingHttpHeaders): Promise<void> {
    const body = entry.identity.body;
    const [gz, br] = await Promise.all([
      gzip(body, { level: 9 }),
      brotli(body, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 9, [zlib.constants.BROTLI_PARAM_SIZE_HINT]: body.length } }),
    ]);
    if (this.entries.get(entry.key) !== entry) return;
    entry.gzip = { body: gz, headers: { ...headers, 'content-encoding': 'gzip', 'content-length': gz.length } };
    entry.br = { body: br, headers: { ...headers, 'content-encoding': 'br', 'content-length': br.length } };
    entry.bytes += gz.length + br.length;
    this.bytes += gz.length + br.length;
    this.evict();
  }
}

/** `If-None-Match` may list several tags or `*`; anything unparseable simply does not match. */
export function matchesEtag(header: string | undefined, etag: string): boolean {
  if (!header || header.length > 1024) return false;
  if (header.trim() === '*') return true;
  return header.split(',').some((candidate) => candidate.trim().replace(/^W\//, '') === etag);
}

function pickVariant(entry: Entry, acceptEncoding: string | undefined): Variant {
  if (!acceptEncoding) return entry.identity;
  if (entry.br && accepts(acceptEncoding, 'br')) return entry.br;
  if (entry.gzip && accepts(acceptEncoding, 'gzip')) return entry.gzip;
  return entry.identity;
}

/** True when the coding is listed without `q=0`. */
function accepts(header: string, coding: string): boolean {
  for (const part of header.split(',')) {
    const [name, ...params] = part.split(';');
    if (name?.trim().toLowerCase() !== coding) continue;
    return !params.some((p) => /^\s*q\s*=\s*0(\.0*)?\s*$/.test(p));
  }
  return false;
}
