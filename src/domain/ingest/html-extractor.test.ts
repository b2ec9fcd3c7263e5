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

describe('pages made of several posts', () => {
  const entry = (id: number, headline: string, date: string, text: string) =>
    `<div class="entry" id="e${id}"><div class="entry-title"><span>${headline}</span><span>${date}</span></div><div class="entry-body"><p>${text}</p></div></div>`;
  const long = '我们沿着河岸一直走到傍晚，路边的柳树刚刚发芽，孩子们在草地上放风筝，远处的钟楼敲了六下。'.repeat(6);

  it('reads the first entry of a blog archive, even when a later entry is longer', () => {
    const html = page(
      entry(3, '周末去郊外看花', '2024-04-07 21:10', '今年的桃花开得比往年早，山坡上一片粉红，游人不多，我们坐在树下喝了一壶茶。') +
        entry(2, '春天的河边', '2024-03-30 18:45', long) +
        entry(1, '三月读书记', '2024-03-21 09:02', '这个月读完了两本小说，一本写海边小镇，一本写山里的学校，都很好看。'),
      '我的博客',
    );
    const result = extractArticle(html);
    expect(result.bodyText).toContain('今年的桃花开得比往年早');
    expect(result.bodyText).not.toMatch(/柳树刚刚发芽|两本小说/);
    expect(result.publishedAt?.slice(0, 10)).toBe('2024-04-07');
    expect(result.title).toBe('周末去郊外看花');
  });

  it('does not take look-alike teasers elsewhere on a news page for archive entries', () => {
    const teaser = (i: number) => `<div class="item"><h3>另一条新闻标题${i}</h3><span>2024-05-0${i}</span><div class="story"><p>这是另一条新闻的简短摘要，点击可以阅读全文。</p></div></div>`;
    const html = page(
      `<div class="wrap"><div class="trend">${teaser(1)}${teaser(2)}${teaser(3)}</div>
<div class="main"><h1>新图书馆下月开放</h1><span>2024-05-06</span><div class="story">${`<p>${long}</p>`.repeat(2)}</div></div></div>`,
      '新图书馆下月开放',
    );
    const result = extractArticle(html);
    expect(result.bodyText).toContain('柳树刚刚发芽');
    expect(result.bodyText).not.toContain('另一条新闻的简短摘要');
  });

  it('does not read forum replies (no headline of their own, or "Re: …") as archive entries', () => {
    const html = page(
      entry(1, '', '2024-04-07 21:10', '请问大家，老城区的停车场晚上几点关门？我每天下班都很晚，担心车开不出来。') +
        entry(2, 'Re: 停车场几点关门', '2024-04-07 22:30', long) +
        entry(3, 'Re: 停车场几点关门', '2024-04-08 08:02', '我问过管理员，晚上十一点以后只出不进，放心停。'),
    );
    const result = extractArticle(html);
    expect(result.bodyText).toContain('柳树刚刚发芽');
  });
});

