import fc from 'fast-check';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { sanitizeRichText } from '../articles/rich-text.ts';
import { ExtractionError } from './extraction.ts';
import { extractArticle, readOriginalText } from './extractor.ts';

const PARAGRAPHS = [
  '新华社北京5月18日电 俄罗斯和乌克兰16日在土耳其重启关于和平解决冲突的直接谈判，双方就互换战俘达成共识。',
  '分析人士认为，时隔三年多再次直接对话，对于政治解决危机具有一定意义，但在短期内实现停火并不容易。',
  '乌克兰政治专家指出，本轮谈判没有取得突破性进展在意料之中，但两国谈判进程得以继续，仍是艰难的一步。',
];

function chinesePage(charset: string, declared = charset): string {
  return `<!doctype html><html lang="zh-CN"><head><meta charset="${declared}"><title>谈判未实现突破_国际新闻_某某网</title></head><body>
<div class="nav"><a href="/">首页</a> <a href="/news">新闻</a> <a href="/gov">政务</a></div>
<div class="article"><h1>谈判未实现突破</h1><h3>——双方同意互换千名战俘</h3><div class="info">来源：新华网 时间：2025-05-19 10:28 作者：张三</div>
<div class="content">${PARAGRAPHS.map((p) => `<p>${p}</p>`).join('')}
<p><img src="/photos/a.jpg" alt=""></p><p>5月16日，代表团在伊斯坦布尔举行会谈。新华社记者曹阳摄</p>
<p>（责任编辑：李四）</p></div></div>
<div class="related"><h3>相关新闻</h3><ul><li><a href="/1">另一条新闻标题一</a></li><li><a href="/2">另一条新闻标题二</a></li></ul></div>
<div class="footer">版权所有 某某网</div></body></html>`;
}

describe('extracting HTML pages', () => {
  for (const charset of ['utf-8', 'gb18030']) {
    it(`reads a Chinese news page encoded as ${charset} and finds its parts`, () => {
      const bytes = iconv.encode(chinesePage(charset), charset);
      const result = extractArticle(bytes, { url: 'https://news.example.cn/2025/05/19/1.html' });
      expect(result.title).toBe('谈判未实现突破');
      expect(result.subtitle).toBe('双方同意互换千名战俘');
      expect(result.source).toBe('新华网');
      expect(result.publishedAt).toBe('2025-05-19T10:28:00+08:00');
      expect(result.authors).toEqual(['张三']);
      expect(result.editor).toBe('李四');
      expect(result.dateline).toBe('新华社北京5月18日电');
      expect(result.bodyText).toContain('双方就互换战俘达成共识');
      expect(result.bodyText).not.toMatch(/首页|相关新闻|版权所有|另一条/);
      expect(result.images).toEqual([{ url: 'https://news.example.cn/photos/a.jpg', caption: '5月16日，代表团在伊斯坦布尔举行会谈。', credit: '新华社记者曹阳摄' }]);
      expect(sanitizeRichText(result.bodyHtml)).toBe(result.bodyHtml);
    });
  }

  it('reads a traditional-Chinese page in Big5', () => {
    const html = '<html><head><meta charset="big5"><title>兩岸經貿交流持續擴大</title></head><body><h1>兩岸經貿交流持續擴大</h1><p>記者今天在台北報導，兩岸經貿交流持續擴大，業者對於未來的發展表示樂觀，並期待更多合作。</p></body></html>';
    const result = extractArticle(iconv.encode(html, 'big5'));
    expect(result.charset).toBe('big5');
    expect(result.title).toBe('兩岸經貿交流持續擴大');
    expect(extractArticle(iconv.encode(html.replace('<meta charset="big5">', ''), 'big5')).title).toBe('兩岸經貿交流持續擴大');
  });

  it('trusts valid UTF-8 bytes over a stale gb2312 declaration, and GB18030 bytes without any', () => {
    expect(extractArticle(Buffer.from(chinesePage('utf-8', 'gb2312'))).title).toBe('谈判未实现突破');
    const undeclared = chinesePage('gb18030').replace('<meta charset="gb18030">', '');
    expect(extractArticle(iconv.encode(undeclared, 'gb18030')).title).toBe('谈判未实现突破');
  });

  it('refuses empty documents and binary junk with a clear error', () => {
    expect(() => extractArticle(new Uint8Array())).toThrow(ExtractionError);
    expect(() => extractArticle('   \n ')).toThrow(/empty/);
    const junk = new Uint8Array(4096).map((_, i) => (i * 7919) % 256);
    expect(() => extractArticle(junk)).toThrow(ExtractionError);
  });
});

