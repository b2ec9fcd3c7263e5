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
      { guid: 'urn:uuid:1225c695', url: 'https://wire.example.com/a', title: 'Atom entry', summary: 'Short', contentHtml: '<p>Full <b>text</b></p>', authors: ['Jane Roe'], publishedAt: '2025-05-18T09:30:00-05:00' },
    ]);
  });

  it('refuses what is not a feed', () => {
    expect(() => parseFeed('<html><body>hi</body></html>')).toThrow(ExtractionError);
    expect(() => parseFeed('')).toThrow(ExtractionError);
  });
});