describe('the head of an article', () => {
  it('reads the headline and its date from an <aside> that holds the page <h1>, but not from a sidebar', () => {
    const html = page(
      `<aside class="article-head"><h1>新图书馆下月开放</h1><span>2024-05-06 10:20 本地新闻</span></aside>
<article><p>市图书馆今天宣布，新馆将于下月开放，读者可以提前在网上预约参观时间，每天限额两千人。</p>
<p>馆方介绍，新馆共有五层，藏书两百万册，并设有儿童阅读区、古籍修复室和一个可容纳三百人的报告厅。</p></article>
<aside class="more"><ul><li><a href="/a">旧馆最后一天</a><time>2024-05-07</time></li><li><a href="/b">读书月开幕</a><time>2024-05-08</time></li></ul></aside>`,
      '城市新闻网',
    );
    const result = extractArticle(html);
    expect(result.title).toBe('新图书馆下月开放');
    expect(result.publishedAt?.slice(0, 10)).toBe('2024-05-06');
    expect(result.bodyText).not.toContain('读书月开幕');
  });

  it('prefers a headline <h2> that matches <title> over a short logo <h1> naming the site', () => {
    const html = page(
      `<h1 class="logo">江城晚报</h1><div class="main"><h2>老街夜市重新开张</h2><p>停业两年的老街夜市昨晚重新开张，六十多个摊位从傍晚一直热闹到深夜，不少市民专程赶来。</p></div>`,
      '老街夜市重新开张 江城晚报',
    );
    expect(extractArticle(html).title).toBe('老街夜市重新开张');
  });

  it('takes the heading over the article when <title> says nothing (a word, a number, a host name)', () => {
    const body = `<div class="side"><h2>栏目导航</h2><a href="/a">本地</a> <a href="/b">国际</a></div>
<div class="art"><div class="art-title">老城区明年起分批改造供水管网</div><div class="art-body"><p>市水务局昨天发布计划，老城区的供水管网将从明年起分三批改造，预计三年完成，改造期间会提前通知停水时间。</p><p>负责人表示，改造后水压不足和水质发黄的问题将得到解决，居民可以通过热线反映情况。</p></div></div>`;
    for (const title of ['显示', '1', 'news.example.cn']) expect(extractArticle(page(body, title)).title).toBe('老城区明年起分批改造供水管网');
    expect(extractArticle(page(body, '供水管网改造计划公布')).title).toBe('供水管网改造计划公布');
  });

  it('takes a headline set in bold on an old page, and the dashed line under it for the subtitle', () => {
    const essay = '城里的老茶馆一家接一家关了门，剩下的几家也只在周末开张，来喝茶的多是上了年纪的老街坊。'.repeat(4);
    const html = page(
      `<p align="center"><font color="darkblue"><strong>老茶馆(上)</strong></font></p><hr><p>林晓<br><br>——城市记忆札记之一<br><br>${essay}<br><br>${essay}<br><br>年轻人更愿意去新开的奶茶店，老茶馆的故事也就没有人再讲了。<br><br><b>一、茶馆的来历</b><br><br>${essay}</p>`,
      '显示',
    );
    const result = extractArticle(html);
    expect(result.title).toBe('老茶馆(上)');
    expect(result.subtitle).toBe('城市记忆札记之一');
    expect(result.authors).toEqual(['林晓']);
    expect(result.bodyText.startsWith('城里的老茶馆')).toBe(true);
  });

  it('takes a blog entry’s headline that links to the entry itself, not the blog’s bold motto', () => {
    const text = '今天第一次在这里写博客，以后会在这里分享一些做菜的心得，也欢迎大家留言交流自己的做法。'.repeat(3);
    const html = page(
      `<div id="header"><h1 class="blog-name"><a href="/kitchen/">一</a></h1><p id="tagline"><b>家常菜 · 烘焙 · 小吃</b></p></div>
<div class="post"><div class="postTitle"><a href="https://blog.example.cn/kitchen/archive/2004/12/27/41810.aspx">新家开张</a></div><div class="postText"><p>${text}</p><p>${text}</p></div></div>`,
      '一',
    );
    const result = extractArticle(html, { url: 'https://blog.example.cn/kitchen/archive/2004/12/27/41810.aspx' });
    expect(result.title).toBe('新家开张');
  });

  it('takes the bold headline when <title> only greets the visitor, and no template markup for the source', () => {
    const text = '周末的旧书市集比往常热闹，摊主们把成箱的老杂志搬出来，不少年轻人专程来找小时候读过的连环画。'.repeat(3);
    const html = page(
      `<table><tr><td align="center"><b><br><font size="3" color="blue">旧书市集又开张了</b></font><br></td></tr>
<tr><td><font color="#008000">作者： size="20" 来源： size="20" 发布日期：2005-07-05 21:23</font></td></tr>
<tr><td><p>${text}</p><p>${text}</p></td></tr></table>`,
      '谢谢您访问〖城南文化网〗',
    );
    const result = extractArticle(html);
    expect(result.title).toBe('旧书市集又开张了');
    expect(result.source).toBe('');
    expect(result.publishedAt?.slice(0, 10)).toBe('2005-07-05');
  });

  it('finds the headline of a page without <title> however old markup sets it', () => {
    const text = '<p>' + '市里第一座跨江大桥通车二十年了，桥头的老照相馆还保存着通车那天拍下的照片，来看的人络绎不绝。'.repeat(3) + '</p>';
    const heads = [
      `<b><p align="center"><big><font color="#0000FF">跨江大桥通车二十年</font></big></p></b>`,
      `<p><font size="4">跨江大桥通车二十年</font></p>`,
      `<div class="Heading">跨江大桥通车二十年</div><div class="Date">2005-07-18 13:03</div>`,
      // An old blog engine puts the entry's headline in a box whose class says menu.
      `<div class="rightmenu"><div><a id="viewpost1_TitleUrl" href="/blog/archive/2005/07/31/255509.html">跨江大桥通车二十年</a></div></div>`,
    ];
    for (const head of heads) {
      const html = `<html><body><table><tr><td>${head}<div class="rightbox">${text}${text}</div></td></tr></table></body></html>`;
      expect(extractArticle(html).title, head).toBe('跨江大桥通车二十年');
    }
  });

  it('takes a short Chinese headline that <title> names too', () => {
    const text = '<p>' + '金晓东，东湖市人，著名琵琶演奏家，二十岁考入音乐学院，毕业后留校任教，录制过多张专辑。'.repeat(3) + '</p>';
    const html = page(`<h1 class="firstHeading">金晓东</h1><div id="content">${text}${text}</div>`, '金晓东 - 东湖百科，自由的百科全书');
    expect(extractArticle(html).title).toBe('金晓东');
  });

  it('does not take the site’s name linked to its front page for the headline', () => {
    const text = '小区东门外的空地上周开始施工，居民们都在猜会建什么，物业说是新的快递驿站，下个月就能用上。'.repeat(3);
    const html = `<html><body><div id="header"><h1 class="title"><a href="index.html">城东居民的博客</a></h1></div>
<div class="entity"><h2 class="diaryTitle">东门外要建快递驿站</h2><p>${text}</p><p>${text}</p></div></body></html>`;
    expect(extractArticle(html).title).toBe('东门外要建快递驿站');
  });

  it('takes a forum post’s 主题 line for the headline when <title> names only the site', () => {
    const text = '我们小区的车位一直不够，晚上回来经常要绕好几圈，大家觉得按先来后到分配合理吗？'.repeat(3);
    const html = page(`<table><tr><td class="large"><b>主题：</b>小区停车位该怎么分？</td></tr><tr><td><p>${text}</p><p>${text}</p></td></tr></table>`, 'bbs.example.cn');
    expect(extractArticle(html).title).toBe('小区停车位该怎么分？');
  });

  it('keeps a hyphen inside a Chinese headline and drops the site after the last dash', () => {
    const text = '<div class="content"><p>' + '第二十一届中国—东盟博览会昨天在南宁开幕，来自东盟十国的两千多家企业参展，展览面积超过十万平方米。'.repeat(3) + '</p></div>';
    const titled = (title: string) => extractArticle(page(text, title)).title;
    expect(titled('中国-东盟博览会在南宁开幕_国际新闻_东湖网')).toBe('中国-东盟博览会在南宁开幕');
    expect(titled('中国-东盟博览会在南宁开幕-东湖网')).toBe('中国-东盟博览会在南宁开幕');
    expect(titled('博览会在南宁开幕——十国企业参展_东湖网')).toBe('博览会在南宁开幕');
  });

  it('reads `Topic / Board / Forum` titles as forums write them', () => {
    const text = 'After the update my laptop no longer wakes from sleep. The screen stays black and only a hard reset helps. '.repeat(3);
    const html = page(`<div class="post"><p>${text}</p><p>${text}</p></div>`, 'Laptop does not wake from sleep / Hardware / Example Linux Forums');
    expect(extractArticle(html).title).toBe('Laptop does not wake from sleep');
  });

  it('takes the heading that opens <title> for the headline, even when a longer site description follows it', () => {
    const html = page(
      `<nav class="crumbs">Home Products Dresses Linen Summer Dress</nav><h1>Linen Summer Dress</h1>
<div class="description"><p>A light dress cut from washed linen, with deep pockets and a relaxed fit that works from spring to autumn.</p></div>`,
      'Linen Summer Dress » Corner Shop: Slow, Sustainable and Locally Made Fashion',
    );
    expect(extractArticle(html).title).toBe('Linen Summer Dress');
  });

  it('does not take a blog platform logo for the headline when <title> reads "Post @ Blog :: Platform ::"', () => {
    const html = page(
      `<div class="topbar"><h1 class="topbar-logo">云游博客</h1></div><h1>小林的旅行日记</h1>
<div class="post"><h2>山顶看日出</h2><p>凌晨四点我们就出发了，山路很黑，手电筒的光只照得到脚下，走了两个小时才到山顶，天边正好泛起一点红色。</p></div>`,
      '山顶看日出 @ 小林的旅行日记 :: 云游博客 ::',
    );
    expect(extractArticle(html).title).toBe('山顶看日出');
  });
});