describe('a Chinese page in traditional characters', () => {
  it('reads its labels in either form and keeps its own characters in what they name', () => {
    const page = `<html><head><meta charset="big5"><title>港珠澳大橋客流創新高_東湖新聞網</title></head><body>
<div class="nav">首頁 新聞 財經 體育</div><h1>港珠澳大橋客流創新高</h1>
<div class="info">來源：香港商報　發佈時間：2024-03-02 10:00</div>
<div class="content"><p>新華社香港3月2日電 港珠澳大橋今年首兩個月的客流量創下新高，口岸管理部門表示，旅客通關時間平均縮短了三分之一。</p>
<p>管理部門介紹，大橋口岸今年將增設兩條自助通道，並延長夜間的開放時間，方便往來三地的旅客和車輛。</p>
<p>本報記者 陳大文</p><p>責任編輯：李小華</p><p>相關新聞</p><p>港珠澳大橋迎來第一千萬名旅客</p></div></body></html>`;
    const result = extractArticle(iconv.encode(page, 'big5'));
    expect(result).toMatchObject({
      title: '港珠澳大橋客流創新高',
      source: '香港商報',
      authors: ['陳大文'],
      editor: '李小華',
      dateline: '新華社香港3月2日電',
      publishedAt: '2024-03-02T10:00:00+08:00',
    });
    expect(result.bodyText).toMatch(/^港珠澳大橋今年首兩個月/);
    expect(result.bodyText).not.toMatch(/相關新聞|第一千萬名|陳大文|李小華/);
    // The same page copied as text.
    const text = page.replace(/<title>[^<]*<\/title>/, '').replace(/<(p|h1|div)[^>]*>/g, '\n').replace(/<[^>]+>/g, '').replace(/\n\s*\n/g, '\n').trim();
    const pasted = extractArticle(text);
    expect(pasted).toMatchObject({ title: '港珠澳大橋客流創新高', source: '香港商報', authors: ['陳大文'], editor: '李小華', dateline: '新華社香港3月2日電' });
    expect(pasted.bodyText).not.toMatch(/相關新聞|陳大文/);
  });
});

describe('the section a page says it is in', () => {
  it('is read from its breadcrumb, as HTML or as copied text, without the front page or 正文', () => {
    const html = `<html><head><title>谈判未实现突破_东湖网</title></head><body><nav class="breadcrumb"><a href="/">东湖网首页</a> &gt;&gt; <a href="/news/">新闻</a> &gt;&gt; <a href="/news/world/">国际新闻</a> &gt;&gt; 正文</nav>
<h1>谈判未实现突破</h1><div class="content">${PARAGRAPHS.map((p) => `<p>${p}</p>`).join('')}</div></body></html>`;
    expect(extractArticle(html).section).toEqual(['新闻', '国际新闻']);
    const text = ['首页 新闻 政务 图片 要闻', '当前位置：首页 > 新闻 > 国际新闻 > 正文', '谈判未实现突破', '来源：新华网 时间：2025-05-19 10:28', ...PARAGRAPHS].join('\n');
    expect(extractArticle(text).section).toEqual(['新闻', '国际新闻']);
  });
});

describe('the original shown beside the draft', () => {
  it('is the whole page as a reader sees it, one block a line, in its own charset, without scripts', () => {
    const page = `<html><head><meta charset="gbk"><title>湖区新闻</title><script>var secret = 1;</script></head><body>
<div class="nav"><a href="/">首页</a> <a href="/n">新闻</a></div><h1>湖区新建三座污水处理厂</h1>
<p>湖区今年将新建三座污水处理厂。<br>工程明年完工。</p><div class="footer">版权所有 湖区新闻网</div></body></html>`;
    const text = readOriginalText(iconv.encode(page, 'gbk'));
    expect(text.split('\n')).toEqual(['首页 新闻', '湖区新建三座污水处理厂', '湖区今年将新建三座污水处理厂。', '工程明年完工。', '版权所有 湖区新闻网']);
  });

  it('is copied text as it was pasted, and empty for what cannot be read', () => {
    expect(readOriginalText('  标题\n\n正文第一段。  ')).toBe('标题\n\n正文第一段。');
    expect(readOriginalText(new Uint8Array([0, 1, 2, 3, 255, 254, 0, 0]))).toBe('');
  });
});

