import type { Kysely } from 'kysely';

/**
 * Lists show pinned (置顶) stories first, then the newest; the home page picks flagged stories.
 * These indexes let every such list read its first rows in order instead of sorting every article.
 */
export function listIndexes() {
  return {
    async up(db: Kysely<any>): Promise<void> {
      await db.schema.createIndex('articles_pinned_published').on('articles').columns(['status', 'is_top', 'published_at', 'id']).execute();
      await db.schema
        .createIndex('articles_channel_pinned_published')
        .on('articles')
        .columns(['channel_id', 'status', 'is_top', 'published_at', 'id'])
        .execute();
      // The home page's headline and focus strip read the newest flagged stories.
      await db.schema.createIndex('articles_headline_published').on('articles').columns(['status', 'is_headline', 'published_at', 'id']).execute();
      await db.schema.createIndex('articles_focus_published').on('articles').columns(['status', 'is_focus', 'published_at', 'id']).execute();
    },
  };
}
