import { afterEach, expect, it } from 'vitest';
import { extractArticle } from '../../src/domain/ingest/extractor.ts';
import { describeEachDialect } from '../helpers/databases.ts';
import { makeArticle, makeChannels } from '../helpers/factories.ts';
import { type TestApp, buildTestApp } from '../helpers/test-app.ts';

/**
 * A county site reposts the city portal's story: Inkstone's own article page, imported by Inkstone,
 * gives back what the newsroom wrote, long story or one line, without the page's copyright block.
 */
describeEachDialect('importing an Inkstone article page', (_fresh, dialect) => {
  let t: TestApp | undefined;
  afterEach(async () => {
    await t?.close();
    t = undefined;
  });

  const paragraph = '澄河大桥全长约2.3公里，主桥为六孔连续拱桥，双向六车道，两侧设置非机动车道和人行道，建成后两岸车程将缩短约20分钟。';
  for (const [kind, bodyHtml] of [
    ['a long story', `<p>${paragraph}</p><h2>克服汛期施工难题</h2><p>${paragraph}</p><p>${paragraph}</p>`],
    ['a one-line story', '<p>临湖市今天发布大风蓝色预警。</p>'],
  ] as const) {
    it(`gives back the newsroom's fields for ${kind}`, async () => {
      t = await buildTestApp(dialect);
      const { world } = await makeChannels(t.db);
      const article = await makeArticle(t.db, world.id, {
        title: '澄河大桥主体结构顺利合龙',
        subtitle: '预计年底前建成通车',
        bodyHtml,
        dateline: '临湖日报讯',
        sourceName: '临湖日报',
        isOriginal: false,
        reporters: ['赵磊', '黄欣然'],
        photographers: ['王林'],
        editorName: '周雅琴',
        publishedAt: '2025-05-19T02:28:00Z',
      });
      const page = await t.app.inject(`/news/world/2025/05/19/${article.id}.html`);
      expect(page.statusCode).toBe(200);
      const result = extractArticle(page.body, { url: `https://news.example.cn/news/world/2025/05/19/${article.id}.html` });
      expect(result).toMatchObject({
        title: '澄河大桥主体结构顺利合龙',
        subtitle: '预计年底前建成通车',
        dateline: '临湖日报讯',
        source: '临湖日报',
        authors: ['赵磊', '黄欣然'],
        photographers: ['王林'],
        editor: '周雅琴',
      });
      // The page states the time in UTC for machines (10:28 Beijing time for readers): the same moment.
      expect(Date.parse(result.publishedAt ?? '')).toBe(Date.parse('2025-05-19T02:28:00Z'));
      expect(result.bodyText).toMatch(kind === 'a long story' ? /^澄河大桥全长约2\.3公里[\s\S]*克服汛期施工难题/ : /^临湖市今天发布大风蓝色预警。$/);
      expect(result.bodyText).not.toMatch(/凡本网注明|版权与免责声明|预计年底前建成通车|赵磊|周雅琴/);
    });
  }
});