describe('hostile input', () => {
  it('survives 10,000-deep nesting quickly', () => {
    const html = `<html><body>${'<div>'.repeat(10_000)}<p>深处的一段文字，仍然可以读出来。</p>${'</div>'.repeat(10_000)}</body></html>`;
    const t0 = performance.now();
    const result = extractArticle(html);
    // The import review also shows the page's text beside the draft.
    const original = readOriginalText(html);
    expect(performance.now() - t0).toBeLessThan(2000);
    expect(result.bodyText).toContain('深处的一段文字');
    expect(original).toContain('深处的一段文字');
  });

  it('gives a best-effort result for a 50 MB page within 2 seconds', () => {
    const paragraph = `<p>${PARAGRAPHS[1]}</p>`;
    const html = `<html><body><h1>很长的页面</h1><div class="content">${paragraph.repeat(Math.ceil((50 * 1024 * 1024) / Buffer.byteLength(paragraph)))}</div></body></html>`;
    const t0 = performance.now();
    const result = extractArticle(Buffer.from(html));
    const original = readOriginalText(Buffer.from(html));
    expect(performance.now() - t0).toBeLessThan(2000);
    expect(result.bodyText.length).toBeGreaterThan(1000);
    expect(original.length).toBeGreaterThan(1000);
  });

  it('never throws anything but ExtractionError on generated HTML, and its body passes the sanitiser', () => {
    const tag = fc.constantFrom('div', 'p', 'span', 'a', 'h1', 'h2', 'ul', 'li', 'table', 'td', 'img', 'br', 'figure', 'script', 'blockquote', 'b');
    const text = fc.oneof(fc.string({ maxLength: 40 }), fc.constantFrom(...PARAGRAPHS, '来源：新华网', '编辑：王五', '上一篇', '&amp;<>"\''));
    const node: fc.Arbitrary<string> = fc.letrec<{ node: string }>((tie) => ({
      node: fc.oneof(
        { depthSize: 'small', withCrossShrink: true },
        text,
        fc.tuple(tag, fc.array(tie('node'), { maxLength: 4 }), fc.boolean()).map(([t, kids, close]) => `<${t} class="x">${kids.join('')}${close ? `</${t}>` : ''}`),
      ),
    })).node;
    fc.assert(
      fc.property(node, fc.boolean(), (html, asBytes) => {
        try {
          const result = extractArticle(asBytes ? Buffer.from(html) : `<html><body>${html}</body></html>`);
          expect(sanitizeRichText(result.bodyHtml)).toBe(result.bodyHtml);
        } catch (error) {
          if (!(error instanceof ExtractionError)) throw error;
        }
      }),
      { numRuns: 300 },
    );
  });
});

describe('bylines and editors wherever Chinese pages put them', () => {
  const surname = fc.constantFrom(...'王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗');
  const given = fc.array(fc.constantFrom(...'晓明华丽军伟芳娜强磊洋勇艳杰涛超敏静婷雪飞鹏'), { minLength: 1, maxLength: 2 }).map((cs) => cs.join(''));
  const name = fc.tuple(surname, given).map(([s, g]) => s + g);
  const names = fc.uniqueArray(name, { minLength: 1, maxLength: 3 });
  const placement = fc.constantFrom('header', 'closing-bracket', 'closing-line', 'leading-line');
  const editorForm = fc.constantFrom('none', 'bracket', 'box-after', 'closing-meta');

  function page(reporters: string[], where: string, editor: string, form: string): string {
    const spaced = reporters.join(' ');
    const head = where === 'header' ? `来源：东湖日报 时间：2024-05-06 09:30 记者：${spaced}` : '来源：东湖日报 时间：2024-05-06 09:30';
    const paragraphs = PARAGRAPHS.map((p) => `<p>${p}</p>`);
    if (where === 'leading-line') paragraphs.unshift(`<p>东湖日报记者 ${spaced}</p>`);
    if (where === 'closing-bracket') paragraphs.push(`<p>会谈将于下周继续举行。（记者 ${spaced}）</p>`);
    if (where === 'closing-line') paragraphs.push(`<p>本报记者 ${spaced}</p>`);
    if (form === 'bracket') paragraphs.push(`<p>（责任编辑：${editor}）</p>`);
    if (form === 'closing-meta') paragraphs.push(`<p>来源：东湖日报 编辑：${editor}</p>`);
    const after = form === 'box-after' ? `<div class="ep-source"><span>本文来源：东湖日报</span> <span class="ep-editor">责任编辑：${editor}_NF1234</span></div>` : '';
    return `<!doctype html><html lang="zh-CN"><head><title>谈判未实现突破_东湖网</title></head><body><h1>谈判未实现突破</h1>
<div class="info">${head}</div><div class="content">${paragraphs.join('')}</div>${after}
<div class="related"><h3>相关新闻</h3><ul><li><a href="/1">另一条新闻标题一</a></li></ul></div></body></html>`;
  }

  /**
   * The same page as a reader copies it: one line per block, the site's frame around it; copied on
   * Windows the lines end in CRLF, and some sites space their labels with ideographic spaces.
   */
  function copiedText(html: string, windows: boolean): string {
    const text = `首页 新闻 政务 图片\n${html
      .replace(/<(h1|div|p|li|h3)[^>]*>/g, '\n')
      .replace(/<[^>]+>/g, '')
      .replace(/\n+/g, '\n')
      .trim()}\n上一篇：另一条新闻`;
    return windows ? text.replace(/\n/g, '\r\n').replace(/ (时间|记者)/g, '\u3000$1') : text;
  }

  it('finds the reporters and the editor, and leaves neither in the body', () => {
    fc.assert(
      fc.property(names, placement, name, editorForm, fc.constantFrom('html', 'text', 'windows-text'), (reporters, where, editor, form, as) => {
        const html = page(reporters, where, editor, form);
        const result = extractArticle(as === 'html' ? html : copiedText(html, as === 'windows-text'));
        expect(result.authors).toEqual(reporters);
        expect(result.editor).toBe(form === 'none' ? '' : editor);
        for (const n of [...reporters, ...(form === 'none' ? [] : [editor])]) expect(result.bodyText).not.toContain(n);
        expect(result.bodyText).toContain('双方就互换战俘达成共识');
      }),
      { numRuns: 300 },
    );
  });
});