describe('text hidden from readers', () => {
  it('leaves out hidden schema.org microdata even when it repeats the whole article', () => {
    const paragraph = 'The city library opens its new building next month, and readers can book a visit online from today. ';
    const paragraphs = `<p>${paragraph.repeat(3)}</p>`.repeat(8);
    const microdata = `<div style="display:none" itemscope itemtype="http://schema.org/NewsArticle"><div itemprop="headline">New library opens next month</div>
<div itemprop="datePublished">2024-05-06T08:00:00+01:00</div><div itemprop="articleBody">${paragraph.repeat(24)}</div><div itemprop="publisher">Example Daily Network</div></div>`;
    const result = extractArticle(page(`<article><h1>New library opens next month</h1>${paragraphs}${microdata}</article>`, 'New library opens next month'));
    expect(result.bodyText).toContain('The city library opens');
    expect(result.bodyText).not.toMatch(/Example Daily Network|2024-05-06T08/);
  });
});

describe('an article in several parts', () => {
  it('reads every section of one class, even when page wrappers put them several levels apart', () => {
    const part = (text: string, n: number) => `<section><div class="story-part">${`<p>${text}</p>`.repeat(n)}</div></section>`;
    const first = 'Our reporter spent a week with the river pilots who guide cargo ships through the narrow channel at night.';
    const second = 'The pilots say the work has changed little in fifty years, even as the ships have grown three times longer.';
    const html = page(
      `<div class="story"><div class="lead-wrap"><div class="lead-inner">${part(first, 3)}</div></div>
<div class="promo"><a href="/subscribe">Subscribe</a></div>
<div class="rest-wrap"><div class="rest-inner">${part(second, 6)}</div></div></div>`,
      'River pilots',
    );
    const result = extractArticle(html);
    expect(result.bodyText).toContain('spent a week with the river pilots');
    expect(result.bodyText).toContain('ships have grown three times longer');
  });
});

describe('teasers for other pages', () => {
  it('does not let a list of linked headlines with cut-off snippets pull the article into its column', () => {
    const teasers = Array.from(
      { length: 6 },
      (_, i) => `<li><a href="/story/${i}">Council approves budget for road repairs in district ${i}</a> <span>The city council on Monday approved a budget that covers road repairs, school buses and new street lights in the district, officials said...</span></li>`,
    ).join('');
    const story = 'The ferry between the two islands will run every hour from June, the operator said, after a year of shorter timetables.';
    const html = page(
      `<div class="main-content-left"><div class="breaking-news"><b>Latest</b><div class="breaking-block"><ul>${teasers}</ul></div></div>
<div class="main-article-content"><h1>Hourly ferry from June</h1><div class="shortcode-content"><p>${story}</p><p>${story}</p><p>${story}</p></div></div></div>`,
      'Hourly ferry from June',
    );
    const result = extractArticle(html);
    expect(result.bodyText).toContain('The ferry between the two islands');
    expect(result.bodyText).not.toContain('Council approves budget');
  });
});

