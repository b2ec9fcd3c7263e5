import { type Kysely, sql } from 'kysely';
import type { Dialect } from '../create-db.ts';
import { textDefault, withIdColumn } from '../dialect.ts';

/** The portal core: settings, channel tree, articles, media, revisions, curated block items. */
export function initial(dialect: Dialect) {
  return {
    async up(db: Kysely<any>): Promise<void> {
      await db.schema
        .createTable('settings')
        .addColumn('key', 'text', (c) => c.primaryKey())
        .addColumn('value', 'text', (c) => c.notNull())
        .execute();

      await withIdColumn(dialect, db.schema.createTable('channels'))
        .addColumn('parent_id', 'integer', (c) => c.references('channels.id'))
        .addColumn('slug', 'text', (c) => c.notNull())
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('kind', 'text', (c) => c.notNull().defaultTo('list'))
        .addColumn('position', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('in_nav', 'integer', (c) => c.notNull().defaultTo(1))
        .addColumn('description', 'text', textDefault)
        .addColumn('created_at', 'text', (c) => c.notNull())
        .execute();
      // Slugs are unique among siblings; a channel's URL is the path of its ancestors' slugs.
      await sql`create unique index channels_parent_slug on channels (coalesce(parent_id, 0), slug)`.execute(db);

      await db.schema
        .createTable('channel_redirects')
        .addColumn('old_path', 'text', (c) => c.primaryKey())
        .addColumn('channel_id', 'integer', (c) => c.notNull().references('channels.id').onDelete('cascade'))
        .execute();

      await withIdColumn(dialect, db.schema.createTable('media'))
        .addColumn('path', 'text', (c) => c.notNull())
        .addColumn('mime', 'text', (c) => c.notNull())
        .addColumn('size', 'integer', (c) => c.notNull())
        .addColumn('width', 'integer', (c) => c.notNull())
        .addColumn('height', 'integer', (c) => c.notNull())
        .addColumn('caption', 'text', textDefault)
        .addColumn('credit', 'text', textDefault)
        .addColumn('alt', 'text', textDefault)
        .addColumn('sha256', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('media_sha256').on('media').column('sha256').execute();

      await withIdColumn(dialect, db.schema.createTable('articles'))
        .addColumn('channel_id', 'integer', (c) => c.notNull().references('channels.id'))
        .addColumn('title', 'text', (c) => c.notNull())
        .addColumn('subtitle', 'text', textDefault)
        .addColumn('summary', 'text', textDefault)
        .addColumn('body_html', 'text', textDefault)
        .addColumn('cover_media_id', 'integer', (c) => c.references('media.id'))
        .addColumn('source_name', 'text', textDefault)
        .addColumn('source_url', 'text', textDefault)
        .addColumn('is_original', 'integer', (c) => c.notNull().defaultTo(1))
        .addColumn('original_title', 'text', textDefault)
        .addColumn('original_author', 'text', textDefault)
        .addColumn('dateline', 'text', textDefault)
        .addColumn('reporters', 'text', (c) => c.notNull().defaultTo('[]'))
        .addColumn('photographers', 'text', (c) => c.notNull().defaultTo('[]'))
        .addColumn('editor_name', 'text', textDefault)
        .addColumn('keywords', 'text', (c) => c.notNull().defaultTo('[]'))
        .addColumn('is_headline', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('is_focus', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('is_top', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('status', 'text', (c) => c.notNull().defaultTo('draft'))
        .addColumn('published_at', 'text')
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
        .execute();
      // Channel lists, previous/next and the home page all walk published articles by time.
      await db.schema
        .createIndex('articles_channel_published')
        .on('articles')
        .columns(['channel_id', 'status', 'published_at', 'id'])
        .execute();
      await db.schema.createIndex('articles_status_published').on('articles').columns(['status', 'published_at', 'id']).execute();

      await withIdColumn(dialect, db.schema.createTable('revisions'))
        .addColumn('article_id', 'integer', (c) => c.notNull().references('articles.id').onDelete('cascade'))
        .addColumn('version', 'integer', (c) => c.notNull())
        .addColumn('snapshot', 'text', (c) => c.notNull())
        .addColumn('author_name', 'text', textDefault)
        .addColumn('created_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('revisions_article').on('revisions').columns(['article_id', 'version']).execute();

      await withIdColumn(dialect, db.schema.createTable('block_items'))
        .addColumn('block', 'text', (c) => c.notNull())
        .addColumn('title', 'text', (c) => c.notNull())
        .addColumn('url', 'text', textDefault)
        .addColumn('image_media_id', 'integer', (c) => c.references('media.id'))
        .addColumn('account', 'text', textDefault)
        .addColumn('position', 'integer', (c) => c.notNull().defaultTo(0))
        .execute();
      await db.schema.createIndex('block_items_block').on('block_items').columns(['block', 'position']).execute();
    },
  };
}
