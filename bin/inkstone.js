#!/usr/bin/env node
// The `inkstone` command. The program is TypeScript run through tsx, so there is no build step.
// The project's tsconfig is named explicitly: tsx would otherwise look in the current directory,
// and a server started from elsewhere (a service manager, `npx` in another folder) would compile
// the JSX views for React instead of @kitajs/html.
import { fileURLToPath } from 'node:url';
import { register } from 'tsx/esm/api';

register({ tsconfig: fileURLToPath(new URL('../tsconfig.json', import.meta.url)) });
await import('../src/cli/main.ts');