describe('the publish date', () => {
  const body = '<h1>Harbour bridge reopens</h1><p>The harbour bridge reopened to traffic this morning after eight months of repairs, the city said on 2 March.</p>';
  const head = (metas: string) => `<!doctype html><html><head><title>Harbour bridge reopens</title>${metas}</head><body>${body}</body></html>`;

  it('gives a Chinese story Beijing time even when its template declares lang="en", and believes lang on Latin text', () => {
    const chinese = `<!doctype html><html lang="en"><head><title>新图书馆开放</title></head><body><h1>新图书馆开放</h1><div class="info">2024-03-02 10:00 来源：东湖日报</div>
<div class="content"><p>${'东湖新图书馆昨天正式开放，首日接待读者三千多人次，馆内设有少儿阅览区和古籍修复室。'.repeat(3)}</p></div></body></html>`;
    const result = extractArticle(chinese);
    expect(result.lang).toBe('zh');
    expect(result.publishedAt).toBe('2024-03-02T10:00:00+08:00');
    expect(extractArticle(head('').replace('<html>', '<html lang="fr">')).lang).toBe('fr');
  });

  it('reads a publish time from meta tags whose names CMSs invent (pdate, apub:time), not a modified time', () => {
    expect(extractArticle(head('<meta name="pdate" content="2024-03-04">')).publishedAt?.slice(0, 10)).toBe('2024-03-04');
    expect(extractArticle(head('<meta name="apub:time" content="2024-3-5 21:30:50">')).publishedAt?.slice(0, 10)).toBe('2024-03-05');
    expect(extractArticle(head('<meta name="last-modified-time" content="2024-03-09">')).publishedAt).toBeNull();
  });

  it('reads the date from the article’s own footer or side column, and from schema.org posts of any kind', () => {
    const prose = '<p>' + 'The harbour bridge reopened to traffic this morning after eight months of repairs. '.repeat(4) + '</p>';
    const page = (extra: string, head = '') =>
      `<!doctype html><html><head><title>Harbour bridge reopens</title>${head}</head><body><article><h1>Harbour bridge reopens</h1>${prose}${prose}${extra}</article></body></html>`;
    expect(extractArticle(page('<footer class="author__meta">By Ann Lee <span class="author__meta-date">March 30, 2023</span></footer>')).publishedAt?.slice(0, 10)).toBe('2023-03-30');
    expect(extractArticle(page('<aside><p class="story_date">May 25, 2023</p></aside>')).publishedAt?.slice(0, 10)).toBe('2023-05-25');
    const forum = '<script type="application/ld+json">{"@type":"DiscussionForumPosting","datePublished":"2025-11-28T19:07:05Z","author":{"@type":"Person","name":"Ann Lee"}}</script>';
    const result = extractArticle(page('', forum));
    expect(result.publishedAt).toBe('2025-11-28T19:07:05+00:00');
    expect(result.authors).toEqual(['Ann Lee']);
  });

  it('takes the stamp over the story for its date, out of the body, not a day the story names', () => {
    const story = '<p>The harbour ferry is back on its old route after repairs that began on 3 March 2012 and ended in May, the port said.</p>';
    const html = `<!doctype html><html><head><title>Ferry returns</title></head><body><article><h1>Ferry returns</h1><figure><img src="https://news.example.com/f.jpg" alt=""></figure>
<p>By Ann Lee , Bo Chen on Monday, November 18th, 2019 at 11:08 a.m.</p>${story.repeat(3)}</article></body></html>`;
    const result = extractArticle(html);
    expect(result.publishedAt?.slice(0, 10)).toBe('2019-11-18');
    expect(result.bodyText).not.toMatch(/^By Ann Lee/m);
    // A story that opens with "By" and a date keeps its first sentence.
    const opening = html.replace('<p>By Ann Lee , Bo Chen on Monday, November 18th, 2019 at 11:08 a.m.</p>', '<p>By the time the ferry arrived on May 3, 2019, the pier was closed.</p>');
    expect(extractArticle(opening).bodyText).toMatch(/^By the time the ferry arrived/);
  });

  it('takes the earlier of the meta tag and the structured data when they disagree, keeping the time of day', () => {
    const ld = (date: string) => `<script type="application/ld+json">{"@type":"NewsArticle","datePublished":"${date}"}</script>`;
    const updatedTag = head(`<meta property="article:published_time" content="2024-03-07T12:43:39Z">${ld('2024-03-06T22:00:40Z')}`);
    expect(extractArticle(updatedTag).publishedAt).toBe('2024-03-06T22:00:40+00:00');
    const dayOnly = head(`<meta property="article:published_time" content="2024-03-06T16:07:38Z">${ld('2024-03-06')}`);
    expect(extractArticle(dayOnly).publishedAt).toBe('2024-03-06T16:07:38+00:00');
  });
});

describe('pages built by scripts', () => {
  it('reads the article a script-built page gives in <noscript>, when nothing else on the page is readable', () => {
    const post = '<p>Our street is getting a new bus stop next spring, and the council wants to hear where it should go.</p>';
    const html = page(
      `<section id="splash"><div class="dots"></div></section><div id="app"></div>
<noscript><div id="main-outlet"><h1>Where should the new bus stop go?</h1><div class="post">${post.repeat(4)}</div></div></noscript>`,
      'Where should the new bus stop go?',
    );
    expect(extractArticle(html).bodyText).toContain('a new bus stop next spring');
  });
});

