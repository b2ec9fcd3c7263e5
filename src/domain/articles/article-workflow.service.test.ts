import { expect, it } from 'vitest';
import { describeEachDialect } from '../../../test/helpers/databases.ts';
import { makeChannels } from '../../../test/helpers/factories.ts';
import type { Db } from '../../db/create-db.ts';
import type { ContentChange } from '../../db/change-feed.ts';
import { type Actor, systemActor } from '../users/actor.ts';
import { ForbiddenError } from '../users/policy.ts';
import { actorFor, createUser } from '../users/user.service.ts';
import { findPublishedArticle } from './article.queries.ts';
import {
  EditConflictError,
  WorkflowError,
  createDraft,
  publishArticle,
  publishDueArticles,
  rejectArticle,
  saveArticle,
  submitArticle,
  unpublishArticle,
} from './article-workflow.service.ts';
import { diffArticles, listRevisions, restoreRevision } from './revision.service.ts';

async function newsroom(db: Db) {
  const { world, gov } = await makeChannels(db);
  const make = async (username: string, role: 'reporter' | 'editor' | 'chief', channelIds: number[]) =>
    actorFor(db, await createUser(db, systemActor(), { username, password: 'long-enough-pw', displayName: `${username}真名`, role, channelIds }), '127.0.0.1');
  return {
    world,
    gov,
    reporter: await make('reporter', 'reporter', [world.id]),
    editor: await make('editor', 'editor', [world.id]),
    chief: await make('chief', 'chief', []),
  };
}

const fields = (channelId: number, extra: Record<string, unknown> = {}) => ({
  channelId,
  title: '城区新开三条公交线',
  bodyHtml: '<p>第一段<script>alert(1)</script></p>',
  editorName: '',
  ...extra,
});

