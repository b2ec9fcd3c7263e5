import { parseHTML } from 'linkedom';
import { afterEach, expect, it } from 'vitest';
import { serialiseJsonLd } from '../../src/http/presenters/structured-data.ts';
import { describeEachDialect } from '../helpers/databases.ts';
import { makeArticle, makeChannels } from '../helpers/factories.ts';
import { type DeliveryApp, buildDeliveryApp } from './delivery-app.ts';

function jsonLdOf(html: string): unknown[] {
  const match = /<script type="application\/ld\+json">([^<]*)<\/script>/.exec(html);
  expect(match).toBeTruthy();
  return JSON.parse(match![1]!) as unknown[];
}

describeEachDialect('structured data on article pages', (fresh) => {
  let t: DeliveryApp | undefined;
  afterEach(async () => {
    await t?.close();
    t = undefined;
  });

  it('carries NewsArticle and BreadcrumbList JSON-LD, Open Graph and Twitter tags with absolute URLs', async () => {
    const db = await fresh();
    const { world } = await makeChannels(db);
    const story = await makeArticle(db, world.id, {
      title: '标题 </script><script>alert(1)</script>',
      summary: '摘要 "引号" & <b>',
      bodyHtml: '<p>第一段。</p><figure><img src="/media/ab/cd/x-960.jpg" alt="图" width="960" height="640"></figure>',
      reporters: ['栾海'],
      publishedAt: '2025-05-19T02:28:00Z',
    });
    t = await buildDeliveryApp(db);
    const url = `/news/world/2025/05/19/${story.id}.html`;
    const res = await t.app.inject({ url, headers: { host: 'www.linhu.cn' } });
    expect(res.statusCode).toBe(200);
    // Attribute values keep "<" (harmless inside quotes); no element may come out of the title.
    const { document } = parseHTML(res.body);
    expect(document.querySelectorAll('script').length).toBe(1);
    const [article, crumbs] = jsonLdOf(res.body) as [Record<string, unknown>, { itemListElement: { name: string; item: string }[] }];
    expect(article['@type']).toBe('NewsArticle');
    expect(article.headline).toBe('标题 </script><script>alert(1)</script>');
    expect(article.datePublished).toBe('2025-05-19T02:28:00.000Z');
    expect(article.dateModified).toBeTruthy();
    expect(article.author).toEqual([{ '@type': 'Person', name: '栾海' }]);
    expect((article.publisher as { name: string }).name).toBeTruthy();
    expect(article.image).toEqual(['http://www.linhu.cn/media/ab/cd/x-960.jpg']);
    expect(crumbs.itemListElement.map((c) => c.name)).toEqual(['首页', '新闻', '国际新闻', story.title]);
    expect(crumbs.itemListElement.at(-1)?.item).toBe(`http://www.linhu.cn${url}`);
    expect(res.body).toContain(`<meta property="og:url" content="http://www.linhu.cn${url}"/>`);
    expect(document.querySelector('meta[property="og:description"]')?.getAttribute('content')).toBe('摘要 "引号" & <b>');
    expect(res.body).toContain('<meta name="twitter:card" content="summary_large_image"/>');
    expect(res.body).toContain('<meta property="og:image" content="http://www.linhu.cn/media/ab/cd/x-960.jpg"/>');
  });
});

it('serialises JSON-LD so that no string can end the script element', () => {
  const text = serialiseJsonLd({ a: '</script><!-- & \u2028' });
  expect(text).not.toMatch(/[<>&\u2028]/);
  expect(JSON.parse(text)).toEqual({ a: '</script><!-- & \u2028' });
});