describe('headline, time and source wherever Chinese pages put them', () => {
  const headline = fc.constantFrom('俄乌时隔三年谈判未实现突破', '新图书馆今天开放 首日接待读者三千人', '全市秋粮收购进度过半', '高铁新线下月通车：沿途设站七座', '中国-东盟博览会在南宁开幕');
  const titleTag = fc.constantFrom(
    (h: string) => `${h}_国际新闻_东湖网`,
    (h: string) => `${h}-东湖网`,
    (h: string) => `${h} | 东湖网`,
    (h: string) => `${h} - 新闻频道 - 东湖网`,
    (h: string) => `${h} _国际新闻 _东湖网`,
    (h: string) => `${h}——东湖网`,
    (h: string) => `${h}｜东湖网`,
    (h: string) => `东湖网 | ${h}`,
    (h: string) => h,
  );
  const headlineElement = fc.constantFrom('h1', 'h2 class="title"', 'div class="article-title"', 'none');
  const when = fc.record({ month: fc.integer({ min: 1, max: 12 }), day: fc.integer({ min: 1, max: 28 }), hour: fc.integer({ min: 0, max: 23 }), minute: fc.integer({ min: 0, max: 59 }) });
  const timeForm = fc.constantFrom(
    (d: { month: number; day: number; hour: number; minute: number }, p: (n: number) => string) => `时间：2024-${p(d.month)}-${p(d.day)} ${p(d.hour)}:${p(d.minute)}`,
    (d: { month: number; day: number; hour: number; minute: number }, p: (n: number) => string) => `发布时间：2024年${d.month}月${d.day}日 ${p(d.hour)}:${p(d.minute)}`,
    (d: { month: number; day: number; hour: number; minute: number }, p: (n: number) => string) => `2024/${p(d.month)}/${p(d.day)} ${p(d.hour)}:${p(d.minute)}:00`,
  );
  const sourceLabel = fc.constantFrom('来源', '稿源', '来源于');
  const source = fc.constantFrom('新华网', '人民日报', '东湖日报', '中国新闻网');
  const pad = (n: number) => String(n).padStart(2, '0');
  const copiedPage = (html: string) =>
    html
      .replace(/<title>[^<]*<\/title>/, '')
      .replace(/<(h1|h2|div|p|li|h3)[^>]*>/g, '\n')
      .replace(/<[^>]+>/g, '')
      .replace(/\n\s*/g, '\n')
      .trim();

  it('finds them, in the page’s own time zone (Beijing time when the page gives none)', () => {
    fc.assert(
      fc.property(headline, titleTag, headlineElement, when, timeForm, sourceLabel, source, fc.constantFrom('html', 'minified', 'text'), (h, tag, element, d, time, label, src, form) => {
        const heading = element === 'none' ? '' : `<${element}>${h}</${element.split(' ')[0]}>`;
        const html = `<!doctype html><html lang="zh-CN"><head><title>${tag(h)}</title></head><body>
<div class="nav"><a href="/">首页</a> <a href="/news">新闻</a> <a href="/gov">政务</a> <a href="/pic">图片</a></div>
<div class="article">${heading}<div class="info">${time(d, pad)} ${label === '来源于' ? '来源于' : `${label}：`}${src}</div>
<div class="content">${PARAGRAPHS.map((p) => `<p>${p}</p>`).join('')}</div></div>
<div class="related"><h3>相关新闻</h3><ul><li><a href="/1">另一条新闻标题一</a></li></ul></div></body></html>`;
        // Copied text keeps what a reader sees: no <title>, so only a page with a visible headline.
        const asText = form === 'text' && element !== 'none';
        const input = asText ? copiedPage(html) : form === 'minified' ? html.replace(/\n/g, '') : html;
        const result = extractArticle(input);
        expect(result.title).toBe(h);
        expect(result.publishedAt).toBe(`2024-${pad(d.month)}-${pad(d.day)}T${pad(d.hour)}:${pad(d.minute)}:00+08:00`);
        if (label !== '来源于') expect(result.source).toBe(src);
        expect(result.bodyText).not.toMatch(/首页|相关新闻|来源/);
      }),
      { numRuns: 300 },
    );
  });
});

