import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

/**
 * A CommonJS library loaded the first time it is needed instead of at start-up. The HTML parser,
 * the sanitiser and the like take a few hundred milliseconds to load together, and a server that
 * has just started answers page requests that need none of them.
 */
export function requireOnFirstUse<T>(id: string): () => T {
  let loaded: T | undefined;
  return () => {
    loaded ??= require(id) as T;
    return loaded;
  };
}
