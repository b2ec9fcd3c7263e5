import dns from 'node:dns';
import http from 'node:http';
import https from 'node:https';
import net from 'node:net';

export interface SafeFetchOptions {
  /** Largest body accepted, in bytes (default 10 MB). */
  maxBytes?: number;
  /** Time for the whole fetch, redirects included (default 15 s). */
  timeoutMs?: number;
  /**
   * Time a server has to start answering each request (default 2 s): a URL that does not answer
   * is reported at once, while a slow download that has started may use the whole timeoutMs.
   */
  answerTimeoutMs?: number;
  /** Redirects followed at most (default 5). */
  maxRedirects?: number;
  /** Tests and intranet installs only: allow loopback and private addresses. */
  allowPrivateAddresses?: boolean;
  accept?: string;
}

export interface FetchedResource {
  /** The final URL, after redirects. */
  url: string;
  status: number;
  contentType: string;
  /** Charset named by the Content-Type header, if any. */
  charset: string | undefined;
  body: Buffer;
}

export type FetchErrorCode = 'bad-url' | 'blocked-address' | 'too-many-redirects' | 'too-large' | 'timeout' | 'http-status' | 'network';

export class FetchError extends Error {
  constructor(
    readonly code: FetchErrorCode,
    message: string,
  ) {
    super(message);
  }
}

export const USER_AGENT = 'Inkstone/0.1 (+news import)';

/** An editor waiting for an import hears within this time that a server does not answer. */
export const ANSWER_TIMEOUT_MS = 2_000;

/** Addresses an import must never reach: this machine, the private network, link-local, CGNAT, multicast. */
const BLOCKED = new net.BlockList();
for (const [net4, prefix] of [
  ['0.0.0.0', 8], ['10.0.0.0', 8], ['100.64.0.0', 10], ['127.0.0.0', 8], ['169.254.0.0', 16], ['172.16.0.0', 12],
  ['192.0.0.0', 24], ['192.0.2.0', 24], ['192.168.0.0', 16], ['198.18.0.0', 15], ['198.51.100.0', 24], ['203.0.113.0', 24], ['224.0.0.0', 3],
] as const) BLOCKED.addSubnet(net4, prefix, 'ipv4');
for (const [net6, prefix] of [['::', 128], ['::1', 128], ['fc00::', 7], ['fe80::', 10], ['ff00::', 8], ['64:ff9b::', 96], ['2001:db8::', 32]] as const) {
  BLOCKED.addSubnet(net6, prefix, 'ipv6');
}

/** Whether an IP address is private, loopback, link-local or otherwise not on the public internet. */
export function isBlockedAddress(address: string): boolean {
  const family = net.isIP(address);
  if (family === 4) return BLOCKED.check(address, 'ipv4');
  if (family !== 6) return true;
  // IPv4-mapped IPv6 (::ffff:127.0.0.1) is judged as the IPv4 address it carries.
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  if (mapped?.[1]) return BLOCKED.check(mapped[1], 'ipv4');
  return BLOCKED.check(address, 'ipv6');
}

/**
 * Fetches a URL for import. Every hop is checked after DNS resolution (in the socket's own lookup,
 * so a second resolution cannot swap in a private address), redirects are followed by hand, and
 * the body is cut off at maxBytes.
 */
export async function safeFetch(url: string, options: SafeFetchOptions = {}): Promise<FetchedResource> {
  const maxRedirects = options.maxRedirects ?? 5;
  const deadline = Date.now() + (options.timeoutMs ?? 15_000);
  let current = parseUrl(url);
  for (let hop = 0; ; hop++) {
    const result = await requestOnce(current, options, deadline);
    if ('redirect' in result) {
      if (hop >= maxRedirects) throw new FetchError('too-many-redirects', `more than ${maxRedirects} redirects`);
      current = parseUrl(new URL(result.redirect, current).toString());
      continue;
    }
    return result;
  }
}

