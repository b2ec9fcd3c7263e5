import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import { sharedPath } from '../../../test/helpers/shared.ts';
import { extractArticle } from './extractor.ts';
import { describeEachDialect } from '../../../test/helpers/databases.ts';
import { makeArticle, makeChannels } from '../../../test/helpers/factories.ts';
import { findDuplicate, normaliseSourceUrl, recordFingerprint } from './duplicate.service.ts';

// A real wire story's text (the seed page), read at run time from ../shared.
const STORY = extractArticle(readFileSync(sharedPath('seed', '000_6a1b3f7d972bca36.txt'), 'utf8')).bodyText;

it('normalises source URLs the way a reader compares them', () => {
  expect(normaliseSourceUrl('https://News.example.cn/a/1.html?utm_source=x&id=3#top')).toBe('https://news.example.cn/a/1.html?id=3');
  expect(normaliseSourceUrl('https://example.cn/a/')).toBe('https://example.cn/a');
});

describeEachDialect('duplicate detection', (fresh) => {
  it('finds an article by the same source URL, with or without tracking parameters', async () => {
    const db = await fresh();
    const { world } = await makeChannels(db);
    const article = await makeArticle(db, world.id, { sourceUrl: 'https://www.news.cn/world/20250518/1.html', sourceName: '新华网' });
    const match = await findDuplicate(db, { sourceUrl: 'https://www.news.cn/world/20250518/1.html?utm_source=wechat#p2', text: '' });
    expect(match).toEqual({ articleId: article.id, reason: 'source-url' });
  });

  it('finds near-identical text by SimHash and ignores unrelated text', async () => {
    const db = await fresh();
    const { world } = await makeChannels(db);
    const article = await makeArticle(db, world.id);
    await recordFingerprint(db, article.id, { sourceUrl: 'https://a.example.cn/1.html', text: STORY });
    const near = await findDuplicate(db, { sourceUrl: 'https://b.example.cn/other.html', text: `${STORY}（编辑：张三）` });
    expect(near?.articleId).toBe(article.id);
    expect(near?.reason).toBe('similar-text');
    const unrelated = await findDuplicate(db, { text: '咸宁市今年将新建改建农村公路三百公里，打通断头路，方便群众出行。交通部门表示，项目将在年底前全部完工，沿线村民出行时间平均缩短。' });
    expect(unrelated).toBeNull();
  });
});
