import { describe, expect, it } from 'vitest';
import type { Dialect } from '../src/db/create-db.ts';
import { changeChannelSlug } from '../src/domain/channels/channel.service.ts';
import { dialectAvailable } from './helpers/databases.ts';
import { makeArticle, makeChannels } from './helpers/factories.ts';
import { buildTestApp } from './helpers/test-app.ts';

const PAGES = ['/', '/news/', '/news/?page=2', '/xinwen/world/', '/gov/', '/nope/'];

/** Renders the same pages from the same data on one dialect. */
async function renderOn(dialect: Dialect): Promise<string[]> {
  const t = await buildTestApp(dialect);
  try {
    const { news, gov, world } = await makeChannels(t.db);
    for (let i = 0; i < 30; i++) {
      await makeArticle(t.db, [news.id, gov.id, world.id][i % 3]!, {
        title: `同一数据 ${i} <b>&"'`,
        publishedAt: new Date(Date.UTC(2025, 4, 1 + (i % 20), i % 24, 7)).toISOString(),
        isHeadline: i === 29,
        isTop: i === 3,
        reporters: ['甲', '乙'],
        isOriginal: i % 2 === 0,
        sourceName: i % 2 ? '华中新闻网' : '',
      });
    }
    await changeChannelSlug(t.db, news.id, 'xinwen');
    const pages = [];
    for (const url of [...PAGES, '/xinwen/world/2025/05/03/3.html', '/gov/2025/05/02/2.html']) {
      const res = await t.app.inject(url);
      // Modification times are "now" on each run; everything else must match byte for byte.
      const body = res.body.replace(/(modified_time" content="|"dateModified":")[^"]+/g, '$1…');
      pages.push(`${res.statusCode} ${res.headers.location ?? ''}\n${body}`);
    }
    return pages;
  } finally {
    await t.close();
  }
}

/** '' when equal, else the two texts around the first differing character (readable failures). */
function firstDifference(a: string, b: string): string {
  if (a === b) return '';
  let i = 0;
  while (a[i] === b[i]) i++;
  return `at ${i}: …${a.slice(Math.max(0, i - 80), i + 80)}… versus …${b.slice(Math.max(0, i - 80), i + 80)}…`;
}

describe.skipIf(!dialectAvailable('postgres'))('SQLite and PostgreSQL', () => {
  it('give byte-identical pages for the same data', async () => {
    const [sqlite, postgres] = [await renderOn('sqlite'), await renderOn('postgres')];
    expect(sqlite.map((page) => page.slice(0, 3))).toEqual(['200', '301', '301', '200', '200', '404', '200', '200']);
    for (let i = 0; i < sqlite.length; i++) expect(firstDifference(postgres[i]!, sqlite[i]!), `page ${i}`).toBe('');
  });
});
