import { expect, it } from 'vitest';
import { describeEachDialect } from '../../../test/helpers/databases.ts';
import { ChannelError, changeChannelSlug, createChannel, findRedirectedChannel, loadChannelTree } from './channel.service.ts';

describeEachDialect('channel tree', (fresh) => {
  it('builds paths, breadcrumbs and the nav from parents and positions', async () => {
    const db = await fresh();
    const news = await createChannel(db, { slug: 'news', name: '新闻', position: 1 });
    const gov = await createChannel(db, { slug: 'gov', name: '政务', position: 2 });
    await createChannel(db, { slug: 'hidden', name: '隐藏', position: 3, inNav: false });
    const world = await createChannel(db, { slug: 'world', name: '国际新闻', parentId: news.id });
    const tree = await loadChannelTree(db);
    expect(tree.nav().map((c) => c.name)).toEqual(['新闻', '政务']);
    expect(tree.pathOf(world.id)).toBe('news/world');
    expect(tree.ancestry(world.id).map((c) => c.name)).toEqual(['新闻', '国际新闻']);
    expect(tree.findByPath('news/world')?.id).toBe(world.id);
    expect(tree.subtreeIds(news.id)).toEqual([news.id, world.id]);
    expect(tree.findByPath('gov')?.id).toBe(gov.id);
  });

  it('refuses a duplicate slug among siblings and a malformed slug, writing nothing', async () => {
    const db = await fresh();
    const news = await createChannel(db, { slug: 'news', name: '新闻' });
    await createChannel(db, { slug: 'world', name: '国际', parentId: news.id });
    await expect(createChannel(db, { slug: 'world', name: '国际2', parentId: news.id })).rejects.toThrow(ChannelError);
    await expect(createChannel(db, { slug: 'Bad Slug', name: 'x' })).rejects.toThrow(/lower-case/);
    // The same slug under another parent is fine.
    await createChannel(db, { slug: 'world', name: '国际' });
    expect((await loadChannelTree(db)).byId.size).toBe(3);
  });

  it('keeps old paths of a renamed channel and its children as redirects', async () => {
    const db = await fresh();
    const news = await createChannel(db, { slug: 'news', name: '新闻' });
    const world = await createChannel(db, { slug: 'world', name: '国际新闻', parentId: news.id });
    await changeChannelSlug(db, news.id, 'xinwen');
    const tree = await loadChannelTree(db);
    expect(tree.pathOf(world.id)).toBe('xinwen/world');
    expect(await findRedirectedChannel(db, 'news')).toBe(news.id);
    expect(await findRedirectedChannel(db, 'news/world')).toBe(world.id);
    // Changing back makes the old path live again instead of redirecting in a loop.
    await changeChannelSlug(db, news.id, 'news');
    expect(await findRedirectedChannel(db, 'news')).toBeUndefined();
    expect(await findRedirectedChannel(db, 'xinwen/world')).toBe(world.id);
  });
});