describe('headlines of old pages whose <title> says nothing', () => {
  const headline = fc.constantFrom('犬儒病(上)', '老茶馆的故事', '跨江大桥通车二十年', '谁来为无序拆房埋单？');
  const useless = fc.constantFrom('显示', '网易娱乐', '谢谢您访问〖东湖文化网〗', '欢迎光临东湖论坛', 'bbs.example.cn', '', null);
  const setting = fc.constantFrom(
    (h: string) => `<p align="center"><font color="darkblue"><strong>${h}</strong></font></p>`,
    (h: string) => `<b><p align="center"><big><font color="#0000FF">${h}</font></big></p></b>`,
    (h: string) => `<p><font size="4">${h}</font></p>`,
    (h: string) => `<p><font size="+1"><b>${h}</b></font><br></p>`,
    (h: string) => `<table><tr><td align="center"><b><br><font size="3" color="blue">${h}</b></font><br></td></tr></table>`,
    (h: string) => `<div class="Heading">${h}</div>`,
  );
  const subtitle = fc.constantFrom('', '——城市记忆札记之一', '—— 一位老街坊的回忆');

  it('take the headline set in bold or big type over the article, and the dashed line under it as the subtitle', () => {
    fc.assert(
      fc.property(headline, useless, setting, subtitle, fc.boolean(), (h, title, set, sub, minified) => {
        const head = title === null ? '' : `<title>${title}</title>`;
        const lines = [sub, ...PARAGRAPHS].filter(Boolean).map((p) => `${p}<br><br>`).join('');
        const html = `<html><head>${head}</head><body><table><tr><td><a href="/">首页</a> | <a href="/bbs">论坛</a></td></tr></table>${set(h)}<hr><p>${lines}</p></body></html>`;
        const result = extractArticle(minified ? html.replace(/\n/g, '') : html);
        expect(result.title).toBe(h);
        expect(result.subtitle).toBe(sub.replace(/^——\s*/, ''));
        // The article opens with its first paragraph (its 电头 taken out as the dateline), not with the head.
        const firstLine = result.bodyText.split('\n')[0] ?? '';
        expect(firstLine.length).toBeGreaterThan(20);
        expect(PARAGRAPHS[0]).toContain(firstLine);
      }),
      { numRuns: 200 },
    );
  });
});

describe('headlines wherever English pages put them', () => {
  const headline = fc.constantFrom('Harbour ferry returns after two-year repair', 'Sell-out crowd greets the new stadium', 'Why the 2025-26 budget matters: five questions', 'Is the old pier safe? Engineers say yes');
  const titleTag = fc.constantFrom(
    (h: string) => `${h} | Harbour Daily`,
    (h: string) => `${h} - Harbour Daily`,
    (h: string) => `${h} — Harbour Daily`,
    (h: string) => `${h} · Harbour Daily`,
    (h: string) => `Harbour Daily | ${h}`,
    (h: string) => `${h} - Local News - Harbour Daily`,
    (h: string) => h,
  );
  const element = fc.constantFrom('h1', 'h1 class="entry-title"', 'div class="article-headline"', 'none');
  const prose = '<p>The harbour ferry is back on its old route after two years of repairs to the pier, the port said on Monday.</p>';

  it('are the clean headline, whatever <title> adds and whether og:title is there', () => {
    fc.assert(
      fc.property(headline, titleTag, element, fc.boolean(), (h, tag, el, og) => {
        const heading = el === 'none' ? '' : `<${el}>${h}</${el.split(' ')[0]}>`;
        const meta = og ? `<meta property="og:title" content="${h}">` : '';
        const html = `<!doctype html><html><head><title>${tag(h)}</title>${meta}</head><body><nav><a href="/">Home</a> <a href="/local">Local</a></nav><article>${heading}${prose.repeat(4)}</article></body></html>`;
        expect(extractArticle(html).title).toBe(h);
      }),
      { numRuns: 300 },
    );
  });
});

