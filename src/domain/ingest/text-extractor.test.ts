import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sanitizeRichText } from '../articles/rich-text.ts';
import { ExtractionError } from './extraction.ts';
import { extractArticle } from './extractor.ts';

// Made-up pages, as an editor selecting a whole page and copying it would paste them.

const MENU = ['Home', 'World', 'Business', 'Sports', 'Weather', 'Opinion', 'Video', 'Podcasts', 'Newsletters', 'Subscribe'];

const STORY = [
  'The harbour board voted on Tuesday to rebuild the old ferry pier, ending a dispute that has divided the town for a decade.',
  'Construction is expected to begin next spring and to take about eighteen months, according to the board’s chair, who said the cost would be shared with the county.',
  'Fishermen who use the pier every morning welcomed the decision but asked that a temporary landing be kept open while the work goes on.',
];

const COMMENTS = [
  'seagull42 says:',
  'May 6, 2024 at 7:15 am',
  'About time. I have been waiting for this since my children were small, and they are grown up now with children of their own.',
  'harbourwatch says:',
  'May 6, 2024 at 8:02 am',
  'The county will never pay its share, mark my words. We have heard promises like this before and nothing ever came of them.',
  'pier_fan says:',
  'May 6, 2024 at 9:40 am',
  'Great news for the town, and for everyone who takes the ferry to work across the bay every single morning of the year.',
];

const englishPage = (head: string[]) =>
  [...MENU, 'Skip to main content', 'Local', ...head, ...STORY, 'Share this:', 'Facebook', 'Twitter', 'Email', '3 responses to “Pier to be rebuilt”', ...COMMENTS, 'Most read', 'Council approves new bus routes', 'Storm closes coastal road'].join('\n');

const HEAD = ['Old ferry pier to be rebuilt after decade-long dispute', 'Continue reading the main story', 'By Anna Berg and Tom Reyes May 5, 2024', 'Share', 'Tweet'];

