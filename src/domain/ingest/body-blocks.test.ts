import { describe, expect, it } from 'vitest';
import { blocksToText, finishBlocks, summarise } from './body-blocks.ts';
import type { Block } from './extraction.ts';
import { extractArticle } from './extractor.ts';

const p = (text: string): Block => ({ kind: 'p', text });

const ARTICLE = [
  p('市图书馆今天宣布，新馆将于下月开放，读者可以提前在网上预约参观时间，每天限额两千人。'),
  p('馆方介绍，新馆共有五层，藏书两百万册，并设有儿童阅读区、古籍修复室和一个可容纳三百人的报告厅。'),
];

describe('the frame after an article', () => {
  it('drops a short run of labels and list titles that follows the last paragraph', () => {
    const { blocks } = finishBlocks([...ARTICLE, p('热门标签'), p('城市 文化 阅读'), p('本周排行')]);
    expect(blocksToText(blocks)).not.toMatch(/热门标签|本周排行/);
    expect(blocks).toHaveLength(2);
  });

  it('stops at a newspaper’s anti-infringement notice, however long its paragraphs', () => {
    const notice = [
      p('反侵权公告：'),
      p('根据有关法律法规，未经书面许可，擅自转载本报社作品的，将涉嫌侵犯著作权人合法权益。为规范网络转载行为，本报社郑重公告：'),
      p('一、任何单位或个人，在任何公开传播平台上使用本报社的原创内容，必须事先取得本报社书面授权；'),
    ];
    const { blocks } = finishBlocks([...ARTICLE, ...notice]);
    expect(blocksToText(blocks)).not.toMatch(/反侵权|书面授权/);
    expect(blocks).toHaveLength(2);
  });

  it('reads the 来源 and 编辑 lines that close an old portal’s article into their fields, out of the body', () => {
    for (const [closing, editor] of [
      [['来源：新闻晨报', '编辑：山石'], '山石'],
      [['来源：新闻晨报 编辑：山石'], '山石'],
      [['来源：新闻晨报'], ''],
    ] as const) {
      const facts = finishBlocks([...ARTICLE, ...closing.map(p)]);
      expect(facts.source).toBe('新闻晨报');
      expect(facts.editor).toBe(editor);
      expect(blocksToText(facts.blocks)).not.toMatch(/来源|编辑/);
    }
  });

  it('keeps prose wrapped by hand into short lines, whose lines carry commas but no full stop', () => {
    const wrapped = ['我们在那条老街上住了整整十年，每天清晨', '都能听见卖豆浆的吆喝声，后来街道拓宽，', '那些小铺子一家接一家地搬走了，只剩下'];
    const { blocks } = finishBlocks([...ARTICLE, ...wrapped.map(p)]);
    expect(blocksToText(blocks)).toContain('那些小铺子一家接一家地搬走了');
  });

  it('keeps a long table that follows the prose, such as a schedule announced by the last line', () => {
    const rows = Array.from({ length: 30 }, (_, i) => p(`第${i + 1}场 周${'一二三四五六日'[i % 7]} 报告厅`));
    const { blocks } = finishBlocks([...ARTICLE, p('附：讲座安排'), ...rows]);
    expect(blocksToText(blocks)).toContain('第30场');
  });
});

describe('bylines at the head of the body', () => {
  it('takes a line that only names the reporters out of the body and into the reporters', () => {
    for (const [line, names] of [
      ['东湖日报记者 林晓 周明', ['林晓', '周明']],
      ['本报记者王小川/文 受访者供图', ['王小川']],
      ['记者 高远 通讯员 李青', ['高远', '李青']],
    ] as const) {
      const facts = finishBlocks([p(line), ...ARTICLE]);
      expect(facts.reporters).toEqual(names);
      expect(blocksToText(facts.blocks)).not.toContain(line);
    }
  });

  it('takes a name alone on the first line as the author, but not a name further down', () => {
    const facts = finishBlocks([p('林远'), ...ARTICLE, p('王平')]);
    expect(facts.reporters).toEqual(['林远']);
    expect(blocksToText(facts.blocks)).not.toMatch(/^林远/);
    expect(blocksToText(facts.blocks)).toContain('王平');
  });

  it('leaves a sentence that mentions a reporter in the body', () => {
    const sentence = '本报记者在现场看到，工人们正在安装新的书架。';
    const facts = finishBlocks([p(sentence), ...ARTICLE]);
    expect(facts.reporters).toEqual([]);
    expect(blocksToText(facts.blocks)).toContain(sentence);
  });
});

