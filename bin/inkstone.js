#!/usr/bin/env node
// The `inkstone` command. The program is TypeScript run through tsx, so there is no build step.
import { register } from 'tsx/esm/api';

register();
await import('../src/cli/main.ts');
