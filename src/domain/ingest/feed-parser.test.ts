import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { ExtractionError } from './extraction.ts';
import { parseFeed } from './feed-parser.ts';

const RSS = `<?xml version="1.0" encoding="gb2312"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel><title>某通讯社 国际</title>
<item><title>俄乌时隔三年谈判未实现突破</title><link>https://wire.example.cn/2025/0518/1.html</link>
<guid isPermaLink="false">wire-2025-0518-001</guid><pubDate>Sun, 18 May 2025 22:10:00 +0800</pubDate>
<dc:creator>栾海</dc:creator><description><![CDATA[<p>俄罗斯和乌克兰16日在土耳其重启直接谈判。</p>]]></description>
<content:encoded><![CDATA[<p>新华社北京5月18日电 俄罗斯和乌克兰16日在土耳其重启直接谈判。</p><script>x()</script>]]></content:encoded></item>
<item><title>没有 guid 的条目</title><link>https://wire.example.cn/2025/0518/2.html</link><pubDate>Sun, 18 May 2025 14:00:00 GMT</pubDate></item>
</channel></rss>`;

const ATOM = `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Wire</title>
<entry><id>urn:uuid:1225c695</id><title>Atom entry</title><link rel="alternate" href="https://wire.example.com/a"/>
<published>2025-05-18T09:30:00-05:00</published><author><name>Jane Roe</name></author>
<summary>Short</summary><content type="html">&lt;p&gt;Full &lt;b&gt;text&lt;/b&gt;&lt;/p&gt;</content></entry>
</feed>`;

describe('parseFeed', () => {
  it('reads RSS 2.0 in a declared Chinese charset: guid, link, times with their zone, creator, full content', () => {
    const feed = parseFeed(iconv.encode(RSS, 'gb18030'));
    expect(feed.format).toBe('rss');
    expect(feed.title).toBe('某通讯社 国际');
    expect(feed.items).toHaveLength(2);
    const [first, second] = feed.items;
    expect(first).toMatchObject({
      guid: 'wire-2025-0518-001',
      url: 'https://wire.example.cn/2025/0518/1.html',
      title: '俄乌时隔三年谈判未实现突破',
      authors: ['栾海'],
      publishedAt: '2025-05-18T22:10:00+08:00',
    });
    expect(first?.contentHtml).toContain('新华社北京5月18日电');
    expect(second?.guid).toBe('https://wire.example.cn/2025/0518/2.html');
    expect(second?.publishedAt).toBe('2025-05-18T14:00:00+00:00');
  });

  it('reads Atom entries', () => {
    const feed = parseFeed(ATOM);
    expect(feed.format).toBe('atom');
    expect(feed.items).toEqual([
      { guid: 'urn:uuid:1225c695', url: 'https://wire.example.com/a', title: 'Atom entry', summary: 'Short', contentHtml: '<p>Full <b>text</b></p>', authors: ['Jane Roe'], publishedAt: '2025-05-18T09:30:00-05:00', language: '', embargoUntil: null, withdrawn: false, version: null, versionCreated: null },
    ]);
  });

  it('refuses what is not a feed', () => {
    expect(() => parseFeed('<html><body>hi</body></html>')).toThrow(/not a feed: the XML root is <html>/);
    expect(() => parseFeed('')).toThrow(ExtractionError);
    expect(() => parseFeed('Service unavailable')).toThrow(/not a feed/);
    // An HTML page is named as one, not reported as broken XML.
    expect(() => parseFeed('<!DOCTYPE html>\n<!-- <rss> --><html><head><meta charset="utf-8"></head><body><p>登录</body></html>')).toThrow(
      'not a feed: the XML root is <html>, not RSS, Atom or NewsML-G2',
    );
  });

  it('tells the formats apart by content alone', () => {
    const newsml = '<newsItem xmlns="http://iptc.org/std/nar/2006-10-01/" guid="urn:g:1"><contentMeta><headline>甲</headline></contentMeta></newsItem>';
    expect(parseFeed(RSS).format).toBe('rss');
    expect(parseFeed(ATOM).format).toBe('atom');
    expect(parseFeed(`\ufeff  ${newsml}`).format).toBe('newsml');
    expect(parseFeed('<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"><item><title>x</title><link>https://e.example/x</link></item></rdf:RDF>').format).toBe('rss');
    expect(parseFeed(' {"uri": "urn:n:1", "headline": "乙"}').format).toBe('ninjs');
  });

  it('refuses broken XML with one line naming the fault, rather than reading a repaired guess', () => {
    const fault = (xml: string) => {
      try {
        parseFeed(xml);
      } catch (error) {
        expect(error).toBeInstanceOf(ExtractionError);
        return (error as Error).message;
      }
      throw new Error('parsed');
    };
    const cut = RSS.slice(0, RSS.indexOf('</channel>'));
    expect(fault(cut)).toBe('the XML is not well-formed: <channel> is never closed (the feed may be cut off)');
    expect(fault('<newsMessage><itemSet><newsItem guid="a"></itemSet></newsMessage>')).toBe('the XML is not well-formed: </itemSet> closes <newsItem> at line 1');
    expect(fault('<feed>\n<entry><title>a < b</title></entry></feed>')).toBe('the XML is not well-formed: a stray "<" at line 2');
    expect(fault('<rss><channel><!-- never ends </channel></rss>')).toMatch(/a comment is never closed at line 1/);
    expect(fault('<rss></rss><rss></rss>')).toMatch(/a second root element <rss>/);
  });

  it('stays bounded on deeply nested and huge XML', () => {
    expect(() => parseFeed(`<rss>${'<x>'.repeat(100_000)}${'</x>'.repeat(100_000)}</rss>`)).toThrow(/nested deeper than 256 levels/);
    // Thousands of unclosed tags cost linear time: each is read no further than the next "<".
    expect(() => parseFeed(`<rss>${'<a b="1" '.repeat(200_000)}`)).toThrow(/stray "<"/);
    const items = Array.from({ length: 800 }, (_, n) => `<item><guid>g${n}</guid><title>t${n}</title></item>`).join('');
    expect(parseFeed(`<rss><channel>${items}</channel></rss>`).items).toHaveLength(500);
    expect(() => parseFeed(`<rss>${' '.repeat(21 * 1024 * 1024)}</rss>`)).toThrow(/larger than/);
  });

  it('gives RSS items the channel language unless dc:language names their own; Atom reads xml:lang; neither has an embargo', () => {
    const rss = parseFeed(
      `<rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/"><channel><title>多语种</title><language>zh-cn</language>` +
        `<item><guid>a</guid><title>中文稿</title></item>` +
        `<item><guid>b</guid><title>English copy</title><dc:language>en</dc:language></item></channel></rss>`,
    );
    expect(rss.items.map((i) => [i.guid, i.language, i.embargoUntil])).toEqual([
      ['a', 'zh-CN', null],
      ['b', 'en', null],
    ]);
    const atom = parseFeed(
      `<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="en"><title>W</title>` +
        `<entry><id>1</id><title>One</title></entry><entry xml:lang="zh-Hant"><id>2</id><title>二</title></entry></feed>`,
    );
    expect(atom.items.map((i) => [i.guid, i.language, i.embargoUntil])).toEqual([
      ['1', 'en', null],
      ['2', 'zh-Hant', null],
    ]);
  });
});