describe('authors declared for machines', () => {
  it('prefers a scholarly page citation_authors over its publisher-filled author tag, and joins spaced single characters', () => {
    const html = `<!doctype html><html><head><title>城市绿地与居民健康</title><meta name="author" content="某某学术出版社">
<meta name="citation_authors" content="钱  岚"></head><body><h1>城市绿地与居民健康</h1>
<p>本文利用三个城市的问卷数据，分析了居住地附近绿地面积与居民自评健康之间的关系，并讨论了可能的机制。</p></body></html>`;
    expect(extractArticle(html).authors).toEqual(['钱岚']);
  });

  it('reads schema.org data wrapped in a CDATA section or written loosely by hand', () => {
    const data = JSON.stringify({ '@context': { '@vocab': 'http://schema.org' }, '@type': 'NewsArticle', headline: 'Harbour ferry returns', datePublished: '2024-12-07T09:30:00+08:00', author: [{ '@type': 'Person', name: 'Ann Lee' }, { '@type': 'Person', name: 'Bo Chen' }] });
    const prose = '<p>' + 'The harbour ferry is back on its old route after two years of repairs to the pier. '.repeat(4) + '</p>';
    // Also as templates write it by hand: a line break inside a string, a comma before the closing bracket.
    const handWritten = data.replace('"Harbour ferry returns"', '"Harbour ferry\nreturns"').replace(/\}\]\}$/, '},]}');
    for (const wrapped of [`<![CDATA[ ${data} ]]>`, `//<![CDATA[\n${data}\n//]]>`, handWritten]) {
      const html = `<!doctype html><html><head><title>Harbour ferry returns</title><script type="application/ld+json">${wrapped}</script></head><body><h1>Harbour ferry returns</h1><article>${prose}${prose}</article></body></html>`;
      const result = extractArticle(html);
      expect(result.authors).toEqual(['Ann Lee', 'Bo Chen']);
      expect(result.publishedAt).toBe('2024-12-07T09:30:00+08:00');
    }
  });
});

describe('an article in page-builder blocks', () => {
  it('reads every block of the same class that holds prose, however deep its paragraphs sit', () => {
    const deep = (text: string) =>
      `<div class="block"><div><section class="story"><div class="wrap"><div class="cols"><div class="col"><div class="texts"><div class="para"><p>${text}</p><p>${text}</p><p>${text}</p></div></div></div></div></div></section></div></div>`;
    const intro = 'Bringing a puppy home is exciting, and a few short lessons each day make the first months far easier for everyone.';
    const lessons = 'Teach the name first: say it once, reward the glance, and repeat a handful of times before every meal.';
    const html = page(
      `<main><div class="region">${deep(intro)}<div class="block"><h2>The first lesson</h2>${`<p>${lessons}</p>`.repeat(6)}</div>${deep(lessons.replace('name', 'word come'))}</div></main>`,
      'Puppy lessons',
    );
    const text = extractArticle(html).bodyText;
    expect(text).toContain('Bringing a puppy home is exciting');
    expect(text).toContain('Teach the word come first');
  });
});

describe('who wrote and who edited a Chinese page', () => {
  const prose = '东湖新图书馆昨天正式开放，首日接待读者三千多人次，馆内设有少儿阅览区和古籍修复室。'.repeat(4);

  it('reads the dateline under a short lead-in, not in a long first paragraph', () => {
    const promo = '<p>“2024东湖十大新闻评选”火热进行中！【点击投票】</p>';
    const withLeadIn = `<html><head><title>东湖新图书馆开放</title></head><body><h1>东湖新图书馆开放</h1><div class="content">${promo}<p>东湖晚报快讯(记者 林晓)${prose}</p><p>${prose}</p></div></body></html>`;
    const result = extractArticle(withLeadIn);
    expect(result.authors).toEqual(['林晓']);
    expect(result.dateline).toBe('东湖晚报快讯(记者 林晓)');
    // After a whole first paragraph, the same words open a second story quoted in this one.
    const afterStory = withLeadIn.replace(promo, `<p>${prose}</p>`);
    expect(extractArticle(afterStory).dateline).toBe('');
  });

  it('reads the reporters from a dateline bracket with several roles', () => {
    const html = `<html><head><title>东湖新图书馆开放</title></head><body><h1>东湖新图书馆开放</h1><div class="content"><p>本报讯 （实习记者 林晓 周明 记者高远）${prose}</p><p>${prose}</p></div></body></html>`;
    const result = extractArticle(html);
    expect(result.authors).toEqual(['林晓', '周明', '高远']);
    expect(result.dateline).toBe('本报讯 （实习记者 林晓 周明 记者高远）');
  });

  it('names no source where the template says only that the story was reposted from the internet', () => {
    for (const said of ['转载', '互联网', '网络']) {
      const html = `<html><head><title>东湖新图书馆开放</title></head><body><h1>东湖新图书馆开放</h1><div class="info">来源：${said} 2024-03-02 10:00</div><div class="content"><p>${prose}</p></div></body></html>`;
      expect(extractArticle(html).source, said).toBe('');
    }
  });

  it('does not take the site for an author, and finds the editor after the article', () => {
    const html = `<!doctype html><html><head><title>新图书馆开放_东湖网</title><meta name="author" content="东湖网"></head><body>
<h1>新图书馆开放</h1><div class="info">2024-05-06 09:30 来源：东湖日报</div>
<div class="article-content"><p>${prose}</p><p>${prose}</p><p>开放时间为每天九点到二十一点。（记者 林晓 周明）</p></div>
<div class="ep-source"><span>本文来源：东湖日报</span> <span>责任编辑：杨柳_NF1234</span></div>
<div class="related"><a href="/a">相关新闻：另一则消息</a></div></body></html>`;
    const result = extractArticle(html);
    expect(result.authors).toEqual(['林晓', '周明']);
    expect(result.editor).toBe('杨柳');
    expect(result.bodyText).not.toMatch(/林晓|责任编辑/);
  });

  it('reads the editor from a box after the article even when the next box starts with words', () => {
    const html = `<!doctype html><html><head><title>新图书馆开放</title></head><body><h1>新图书馆开放</h1>
<div class="article-content"><p>${prose}</p><p>${prose}</p></div><div class="editor">编辑：苏明</div><div class="qr">扫一扫在手机打开当前页</div></body></html>`;
    expect(extractArticle(html).editor).toBe('苏明');
  });

  it('reads a closing byline line and a closing 来源/编辑 line out of the body', () => {
    const html = page(`<h1>新图书馆开放</h1><div class="content"><p>${prose}</p><p>${prose}</p><p>东湖晚报记者 柳青 江城报道</p><p>来源：东湖日报 编辑：苏明</p></div>`);
    const result = extractArticle(html);
    expect(result.authors).toEqual(['柳青']);
    expect(result.editor).toBe('苏明');
    expect(result.bodyText).not.toMatch(/柳青|苏明/);
  });

  it('takes the page’s keywords that the story uses, not a site-wide list or a headline pasted in as one', () => {
    const keywords = '东湖,图书馆,新闻,财经,体育,东湖新图书馆昨天正式开放首日,古籍修复室,Library, library';
    const html = `<!doctype html><html><head><title>新图书馆开放</title><meta name="keywords" content="${keywords}"></head><body>
<h1>新图书馆开放</h1><div class="content"><p>${prose}</p><p>${prose}</p></div></body></html>`;
    expect(extractArticle(html).keywords).toEqual(['东湖', '图书馆', '古籍修复室']);
    const spaced = html.replace(keywords, '东湖 少儿阅览区');
    expect(extractArticle(spaced).keywords).toEqual(['东湖', '少儿阅览区']);
  });

  it('takes the 来源 printed under a reposted story, not the reposting site’s own name', () => {
    for (const closing of ['<p>来源：新华网</p><p>编辑：苏明</p>', '<p>来源：新华网</p>']) {
      const html = `<!doctype html><html><head><title>新图书馆开放_东湖网</title><meta property="og:site_name" content="东湖网"></head><body>
<h1>新图书馆开放</h1><div class="content"><p>${prose}</p><p>${prose}</p>${closing}</div></body></html>`;
      const result = extractArticle(html);
      expect(result.source).toBe('新华网');
      expect(result.bodyText).not.toMatch(/来源/);
    }
  });
});

