import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { importItems, listImportItems } from '../../src/domain/ingest/bulk-import.service.ts';
import { describeEachDialect } from '../helpers/databases.ts';
import { makeChannels } from '../helpers/factories.ts';

const page = (title: string, lead: string) => `<html lang="zh-CN"><head><meta charset="utf-8"><title>${title}_某某网</title></head><body>
<h1>${title}</h1><div class="info">来源：新华网 时间：2025-05-19 10:28</div>
<div class="content"><p>新华社北京5月18日电 ${lead}，有关部门表示将继续推进相关工作，确保各项措施落到实处。</p>
<p>${lead}。分析人士认为，这一进展具有重要意义，但后续仍有不少工作需要完成，各方将保持密切沟通。</p>
<p>${lead}，当地群众对此普遍表示欢迎，认为相关举措切实回应了大家的关切，期待早日见到成效。</p></div></body></html>`;

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'inkstone-import-'));
  await writeFile(path.join(dir, 'a.html'), page('湖区新建三座污水处理厂', '湖区今年将新建三座污水处理厂'));
  await writeFile(path.join(dir, 'b.html'), page('全市农村公路改造完成过半', '全市农村公路改造工程已完成过半'));
  // The same story as a.html under another headline: a near duplicate.
  await writeFile(path.join(dir, 'c.html'), page('三座污水处理厂今年开建', '湖区今年将新建三座污水处理厂'));
  await writeFile(path.join(dir, 'd.txt'), '   ');
  await writeFile(
    path.join(dir, 'archive.jsonl'),
    `${JSON.stringify({ title: '旧稿一篇', body_html: '<p>这是从旧系统导出的一篇稿件，正文只有一段，但内容完整，可以直接导入。</p>', url: 'https://old.example.cn/1.html', published_at: '2019-01-02T08:00:00+08:00' })}\nnot json\n`,
  );
});
afterAll(async () => rm(dir, { recursive: true, force: true }));

describeEachDialect('bulk import', (fresh) => {
  it('imports a folder, skips duplicates and unreadable files with reasons, and resumes after an interruption', async () => {
    const db = await fresh();
    await makeChannels(db);
    const items = (await listImportItems(dir)).filter((i) => !i.key.endsWith('.jsonl'));
    expect(items.map((i) => i.key)).toEqual(['a.html', 'b.html', 'c.html', 'd.txt']);
    const options = { channel: 'news/world', status: 'draft' as const, author: 'import' };
    // Interrupted after the second item…
    await expect(
      importItems(db, dir, items, {
        ...options,
        onItem: (done) => {
          if (done === 2) throw new Error('interrupted');
        },
      }),
    ).rejects.toThrow('interrupted');
    // …and run again: it continues with the third.
    const summary = await importItems(db, dir, items, options);
    expect(summary.resumed).toBe(2);
    expect(summary.imported).toBe(0);
    expect(summary.skipped.map((s) => s.key)).toEqual(['c.html', 'd.txt']);
    expect(summary.skipped[0]?.reason).toMatch(/^duplicate of article \d+ \(near-identical text\)$/);
    expect(summary.skipped[1]?.reason).toMatch(/^unreadable: /);
    const articles = await db.kysely.selectFrom('articles').select(['title', 'status', 'source_name', 'dateline', 'is_original']).orderBy('id').execute();
    expect(articles).toEqual([
      { title: '湖区新建三座污水处理厂', status: 'draft', source_name: '新华网', dateline: '新华社北京5月18日电', is_original: 0 },
      { title: '全市农村公路改造完成过半', status: 'draft', source_name: '新华网', dateline: '新华社北京5月18日电', is_original: 0 },
    ]);
  });

  it('refuses a channel that does not exist before writing anything, so a corrected run imports every item', async () => {
    const db = await fresh();
    await makeChannels(db);
    const items = (await listImportItems(dir)).filter((i) => !i.key.endsWith('.jsonl'));
    await expect(importItems(db, dir, items, { channel: 'news/wrold', status: 'draft', author: 'import' })).rejects.toThrow(
      'no channel "news/wrold": give the path of an existing channel, e.g. news/world',
    );
    const summary = await importItems(db, dir, items, { channel: 'news/world', status: 'draft', author: 'import' });
    expect(summary.resumed).toBe(0);
    expect(summary.imported).toBe(2);
  });

  it('reads a publish time given without a zone in the site’s zone (Asia/Shanghai), not the server’s', async () => {
    const db = await fresh();
    await makeChannels(db);
    const file = path.join(dir, 'floating.jsonl');
    await writeFile(file, `${JSON.stringify({ title: '旧稿二篇', body_html: '<p>这是从旧系统导出的第二篇稿件，发布时间没有写时区，应按本站时区理解。</p>', published_at: '2019-01-03T08:00:00' })}\n`);
    const summary = await importItems(db, file, await listImportItems(file), { channel: 'news', status: 'published', author: 'import' });
    expect(summary.imported).toBe(1);
    const row = await db.kysely.selectFrom('articles').select('published_at').executeTakeFirstOrThrow();
    expect(row.published_at).toBe('2019-01-03T00:00:00.000Z');
  });

  it('imports JSON Lines records as published articles and names bad lines', async () => {
    const db = await fresh();
    await makeChannels(db);
    const items = await listImportItems(path.join(dir, 'archive.jsonl'));
    const summary = await importItems(db, path.join(dir, 'archive.jsonl'), items, { channel: 'news', status: 'published', author: 'import' });
    expect(summary.imported).toBe(1);
    expect(summary.skipped).toEqual([{ key: 'archive.jsonl:2', reason: 'unreadable: not valid JSON' }]);
    const row = await db.kysely.selectFrom('articles').select(['title', 'status', 'published_at', 'source_url']).executeTakeFirstOrThrow();
    expect(row).toEqual({ title: '旧稿一篇', status: 'published', published_at: '2019-01-02T00:00:00.000Z', source_url: 'https://old.example.cn/1.html' });
  });
});
