import { statSync } from 'node:fs';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { type TestApp, buildTestApp } from '../helpers/test-app.ts';

const BUDGET = 50 * 1024;
let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp('sqlite', { demo: true });
});
afterAll(async () => t?.close());

it('keeps every demo article page within 50 KB of HTML + CSS, without render-blocking script, images sized', async () => {
  const css = statSync(new URL('../../src/views/assets/site.css', import.meta.url)).size;
  const ids = await t.db.kysely.selectFrom('articles').select('id').where('status', '=', 'published').execute();
  let largest = 0;
  for (const { id } of ids) {
    const url = (await t.app.inject(`/x/2000/01/01/${id}.html`)).headers.location as string;
    const html = (await t.app.inject(url)).body;
    largest = Math.max(largest, Buffer.byteLength(html));
    expect(html).not.toMatch(/<script(?![^>]*type="application\/ld\+json")(?![^>]*\b(?:async|defer|type="module")\b)[^>]*>/);
    for (const img of html.match(/<img\b[^>]*>/g) ?? []) expect(img, url).toMatch(/\swidth="\d+"[^>]*\sheight="\d+"|\sheight="\d+"[^>]*\swidth="\d+"/);
  }
  expect(largest + css).toBeLessThanOrEqual(BUDGET);
});
