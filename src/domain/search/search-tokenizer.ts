import { Worker } from 'node:worker_threads';
import type { ArticleRow } from '../../db/schema.ts';
import { toArticle } from '../articles/article.ts';
import type { IndexedDoc } from './search-index.ts';
import { toIndexedDoc } from './search.service.ts';

/**
 * Article rows → index entries for a bulk rebuild. Segmentation (jieba) costs about as much as
 * the database writes, so a large rebuild runs it on a worker thread while the calling thread
 * writes the previous batch: the two overlap on two cores. Small rebuilds (tests, the demo) and
 * hosts where the worker cannot start tokenise inline; the entries are the same either way.
 */
export interface BatchTokenizer {
  tokenize(rows: ArticleRow[]): Promise<IndexedDoc[]>;
  close(): Promise<void>;
}

export function inlineTokenizer(): BatchTokenizer {
  return {
    tokenize: async (rows) => rows.map((row) => toIndexedDoc(toArticle(row))),
    close: async () => {},
  };
}

type Reply = { id: number; docs?: IndexedDoc[]; error?: string };

export function workerTokenizer(): BatchTokenizer {
  const worker = new Worker(new URL('./search-tokenizer.worker.js', import.meta.url));
  const waiting = new Map<number, { resolve: (docs: IndexedDoc[]) => void; reject: (error: Error) => void }>();
  let nextId = 0;
  let failure: Error | undefined;
  const failAll = (error: Error) => {
    failure = error;
    for (const w of waiting.values()) w.reject(error);
    waiting.clear();
  };
  worker.on('message', (reply: Reply) => {
    const w = waiting.get(reply.id);
    waiting.delete(reply.id);
    if (reply.error !== undefined) w?.reject(new Error(`tokenizer worker: ${reply.error}`));
    else w?.resolve(reply.docs ?? []);
  });
  worker.on('error', failAll);
  worker.on('exit', (code) => failAll(new Error(`tokenizer worker exited (${code})`)));
  return {
    tokenize(rows) {
      if (failure) return Promise.reject(failure);
      const id = nextId++;
      return new Promise((resolve, reject) => {
        waiting.set(id, { resolve, reject });
        worker.postMessage({ id, rows });
      });
    },
    async close() {
      worker.removeAllListeners('exit');
      await worker.terminate();
    },
  };
}
