import { describe, expect, it } from 'vitest';
import { wireFixture } from '../../../test/fixtures/wires/fixtures.ts';
import { sanitizeRichText } from '../articles/rich-text.ts';
import { extractArticle } from './extractor.ts';
import { parseFeed } from './feed-parser.ts';

describe('NewsML-G2', () => {
  it('reads a newsMessage: a text item with its packaged picture, and a plain-text item; the picture is no item of its own', () => {
    const feed = parseFeed(wireFixture('newsml-message.xml'));
    expect(feed.format).toBe('newsml');
    expect(feed.title).toBe('华中社英文与中文专线');
    expect(feed.items.map((i) => i.guid)).toEqual(['urn:example:hz:g2:20251120-bridge', 'urn:example:hz:g2:20251120-orchard']);
    const [bridge, orchard] = feed.items;
    expect(bridge).toMatchObject({
      url: 'https://wire.example.cn/hz/20251120-bridge.html',
      title: '青石江二桥合龙 明年通车',
      summary: '青石江二桥主跨20日顺利合龙，预计明年五月通车。',
      authors: ['韩松', '周云'],
      publishedAt: '2025-11-20T09:45:00+08:00',
      language: 'zh-CN',
    });
    // The dateline opens the first paragraph, as Chinese wire copy prints it.
    expect(bridge?.contentHtml).toMatch(/^\s*<p>华中社青石11月20日电 青石江二桥主跨20日顺利合龙/);
    expect(bridge?.contentHtml).toContain(
      '<figure><img src="https://img.wire.example.cn/hz/bridge-p1-1280.jpg" alt="11月20日，工人在青石江二桥合龙段作业。"><figcaption>11月20日，工人在青石江二桥合龙段作业。 <span class="credit">华中社记者 周云 摄</span></figcaption></figure>',
    );
    expect(orchard).toMatchObject({
      title: 'Orchard town ships its first winter pears abroad',
      authors: ['Lena Ford'],
      publishedAt: '2025-11-19T22:10:00+00:00',
      language: 'en',
      contentHtml: '<p>PEAR VALLEY, Nov 19 (HZ Wire) Growers loaded twelve containers of winter pears on Wednesday.</p><p>The cooperative says prices held firm &amp; buyers asked for more.</p>',
    });
  });

  it('reads a single newsItem whose elements and XHTML body carry namespace prefixes', () => {
    const feed = parseFeed(wireFixture('newsml-item.xml'));
    expect(feed.items).toEqual([
      {
        guid: 'urn:example:jn:g2:1121-07',
        url: '',
        title: '古镇老茶馆重新开张',
        summary: '',
        contentHtml: '<p>江南通讯社湖州11月21日电 歇业三年的古镇老茶馆21日重新开张，老茶客们一早就来占座。</p>',
        authors: ['陈晨'],
        publishedAt: '2025-11-21T06:30:00+08:00',
        language: '',
        embargoUntil: null,
        withdrawn: false,
        version: 1,
        versionCreated: '2025-11-21T06:30:00+08:00',
      },
    ]);
  });

  it('gives the import review a clean body with its dateline and captioned picture', () => {
    const [bridge] = parseFeed(wireFixture('newsml-message.xml')).items;
    const stored = sanitizeRichText(bridge?.contentHtml ?? '');
    for (const hostile of ['<script', "alert('wire')", 'onmouseover', 'javascript:']) expect(stored).not.toContain(hostile);
    const draft = extractArticle(`<html><body><article><h1>${bridge?.title}</h1>${stored}</article></body></html>`);
    expect(draft.dateline).toBe('华中社青石11月20日电');
    expect(draft.bodyText.split('\n')[0]).toBe('青石江二桥主跨20日顺利合龙，这座大桥建成后，两岸通行时间将由四十分钟缩短到十分钟。');
    expect(draft.images).toEqual([{ url: 'https://img.wire.example.cn/hz/bridge-p1-1280.jpg', caption: '11月20日，工人在青石江二桥合龙段作业。', credit: '华中社记者 周云 摄' }]);
  });

  it('reports a story the agency has withdrawn (pubStatus canceled or withheld) as withdrawn, not as a story to use', () => {
    const item = (guid: string, status: string) =>
      `<newsItem guid="${guid}"><itemMeta><itemClass qcode="ninat:text"/><pubStatus qcode="stat:${status}"/></itemMeta><contentMeta><headline>${guid}</headline></contentMeta></newsItem>`;
    const feed = parseFeed(`<newsMessage><itemSet>${item('a', 'usable')}${item('b', 'canceled')}${item('c', 'withheld')}</itemSet></newsMessage>`);
    expect(feed.items.map((i) => [i.guid, i.withdrawn])).toEqual([
      ['a', false],
      ['b', true],
      ['c', true],
    ]);
  });

  it('reads kill notices, versions and versionCreated; a killed picture leaves its story and is reported on its own', () => {
    const feed = parseFeed(wireFixture('newsml-kill-update.xml'));
    expect(feed.items.map((i) => [i.guid, i.withdrawn, i.version, i.versionCreated])).toEqual([
      ['urn:example:jn:g2:1204-21', true, 2, '2026-12-04T11:40:00+08:00'],
      ['urn:example:jn:g2:1204-22', false, 4, '2026-12-04T11:50:00+08:00'],
      ['urn:example:jn:g2:1204-23', true, 1, '2026-12-04T11:55:00+08:00'],
      ['urn:example:jn:g2:1204-24', false, 1, '2026-12-04T09:00:00+08:00'],
      ['urn:example:jn:g2:1204-24-p1', true, 2, '2026-12-04T10:00:00+08:00'],
    ]);
    const [, update, , walkway] = feed.items;
    expect(update).toMatchObject({ title: '湖州古镇夜间公交下月开通（更正线路数）', language: 'zh-Hans-CN', embargoUntil: null });
    expect(walkway?.contentHtml).toBe('<p>湖州运河步道4日全线贯通，全长十二公里。</p>');
  });

  it('reads no version from a version attribute that is no whole number', () => {
    const item = '<newsItem guid="urn:v:1" version="draft"><itemMeta><itemClass qcode="ninat:text"/></itemMeta><contentMeta><headline>甲</headline></contentMeta></newsItem>';
    expect(parseFeed(item).items[0]).toMatchObject({ version: null, versionCreated: null, withdrawn: false });
  });

  it('keeps itemMeta <embargoed> with its offset, and finds the language on contentMeta or the inline XHTML', () => {
    const [embargoed, open] = parseFeed(wireFixture('newsml-embargoed.xml')).items;
    expect(embargoed).toMatchObject({ guid: 'urn:example:jn:g2:1203-11', language: 'zh-Hans-CN', embargoUntil: '2026-12-03T09:30:00+08:00' });
    expect(open).toMatchObject({ guid: 'urn:example:jn:g2:1203-12', language: 'en-GB', embargoUntil: null });
  });

  it('prefers xml:lang on the item itself to its parts', () => {
    const xml = `<newsItem guid="g" xml:lang="de"><itemMeta><itemClass qcode="ninat:text"/></itemMeta><contentMeta xml:lang="en"><headline>Stadtfest</headline><language tag="en"/></contentMeta></newsItem>`;
    expect(parseFeed(xml).items[0]?.language).toBe('de');
  });
});
