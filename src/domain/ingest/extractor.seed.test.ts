import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { sharedPath } from '../../../test/helpers/shared.ts';
import { sanitizeRichText } from '../articles/rich-text.ts';
import { extractArticle } from './extractor.ts';

// The seed page's text, as an editor copying the whole page would paste it (see ../shared/seed/README.md).
const seedText = () => readFileSync(sharedPath('seed', '000_6a1b3f7d972bca36.txt'), 'utf8');

describe('extracting the seed page text', () => {
  it('recognises plain text and gives exactly the expected fields', () => {
    const result = extractArticle(seedText());
    expect(result.format).toBe('text');
    expect(result.title).toBe('俄乌时隔三年谈判未实现突破 特朗普称将给他们打电话');
    expect(result.source).toBe('新华网');
    expect(result.publishedAt).toBe('2025-05-19T10:28:00+08:00');
    expect(result.dateline).toBe('新华社北京5月18日电');
    expect(result.authors).toEqual(['栾海', '高山', '王腾飞', '刘磊', '江宥林']);
    expect(result.editor).toBe('但堂丹');
    expect(result.lang).toBe('zh');
  });

  it('finds the three subheadings and the two captioned figures with credits', () => {
    const result = extractArticle(seedText());
    const headings = [...result.bodyHtml.matchAll(/<h2>(.*?)<\/h2>/g)].map((m) => m[1]);
    expect(headings).toEqual(['谈判未实现突破', '拉夫罗夫:美国发挥了积极作用', '特朗普:将敦促双方达成停火']);
    const credits = [...result.bodyHtml.matchAll(/<span class="credit">(.*?)<\/span>/g)].map((m) => m[1]);
    expect(credits).toEqual(['新华社发(土耳其外交部供图)', '新华社记者曹阳摄']);
    expect(result.bodyHtml).toContain('<figcaption>5月16日,在土耳其方面主持下,俄罗斯和乌克兰代表团在土耳其伊斯坦布尔举行会谈。 <span class="credit">');
  });

  it('keeps the body from its first sentence to its last and nothing of the frame', () => {
    const { bodyText, bodyHtml } = extractArticle(seedText());
    expect(bodyText.startsWith('俄罗斯和乌克兰16日在土耳其重启')).toBe(true);
    expect(bodyText.endsWith('依然道阻且长。')).toBe(true);
    for (const frame of ['首页', '>>', '上一篇', '下一篇', '相关新闻', '版权与免责声明', '新媒体', '咸宁', '编辑:', '记者:', '新华社北京']) {
      expect(bodyText).not.toContain(frame);
    }
    expect(bodyHtml).not.toContain('新华社北京5月18日电');
  });

  it('gives body HTML in the editor schema that the sanitiser leaves as it is', () => {
    const { bodyHtml } = extractArticle(seedText());
    expect(sanitizeRichText(bodyHtml)).toBe(bodyHtml);
    const tags = new Set([...bodyHtml.matchAll(/<([a-z0-9]+)/g)].map((m) => m[1]));
    for (const tag of tags) expect(['p', 'h2', 'h3', 'figure', 'img', 'figcaption', 'span', 'ul', 'ol', 'li', 'blockquote']).toContain(tag);
  });
});