describe('pasted English page', () => {
  it('keeps prose that the page broke by hand in the middle of its sentences', () => {
    const wrapped = [
      'The harbour board voted on Tuesday to rebuild the old',
      'ferry pier, ending a dispute that has divided the town for',
      'a decade. Construction is expected to begin next spring and',
      'to take about eighteen months, the chair said.',
    ];
    const result = extractArticle([...MENU, 'Pier to be rebuilt', ...wrapped, 'Share this:', 'Facebook'].join('\n'));
    expect(result.bodyText.split('\n')).toEqual(wrapped);
  });

  it('keeps the post and leaves out the time-stamped comments under it, even when they are longer', () => {
    const post = STORY.slice(0, 2);
    const thread = COMMENTS.map((line) => line.replace(/ says:$/, ' on May 6, 2024 at 7:15 am said:')).filter((line) => !/^May 6/.test(line));
    const result = extractArticle([...MENU, 'Pier to be rebuilt', 'May 5, 2024', ...post, ...thread, ...thread].join('\n'));
    expect(result.bodyText.split('\n')).toEqual(post);
  });

  it('keeps the story and leaves out the menu, the share bar and the comments under it', () => {
    const result = extractArticle(englishPage(HEAD));
    expect(result.format).toBe('text');
    expect(result.bodyText.split('\n')).toEqual(STORY);
  });

  it('takes the headline over the byline, not a reading prompt between them', () => {
    expect(extractArticle(englishPage(HEAD)).title).toBe('Old ferry pier to be rebuilt after decade-long dispute');
  });

  it('tells the headline from prompts and other stories’ titles between it and the story by the words the story repeats', () => {
    const head = ['Old ferry pier to be rebuilt', 'Manage alerts for this article', 'Email (opens in new window)', 'Council approves new bus routes', 'Photograph by the harbour office'];
    expect(extractArticle(englishPage(head)).title).toBe('Old ferry pier to be rebuilt');
  });

  it('takes no breadcrumb, consent banner or recommendation box between the menu and the story for the headline', () => {
    // A headline that shares few words with the story, so only its place can tell it.
    for (const line of ['Home / Local / Harbour news', 'Home · Local · Harbour', 'Please accept our privacy terms', 'Stories you may like']) {
      expect(extractArticle(englishPage(['A decade of waiting ends', line])).title, line).toBe('A decade of waiting ends');
    }
  });

  it('takes no picture caption or credit for the headline', () => {
    for (const line of ['Media caption The harbour board voted to rebuild the old ferry pier', 'Credit: harbour board, old ferry pier']) {
      expect(extractArticle(englishPage(['Old ferry pier to be rebuilt', line])).title).toBe('Old ferry pier to be rebuilt');
    }
  });

  it('reads the writers from a By line, without the date after them', () => {
    expect(extractArticle(englishPage(HEAD)).authors).toEqual(['Anna Berg', 'Tom Reyes']);
  });

  it('leaves out comments stamped by their age, in English or in Chinese', () => {
    for (const age of ['2 days ago at 08:49 am', '3小时前']) {
      const thread = COMMENTS.filter((line) => !/^May 6/.test(line)).flatMap((line) => (line.endsWith('says:') ? [line.replace(' says:', ''), age] : [line, line]));
      const result = extractArticle([...MENU, 'Pier to be rebuilt', 'May 5, 2024', ...STORY.slice(0, 2), ...thread].join('\n'));
      expect(result.bodyText.split('\n')).toEqual(STORY.slice(0, 2));
    }
  });

  it('keeps the whole story across a chart whose labels are short lines', () => {
    const years = Array.from({ length: 12 }, (_, i) => String(2013 + i));
    const chart = ['Ferry passengers a year', '900', 'thousand', '600', '300', '0', ...years, ...years.map((y) => `${y.slice(2)}k`), 'Source: harbour board'];
    const story = [...STORY, ...STORY.map((p) => p.replace(/\.$/, ', the chair added.'))];
    const result = extractArticle([...MENU, 'Pier to be rebuilt', 'May 5, 2024', ...story.slice(0, 3), ...chart, ...story.slice(3), 'Share this:', 'Facebook'].join('\n'));
    expect(result.bodyText).toContain(story[0]);
    expect(result.bodyText).toContain(story[5]);
  });

  it('keeps a table of time-stamped rows inside a story, which is no thread of posts', () => {
    const rows = ['2024-05-01 06:00 │ north gate │ 412', '2024-05-01 07:00 │ north gate │ 388', '2024-05-01 08:00 │ north gate │ 455', '2024-05-01 09:00 │ north gate │ 402'];
    const story = [...STORY, ...STORY.map((p) => p.replace(/\.$/, ', the chair added.'))];
    const result = extractArticle([...MENU, 'Pier to be rebuilt', 'May 5, 2024', ...story.slice(0, 3), ...rows, ...story.slice(3), 'Share this:'].join('\n'));
    expect(result.bodyText).toContain(story[5]);
    expect(result.bodyText).toContain(rows[0]);
  });

  it('leaves out ad-slot labels and wordless lines between paragraphs', () => {
    const result = extractArticle([...MENU, 'Pier to be rebuilt', 'May 5, 2024', STORY[0], 'Advertisement', STORY[1], '\u200d', STORY[2], 'Share this:'].join('\n'));
    expect(result.bodyText.split('\n')).toEqual(STORY);
  });

  it('reads on past a picture’s copyright credit, and stops at the site’s copyright line', () => {
    const text = [...MENU, 'Pier to be rebuilt', 'May 5, 2024', STORY[0], 'Image copyright Getty Images', 'Image caption The old pier in winter', STORY[1], STORY[2], 'Copyright © 2024 Harbour News. All rights reserved.', 'A second story begins here and runs on for long enough to count as a paragraph of its own, like the first.'];
    expect(extractArticle(text.join('\n')).bodyText.split('\n').filter((l) => !l.startsWith('Image'))).toEqual(STORY);
  });

  it('reads across a box of related stories inside the story, and stops at one after it', () => {
    const first = [...STORY, ...STORY.map((p) => p.replace(/\.$/, ', he said.'))];
    const more = [...STORY, ...STORY].map((p, i) => p.replace(/\.$/, i < 3 ? ', the chair added.' : ', the mayor said.'));
    for (const label of ['Related', 'Recommended', '延伸阅读', 'Share this article']) {
      const box = [label, 'Council approves new bus routes', 'Mark Byrnes', 'Jul 17, 2014', 'Storm closes coastal road'];
      const text = [...MENU, 'Pier to be rebuilt', 'May 5, 2024', ...first, ...box, ...more, ...box, 'Harbour News', 'About us'];
      expect(extractArticle(text.join('\n')).bodyText.split('\n')).toEqual([...first, ...more]);
    }
  });

  it('reads across a drawn table and code that quote times, which start no posts', () => {
    const first = [...STORY, ...STORY.map((p) => p.replace(/\.$/, ', he said.'))];
    const more = STORY.map((p) => p.replace(/\.$/, ', the chair added.'));
    const data = ['period │ gate │ count', '───────┼──────┼─────', '2024-05-01 06:00 │ north │ 412', 'SELECT count(*) FROM ferries', "WHERE period > '2024-05-01 06:00'::timestamptz"];
    const result = extractArticle([...MENU, 'Pier to be rebuilt', 'May 5, 2024', ...first, ...data, ...more, 'Share this:'].join('\n'));
    expect(result.bodyText).toContain(first[0]);
    expect(result.bodyText).toContain(more[2]);
  });

  it('stops at the heading of the site’s other stories (More Harbour News), not at a sentence that opens with More', () => {
    const more = 'More than two hundred boats use the pier every week, the board said in its report on the decision.';
    const teasers = ['More Harbour News', 'Council approves new bus routes', 'Anna Berg', 'Monday 6 May 2024', 'The council approved three new bus routes on Monday, linking the harbour with the station.'];
    const result = extractArticle([...MENU, 'Pier to be rebuilt', 'May 5, 2024', ...STORY, more, ...teasers, ...teasers].join('\n'));
    expect(result.bodyText.split('\n')).toEqual([...STORY, more]);
  });

  it('keeps a checklist whose items have clauses but no full stops', () => {
    const items = [
      'Book the hall – compare prices, visit two or three, sign early',
      'Order the food – ask about allergies, and confirm numbers a week before',
      'Hire a photographer – look at portfolios; agree on hours and delivery',
      'Send invitations – six weeks ahead, with a reply date and directions',
      'Plan the music – a band or a playlist, and the songs you must have',
      'Arrange transport – buses for guests, a car for the two of you',
    ];
    const result = extractArticle([...MENU, 'Party planning checklist', STORY[0], ...items, 'Related stories', 'Storm closes coastal road'].join('\n'));
    expect(result.bodyText.split('\n')).toEqual([STORY[0], ...items]);
  });

  it('reads a developer’s article that quotes markup as copied text, not as a page', () => {
    const code = ['<div class="cow">', '<p>Moo</p>', '<script src="vendor/cover.js"></script>', '</div>'];
    const result = extractArticle([...MENU, 'Covering your frontend code', ...STORY.slice(0, 2), ...code, STORY[2]].join('\n'));
    expect(result.format).toBe('text');
    expect(result.bodyText).toContain(STORY[0]);
  });

  it('reads a writer who signs over the time stamp without a By', () => {
    for (const head of [
      ['Old ferry pier to be rebuilt after decade-long dispute', 'Anna Berg - May 5, 2024 8:02 pm UTC'],
      ['Old ferry pier to be rebuilt after decade-long dispute', 'Anna Berg', 'May 5, 2024'],
      ['Old ferry pier to be rebuilt after decade-long dispute', 'by Anna Berg—6 min read'],
      ['Old ferry pier to be rebuilt after decade-long dispute', 'Anna Berg', '6 min read'],
      ['Old ferry pier to be rebuilt after decade-long dispute', 'Anna Berg', 'Sunday 5 May 2024'],
      ['Old ferry pier to be rebuilt after decade-long dispute', 'Anna Berg', '1:39 PM ET'],
      ['Old ferry pier to be rebuilt after decade-long dispute', 'Posted on May 5, 2024 by Anna Berg - 5 Comments'],
      ['Old ferry pier to be rebuilt after decade-long dispute', 'By Anna Berg@annaberg Updated May 5, 2024, 2:15pm'],
      ['Old ferry pier to be rebuilt after decade-long dispute', 'by Anna Berg5 May 2024'],
      ['// By Anna Berg • May 5, 2024', 'Old ferry pier to be rebuilt after decade-long dispute', ...MENU, ...MENU],
    ]) {
      expect(extractArticle(englishPage(head)).authors).toEqual(['Anna Berg']);
    }
  });

  it('reads bylines in French and Spanish, with their own word for and', () => {
    expect(extractArticle(englishPage(['Le vieux ponton sera reconstruit', 'Par Anne Berg et Thomas Reyes'])).authors).toEqual(['Anne Berg', 'Thomas Reyes']);
    expect(extractArticle(englishPage(['El viejo muelle será reconstruido', 'Por Ana Berg y Tomás Reyes'])).authors).toEqual(['Ana Berg', 'Tomás Reyes']);
  });

  it('prefers a By line to a role signing the time stamp under it', () => {
    const head = ['Old ferry pier to be rebuilt after decade-long dispute', 'By Anna Berg', 'Contributing Correspondent', 'May 5, 2024'];
    expect(extractArticle(englishPage(head)).authors).toEqual(['Anna Berg']);
  });

  it('dates the story by the stamp in its head, not by the comments', () => {
    const head = ['Old ferry pier to be rebuilt after decade-long dispute', 'Posted by Anna Berg on May 5, 2024, 6:21 AM'];
    const result = extractArticle(englishPage(head));
    expect(result.publishedAt?.slice(0, 10)).toBe('2024-05-05');
    expect(result.authors).toEqual(['Anna Berg']);
  });
});

