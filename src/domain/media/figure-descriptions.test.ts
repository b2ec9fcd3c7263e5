import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { expect, it } from 'vitest';
import { describeEachDialect } from '../../../test/helpers/databases.ts';
import { makeChannels } from '../../../test/helpers/factories.ts';
import { createDraft, saveArticle } from '../articles/article-workflow.service.ts';
import { sanitizeRichText } from '../articles/rich-text.ts';
import { systemActor } from '../users/actor.ts';
import { actorFor, createUser } from '../users/user.service.ts';
import { figureDescriptions } from './figure-descriptions.ts';
import { storeImage } from './media.service.ts';

const figure = (id: number, alt: string, caption: string, credit: string) =>
  `<figure><img src="/media/x-960.jpg" alt="${alt}" width="960" height="640" data-media-id="${id}"><figcaption>${caption} <span class="credit">${credit}</span></figcaption></figure>`;

it('reads alt, caption and credit of each library figure in a sanitised body', () => {
  const body = sanitizeRichText(`<p>正文</p>${figure(7, '栈道上的游客', '游客在新建栈道上观鸟 &amp; 拍照', '本网记者 张晓雨 摄')}<figure><img src="/x.png" alt=""></figure>`);
  expect(figureDescriptions(body)).toEqual([{ mediaId: 7, alt: '栈道上的游客', caption: '游客在新建栈道上观鸟 & 拍照', credit: '本网记者 张晓雨 摄' }]);
});

describeEachDialect('a story describes the library images it is the first to use', (fresh) => {
  it('fills only empty alt, caption and credit, and records who did it', async () => {
    const db = await fresh();
    const dataDir = await mkdtemp(path.join(tmpdir(), 'inkstone-figures-'));
    try {
      const { world } = await makeChannels(db);
      const reporter = await actorFor(db, await createUser(db, systemActor(), { username: 'reporter', password: 'long-enough-pw', displayName: '张晓雨', role: 'reporter', channelIds: [world.id] }), '127.0.0.1');
      const photo = (colour: string) => sharp({ create: { width: 800, height: 600, channels: 3, background: colour } }).jpeg().toBuffer();
      // Uploaded from the picker: nothing typed yet.
      const uploaded = await storeImage(db, dataDir, await photo('#2f6f9f'), {}, reporter);
      // Already described in the library by the photo desk.
      const described = await storeImage(db, dataDir, await photo('#9f6f2f'), { caption: '资料图:湖区', credit: '本网资料', alt: '' }, reporter);
      const bodyHtml = `<p>栈道今日开放。</p>${figure(uploaded.id, '栈道上的游客', '游客在新建栈道上观鸟', '本网记者 张晓雨 摄')}${figure(described.id, '湖区远景', '另一种说明', '另一个署名')}`;
      const draft = await createDraft(db, reporter, { channelId: world.id, title: '观鸟栈道开放', bodyHtml, editorName: '' });

      const media = async (id: number) => db.kysely.selectFrom('media').select(['alt', 'caption', 'credit']).where('id', '=', id).executeTakeFirstOrThrow();
      expect(await media(uploaded.id)).toEqual({ alt: '栈道上的游客', caption: '游客在新建栈道上观鸟', credit: '本网记者 张晓雨 摄' });
      expect(await media(described.id)).toEqual({ alt: '湖区远景', caption: '资料图:湖区', credit: '本网资料' });

      // A later story's different words do not rewrite what the library now has.
      await saveArticle(db, reporter, draft.id, draft.version, { channelId: world.id, title: '观鸟栈道开放', bodyHtml: figure(uploaded.id, '别的', '别的说明', '别的署名'), editorName: '' });
      expect((await media(uploaded.id)).caption).toBe('游客在新建栈道上观鸟');
      const audit = await db.kysely.selectFrom('audit_log').select(['action', 'username', 'target_id']).where('action', '=', 'media.edit').execute();
      expect(audit.map((a) => [a.username, String(a.target_id)])).toEqual([
        ['reporter', String(uploaded.id)],
        ['reporter', String(described.id)],
      ]);
    } finally {
      await rm(dataDir, { recursive: true, force: true });
    }
  });
});