describe('the headline of an English page', () => {
  const prose = '<p>' + 'The river path was quiet in the morning, and the new bridge opened to walkers at nine. '.repeat(6) + '</p>';

  it('drops the permalink anchor that documentation generators put after a heading', () => {
    const html = `<!doctype html><html><head><title>Data Structures — Guide</title></head><body><main><h1>5. Data Structures<a class="headerlink" href="#ds">¶</a></h1>${prose}${prose}</main></body></html>`;
    expect(extractArticle(html).title).toBe('5. Data Structures');
  });

  it('takes the declared headline when the heading box also holds the byline and date', () => {
    const html = `<!doctype html><html><head><title>Bridge Walk - River Notes</title><meta property="og:title" content="Bridge Walk"></head><body>
<header class="post-title"><span>Bridge Walk</span> <span>By Ann Lee</span> <time>March 2, 2024</time></header><article>${prose}${prose}</article></body></html>`;
    expect(extractArticle(html).title).toBe('Bridge Walk');
  });

  it('finds the <h1> after a long list of titled teasers', () => {
    const teasers = Array.from({ length: 80 }, (_, i) => `<div class="post-title"><a href="/p/${i}">Other story number ${i}</a></div>`).join('');
    const html = `<!doctype html><html><head><title>River Notes: Sell-out Bridge Walk</title></head><body><div class="sidebar">${teasers}</div><h1>Sell-out Bridge Walk</h1><article>${prose}${prose}</article></body></html>`;
    expect(extractArticle(html).title).toBe('Sell-out Bridge Walk');
  });
});