const 中文正文 = [
  '本报讯 东湖区昨日召开老码头改造听证会，二十多位居民代表到场发言，多数人赞成在原址重建码头。',
  '据介绍，新码头计划明年春天动工，工期约一年半，建设资金由区财政和市交通部门共同承担。',
  '不少每天清晨在码头卸货的渔民表示欢迎，同时希望施工期间保留一处临时停靠点，方便出海。',
];

describe('any pasted text', () => {
  it('never throws anything but ExtractionError on generated lines, and its body passes the sanitiser', () => {
    const line = fc.oneof(
      fc.string({ maxLength: 60 }),
      fc.constantFrom('首页 新闻 政务', '来源：东湖日报 时间：2024-05-06 09:30', 'By Anna Berg', 'Share this:', 'Related', '延伸阅读', '2 days ago', '2024-05-06 09:30'),
      fc.constantFrom('（记者 王晓）', '编辑：李四', '│ 1 │ 2 │', '版权所有 © 2024', '——副标题', '一、概况', '<b>&amp;</b>', ...STORY, ...中文正文),
    );
    fc.assert(
      fc.property(fc.array(line, { maxLength: 60 }), (lines) => {
        try {
          const result = extractArticle(lines.join('\n'));
          expect(sanitizeRichText(result.bodyHtml)).toBe(result.bodyHtml);
        } catch (error) {
          if (!(error instanceof ExtractionError)) throw error;
        }
      }),
      { numRuns: 300 },
    );
  });
});

