import { expect, it } from 'vitest';
import { describeEachDialect } from '../../../test/helpers/databases.ts';
import { makeArticle } from '../../../test/helpers/factories.ts';
import { systemActor } from '../users/actor.ts';
import { ChannelError, changeChannelSlug, createChannel, deleteChannel, findRedirectedChannel, loadChannelTree, updateChannel } from './channel.service.ts';

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

  it('moves a channel under another parent, keeping every old path as a redirect', async () => {
    const db = await fresh();
    const news = await createChannel(db, { slug: 'news', name: '新闻' });
    const county = await createChannel(db, { slug: 'county', name: '县域' });
    const towns = await createChannel(db, { slug: 'towns', name: '乡镇', parentId: news.id });
    const east = await createChannel(db, { slug: 'east', name: '东乡', parentId: towns.id });
    await createChannel(db, { slug: 'west', name: '西乡', parentId: county.id });

    await updateChannel(db, systemActor(), towns.id, { name: '乡镇', slug: 'towns', kind: 'list', inNav: true, parentId: county.id });
    const tree = await loadChannelTree(db);
    expect(tree.pathOf(east.id)).toBe('county/towns/east');
    expect(tree.children(county.id).map((c) => c.slug)).toEqual(['west', 'towns']);
    expect(await findRedirectedChannel(db, 'news/towns')).toBe(towns.id);
    expect(await findRedirectedChannel(db, 'news/towns/east')).toBe(east.id);

    // To the top level and back: the path that is live again stops redirecting.
    await updateChannel(db, systemActor(), towns.id, { name: '乡镇', slug: 'towns', kind: 'list', inNav: true, parentId: null });
    expect((await loadChannelTree(db)).pathOf(east.id)).toBe('towns/east');
    await updateChannel(db, systemActor(), towns.id, { name: '乡镇', slug: 'towns', kind: 'list', inNav: true, parentId: news.id });
    expect(await findRedirectedChannel(db, 'news/towns')).toBeUndefined();
    expect(await findRedirectedChannel(db, 'county/towns/east')).toBe(east.id);
  });

  it('refuses a move under its own sub-channel or onto a taken slug, changing nothing', async () => {
    const db = await fresh();
    const news = await createChannel(db, { slug: 'news', name: '新闻' });
    const world = await createChannel(db, { slug: 'world', name: '国际新闻', parentId: news.id });
    const gov = await createChannel(db, { slug: 'gov', name: '政务' });
    await createChannel(db, { slug: 'world', name: '政务国际', parentId: gov.id });
    const keep = { kind: 'list' as const, inNav: true };
    await expect(updateChannel(db, systemActor(), news.id, { name: '新闻', slug: 'news', ...keep, parentId: world.id })).rejects.toThrow(/under itself/);
    await expect(updateChannel(db, systemActor(), news.id, { name: '新闻', slug: 'news', ...keep, parentId: news.id })).rejects.toThrow(/under itself/);
    await expect(updateChannel(db, systemActor(), world.id, { name: '改名', slug: 'world', ...keep, parentId: gov.id })).rejects.toThrow(/already used/);
    await expect(updateChannel(db, systemActor(), world.id, { name: '改名', slug: 'world', ...keep, parentId: 9999 })).rejects.toThrow(/does not exist/);
    const tree = await loadChannelTree(db);
    expect(tree.pathOf(world.id)).toBe('news/world');
    expect(tree.byId.get(world.id)?.name).toBe('国际新闻');
    expect(await findRedirectedChannel(db, 'news/world')).toBeUndefined();
  });

  it('deletes only an empty channel, saying what is still in the way', async () => {
    const db = await fresh();
    const news = await createChannel(db, { slug: 'news', name: '新闻' });
    const world = await createChannel(db, { slug: 'world', name: '国际新闻', parentId: news.id });
    const old = await createChannel(db, { slug: 'old', name: '旧栏目' });
    await makeArticle(db, world.id, { title: '一篇稿件', status: 'draft', publishedAt: null });

    await expect(deleteChannel(db, systemActor(), news.id)).rejects.toThrow(/1 sub-channels/);
    await expect(deleteChannel(db, systemActor(), world.id)).rejects.toThrow(/still holds 1 stories/);
    await changeChannelSlug(db, old.id, 'older');
    await deleteChannel(db, systemActor(), old.id);

    const tree = await loadChannelTree(db);
    expect([...tree.byId.keys()].sort()).toEqual([news.id, world.id].sort());
    expect(await findRedirectedChannel(db, 'old')).toBeUndefined();
    const audit = await db.kysely.selectFrom('audit_log').select('action').where('action', '=', 'channel.delete').execute();
    expect(audit).toHaveLength(1);
    await expect(deleteChannel(db, systemActor(), old.id)).rejects.toThrow(ChannelError);
  });
});