describe('the byline box of an English page', () => {
  const prose = '<p>' + 'The river path was quiet in the morning, and the new bridge opened to walkers at nine. '.repeat(6) + '</p>';
  const withBox = (box: string) => `<!doctype html><html><head><title>Bridge Walk</title></head><body><h1>Bridge Walk</h1>${box}<article>${prose}${prose}</article></body></html>`;

  it('reads the name without its label and the date after it, even when the pieces touch', () => {
    expect(extractArticle(withBox('<div class="author-box"><span>Written By</span><span>Ann Lee</span><span>September 4, 2025</span></div>')).authors).toEqual(['Ann Lee']);
    expect(extractArticle(withBox('<div class="byline"><span>By</span><span>Summer Swann</span><span>-</span><span>June 12, 2025</span></div>')).authors).toEqual(['Summer Swann']);
    expect(extractArticle(withBox('<div class="byline">By Byron Hale</div>')).authors).toEqual(['Byron Hale']);
    expect(extractArticle(withBox('<div class="byline"><span>| BY:</span> <span>Ann Lee</span></div>')).authors).toEqual(['Ann Lee']);
  });

  it('passes over a columnist’s teaser dressed as a byline for the story’s own byline', () => {
    const boxes = '<div class="author">Harry Moss The trouble with bridges that nobody crosses</div><div class="byline">By Ann Lee</div>';
    expect(extractArticle(withBox(boxes)).authors).toEqual(['Ann Lee']);
  });

  it('lists the people a wire byline names, without the agency and their roles', () => {
    expect(extractArticle(withBox('<div class="byline">By ANN LEE and BO CHEN, Associated Press</div>')).authors).toEqual(['Ann Lee', 'Bo Chen']);
  });

  it('gives an agency credited as the author as the source, and no desk as a person', () => {
    const ld = (name: string) =>
      `<script type="application/ld+json">{"@type":"NewsArticle","author":[{"@type":"Person","name":"${name}"}],"publisher":{"@type":"Organization","name":"Harbour TV"}}</script>`;
    const agency = extractArticle(withBox('').replace('</head>', `${ld('The Associated Press')}</head>`));
    expect(agency.authors).toEqual([]);
    expect(agency.source).toBe('The Associated Press');
    for (const desk of ['By Staff', 'Harbour Daily Staff Reports']) {
      const result = extractArticle(withBox(`<div class="byline">${desk}</div>`).replace('</head>', '<meta property="og:site_name" content="Harbour Daily"></head>'));
      expect(result.authors, desk).toEqual([]);
      expect(result.source, desk).toBe('Harbour Daily');
    }
    const reuters = extractArticle(withBox('<div class="byline">By Reuters</div>').replace('</head>', '<meta property="og:site_name" content="Harbour Daily"></head>'));
    expect(reuters.authors).toEqual([]);
    expect(reuters.source).toBe('Reuters');
    // A person is still the author, and the site stays the source.
    const person = extractArticle(withBox('').replace('</head>', `${ld('Ann Lee')}</head>`));
    expect(person.authors).toEqual(['Ann Lee']);
    expect(person.source).toBe('Harbour TV');
  });

  it('names no organisation, account, form label or the outlet itself as a writer', () => {
    const organisation = `<script type="application/ld+json">{"@type":"NewsArticle","author":{"@type":"Organization","name":"Harbour Gazette"}}</script>`;
    const byOrganisation = extractArticle(withBox('').replace('</head>', `${organisation}</head>`));
    expect(byOrganisation.authors).toEqual([]);
    expect(byOrganisation.source).toBe('Harbour Gazette');
    for (const credited of ['admin', 'jdadmin', 'Name (required)', 'HarbourInsider']) {
      const html = withBox(`<div class="byline">By ${credited}</div>`).replace('</head>', '<meta property="og:site_name" content="HarbourInsider"></head>');
      expect(extractArticle(html).authors, credited).toEqual([]);
    }
    // A personal blog is named after its writer: the writer stays.
    const blog = withBox('<div class="byline">By Ann Lee</div>').replace('</head>', '<meta property="og:site_name" content="Ann Lee"></head>');
    expect(extractArticle(blog).authors).toEqual(['Ann Lee']);
  });

  it('takes reporters and editor from a wire story’s closing credit when no byline names them', () => {
    const story = '<p>The harbour ferry is back on its old route after two years of repairs to the pier, the port said on Monday.</p>'.repeat(4);
    const html = withBox('').replace(/<article>.*<\/article>/s, `<article>${story}<p>Services resume on Friday. (Reporting by Ann Lee and Cara Diaz; Editing by Bo Chen)</p></article>`);
    const result = extractArticle(html);
    expect(result.authors).toEqual(['Ann Lee', 'Cara Diaz']);
    expect(result.editor).toBe('Bo Chen');
    expect(result.bodyText).toMatch(/\(Reporting by Ann Lee and Cara Diaz; Editing by Bo Chen\)$/);
  });

  it('does not take the forum software that signs its template for the author', () => {
    const html = withBox('<div class="byline">By Ann Lee</div>').replace('</title>', '</title><meta name="generator" content="Discuz! X3.4"><meta name="author" content="Discuz! Team and Comsenz UI Team">');
    expect(extractArticle(html).authors).toEqual(['Ann Lee']);
  });

  it('reads the byline that WordPress SEO plugins label for link previews', () => {
    const html = withBox('').replace('</title>', '</title><meta name="twitter:label1" content="Written by"><meta name="twitter:data1" content="Albert Swann">');
    expect(extractArticle(html).authors).toEqual(['Albert Swann']);
  });

  it('takes a link to a writer’s page as the byline only when no element says it is one', () => {
    expect(extractArticle(withBox('<div><a href="/authors/trevor-jackins">Trevor Jackins</a></div>')).authors).toEqual(['Trevor Jackins']);
    const both = withBox('<nav-like><a href="/authors/robert-fisk">Robert Fisk</a></nav-like><p class="byline">By Hazel Sheffield</p>');
    expect(extractArticle(both).authors).toEqual(['Hazel Sheffield']);
  });

  it('keeps a name whole when an entity splits its text, and takes no date for a name', () => {
    expect(extractArticle(withBox('<span class="author">Eduardo Po&ccedil;as</span>')).authors).toEqual(['Eduardo Poças']);
    expect(extractArticle(withBox('<span class="author">Aug 08, 2006</span>')).authors).toEqual([]);
  });
});

describe('the date of an English page', () => {
  const prose = '<p>' + 'The river path was quiet in the morning, and the new bridge opened to walkers at nine. '.repeat(6) + '</p>';

  it('takes <time itemprop="datePublished"> over other dates in the text', () => {
    const html = `<!doctype html><html><head><title>Bridge Walk</title></head><body><h1>Bridge Walk</h1>
<p>Last edited 2024-04-02</p><time itemprop="datePublished" datetime="2024-03-02T09:15-05:00">2 March</time><article>${prose}${prose}</article></body></html>`;
    expect(extractArticle(html).publishedAt).toBe('2024-03-02T09:15:00-05:00');
  });

  it('reads an English date written over the headline', () => {
    const html = `<!doctype html><html><head><title>Bridge Walk</title></head><body><div><span>Last updated:</span><span>Dec 12, 2025</span></div><h1>Bridge Walk</h1><article>${prose}${prose}</article></body></html>`;
    expect(extractArticle(html).publishedAt?.slice(0, 10)).toBe('2025-12-12');
  });

  it('falls back to a date box the body reader drops, such as an author card', () => {
    const html = `<!doctype html><html><head><title>Bridge Walk</title></head><body><h1>Bridge Walk</h1><article>${prose}${prose}</article>
<div class="author-card"><div class="author-name">Ann Lee</div><div class="published-date">September 4, 2025</div></div></body></html>`;
    expect(extractArticle(html).publishedAt?.slice(0, 10)).toBe('2025-09-04');
  });
});

