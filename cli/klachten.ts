#!/usr/bin/env node
// The `klachten` command. Enables Node's compile cache before the CLI loads, so repeated runs skip
// compiling (and type-stripping) the same modules again. The cache lives where Node puts it (the
// system's temporary folder, node-compile-cache/, or NODE_COMPILE_CACHE); only this file, stripped
// before the cache is on, is compiled on every run. The worker of a large register turns it on too.
import * as nodeModule from 'node:module';

// Node 22.1 and later; `npx klachtenregister init` may start on an older Node (its register then
// brings Node 24), which runs without the cache.
(nodeModule as { enableCompileCache?: () => unknown }).enableCompileCache?.();
const { run } = await import('./main.ts');
await run();