describe('publish dates wherever English pages put them', () => {
  const day = fc.record({ year: fc.integer({ min: 2015, max: 2025 }), month: fc.integer({ min: 1, max: 12 }), day: fc.integer({ min: 1, max: 28 }) });
  const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
  type Day = { year: number; month: number; day: number };
  const iso = (d: Day) => `${d.year}-${String(d.month).padStart(2, '0')}-${String(d.day).padStart(2, '0')}`;
  const place = fc.constantFrom(
    (d: Day) => ({ head: `<meta property="article:published_time" content="${iso(d)}T09:30:00Z">`, box: '' }),
    (d: Day) => ({ head: `<script type="application/ld+json">{"@type":"NewsArticle","datePublished":"${iso(d)}T09:30:00Z"}</script>`, box: '' }),
    (d: Day) => ({ head: '', box: `<time datetime="${iso(d)}T09:30:00Z">${MONTHS[d.month - 1]} ${d.day}, ${d.year}</time>` }),
    (d: Day) => ({ head: '', box: `<div class="byline">By Ann Lee | Published ${MONTHS[d.month - 1]} ${d.day}, ${d.year}</div>` }),
    (d: Day) => ({ head: '', box: `<p class="date">${d.day} ${(MONTHS[d.month - 1] ?? '').slice(0, 3)} ${d.year}</p>` }),
    (d: Day) => ({ head: '', box: `<footer class="meta">Posted on <span class="post-date">${MONTHS[d.month - 1]} ${d.day}, ${d.year}</span></footer>` }),
  );
  // The story mentions other days; they must not be taken for its own.
  const prose = '<p>The harbour ferry is back on its old route after repairs that began on 3 March 2012 and ended in May, the port said.</p>';

  it('are the story’s own day, not one the text mentions', () => {
    fc.assert(
      fc.property(day, place, (d, at) => {
        const { head, box } = at(d);
        const html = `<!doctype html><html><head><title>Ferry returns</title>${head}</head><body><article><h1>Ferry returns</h1>${box}${prose.repeat(4)}</article></body></html>`;
        expect(extractArticle(html).publishedAt?.slice(0, 10)).toBe(iso(d));
      }),
      { numRuns: 200 },
    );
  });
});

describe('furniture inside an English article box', () => {
  const STORY = [
    'The harbour board voted on Tuesday to rebuild the old ferry pier, ending a dispute that has divided the town for a decade.',
    'Construction is expected to begin next spring and to take about eighteen months, according to the board chair.',
    'Fishermen who use the pier every morning welcomed the decision but asked that a temporary landing be kept open.',
    'The county will pay a third of the cost, and the rest will come from a state grant awarded last year.',
  ];
  const inside = fc.subarray(['<p>Advertisement</p>', '<p>Full Screen</p><p>Autoplay</p>', '<p>5 min read</p>', '<p>Image 2 of 7</p>'], { minLength: 0 });
  const closing = fc.subarray(['<p>Tell us what YOU think...</p>', '<p>Sign up for our morning newsletter</p>', '<h3>3 comments</h3><p>seagull42 May 6, 2024 at 7:15 am</p><p>About time, we have waited years for this.</p>'], { minLength: 0 });

  it('is left out wherever it sits, and the story is kept whole and in order', () => {
    fc.assert(
      fc.property(inside, closing, fc.integer({ min: 1, max: 3 }), fc.boolean(), (middle, end, at, asText) => {
        const paragraphs = STORY.map((p) => `<p>${p}</p>`);
        paragraphs.splice(at, 0, ...middle);
        const html = `<!doctype html><html><head><title>Pier to be rebuilt</title></head><body><h1>Pier to be rebuilt</h1><article>${paragraphs.join('')}${end.join('')}</article></body></html>`;
        // As copied text: one line per block, as a browser gives it.
        const text = html.replace(/<title>[^<]*<\/title>/, '').replace(/<(p|h1|h3)>/g, '\n').replace(/<[^>]+>/g, '').trim();
        expect(extractArticle(asText ? text : html).bodyText).toBe(STORY.join('\n'));
      }),
      { numRuns: 200 },
    );
  });

  it('leaves out a call-to-action box, however much it says', () => {
    const appeal =
      '<h5>A word to our readers</h5><p>Local reporting costs money, and advertising no longer pays for it. Your gift, however small, keeps this paper free for everyone. Will you help us?</p><p>Read the letter</p>';
    const names = fc.constantFrom('cta', 'cta-box', 'widget newsletter_cta', 'zone-widget-custom-cta-letter');
    fc.assert(
      fc.property(names, fc.integer({ min: 1, max: 4 }), (name, at) => {
        const paragraphs = STORY.map((p) => `<p>${p}</p>`);
        paragraphs.splice(at, 0, `<div class="${name}">${appeal}</div>`);
        const html = `<!doctype html><html><head><title>Pier to be rebuilt</title></head><body><h1>Pier to be rebuilt</h1><article>${paragraphs.join('')}</article></body></html>`;
        expect(extractArticle(html).bodyText).toBe(STORY.join('\n'));
      }),
      { numRuns: 100 },
    );
  });

  it("leaves out the writer's biography under the story, and still names the writer", () => {
    const bio =
      '<h4>About Ann Lee</h4><p>Ann Lee has covered the harbour, the council and the county courts for the Gazette since 2009. Before that, she taught history at the high school.</p>';
    const boxes = fc.constantFrom(
      (inner: string) => `<div class="author-bio">${inner}</div>`,
      (inner: string) => `<section class="about-the-author">${inner}</section>`,
      (inner: string) => `<div class="authorBio">${inner}</div>`,
      (inner: string) => `<div class="profile vcard" role="contentinfo">${inner}</div>`,
    );
    fc.assert(
      fc.property(boxes, fc.boolean(), (box, inside) => {
        const story = `${STORY.map((p) => `<p>${p}</p>`).join('')}${inside ? box(bio) : ''}`;
        const html = `<!doctype html><html><head><title>Pier to be rebuilt</title></head><body><h1>Pier to be rebuilt</h1><p class="byline">By Ann Lee</p><div class="main"><article>${story}</article>${inside ? '' : box(bio)}</div></body></html>`;
        const result = extractArticle(html);
        expect(result.bodyText).toBe(STORY.join('\n'));
        expect(result.authors).toEqual(['Ann Lee']);
      }),
      { numRuns: 100 },
    );
  });
});

