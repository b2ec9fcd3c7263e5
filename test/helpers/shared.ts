import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The workplace's shared data folder, beside the repository (never copied into it). */
export const SHARED_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../shared');

/** A path inside ../shared; throws a clear error when the folder is missing. */
export function sharedPath(...parts: string[]): string {
  const full = path.join(SHARED_DIR, ...parts);
  if (!existsSync(full)) throw new Error(`${full} is missing: the tests read ../shared beside the repository`);
  return full;
}
