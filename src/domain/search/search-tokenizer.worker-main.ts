import { parentPort } from 'node:worker_threads';
import type { ArticleRow } from '../../db/schema.ts';
import { toArticle } from '../articles/article.ts';
import { toIndexedDoc } from './search.service.ts';

// Turns batches of article rows into index entries (jieba runs here, off the writing thread).
parentPort?.on('message', (message: { id: number; rows: ArticleRow[] }) => {
  try {
    parentPort?.postMessage({ id: message.id, docs: message.rows.map((row) => toIndexedDoc(toArticle(row))) });
  } catch (error) {
    parentPort?.postMessage({ id: message.id, error: (error as Error).message });
  }
});
