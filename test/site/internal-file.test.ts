import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from './browser.ts';
import { buildSite } from './build-site.ts';

// The internal site travels as a workflow artifact (a zip). A director unzips it and double-clicks
// index.html: every page must work from file://, with no server and no request that fails.

let unzipped = '';
let browser: Browser;

function htmlFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true })
    .map(String)
    .filter((file) => file.endsWith('.html'))
    .sort();
}

beforeAll(async () => {
  const build = buildSite({ mode: 'internal' });
  expect(build.status, build.output).toBe(0);
  // As if unzipped somewhere else: nothing may point back at the build folder.
  unzipped = join(mkdtempSync(join(tmpdir(), 'klachten-uitgepakt-')), 'interne site');
  cpSync(build.outDir, unzipped, { recursive: true });
  rmSync(build.outDir, { recursive: true, force: true });
  browser = await launchChromium();
});

afterAll(async () => {
  await browser.close();
  rmSync(unzipped, { recursive: true, force: true });
});

describe('the internal site opened from its files (file://)', () => {
  it('says how to open it, and has nothing that needs a server', () => {
    expect(readFileSync(join(unzipped, 'LEESMIJ.txt'), 'utf8')).toContain('index.html');
    for (const file of htmlFiles(unzipped)) {
      const html = readFileSync(join(unzipped, file), 'utf8');
      expect(html, file).not.toMatch(/<script(?![^>]*type="application\/json")/);
      expect(html, file).not.toMatch(/(?:href|src)="\/(?!\/)/);
    }
  });

  it('shows every page styled, with its charts, and no request fails', async () => {
    const pages = htmlFiles(unzipped);
    expect(pages).toEqual(expect.arrayContaining(['index.html', join('mvz', 'evaluaties', '2025', 'index.html')]));
    for (const file of pages) {
      const page = await browser.newPage();
      const failed: string[] = [];
      page.on('requestfailed', (request) => failed.push(request.url()));
      page.on('response', (response) => {
        if (response.status() >= 400) failed.push(response.url());
      });
      await page.goto(pathToFileURL(join(unzipped, file)).href);
      expect(failed, file).toEqual([]);
      // The stylesheet is applied: the header has its colour, not the browser's transparent default.
      const header = await page.evaluate(() => {
        const element = document.querySelector('.site-header');
        return element ? getComputedStyle(element).backgroundColor : 'none';
      });
      expect(header, file).not.toMatch(/^(none|rgba\(0, 0, 0, 0\))$/);
      if (/evaluaties[\\/]\d{4}/.test(file)) {
        const bars = await page.locator('svg rect').count();
        expect(bars, file).toBeGreaterThan(0);
      }
      await page.close();
    }
  });

  it('has links between its pages that open a file, and a click gets there', async () => {
    const missing: string[] = [];
    for (const file of htmlFiles(unzipped)) {
      const html = readFileSync(join(unzipped, file), 'utf8');
      const base = pathToFileURL(join(unzipped, file));
      for (const [, link = ''] of html.matchAll(/<a [^>]*href="([^"#][^"]*)"/g)) {
        if (/^(?:https?|mailto):/.test(link)) continue;
        const target = fileURLToPath(new URL(link, base).href.replace(/[?#].*$/, ''));
        if (!existsSync(target)) missing.push(`${file} → ${link}`);
      }
    }
    expect(missing).toEqual([]);

    const page = await browser.newPage();
    await page.goto(pathToFileURL(join(unzipped, 'index.html')).href);
    await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Evaluaties' }).click();
    expect(page.url()).toBe(pathToFileURL(join(unzipped, 'evaluaties', 'index.html')).href);
    expect(await page.locator('h1').textContent()).toMatch(/valuatie/);
    await page.close();
  });
});