describe('bylines wherever English pages put them', () => {
  const people = fc.subarray(['Ann Lee', 'Bo Chen', 'Mary Clare Nolan', 'Trevor J. Quinn', 'Sandee LaRue'], { minLength: 1, maxLength: 3 });
  const listed = (names: string[], caps: boolean) => {
    const shown = caps ? names.map((n) => n.toUpperCase()) : names;
    return shown.length === 1 ? shown[0] : `${shown.slice(0, -1).join(', ')} and ${shown.at(-1)}`;
  };
  const after = fc.constantFrom('', ', Associated Press', ', AP Harbour Writer', ' Associated Press Published 11:34 PM EST', ', Harbour Insider', ' | March 3, 2024');
  const where = fc.constantFrom(
    (byline: string) => ({ head: '', box: `<div class="byline">By ${byline}</div>` }),
    (byline: string) => ({ head: '', box: `<p class="author-name"><span>By</span> <span>${byline}</span></p>` }),
    (byline: string) => ({ head: `<meta name="author" content="${byline}">`, box: '' }),
  );
  const prose = '<p>The harbour ferry is back on its old route after two years of repairs to the pier, the port said on Monday.</p>';

  it('name the people, in name case, without the agency, their roles or the time', () => {
    fc.assert(
      fc.property(people, fc.boolean(), after, where, (names, caps, tail, place) => {
        const byline = `${listed(names, caps)}${names.length > 1 && tail.startsWith(' |') ? '' : tail}`;
        const { head, box } = place(byline);
        const html = `<!doctype html><html><head><title>Ferry returns</title>${head}</head><body><h1>Ferry returns</h1>${box}<article>${prose.repeat(4)}</article></body></html>`;
        // Capitals cannot say how a name is written (LaRue): name case is compared without them.
        const lower = (list: string[]) => list.map((n) => n.toLowerCase());
        const authors = extractArticle(html).authors;
        expect(caps ? lower(authors) : authors).toEqual(caps ? lower(names) : names);
      }),
      { numRuns: 200 },
    );
  });
});

describe('photos wherever Chinese pages put them', () => {
  const caption = fc.constantFrom('5月16日，代表团在伊斯坦布尔举行会谈。', '游客在新开放的图书馆内阅读。', '收割机在田间作业。');
  const credit = fc.constantFrom('新华社记者曹阳摄', '东湖日报记者林晓摄', '新华社发（土耳其外交部供图）', '视觉中国供图');
  const layout = fc.constantFrom('figure', 'image-then-caption', 'centered-paragraphs');

  it('finds each photo with its caption and credit, and keeps the prose around it', () => {
    fc.assert(
      fc.property(caption, credit, layout, fc.integer({ min: 0, max: 2 }), (cap, cred, how, at) => {
        const photo =
          how === 'figure'
            ? `<figure><img src="/p/1.jpg" alt=""><figcaption>${cap}${cred}</figcaption></figure>`
            : how === 'image-then-caption'
              ? `<p><img src="/p/1.jpg"></p><p>${cap}${cred}</p>`
              : `<p style="text-align:center"><img src="/p/1.jpg"></p><p style="text-align:center">${cap} ${cred}</p>`;
        const paragraphs = PARAGRAPHS.map((p) => `<p>${p}</p>`);
        paragraphs.splice(at + 1, 0, photo);
        const html = `<!doctype html><html lang="zh-CN"><head><title>谈判未实现突破_东湖网</title></head><body><h1>谈判未实现突破</h1>
<div class="content">${paragraphs.join('')}</div></body></html>`;
        const result = extractArticle(html, { url: 'https://news.example.cn/a/1.html' });
        expect(result.images).toEqual([{ url: 'https://news.example.cn/p/1.jpg', caption: cap, credit: cred }]);
        for (const p of PARAGRAPHS) expect(result.bodyText).toContain(p.slice(12, 40));
      }),
      { numRuns: 200 },
    );
  });
});

