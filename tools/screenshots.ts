// npm run screenshots, or node tools/screenshots.ts: builds the public site from the demo register and
// regulations, serves it, and takes the pictures in docs/images/ that docs/site.md shows: the home page,
// an organisation's page, the deadline finder in use and an evaluation page, each 1280 and 390 pixels
// wide (the first screen; the finder scrolled to its answer). Run it after a change to the site's looks.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { launchChromium } from '../test/site/browser.ts';
import { serveStatic } from '../test/site/static-server.ts';

const ROOT = join(import.meta.dirname, '..');
const IMAGES = join(ROOT, 'docs/images');
/** The finder's example: a complaint received on this day. */
const RECEIVED = '2026-11-02';

const out = mkdtempSync(join(tmpdir(), 'klachten-screenshots-'));
process.stderr.write(`screenshots: de site bouwen in ${out} …\n`);
const built = spawnSync(process.execPath, [join(ROOT, 'node_modules/astro/bin/astro.mjs'), 'build'], {
  cwd: ROOT,
  encoding: 'utf8',
  env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', KLACHTEN_SITE_OUT: out, KLACHTEN_TODAY: '2026-11-21' },
  maxBuffer: 1 << 28,
});
if (built.status !== 0) throw new Error(`astro build failed:\n${built.stdout}${built.stderr}`);

/** Fills in the finder and scrolls to its answer. */
async function useFinder(page: Page): Promise<void> {
  await page.fill('#ontvangen', RECEIVED);
  await page.click('[data-finder-form] button[type="submit"]');
  const result = page.locator('[data-finder-result]');
  await result.locator('h3').waitFor();
  await page.locator('#termijnenwijzer').scrollIntoViewIfNeeded();
  await page.evaluate(() => {
    document.querySelector('#termijnenwijzer')?.scrollIntoView({ block: 'start' });
  });
}

const SHOTS: { name: string; path: string; prepare?: (page: Page) => Promise<void> }[] = [
  { name: 'home', path: '/' },
  { name: 'organisatie', path: '/mvz/' },
  { name: 'termijnenwijzer', path: '/mvz/', prepare: useFinder },
  { name: 'evaluatie', path: '/mvz/evaluaties/2025/' },
];
const WIDTHS = [
  { width: 1280, height: 800 },
  { width: 390, height: 844 },
];

mkdirSync(IMAGES, { recursive: true });
const site = await serveStatic(out);
const browser = await launchChromium(['--lang=nl-NL']);
try {
  for (const viewport of WIDTHS) {
    const context = await browser.newContext({ viewport, locale: 'nl-NL', reducedMotion: 'reduce' });
    const page = await context.newPage();
    for (const shot of SHOTS) {
      await page.goto(`${site.url}${shot.path}`, { waitUntil: 'load' });
      await shot.prepare?.(page);
      const file = join(IMAGES, `${shot.name}-${String(viewport.width)}.png`);
      await page.screenshot({ path: file });
      process.stderr.write(`screenshots: ${file}\n`);
    }
    await context.close();
  }
} finally {
  await browser.close();
  await site.close();
  rmSync(out, { recursive: true, force: true });
}
