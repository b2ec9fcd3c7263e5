import { describe, expect, it } from 'vitest';
import type { ArticleRow } from '../../db/schema.ts';
import { inlineTokenizer, workerTokenizer } from './search-tokenizer.ts';

function row(id: number, title: string, body: string, publishedAt: string | null): ArticleRow {
  return {
    id, channel_id: 3, title, subtitle: '', summary: '', body_html: `<p>${body}</p>`, cover_media_id: null, source_name: '新华网', source_url: '',
    is_original: 0, original_title: '', original_author: '', dateline: '', reporters: '[]', photographers: '[]', editor_name: '编辑',
    keywords: '["停火"]', is_headline: 0, is_focus: 0, is_top: 0, status: publishedAt ? 'published' : 'draft', published_at: publishedAt,
    created_at: '2025-05-01T00:00:00.000Z', updated_at: '2025-05-02T00:00:00.000Z', version: 1, author_id: null, working_copy: null,
    review_comment: '', scheduled_at: null, unpublish_at: null, embargo_until: null,
  };
}

describe('reindex tokenizer', () => {
  it('gives the same index entries on the worker thread as inline', async () => {
    const rows = [
      row(1, '泽连斯基会见欧洲领导人', '乌克兰总统泽连斯基当天在基辅会见到访的欧洲领导人。', '2025-05-19T02:28:00.000Z'),
      row(2, '市民热议 G20 峰会', '本届G20峰会在南非举行。', null),
    ];
    const worker = workerTokenizer();
    try {
      const [onWorker, inline] = await Promise.all([worker.tokenize(rows), inlineTokenizer().tokenize(rows)]);
      expect(onWorker).toEqual(inline);
      expect(onWorker[0]?.words.split(' ')).toContain('连斯基');
      // Drafts are keyed by their last change, published articles by their publish time.
      expect(onWorker[1]?.sortKey).toBeLessThan(onWorker[0]?.sortKey ?? 0n);
    } finally {
      await worker.close();
    }
  });
});