describe('the frame inside an article’s own container', () => {
  const head = fc.subarray(['【字体：大 中 小】', '分享到：微信 微博 QQ空间', '【打印】【关闭】', '字号：T|T', '阅读时间：4分钟'], { minLength: 0 });
  const middle = fc.subarray(['广告', '第1页/共2页', '* * *'], { minLength: 0 });
  const tail = fc.subarray(['扫一扫在手机打开当前页', '【打印本页】【关闭窗口】', '上一篇：全市秋粮收购进度过半', '下一篇：高铁新线下月通车', '相关新闻', '网友评论', '版权声明：本网所有内容，未经授权不得转载。', '第1页/共2页 << 上一页 | 下一页 >>'], { minLength: 0 });

  it('leaves every line of it out and every paragraph in', () => {
    fc.assert(
      fc.property(head, middle, tail, fc.boolean(), (before, inside, after, asText) => {
        const paragraphs = PARAGRAPHS.map((p) => `<p>${p}</p>`);
        paragraphs.splice(1, 0, ...inside.map((l) => `<div>${l}</div>`));
        const lines = [...before.map((l) => `<div>${l}</div>`), ...paragraphs, ...after.map((l) => `<div>${l}</div>`)];
        const html = `<!doctype html><html lang="zh-CN"><head><title>谈判未实现突破_东湖网</title></head><body><h1>谈判未实现突破</h1><div class="content">${lines.join('')}</div></body></html>`;
        // As copied text: the headline, a 来源 line, then the same lines one per row.
        const text = ['谈判未实现突破', '来源：东湖日报 时间：2024-05-06 09:30', ...before, PARAGRAPHS[0], ...inside, ...PARAGRAPHS.slice(1), ...after].join('\n');
        const result = extractArticle(asText ? text : html);
        for (const p of PARAGRAPHS) expect(result.bodyText).toContain(p.slice(12, 40));
        expect(result.bodyText).not.toMatch(/字体|分享|打印|字号|扫一扫|上一篇|下一篇|相关新闻|网友评论|版权|阅读时间|广告|第1页|\* \* \*/);
      }),
      { numRuns: 200 },
    );
  });
});

describe('photos wherever English pages put them', () => {
  const caption = fc.constantFrom('The mayor opens the new ferry terminal on Monday morning.', 'Fishermen unload the first catch at the rebuilt pier.');
  const credit = fc.constantFrom('Ann Lee', 'Ann Lee, AP', 'Harbour Daily');
  const layout = fc.constantFrom('figure', 'figure-credit-in-brackets', 'image-then-caption', 'gallery');
  const STORY = [
    'The harbour board voted on Tuesday to rebuild the old ferry pier, ending a dispute that has divided the town for a decade.',
    'Construction is expected to begin next spring and to take about eighteen months, according to the board chair.',
    'Fishermen who use the pier every morning welcomed the decision but asked that a temporary landing be kept open.',
  ];

  it('finds the photo with its caption and credit once, and keeps the story around it', () => {
    fc.assert(
      fc.property(caption, credit, layout, fc.integer({ min: 0, max: 2 }), (cap, cred, how, at) => {
        const photo =
          how === 'figure'
            ? `<figure><img src="/p/1.jpg" alt=""><figcaption>${cap} <span class="credit">Photo: ${cred}</span></figcaption></figure>`
            : how === 'figure-credit-in-brackets'
              ? `<figure><img src="/p/1.jpg" alt=""><figcaption>${cap} (Credit: ${cred})</figcaption></figure>`
              : how === 'image-then-caption'
                ? `<p><img src="/p/1.jpg" alt=""></p><p>${cap}</p><p>Photo: ${cred}</p>`
                : `<div class="gallery"><img src="/p/1.jpg" alt="${cap}"><p>${cap} less</p><p>${cap.slice(0, 40)} ... more</p><p>Photo: ${cred}</p><p>Caption</p><p>Close</p></div>`;
        const paragraphs = STORY.map((p) => `<p>${p}</p>`);
        paragraphs.splice(at, 0, photo);
        const html = `<!doctype html><html><head><title>Pier to be rebuilt</title></head><body><h1>Pier to be rebuilt</h1><article>${paragraphs.join('')}</article></body></html>`;
        const result = extractArticle(html, { url: 'https://news.example.com/a/1.html' });
        expect(result.images).toEqual([{ url: 'https://news.example.com/p/1.jpg', caption: cap, credit: cred }]);
        for (const p of STORY) expect(result.bodyText).toContain(p);
        expect(result.bodyText).not.toMatch(/^(Caption|Close|Photo:)/m);
      }),
      { numRuns: 200 },
    );
  });
});