describeEachDialect('article workflow', (fresh) => {
  it('runs draft → submitted → rejected → resubmitted → published, with the rules of each role', async () => {
    const db = await fresh();
    const { world, gov, reporter, editor } = await newsroom(db);
    const draft = await createDraft(db, reporter, fields(world.id));
    expect(draft.status).toBe('draft');
    expect(draft.bodyHtml).toBe('<p>第一段</p>');
    await expect(createDraft(db, reporter, fields(gov.id))).rejects.toThrow(ForbiddenError);
    await expect(publishArticle(db, reporter, draft.id)).rejects.toThrow(ForbiddenError);

    await submitArticle(db, reporter, draft.id);
    await expect(rejectArticle(db, editor, draft.id, '  ')).rejects.toThrow(WorkflowError);
    const rejected = await rejectArticle(db, editor, draft.id, '请补充信源');
    expect(rejected.status).toBe('rejected');
    const fixed = await saveArticle(db, reporter, draft.id, rejected.version, fields(world.id, { title: '城区新开三条公交线路', editorName: '王编辑' }));
    await submitArticle(db, reporter, draft.id);
    // Once submitted, the story is no longer the reporter's to change.
    await expect(saveArticle(db, reporter, draft.id, fixed.version + 1, fields(world.id))).rejects.toThrow(ForbiddenError);
    const published = await publishArticle(db, editor, draft.id);
    expect(published.status).toBe('published');
    expect((await findPublishedArticle(db, draft.id))?.title).toBe('城区新开三条公交线路');
  });

  it('refuses to publish without the responsible editor, or a repost without its source', async () => {
    const db = await fresh();
    const { world, chief } = await newsroom(db);
    const noEditor = await createDraft(db, chief, fields(world.id));
    await expect(publishArticle(db, chief, noEditor.id)).rejects.toMatchObject({ problems: ['editorName'] });
    const repost = await createDraft(db, chief, fields(world.id, { editorName: '王编辑', isOriginal: false }));
    await expect(publishArticle(db, chief, repost.id)).rejects.toMatchObject({ problems: ['sourceName', 'sourceUrlOrOriginalTitle'] });
    expect(await findPublishedArticle(db, repost.id)).toBeUndefined();
    // The source link becomes an href on the public page: only web addresses are accepted.
    await expect(createDraft(db, chief, fields(world.id, { sourceUrl: 'javascript:alert(1)' }))).rejects.toThrow(/http/);
  });

  it('keeps a published story online while it is edited, until the change is published', async () => {
    const db = await fresh();
    const { world, chief } = await newsroom(db);
    const changes: ContentChange[] = [];
    db.changes.subscribe((c) => changes.push(c));
    const article = await createDraft(db, chief, fields(world.id, { editorName: '王编辑' }));
    const live = await publishArticle(db, chief, article.id);
    expect(changes).toEqual([{ kind: 'article', articleId: article.id, channelIds: [world.id] }]);
    const edited = await saveArticle(db, chief, article.id, live.version, fields(world.id, { title: '新标题', editorName: '王编辑' }));
    expect(edited.title).toBe('新标题');
    expect((await findPublishedArticle(db, article.id))?.title).toBe('城区新开三条公交线');
    expect(changes).toHaveLength(1);
    await publishArticle(db, chief, article.id);
    const republished = await findPublishedArticle(db, article.id);
    expect(republished?.title).toBe('新标题');
    expect(republished?.publishedAt).toBe(live.publishedAt);
    await unpublishArticle(db, chief, article.id);
    expect(await findPublishedArticle(db, article.id)).toBeUndefined();
    expect(changes).toHaveLength(3);
  });

  it('refuses a save based on a stale version and changes nothing', async () => {
    const db = await fresh();
    const { world, editor, chief } = await newsroom(db);
    const article = await createDraft(db, editor, fields(world.id));
    await saveArticle(db, chief, article.id, article.version, fields(world.id, { title: '总编改的' }));
    await expect(saveArticle(db, editor, article.id, article.version, fields(world.id, { title: '编辑改的' }))).rejects.toThrow(EditConflictError);
    const revisions = await listRevisions(db, article.id);
    expect(revisions[0]?.article.title).toBe('总编改的');
    expect(revisions).toHaveLength(2);
  });

  it('schedules, then publishes when due (and only then)', async () => {
    const db = await fresh();
    const { world, chief } = await newsroom(db);
    const article = await createDraft(db, chief, fields(world.id, { editorName: '王编辑' }));
    const at = new Date(Date.now() + 3_600_000);
    expect((await publishArticle(db, chief, article.id, { at: at.toISOString() })).status).toBe('scheduled');
    expect(await publishDueArticles(db, new Date(at.getTime() - 1000))).toEqual([]);
    expect(await findPublishedArticle(db, article.id)).toBeUndefined();
    expect(await publishDueArticles(db, new Date(at.getTime() + 1000))).toEqual([article.id]);
    expect((await findPublishedArticle(db, article.id))?.publishedAt).toBe(at.toISOString());
  });

  it('refuses to schedule a story that is online, which stays online and unchanged', async () => {
    const db = await fresh();
    const { world, chief } = await newsroom(db);
    const article = await createDraft(db, chief, fields(world.id, { editorName: '王编辑' }));
    const live = await publishArticle(db, chief, article.id);
    const at = new Date(Date.now() + 3_600_000).toISOString();
    await expect(publishArticle(db, chief, article.id, { at })).rejects.toMatchObject({ problems: ['scheduleLive'] });
    expect((await findPublishedArticle(db, article.id))?.title).toBe('城区新开三条公交线');
    expect((await listRevisions(db, article.id))[0]?.version).toBe(live.version);
    // Taken offline first, it may be scheduled again.
    await unpublishArticle(db, chief, article.id);
    expect((await publishArticle(db, chief, article.id, { at })).status).toBe('scheduled');
  });

  it('lets only curators set 头条, 焦点图 and 置顶; a reporter save keeps what curators set', async () => {
    const db = await fresh();
    const { world, reporter, editor } = await newsroom(db);
    const flags = { isHeadline: true, isFocus: true, isTop: true };
    const draft = await createDraft(db, reporter, fields(world.id, flags));
    expect([draft.isHeadline, draft.isFocus, draft.isTop]).toEqual([false, false, false]);
    const curated = await saveArticle(db, editor, draft.id, draft.version, fields(world.id, { isHeadline: true, isFocus: false, isTop: true }));
    expect([curated.isHeadline, curated.isFocus, curated.isTop]).toEqual([true, false, true]);
    const resaved = await saveArticle(db, reporter, draft.id, curated.version, fields(world.id, { isHeadline: false, isFocus: true, isTop: false }));
    expect([resaved.isHeadline, resaved.isFocus, resaved.isTop]).toEqual([true, false, true]);
  });

  it('restores an old revision as a new save and shows a readable diff', async () => {
    const db = await fresh();
    const { world, chief } = await newsroom(db);
    const a = await createDraft(db, chief, fields(world.id, { bodyHtml: '<p>甲</p><p>乙</p>' }));
    const b = await saveArticle(db, chief, a.id, a.version, fields(world.id, { title: '改过', bodyHtml: '<p>甲</p><p>丙</p>' }));
    const [latest, first] = await listRevisions(db, a.id);
    const diff = diffArticles(first!.article, latest!.article);
    expect(diff.fields).toEqual([{ name: 'title', before: '城区新开三条公交线', after: '改过' }]);
    expect(diff.body).toEqual([
      { kind: 'same', text: '甲' },
      { kind: 'removed', text: '乙' },
      { kind: 'added', text: '丙' },
    ]);
    const restored = await restoreRevision(db, chief as Actor, a.id, first!.id, b.version);
    expect(restored.title).toBe('城区新开三条公交线');
    expect(await listRevisions(db, a.id)).toHaveLength(3);
  });
});