describe('pasted text far too long to be a page', () => {
  it('reads the head of 4 MB of copied lines and gives a best-effort article', () => {
    const huge = [...MENU, 'Pier to be rebuilt', 'May 5, 2024', ...STORY, ...Array.from({ length: 300_000 }, (_, i) => `Menu item ${i}`)].join('\n');
    const result = extractArticle(huge);
    expect(result.title).toBe('Pier to be rebuilt');
    expect(result.bodyText.split('\n')).toEqual(STORY);
  });
});

describe('pasted Chinese page', () => {
  it('reads past a comment count and a share bar between the 来源 line and the story', () => {
    const text = [
      '首页 新闻 政务 图片 要闻 财经',
      '东湖老码头将原址重建',
      '2024-05-06 09:30:12 来源：东湖日报 举报',
      '326',
      '分享到：',
      '微信',
      'QQ空间',
      '微博',
      '用微信扫码二维码',
      ...中文正文,
      '（责任编辑：王小明）',
      '相关新闻',
      '东湖公交新线路获批',
    ].join('\n');
    const result = extractArticle(text);
    expect(result.title).toBe('东湖老码头将原址重建');
    expect(result.source).toBe('东湖日报');
    expect(result.publishedAt).toBe('2024-05-06T09:30:12+08:00');
    expect(result.bodyText).toContain('多数人赞成在原址重建码头');
    expect(result.bodyText).toContain('方便出海。');
    expect(result.bodyText).not.toMatch(/326|分享|微信|相关新闻|公交/);
    expect(result.editor).toBe('王小明');
  });

  it('takes the headline over the time stamp and the 来源 line, not the stamp', () => {
    const text = ['资讯 > 本地 > 正文', '东湖老码头将原址重建', '2024年05月06日 09:30:12', '来源：东湖日报', '57人参与 11评论', ...中文正文].join('\n');
    const result = extractArticle(text);
    expect(result.title).toBe('东湖老码头将原址重建');
    expect(result.publishedAt).toBe('2024-05-06T09:30:12+08:00');
  });

  it('reads an essay’s headline, 副标题 and author over its numbered first section', () => {
    const text = ['东湖随笔 首页 相册 留言', '码头与城市', '李文海', '——一座小城的百年变迁', '一、老码头的由来', ...中文正文.slice(1)].join('\n');
    const result = extractArticle(text);
    expect(result.title).toBe('码头与城市');
    expect(result.subtitle).toBe('一座小城的百年变迁');
    expect(result.authors).toEqual(['李文海']);
  });

  it('tells a long headline with a comma from the story’s first paragraph', () => {
    const headline = '东湖老码头将在原址重建，明年春天动工工期约一年半';
    const result = extractArticle(['首页 新闻 政务 图片 要闻 财经', '登录', headline, '昨天', ...中文正文].join('\n'));
    expect(result.title).toBe(headline);
    expect(result.bodyText).not.toContain(headline);
  });

  it('takes the headline over the author’s box, by the words the story repeats', () => {
    const text = ['首页 新闻 政务 图片 要闻 财经', '东湖老码头将原址重建 渔民盼临时停靠点', '李文海东湖大学城市规划研究院副院长', '分享到：', '2024-05-06 09:30:12 来源：东湖日报', ...中文正文].join('\n');
    expect(extractArticle(text).title).toBe('东湖老码头将原址重建 渔民盼临时停靠点');
  });

  it('reads the writers from a 作者 label on the line that closes the story when its head names none', () => {
    const text = ['首页 新闻 政务 图片 要闻 财经', '东湖老码头将原址重建', '2024-05-06 09:30:12', ...中文正文, '编辑：王小明 来源：东湖日报 作者：李文海 张晓', '我要说说 打印 推荐'].join('\n');
    const result = extractArticle(text);
    expect(result.authors).toEqual(['李文海', '张晓']);
    expect(result.title).toBe('东湖老码头将原址重建');
  });

  it('reads the editor from the 来源 line of the head, and an old portal’s bracketed name after the time as the writer', () => {
    const withEditor = ['首页 新闻 政务 图片 要闻 财经', '东湖老码头将原址重建', '2024-05-06 09:30:12 来源：东湖日报 作者： 责任编辑：王小明', ...中文正文].join('\n');
    expect(extractArticle(withEditor).editor).toBe('王小明');
    const bracketed = ['首页 新闻 政务 图片 要闻 财经', '东湖老码头将原址重建', '2004年7月16日08:19 [ 李文海 ] 来源：[ 东湖日报 ]', ...中文正文].join('\n');
    expect(extractArticle(bracketed).authors).toEqual(['李文海']);
  });

  it('reads the editor under a disclaimer, tags and a 原标题 line after the story, but not past the related list', () => {
    const after = ['标签', '原标题：东湖老码头原址重建', '免责声明：本文仅代表作者本人观点，版权归原作者所有。'];
    const text = ['首页 新闻 政务 图片 要闻 财经', '东湖老码头将原址重建', '2024-05-06 09:30:12', ...中文正文, ...after, '责任编辑：王小明'].join('\n');
    expect(extractArticle(text).editor).toBe('王小明');
    const pastRelated = ['首页 新闻 政务 图片 要闻 财经', '东湖老码头将原址重建', '2024-05-06 09:30:12', ...中文正文, '相关新闻', '东湖新建三座码头', '责任编辑：王小明'].join('\n');
    expect(extractArticle(pastRelated).editor).toBe('');
  });

  it('credits the byline nearest the story, not a teaser’s further up', () => {
    const text = ['首页 新闻 政务 图片 要闻 财经', '记者 赵小刚', '昨日东湖新闻一览', ...MENU, '东湖老码头将原址重建', '东湖日报记者 李文海', ...中文正文].join('\n');
    expect(extractArticle(text).authors).toEqual(['李文海']);
  });

  it('takes the newest entry of a blog archive, each entry under its own time stamp', () => {
    const text = [
      '东湖随笔 首页 相册 留言',
      '老码头的早晨 2024-05-06 09:30:12',
      ...中文正文.slice(1),
      '由东湖居士发表 @ 2024-05-06 09:30:12 阅读(359) 评论(3)',
      '湖边的春天 2024-04-20 18:02:45',
      ...中文正文.slice(1),
      ...中文正文.slice(1),
      '由东湖居士发表 @ 2024-04-20 18:02:45 阅读(1666) 评论(7)',
    ].join('\n');
    const result = extractArticle(text);
    expect(result.bodyText.split('\n')).toEqual(中文正文.slice(1));
    expect(result.publishedAt).toBe('2024-05-06T09:30:12+08:00');
  });

  it('keeps a sentence of the story that speaks of 侵权 after a clause', () => {
    const sentence = '需要指出的是，这里的“侵权”说法并不准确，码头的产权一直属于区政府，居民代表对此也没有异议。';
    const text = ['东湖老码头将原址重建', '来源：东湖日报 时间：2024-05-06', ...中文正文.slice(0, 2), sentence, 中文正文[2], '版权声明：本网所有作品未经授权不得转载。'].join('\n');
    const body = extractArticle(text).bodyText;
    expect(body).toContain(sentence);
    expect(body).toContain('方便出海。');
    expect(body).not.toContain('版权声明');
  });

  it('leaves out lists of other stories and a copyright block however long their lines are', () => {
    const text = [
      '东湖老码头将原址重建',
      '来源：东湖日报 时间：2024-05-06',
      ...中文正文,
      '版权声明：',
      '① 凡本网注明来源为东湖日报的作品，版权均属于东湖日报，未经授权不得转载、摘编或以其它方式使用上述作品。',
      '② 凡本网注明来源为其它媒体的作品，均转载自其它媒体，转载目的在于传递更多信息，并不代表本网赞同其观点。',
    ].join('\n');
    expect(extractArticle(text).bodyText).not.toContain('转载');
  });
});

describe('page furniture inside a pasted story', () => {
  it('leaves out a player’s buttons and the reader prompts closing the story, as the HTML reader does', () => {
    const text = ['Pier to be rebuilt', 'By Ann Lee', STORY[0], 'Full Screen', 'Autoplay', STORY[1], STORY[2], 'Tell us what YOU think...', 'Sign up for our morning newsletter'].join('\n');
    const body = extractArticle(text).bodyText;
    expect(body).toContain(STORY[2]);
    expect(body).not.toMatch(/Full Screen|Autoplay|Tell us what|Sign up/);
  });
});
