/**
 * The benchmark's portal: the demo plus N synthetic published articles, inserted in batches.
 * Shared by run.ts and by profiling sessions that want to reuse one seeded file (`--db`).
 */
import fs from 'node:fs';
import { type Db, createDb } from '../../src/db/create-db.ts';
import { migrateToLatest } from '../../src/db/migrate.ts';
import { createDemo } from '../../src/domain/demo/create-demo.ts';
import type { Kysely } from 'kysely';
import type { Database, NewArticleRow } from '../../src/db/schema.ts';

const PARAGRAPHS = [
  '临湖市今年以来持续推进城市更新行动,老旧小区改造、背街小巷整治和公共空间提升同步展开,市民出行和生活环境明显改善。',
  '市有关部门负责人介绍,下一步将围绕群众关心的停车难、充电难等问题,分批推出便民措施,并通过社区议事会广泛听取意见。',
  '据统计,一季度全市地区生产总值同比增长百分之五点八,规模以上工业增加值增长百分之七点一,消费市场保持回暖态势。',
  '专家表示,县域经济是稳增长的重要支撑,应当因地制宜发展特色产业,推动城乡要素双向流动,促进共同富裕。',
];

/** Inserts `count` published articles spread over the last three years, in batched transactions. */
export async function seedArticles(db: Db, count: number): Promise<void> {
  const channels = await db.kysely.selectFrom('channels').select(['id', 'kind']).execute();
  const listIds = channels.filter((c) => c.kind === 'list').map((c) => c.id);
  const now = Date.now();
  const span = 3 * 365 * 24 * 3600 * 1000;
  const batch = 500;
  for (let start = 0; start < count; start += batch) {
    const rows: NewArticleRow[] = [];
    for (let i = start; i < Math.min(count, start + batch); i++) {
      const at = new Date(now - span + Math.floor((span * i) / count)).toISOString();
      const body = PARAGRAPHS.map((p, k) => (k === 2 ? `<h2>第${(i % 9) + 1}部分</h2><p>${p}</p>` : `<p>${p}</p>`)).join('');
      rows.push({
        channel_id: listIds[i % listIds.length] ?? 1,
        title: `临湖新闻第${i + 1}号:城市更新与民生实事稳步推进`,
        subtitle: '',
        summary: '',
        body_html: body,
        cover_media_id: null,
        source_name: '',
        source_url: '',
        is_original: 1,
        original_title: '',
        original_author: '',
        dateline: '',
        reporters: '["王记者"]',
        photographers: '[]',
        editor_name: '李编辑',
        keywords: '[]',
        is_headline: 0,
        is_focus: 0,
        is_top: 0,
        status: 'published' as const,
        published_at: at,
        created_at: at,
        updated_at: at,
        version: 1,
      });
    }
    await db.kysely.transaction().execute(async (trx) => {
      const inserted = await trx.insertInto('articles').values(rows).returning('id').execute();
      await storeRelatedLists(trx, inserted.map((r) => r.id), listIds.length);
    });
  }
}

/**
 * A published article normally has its stored 相关新闻 (`related_articles`, written on publish and
 * by `inkstone reindex`); without one, the page falls back to the latest of the channel. Seeded
 * articles get six stored neighbours of their own channel (same-channel ids are `stride` apart),
 * so the benchmark reads related news the way a real portal does.
 */
async function storeRelatedLists(trx: Kysely<Database>, ids: number[], stride: number): Promise<void> {
  const values: { article_id: number; position: number; related_id: number; score: number }[] = [];
  const first = Math.min(...ids);
  for (const id of ids) {
    for (let position = 0; position < 6; position++) {
      const related = id - (position + 1) * stride;
      if (related >= first - 6 * stride && related > 0) values.push({ article_id: id, position, related_id: related, score: 1 });
    }
  }
  for (let i = 0; i < values.length; i += 1000) await trx.insertInto('related_articles').values(values.slice(i, i + 1000)).execute();
}

export async function countArticles(db: Db): Promise<number> {
  return Number((await db.kysely.selectFrom('articles').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
}

/**
 * Opens `dbFile`, creating the demo portal with `count` extra articles when the file is new;
 * an existing file is migrated and reused as it is (its article count is reported).
 */
export async function openSeededPortal(dbFile: string, dataDir: string, count: number): Promise<{ db: Db; total: number; seededMs?: number }> {
  const fresh = !fs.existsSync(dbFile);
  const db = await createDb({ dialect: 'sqlite', file: dbFile });
  await migrateToLatest(db);
  if (!fresh) return { db, total: await countArticles(db) };
  await createDemo(db, dataDir);
  const started = performance.now();
  await seedArticles(db, count);
  return { db, total: await countArticles(db), seededMs: performance.now() - started };
}