describe('a photo gallery inside the article', () => {
  it('keeps the caption and credit once, on the photo, and drops the viewer’s copies and buttons', () => {
    const caption = 'The mayor, left, and the harbour master open the new ferry terminal on Monday morning, Nov. 18, 2019.';
    const viewer = `<p>${caption} less</p><p>${caption.slice(0, 60)} ... more</p><p>Photo: Ann Lee, AP</p><p>Caption</p><p>Close</p><p>Full Screen</p><p>Autoplay</p><p>Font Size</p>`;
    const prose = '<p>The terminal took three years to build and will serve four routes across the bay, the city said.</p>';
    const refrain = '<p>Ferries will leave every twenty minutes from six in the morning until midnight.</p>';
    const html = `<!doctype html><html><head><title>Ferry terminal opens</title></head><body><h1>Ferry terminal opens</h1><article>
<div class="gallery"><img src="https://news.example.com/ferry.jpg" alt="${caption} Photo: Ann Lee, AP">${viewer}${viewer}</div>
${prose.repeat(3)}${refrain}${prose}${refrain}</article></body></html>`;
    const result = extractArticle(html);
    expect(result.images).toEqual([{ url: 'https://news.example.com/ferry.jpg', caption, credit: 'Ann Lee, AP' }]);
    expect(result.bodyText).not.toMatch(/\bless$|more$|^Caption$|^Close$|^Photo:|^Full Screen$|^Autoplay$|^Font Size$/m);
    expect(result.bodyText.split(caption).length - 1).toBe(1);
    // The article's own repeated paragraph stays twice.
    expect(result.bodyText.split('Ferries will leave every twenty minutes').length - 1).toBe(2);
  });
});

describe('photo boxes beside a short story', () => {
  const story = ['The harbour board voted on Tuesday to rebuild the old ferry pier, ending a long dispute.', 'Construction is expected to begin next spring and to take about eighteen months.', 'Fishermen welcomed the decision but asked that a temporary landing be kept open.'];
  const page = (box: string) => `<!doctype html><html><head><title>Pier</title></head><body><h1>Pier</h1><article><p>${story[0]}</p>${box}<p>${story[1]}</p><p>${story[2]}</p></article></body></html>`;

  it('keeps a photo set between the story’s paragraphs, whatever its box is called', () => {
    const result = extractArticle(page('<div class="media-gallery"><img src="https://news.example.com/p.jpg" alt=""><p>The old pier at low tide. (Image: Harbour Daily)</p></div>'));
    expect(result.images).toEqual([{ url: 'https://news.example.com/p.jpg', caption: 'The old pier at low tide.', credit: 'Harbour Daily' }]);
  });

  it('leaves out a writer’s portrait and a box of links there', () => {
    expect(extractArticle(page('<div class="author-photo"><img src="https://news.example.com/ann.jpg" alt=""><p>Ann Lee</p></div>')).images).toEqual([]);
    expect(extractArticle(page('<div class="photo-gallery"><a href="/g/1"><img src="https://news.example.com/g.jpg" alt=""> More photos of the harbour</a></div>')).images).toEqual([]);
  });
});

describe('what a page prints around the story', () => {
  it('leaves out ad labels and the prompts that close the article box, but not a story’s last words', () => {
    const prose = '<p>The harbour ferry is back on its old route after two years of repairs to the pier, the port said.</p>';
    const html = `<!doctype html><html><head><title>Ferry returns</title></head><body><h1>Ferry returns</h1><article>${prose}<p>Advertisement</p>${prose.repeat(3)}
<p>Read more about the pier in our archive, where every report since 1990 is kept.</p><p>Tell us what YOU think...</p><p>3 comments</p><p>Sign up for our morning newsletter</p></article></body></html>`;
    const text = extractArticle(html).bodyText;
    expect(text).not.toMatch(/Advertisement|Tell us what|comments|Sign up/);
    expect(text).toMatch(/every report since 1990 is kept\.$/);
  });

  it('leaves out pagers, gallery counters, reading times and lines without a word', () => {
    const prose = '<p>东湖新图书馆昨天正式开放，首日接待读者三千多人次，馆内设有少儿阅览区和古籍修复室。</p>';
    const html = `<html><head><title>东湖新图书馆开放</title></head><body><h1>东湖新图书馆开放</h1><div class="content">${prose.repeat(3)}<p>Image 3 of 12</p><p>\u200d</p><p>* * *</p><p>阅读时间：4分钟</p>${prose}<p>第1页/共2页 &lt;&lt; 上一页 | 下一页 &gt;&gt;</p></div></body></html>`;
    const text = extractArticle(html).bodyText;
    expect(text).not.toMatch(/Image 3|\* \* \*|上一页|\u200d|阅读时间/);
    expect(text.split('\n')).toHaveLength(4);
  });

  it('ends the story where a comment thread in the same box begins', () => {
    const prose = '<p>We walked the old canal path from the mill to the lock, about six miles, and stopped for lunch at the bridge.</p>';
    const thread = '<h3>2 comments</h3><p>Stephanie September 17, 2014 - 1:01 pm</p><p>We did this walk last spring and loved it, thanks for the tips!</p>';
    const html = `<!doctype html><html><head><title>Canal walk</title></head><body><h1>Canal walk</h1><article>${prose.repeat(4)}${thread}</article></body></html>`;
    const text = extractArticle(html).bodyText;
    expect(text).toMatch(/stopped for lunch at the bridge\.$/);
    expect(text).not.toMatch(/Stephanie|loved it/);
  });
});
