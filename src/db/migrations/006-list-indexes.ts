import type { Kysely } from 'kysely';

/**
 * Lists show pinned (置顶) stories first, then the newest. These indexes let both the site-wide
 * list and each channel's list read the first rows in order instead of sorting every article.
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
    },
  };
}