function parseUrl(value: string): URL {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new FetchError('bad-url', `not a URL: ${value}`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new FetchError('bad-url', `only http and https URLs can be imported, not ${url.protocol}`);
  if (url.username || url.password) throw new FetchError('bad-url', 'URLs with credentials are not fetched');
  return url;
}

function guardedLookup(allowPrivate: boolean): net.LookupFunction {
  return (hostname, options, callback) => {
    dns.lookup(hostname, { ...options, all: true }, (error, addresses) => {
      if (error) return callback(error, '', 4);
      const list = addresses as dns.LookupAddress[];
      const blocked = list.find((a) => isBlockedAddress(a.address));
      if (blocked && !allowPrivate) return callback(new FetchError('blocked-address', `${hostname} resolves to a private address (${blocked.address})`), '', 4);
      const first = list[0];
      if (!first) return callback(new Error(`${hostname} has no address`), '', 4);
      if ((options as { all?: boolean }).all) return (callback as unknown as (e: null, a: dns.LookupAddress[]) => void)(null, list);
      callback(null, first.address, first.family);
    });
  };
}

type Hop = FetchedResource | { redirect: string };

function requestOnce(url: URL, options: SafeFetchOptions, deadline: number): Promise<Hop> {
  const allowPrivate = options.allowPrivateAddresses ?? false;
  const host = url.hostname.replace(/^\[|\]$/g, '');
  if (net.isIP(host) && isBlockedAddress(host) && !allowPrivate) {
    return Promise.reject(new FetchError('blocked-address', `${host} is a private or loopback address`));
  }
  const remaining = deadline - Date.now();
  if (remaining <= 0) return Promise.reject(new FetchError('timeout', 'timed out'));
  const client = url.protocol === 'https:' ? https : http;
  return new Promise<Hop>((resolve, reject) => {
    const req = client.get(
      url,
      {
        headers: { 'user-agent': USER_AGENT, accept: options.accept ?? 'text/html,application/xhtml+xml,*/*;q=0.8', 'accept-encoding': 'identity' },
        lookup: guardedLookup(allowPrivate),
      },
      (res) => {
        const status = res.statusCode ?? 0;
        const location = res.headers.location;
        if (status >= 300 && status < 400 && location) {
          res.resume();
          resolve({ redirect: location });
          return;
        }
        if (status < 200 || status >= 300) {
          res.resume();
          reject(new FetchError('http-status', `the server answered ${status}`));
          return;
        }
        readBody(res, options.maxBytes ?? 10 * 1024 * 1024)
          .then((body) => {
            const contentType = String(res.headers['content-type'] ?? '');
            const charset = /charset\s*=\s*"?([\w-]+)/i.exec(contentType)?.[1];
            resolve({ url: url.toString(), status, contentType, charset, body });
          })
          .catch(reject);
      },
    );
    const timer = setTimeout(() => req.destroy(new FetchError('timeout', `no complete answer within ${options.timeoutMs ?? 15_000} ms`)), remaining);
    const answerMs = Math.min(options.answerTimeoutMs ?? ANSWER_TIMEOUT_MS, remaining);
    const answerTimer = setTimeout(() => req.destroy(new FetchError('timeout', `${url.host} did not answer within ${answerMs / 1000} s`)), answerMs);
    req.on('response', () => clearTimeout(answerTimer));
    req.on('error', (error) => reject(error instanceof FetchError ? error : new FetchError('network', error.message)));
    req.on('close', () => {
      clearTimeout(timer);
      clearTimeout(answerTimer);
    });
  });
}

function readBody(res: http.IncomingMessage, maxBytes: number): Promise<Buffer> {
  const declared = Number(res.headers['content-length'] ?? '0');
  if (declared > maxBytes) {
    res.destroy();
    return Promise.reject(new FetchError('too-large', `the page is larger than ${maxBytes} bytes`));
  }
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    res.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > maxBytes) {
        res.destroy(new FetchError('too-large', `the page is larger than ${maxBytes} bytes`));
        return;
      }
      chunks.push(chunk);
    });
    res.on('end', () => resolve(Buffer.concat(chunks)));
    res.on('error', (e) => reject(e instanceof FetchError ? e : new FetchError('network', e.message)));
    res.on('close', () => {
      if (!res.complete && size <= maxBytes) reject(new FetchError('network', 'the connection closed early'));
    });
  });
}