describe('the original title of a repost', () => {
  it('is read from a (原标题:…) line at the start or the end, which stays in the body', () => {
    for (const [at, line] of [
      ['start', '（原标题：单项奖金100万美元，“中国诺贝尔奖”揭晓！）'],
      ['start', '原标题：单项奖金100万美元，“中国诺贝尔奖”揭晓！'],
      ['end', '原标题：单项奖金100万美元，“中国诺贝尔奖”揭晓！'],
    ] as const) {
      const facts = finishBlocks(at === 'start' ? [p(line), ...ARTICLE] : [...ARTICLE, p(line)]);
      expect(facts.originalTitle, line).toBe('单项奖金100万美元，“中国诺贝尔奖”揭晓！');
      expect(blocksToText(facts.blocks), line).toContain('原标题');
    }
  });

  it('is read after the story too, as HTML and as pasted text, up to the label that follows it', () => {
    const story = '东湖新图书馆昨天正式开放，首日接待读者三千多人次，馆内设有少儿阅览区和古籍修复室。'.repeat(3);
    const html = `<html><head><title>新图书馆开放</title></head><body><h1>新图书馆开放</h1><div class="content"><p>${story}</p><p>${story}</p></div>
<div class="tail"><p>原标题：东湖新馆迎客 首日三千人</p><p>出品︱东湖日报</p><p>[责任编辑:王小明]</p></div></body></html>`;
    expect(extractArticle(html).originalTitle).toBe('东湖新馆迎客 首日三千人');
    const text = ['首页 新闻 政务 图片 要闻 财经', '新图书馆开放', '2024-05-06 09:30 来源：东湖日报', story, story, '标签', '原标题：东湖新馆迎客 首日三千人', '责任编辑：王小明'].join('\n');
    expect(extractArticle(text).originalTitle).toBe('东湖新馆迎客 首日三千人');
  });

  it('is empty when the story names none, or mentions an original title in passing', () => {
    expect(finishBlocks(ARTICLE).originalTitle).toBe('');
    const passing = p('该文最初刊登于《科学画报》1995年第2期，原标题为《宇航员之死》，后收入文集。');
    expect(finishBlocks([...ARTICLE, passing]).originalTitle).toBe('');
  });
});

describe('the head of the story inside its box', () => {
  it('leaves out a breadcrumb, a 来源/时间 line and a stamp naming a time before the first paragraph', () => {
    const head = [p('当前位置：洛阳'), p('2022.01.20 16:31 来源：河南日报客户端'), p('原创 东湖日报 2019-09-04 22:18:34')];
    expect(finishBlocks([...head, ...ARTICLE]).blocks).toEqual(ARTICLE);
  });
});

describe('the summary of an imported story', () => {
  it('is the first paragraph of prose, not a (原标题:…) line, a 来源/时间 line or a stamp over it', () => {
    for (const head of ['（原标题：新馆下月开放 两千人每天可预约）', '2022.01.20 16:31 来源：河南日报客户端', '原创 东湖日报 2019-09-04 22:18:34', 'Updated 5:27 am CST, Wednesday']) {
      expect(summarise([p(head), ...ARTICLE]), head).toBe(ARTICLE[0]?.kind === 'p' ? ARTICLE[0].text : '');
    }
  });
});
