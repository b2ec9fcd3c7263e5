import { describe, expect, it } from 'vitest';
import { wireFixture } from '../../../test/fixtures/wires/fixtures.ts';
import { sanitizeRichText } from '../articles/rich-text.ts';
import { ExtractionError } from './extraction.ts';
import { parseFeed } from './feed-parser.ts';

describe('ninjs', () => {
  it('reads a single 1.x item: uri, headline, byline and author people, description, body_html, versioncreated with its offset, the picture association', () => {
    const feed = parseFeed(wireFixture('ninjs-1.json'));
    expect(feed.format).toBe('ninjs');
    expect(feed.items).toHaveLength(1);
    const [item] = feed.items;
    expect(item).toMatchObject({
      guid: 'urn:example:hz:text:20251120-0417',
      url: 'https://wire.example.cn/hz/20251120-0417.html',
      title: '青石县山区小学用上远程音乐课',
      summary: '青石县十二所山区小学本学期开始通过网络与城区学校同上音乐课。',
      // 林小雨 is only mentioned in the story; 周云 is named as its author twice and counted once.
      authors: ['周云', '韩松'],
      publishedAt: '2025-11-20T09:30:00+08:00',
      language: 'zh-CN',
    });
    expect(item?.contentHtml).toContain('<p>华中社青石11月20日电 青石县十二所山区小学');
    // The 1600 px rendition: wide enough for a figure, not the 6000 px master or the thumbnail.
    expect(item?.contentHtml).toContain(
      '<figure><img src="https://img.wire.example.cn/hz/0417-1-1600.jpg" alt="11月18日，青石县石门小学的学生在远程音乐课上合唱。"><figcaption>11月18日，青石县石门小学的学生在远程音乐课上合唱。 <span class="credit">华中社记者 韩松 摄</span></figcaption></figure>',
    );
  });

  it('reads 2.x items in an `items` array: the main headline, the HTML body over the plain one, `by` split into names, the canonical link, pictures', () => {
    const feed = parseFeed(wireFixture('ninjs-2-items.json'));
    expect(feed.items.map((i) => i.guid)).toEqual(['urn:example:northbay:2025:ferry-0091', 'urn:example:northbay:2025:market-0092']);
    const [ferry, market] = feed.items;
    expect(ferry).toMatchObject({
      url: 'https://northbay.example/news/ferry-0091',
      title: 'Harbor ferry returns after a year of repairs',
      summary: "The Gull Island ferry carried its first passengers since last winter's storm.",
      authors: ['Maria Olsen', 'Tom Reyes'],
      publishedAt: '2025-11-19T16:05:00-05:00',
      language: 'en',
    });
    // The body is the document's <body>, without its <title> or the headline repeated as <h1>.
    expect(ferry?.contentHtml).not.toContain('<title>');
    expect(ferry?.contentHtml).not.toContain('<h1>');
    expect(ferry?.contentHtml).toContain('<span class="credit">Tom Reyes/Northbay Wire</span>');
    expect(market).toMatchObject({
      title: 'Night market opens on the pier',
      contentHtml: "<p>The pier's first night market drew a crowd.</p><p>Food stalls ran until midnight.</p>",
      publishedAt: '2025-11-19T18:00:00+00:00',
      url: '',
    });
  });

  it('reads an agency API envelope (data.items[].item), a picture item becoming a captioned, credited figure', () => {
    const feed = parseFeed(wireFixture('ninjs-api-envelope.json'));
    expect(feed.items.map((i) => i.title)).toEqual(['江南多地迎来今冬首场降雪', '雪后西湖']);
    expect(feed.items[0]?.contentHtml).toBe('<p>江南通讯社杭州11月20日电 受冷空气影响，江南多地20日迎来今冬首场降雪。</p><p>气象部门提醒市民注意出行安全。</p>');
    expect(feed.items[1]).toMatchObject({ authors: ['陈晨'], summary: '11月20日，游客在雪后的湖边拍照。' });
    expect(feed.items[1]?.contentHtml).toContain('<img src="https://img.jn.example/1120-32.jpg"');
    expect(feed.items[1]?.contentHtml).toContain('<span class="credit">江南通讯社记者 陈晨 摄</span>');
  });

  it('reads a bare array of items, each GUID once', () => {
    const one = { uri: 'urn:x:1', headline: '一', body_text: '正文一' };
    const feed = parseFeed(JSON.stringify([one, { ...one, headline: '重复' }, { uri: 'urn:x:2', headline: '二' }]));
    expect(feed.items.map((i) => [i.guid, i.title])).toEqual([
      ['urn:x:1', '一'],
      ['urn:x:2', '二'],
    ]);
  });

  it('reports a story the agency has withdrawn (pubstatus canceled, cancelled or withheld) as withdrawn, not as a story to use', () => {
    const feed = parseFeed(
      JSON.stringify({ items: [{ uri: 'urn:a', headline: '甲', pubstatus: 'usable' }, { uri: 'urn:b', headline: '乙', pubstatus: 'canceled' }, { uri: 'urn:c', headline: '丙', pubstatus: 'Withheld' }, { uri: 'urn:d', headline: '丁', pubstatus: 'cancelled' }] }),
    );
    expect(feed.items.map((i) => [i.guid, i.withdrawn])).toEqual([
      ['urn:a', false],
      ['urn:b', true],
      ['urn:c', true],
      ['urn:d', true],
    ]);
  });

  it('reads kill notices and versions: the later version of a story wins wherever it stands in the list; a version that is no number is none', () => {
    const feed = parseFeed(wireFixture('ninjs-2-kill-update.json'));
    expect(feed.items.map((i) => [i.guid, i.withdrawn, i.version, i.versionCreated])).toEqual([
      ['urn:example:northbay:2026:pier-0401', false, 2, '2026-12-04T10:20:00-05:00'],
      ['urn:example:northbay:2026:lighthouse-0402', true, 3, '2026-12-04T11:05:00-05:00'],
      ['urn:example:northbay:2026:ferry-fares-0403', true, 2, '2026-12-04T11:30:00-05:00'],
      ['urn:example:northbay:2026:school-0404', false, null, null],
    ]);
    expect(feed.items[0]).toMatchObject({ title: 'Gull Island pier reopens Friday, a day later than planned', embargoUntil: '2026-12-05T06:00:00-05:00' });
    expect(feed.items[0]?.contentHtml).toContain('not Thursday as first reported');
  });

  it('lets a kill notice win over the story it kills in the same list, unless the story is the later version', () => {
    const story = { uri: 'urn:k:1', headline: '甲', body_text: '正文', pubstatus: 'usable' };
    const kill = { uri: 'urn:k:1', headline: '撤稿', pubstatus: 'canceled' };
    expect(parseFeed(JSON.stringify([story, kill])).items.map((i) => i.withdrawn)).toEqual([true]);
    expect(parseFeed(JSON.stringify([{ ...kill, version: '2' }, { ...story, version: '3' }])).items.map((i) => [i.withdrawn, i.version])).toEqual([[false, 3]]);
    expect(parseFeed(JSON.stringify([{ ...story, version: '3' }, { ...kill, version: '2' }])).items.map((i) => [i.withdrawn, i.version])).toEqual([[false, 3]]);
  });

  it('leaves nothing hostile once the queue has sanitised the body, and keeps the paragraphs and the figure', () => {
    const [ferry] = parseFeed(wireFixture('ninjs-2-items.json')).items;
    const stored = sanitizeRichText(ferry?.contentHtml ?? '');
    for (const hostile of ['<script', 'document.cookie', 'onclick', 'onerror', 'javascript:', '<iframe', 'evil.example']) expect(stored).not.toContain(hostile);
    expect(stored).toContain('<p>GULL ISLAND (Northbay Wire) -- The Gull Island ferry');
    expect(stored).toContain('<figure><img src="https://media.northbay.example/ferry-0091-p1-1024.jpg"');
  });

  it('refuses broken or foreign JSON with one clear line', () => {
    const refusal = (text: string) => {
      try {
        parseFeed(text);
      } catch (error) {
        expect(error).toBeInstanceOf(ExtractionError);
        return (error as Error).message;
      }
      throw new Error('parsed');
    };
    expect(refusal('{"uri": "urn:x:1", "headline": "断了",')).toMatch(/^the feed is not valid JSON: [^\n]+$/);
    expect(refusal('{"weather": {"today": "sunny"}}')).toBe('the JSON holds no ninjs items (objects with a uri, headline or body)');
    expect(refusal('[1, 2, 3]')).toMatch(/no ninjs items/);
  });

  it('reads an API answering with nothing new as an empty feed, not an error', () => {
    expect(parseFeed('{"data": {"items": []}}').items).toEqual([]);
    expect(parseFeed('[]').items).toEqual([]);
  });

  it('stays bounded on deeply nested and huge input', () => {
    const deep = `${'{"items":'.repeat(100_000)}{}${'}'.repeat(100_000)}`;
    expect(() => parseFeed(deep)).toThrow(/no ninjs items/);
    const many = JSON.stringify({ items: Array.from({ length: 3000 }, (_, n) => ({ uri: `urn:x:${n}`, headline: `条目${n}` })) });
    expect(parseFeed(many).items).toHaveLength(500);
    expect(() => parseFeed(`[${' '.repeat(21 * 1024 * 1024)}]`)).toThrow(/larger than/);
  });

  it('keeps a 1.x item\'s embargo with its offset, and its language as a BCP 47 tag', () => {
    const [item] = parseFeed(wireFixture('ninjs-1-embargoed.json')).items;
    expect(item).toMatchObject({ guid: 'urn:example:hz:text:20261203-0508', language: 'zh-CN', embargoUntil: '2026-12-03T10:00:00+08:00' });
  });

  it('keeps 2.x embargoes per item: an embargoed story in its agency\'s offset, and one with none', () => {
    const [budget, market] = parseFeed(wireFixture('ninjs-2-embargoed.json')).items;
    expect(budget).toMatchObject({ language: 'en-US', embargoUntil: '2026-12-02T21:00:00-05:00' });
    expect(market).toMatchObject({ language: 'fr', embargoUntil: null });
  });

  it('reads no embargo or language from values that are not times or tags', () => {
    const [item] = parseFeed(JSON.stringify({ uri: 'urn:x:1', headline: '标题', embargoed: 'until further notice', language: 'Chinese (simplified)' })).items;
    expect(item).toMatchObject({ embargoUntil: null, language: '' });
  });
});
