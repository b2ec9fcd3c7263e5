/**
 * The baseline: a bare node:http server answering every request with the same status, headers and
 * bytes that Inkstone sent, from memory. Usage: tsx bench/http/bare-server.ts <response.json>
 * (written by run.ts: { headers, bodyBase64 }). Prints its port on stdout.
 */
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';

const file = process.argv[2];
if (!file) throw new Error('usage: bare-server.ts <response.json>');
const saved = JSON.parse(fs.readFileSync(file, 'utf8')) as { headers: Record<string, string>; bodyBase64: string };
const body = Buffer.from(saved.bodyBase64, 'base64');
const server = http.createServer((_req, res) => {
  res.writeHead(200, saved.headers);
  res.end(body);
});
server.listen(0, '127.0.0.1', () => {
  console.log(`PORT ${(server.address() as AddressInfo).port}`);
});
process.on('SIGTERM', () => server.close(() => process.exit(0)));
