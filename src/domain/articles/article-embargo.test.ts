import { expect, it } from 'vitest';
import { describeEachDialect } from '../../../test/helpers/databases.ts';
import { makeChannels } from '../../../test/helpers/factories.ts';
import type { Db } from '../../db/create-db.ts';
import { enqueueFeedItems } from '../ingest/ingest-queue.service.ts';
import type { FeedItem } from '../ingest/feed-parser.ts';
import { markQueueItem } from '../ingest/wire.service.ts';
import { systemActor } from '../users/actor.ts';
import { actorFor, createUser } from '../users/user.service.ts';
import { findPublishedArticle } from './article.queries.ts';
import { EmbargoError, createDraft, findArticleRow, publishArticle, publishDueArticles } from './article-workflow.service.ts';
import { listRevisions } from './revision.service.ts';

const HOUR = 3_600_000;

/** A time as an agency writes it: Beijing time with its offset, to the minute. */
function beijing(ms: number): string {
  const local = new Date(Math.floor(ms / 60_000) * 60_000 + 8 * HOUR).toISOString().slice(0, 19);
  return `${local}+08:00`;
}

function wireItem(guid: string, embargoUntil: string | null): FeedItem {
  return {
    guid,
    url: `https://wire.example.cn/${guid}.html`,
    title: '青石县公布明年山区学校建设计划',
    summary: '',
    contentHtml: '<p>华中社青石电 青石县明年将新建三所山区寄宿制学校。</p>',
    authors: ['周云'],
    publishedAt: beijing(Date.now()),
    language: 'zh-CN',
    embargoUntil,
  };
}

/** The path an editor takes: the item is queued, a draft is written from it, the item is marked imported. */
async function draftFromWire(db: Db, embargoUntil: string | null) {
  const { world } = await makeChannels(db);
  const chief = await actorFor(db, await createUser(db, systemActor(), { username: 'chief', password: 'long-enough-pw', displayName: '总编', role: 'chief', channelIds: [] }), '127.0.0.1');
  await enqueueFeedItems(db, '华中社', [wireItem('hz-0508', embargoUntil)]);
  const item = await db.kysely.selectFrom('ingest_items').selectAll().executeTakeFirstOrThrow();
  const draft = await createDraft(db, chief, {
    channelId: world.id,
    title: item.title,
    bodyHtml: item.body_html,
    isOriginal: false,
    sourceName: '华中社',
    sourceUrl: item.url,
    editorName: '王编辑',
  });
  await markQueueItem(db, item.id, 'imported', draft.id);
  return { chief, item, draft };
}

describeEachDialect('wire embargo on the article workflow', (fresh) => {
  it('carries the embargo (in UTC) from the queue item to the draft; publishing before it is refused and changes nothing', async () => {
    const db = await fresh();
    const embargo = beijing(Date.now() + 2 * HOUR);
    const embargoUtc = new Date(embargo).toISOString();
    const { chief, item, draft } = await draftFromWire(db, embargo);
    expect(item.embargo_until).toBe(embargoUtc);
    const before = await findArticleRow(db, draft.id);
    expect(before?.embargo_until).toBe(embargoUtc);

    await expect(publishArticle(db, chief, draft.id)).rejects.toThrow(EmbargoError);
    await expect(publishArticle(db, chief, draft.id)).rejects.toMatchObject({ embargoUntil: embargoUtc, problems: ['embargoUntil'] });
    // A time in the past publishes at once, so it is refused the same way; so is a minute too early.
    await expect(publishArticle(db, chief, draft.id, { at: new Date(Date.now() - HOUR).toISOString() })).rejects.toThrow(EmbargoError);
    await expect(publishArticle(db, chief, draft.id, { at: new Date(Date.parse(embargoUtc) - 60_000).toISOString() })).rejects.toThrow(EmbargoError);
    expect(await findArticleRow(db, draft.id)).toEqual(before);
    expect(await listRevisions(db, draft.id)).toHaveLength(1);
    expect(await findPublishedArticle(db, draft.id)).toBeUndefined();
  });

  it('schedules the story at the embargo time, and the scheduler publishes it then and not before', async () => {
    const db = await fresh();
    const embargo = beijing(Date.now() + 2 * HOUR);
    const embargoUtc = new Date(embargo).toISOString();
    const { chief, draft } = await draftFromWire(db, embargo);
    const scheduled = await publishArticle(db, chief, draft.id, { at: embargo });
    expect(scheduled.status).toBe('scheduled');
    expect((await findArticleRow(db, draft.id))?.scheduled_at).toBe(embargoUtc);
    expect(await publishDueArticles(db, new Date(Date.parse(embargoUtc) - 1000))).toEqual([]);
    expect(await publishDueArticles(db, new Date(embargoUtc))).toEqual([draft.id]);
    expect((await findPublishedArticle(db, draft.id))?.publishedAt).toBe(embargoUtc);
  });

  it('publishes at once when the embargo has passed', async () => {
    const db = await fresh();
    const { chief, draft } = await draftFromWire(db, beijing(Date.now() - 5 * 60_000));
    expect((await publishArticle(db, chief, draft.id)).status).toBe('published');
  });

  it('gives a story from an item with no embargo none', async () => {
    const db = await fresh();
    const { chief, draft } = await draftFromWire(db, null);
    expect((await findArticleRow(db, draft.id))?.embargo_until).toBeNull();
    expect((await publishArticle(db, chief, draft.id)).status).toBe('published');
  });

  it('never lets the scheduler publish a story before its embargo, whatever its scheduled time says', async () => {
    const db = await fresh();
    const embargo = beijing(Date.now() + 2 * HOUR);
    const { chief, draft } = await draftFromWire(db, embargo);
    await publishArticle(db, chief, draft.id, { at: embargo });
    // A schedule older than the embargo (written before the item was re-sent with a later one, say).
    const early = new Date(Date.now() + HOUR).toISOString();
    await db.kysely.updateTable('articles').set({ scheduled_at: early }).where('id', '=', draft.id).execute();
    expect(await publishDueArticles(db, new Date(Date.parse(early) + 1000))).toEqual([]);
    expect(await publishDueArticles(db, new Date(embargo))).toEqual([draft.id]);
  });
});
