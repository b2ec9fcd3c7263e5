import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FetchError, USER_AGENT, isBlockedAddress, safeFetch } from './safe-fetch.ts';

let server: http.Server;
let base = '';
const seenAgents: string[] = [];

beforeAll(async () => {
  server = http.createServer((req, res) => {
    seenAgents.push(String(req.headers['user-agent']));
    const url = new URL(req.url ?? '/', 'http://x');
    const hops = Number(url.searchParams.get('hops') ?? '0');
    if (url.pathname === '/redirect') {
      res.writeHead(302, { location: hops > 1 ? `/redirect?hops=${hops - 1}` : '/page' });
      res.end();
    } else if (url.pathname === '/page') {
      res.writeHead(200, { 'content-type': 'text/html; charset=gbk' });
      res.end('<html><body><p>hello</p></body></html>');
    } else if (url.pathname === '/big') {
      res.writeHead(200, { 'content-type': 'text/html' });
      res.end('x'.repeat(200_000));
    } else if (url.pathname === '/silent') {
      // accepts the request and never answers
    } else if (url.pathname === '/slow') {
      res.writeHead(200, { 'content-type': 'text/html' });
      res.write('<html>');
      // never ends: the fetch must give up on its own
    } else {
      res.writeHead(404);
      res.end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

const allow = { allowPrivateAddresses: true };

describe('safeFetch', () => {
  it('fetches a page with an honest User-Agent and reports the header charset', async () => {
    const page = await safeFetch(`${base}/page`, allow);
    expect(page.body.toString()).toContain('hello');
    expect(page.charset).toBe('gbk');
    expect(seenAgents.at(-1)).toBe(USER_AGENT);
  });

  it('follows up to 5 redirects and refuses a sixth', async () => {
    expect((await safeFetch(`${base}/redirect?hops=5`, allow)).url).toBe(`${base}/page`);
    await expect(safeFetch(`${base}/redirect?hops=6`, allow)).rejects.toMatchObject({ code: 'too-many-redirects' });
  });

  it('refuses loopback and private addresses unless allowed, by address and after DNS', async () => {
    await expect(safeFetch(`${base}/page`)).rejects.toMatchObject({ code: 'blocked-address' });
    const port = (server.address() as AddressInfo).port;
    await expect(safeFetch(`http://localhost:${port}/page`)).rejects.toMatchObject({ code: 'blocked-address' });
    await expect(safeFetch(`http://[::1]:${port}/page`)).rejects.toMatchObject({ code: 'blocked-address' });
  });

  it('classifies addresses', () => {
    for (const a of ['127.0.0.1', '10.1.2.3', '172.16.0.1', '192.168.1.1', '169.254.169.254', '100.64.0.1', '0.0.0.0', '::1', 'fe80::1', 'fd00::1', '::ffff:127.0.0.1']) {
      expect(isBlockedAddress(a), a).toBe(true);
    }
    for (const a of ['8.8.8.8', '223.5.5.5', '2400:3200::1']) expect(isBlockedAddress(a), a).toBe(false);
  });

  it('stops at the size limit and the time limit', async () => {
    await expect(safeFetch(`${base}/big`, { ...allow, maxBytes: 100_000 })).rejects.toMatchObject({ code: 'too-large' });
    const t0 = Date.now();
    await expect(safeFetch(`${base}/slow`, { ...allow, timeoutMs: 300 })).rejects.toMatchObject({ code: 'timeout' });
    expect(Date.now() - t0).toBeLessThan(2000);
  });

  it('says at once that a server does not answer, and lets a download that has started run', async () => {
    await expect(safeFetch(`${base}/silent`, { ...allow, answerTimeoutMs: 200 })).rejects.toMatchObject({ code: 'timeout', message: `127.0.0.1:${(server.address() as AddressInfo).port} did not answer within 0.2 s` });
    // The answer deadline is met by the first byte; only the whole-fetch limit stops the endless body.
    await expect(safeFetch(`${base}/slow`, { ...allow, answerTimeoutMs: 200, timeoutMs: 600 })).rejects.toMatchObject({ message: 'no complete answer within 600 ms' });
  });

  it('refuses other schemes and answers errors as FetchError', async () => {
    await expect(safeFetch('file:///etc/passwd')).rejects.toMatchObject({ code: 'bad-url' });
    await expect(safeFetch(`${base}/missing`, allow)).rejects.toBeInstanceOf(FetchError);
  });
});
