import { rmSync } from 'node:fs';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { launchChromium } from './browser.ts';
import { buildSite } from './build-site.ts';
import { serveStatic, type StaticSite } from './static-server.ts';

/** The sample site of one test file: where it was built, where it is served, the browser to open it in. */
export interface ServedSite {
  readonly outDir: string;
  readonly url: string;
  readonly browser: Browser;
}

/**
 * Builds the sample site before a test file's tests (buildSite's defaults), serves it and starts
 * Chromium; stops both and removes the build after them. Call it at the top of the file.
 */
export function servedSite(): ServedSite {
  let outDir: string | undefined;
  let server: StaticSite | undefined;
  let browser: Browser | undefined;
  beforeAll(async () => {
    const build = buildSite();
    outDir = build.outDir;
    if (build.status !== 0) throw new Error(build.output);
    server = await serveStatic(build.outDir);
    browser = await launchChromium();
  }, 180_000);
  afterAll(async () => {
    await browser?.close();
    await server?.close();
    if (outDir !== undefined) rmSync(outDir, { recursive: true, force: true });
  });
  const started = <T>(value: T | undefined): T => {
    if (value === undefined) throw new Error('servedSite: the site is not built yet (use it inside a test)');
    return value;
  };
  return {
    get outDir() {
      return started(outDir);
    },
    get url() {
      return started(server).url;
    },
    get browser() {
      return started(browser);
    },
  };
}
