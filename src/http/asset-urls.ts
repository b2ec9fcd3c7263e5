import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const SRC_DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), '..');
/** Where each public asset prefix is served from (the same folders app.tsx hands to @fastify/static). */
const ROOTS = {
  '/assets/': path.join(SRC_DIR, 'views', 'assets'),
  '/admin/assets/': path.join(SRC_DIR, '..', 'dist', 'client'),
} as const;

const versioned = new Map<string, string>();

/**
 * The URL of a stylesheet or script with its content hash (`/assets/site.css?v=3f2a…`).
 * Browsers keep assets for a day; without the hash, an upgrade would be drawn with the old CSS
 * (or run the old editor) until then. Hashed once per process: assets change only with the code.
 * A file that is missing (the client not built yet) keeps its plain URL.
 */
export function assetUrl(prefix: keyof typeof ROOTS, name: string): string {
  const key = prefix + name;
  let url = versioned.get(key);
  if (url === undefined) {
    try {
      const hash = createHash('sha256').update(readFileSync(path.join(ROOTS[prefix], name))).digest('hex').slice(0, 10);
      url = `${key}?v=${hash}`;
    } catch {
      url = key;
    }
    versioned.set(key, url);
  }
  return url;
}
