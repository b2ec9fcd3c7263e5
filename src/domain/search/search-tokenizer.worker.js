// Worker thread entry for `reindex`: plain JavaScript so it starts in any host (tsx, Vitest, the
// `inkstone` command), then registers tsx for the TypeScript it runs. See search-tokenizer.ts.
import { register } from 'tsx/esm/api';

register();
await import('./search-tokenizer.worker-main.ts');
