import { describe, expect, it } from 'vitest';
import { extractArticle } from './extractor.ts';

const page = (body: string, title = '社区论坛') => `<!doctype html><html><head><title>${title}</title></head><body>${body}</body></html>`;

describe('choosing the main content of a page', () => {
  it('reads the opening post of a forum thread, not the list of replies linked below it', () => {
    // Every other reply has a long linked title: the list as a whole is more link than text.
    const replies = Array.from({ length: 40 }, (_, i) =>
      i % 2
        ? `<li><a href="/t/${i}">回复：关于菜市场搬迁这件事我也想在这里多说两句看法第${i}条</a>【<a href="/u/${i}">邻居${i}</a>】05-0${(i % 9) + 1} 12:0${i % 10}</li>`
        : `<li><a href="/t/${i}">同意，顶一下</a>【<a href="/u/${i}">住户${i}</a>】05-0${(i % 9) + 1} 12:0${i % 10}，${i * 7}字，阅读${i * 13}次</li>`,
    ).join('');
    const html = page(`<table><tr><td><b>主题：</b>菜市场搬迁</td></tr><tr><td><p>小区门口的菜市场下个月要搬到新址，有没有邻居知道新市场几点开门？</p></td></tr></table>
<table><tr><td><b>回复线索：</b></td></tr><tr><td><ul>${replies}</ul></td></tr></table>`);
    const result = extractArticle(html);
    expect(result.bodyText).toContain('有没有邻居知道新市场几点开门');
    expect(result.bodyText).not.toMatch(/顶一下|多说两句/);
  });
});
