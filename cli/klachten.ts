#!/usr/bin/env node
// The `klachten` command. Enables Node's compile cache before the CLI loads, so repeated runs skip
// compiling (and type-stripping) the same modules again.
import { enableCompileCache } from 'node:module';

enableCompileCache();
const { run } = await import('./main.ts');
await run();
