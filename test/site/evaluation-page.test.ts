import { readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MIN_THRESHOLD, smallLabel } from '../../core/evaluation/anonymise.ts';
import { launchChromium } from './browser.ts';
import { buildSite } from './build-site.ts';
import { serveStatic, type StaticSite } from './static-server.ts';

// Issue 18, point 5: an evaluation page a director can show. MVZ's 2025 is a small organisation's year (six
// complaints), so most of its counts are below the threshold.

const EVALUATION = '/mvz/evaluaties/2025/';
const SMALL = String(smallLabel(MIN_THRESHOLD));

const builds = { public: buildSite(), internal: buildSite({ mode: 'internal' }) };
let browser: Browser;
let site: StaticSite;
let internalSite: StaticSite;

beforeAll(async () => {
  for (const build of Object.values(builds)) if (build.status !== 0) throw new Error(build.output);
  site = await serveStatic(builds.public.outDir);
  internalSite = await serveStatic(builds.internal.outDir);
  browser = await launchChromium();
});

afterAll(async () => {
  await browser.close();
  await site.close();
  await internalSite.close();
  for (const build of Object.values(builds)) rmSync(build.outDir, { recursive: true, force: true });
});

async function open(url: string, width: number): Promise<Page> {
  const page = await browser.newPage({ viewport: { width, height: 844 } });
  await page.goto(url);
  return page;
}

function html(build: keyof typeof builds, path: string): string {
  return readFileSync(join(builds[build].outDir, path, 'index.html'), 'utf8');
}

/** The evaluation pages and the internal overview of a build, as paths. */
function evaluationPages(build: keyof typeof builds): string[] {
  return readdirSync(builds[build].outDir, { recursive: true })
    .map(String)
    .filter((file) => file.endsWith('index.html') && /(?:^|\/)(?:evaluaties|intern)\//.test(file))
    .map((file) => `/${file.replace(/index\.html$/, '')}`);
}

describe('the evaluation page on a phone (390 px)', () => {
  it('draws every label of a chart at 12 px or more, as the browser renders it', async () => {
    const page = await open(site.url + EVALUATION, 390);
    const sizes = await page.evaluate(() => {
      const found: { text: string; size: number }[] = [];
      for (const chart of document.querySelectorAll('.chart')) {
        const walker = document.createTreeWalker(chart, NodeFilter.SHOW_TEXT);
        for (let node = walker.nextNode(); node !== null; node = walker.nextNode()) {
          const element = node.parentElement;
          const text = node.textContent?.trim() ?? '';
          if (element === null || text === '' || !element.checkVisibility()) continue;
          let size = parseFloat(getComputedStyle(element).fontSize);
          // Text in an SVG is scaled with its viewBox: the font size times the drawing's scale.
          if (element instanceof SVGGraphicsElement) size *= element.getScreenCTM()?.a ?? 1;
          found.push({ text, size: Math.round(size * 10) / 10 });
        }
      }
      return found;
    });
    await page.close();
    expect(sizes.length).toBeGreaterThan(20);
    const smallest = Math.min(...sizes.map((s) => s.size));
    console.log(`kleinste tekst in een grafiek op 390 px: ${String(smallest)} px`);
    expect(sizes.filter((s) => s.size < 12)).toEqual([]);
  });

  it('scrolls a table wider than its box by keyboard, under a name, with a shadow at the hidden edge', async () => {
    const page = await open(site.url + EVALUATION, 390);
    const boxes = await page.evaluate(() =>
      [...document.querySelectorAll('table')].map((table) => {
        const box = table.parentElement!;
        const labelledby = box.getAttribute('aria-labelledby');
        const name =
          box.querySelector(':scope > figcaption')?.textContent ??
          (labelledby === null ? null : document.getElementById(labelledby)?.textContent);
        return {
          tag: box.tagName.toLowerCase(),
          overflows: box.scrollWidth > box.clientWidth,
          tabindex: box.getAttribute('tabindex'),
          name: name?.trim() ?? '',
          cue: getComputedStyle(box).backgroundImage,
        };
      }),
    );
    await page.close();
    const wide = boxes.filter((b) => b.overflows);
    expect(wide.length).toBeGreaterThan(0);
    for (const box of wide) {
      expect(box.tabindex, box.name).toBe('0');
      expect(box.name).not.toBe('');
      expect(box.cue, box.name).toContain('gradient');
    }
  });
});

describe('the evaluation page at 1280 px', () => {
  it('fits every table in its box: nothing cut off', async () => {
    const page = await open(site.url + EVALUATION, 1280);
    const cut = await page.evaluate(() =>
      [...document.querySelectorAll('table')]
        .map((table) => ({
          name: table.caption?.textContent ?? table.getAttribute('aria-labelledby') ?? '',
          hidden: table.parentElement!.scrollWidth - table.parentElement!.clientWidth,
        }))
        .filter((t) => t.hidden > 0),
    );
    const height = await page.evaluate(() => document.documentElement.scrollHeight);
    await page.close();
    const phone = await open(site.url + EVALUATION, 390);
    const phoneHeight = await phone.evaluate(() => document.documentElement.scrollHeight);
    await phone.close();
    console.log(`evaluatiepagina: ${String(height)} px hoog op 1280 px, ${String(phoneHeight)} px op 390 px`);
    expect(cut).toEqual([]);
  });
});

describe('the charts and their tables', () => {
  it("give each chart's figures once: the chart is its table, or the table is folded away", async () => {
    const page = await open(site.url + EVALUATION, 1280);
    const repeated = await page.evaluate(() => {
      const found: string[] = [];
      for (const chart of document.querySelectorAll('.chart')) {
        const labels = [...chart.querySelectorAll('tbody th[scope="row"]')].map((th) => th.textContent.trim());
        const shown: string[] = [];
        const walker = document.createTreeWalker(chart, NodeFilter.SHOW_TEXT);
        for (let node = walker.nextNode(); node !== null; node = walker.nextNode())
          if (node.parentElement?.checkVisibility()) shown.push(node.textContent?.trim() ?? '');
        for (const label of labels) if (shown.filter((text) => text === label).length !== 1) found.push(`${chart.id}: ${label}`);
      }
      return found;
    });
    const charts = await page.locator('.chart').count();
    await page.close();
    expect(charts).toBeGreaterThan(8);
    expect(repeated).toEqual([]);
  });

  it(`shows a count below the threshold as "${SMALL}" on one line, without a dashed bar`, async () => {
    const page = await open(site.url + EVALUATION, 1280);
    const found = await page.evaluate((small) => {
      const lineHeight = parseFloat(getComputedStyle(document.body).lineHeight);
      const dashed = [...document.querySelectorAll('.chart *')].filter((e) => {
        const style = getComputedStyle(e);
        return !['none', ''].includes(style.strokeDasharray) || [style.borderTopStyle, style.outlineStyle].includes('dashed');
      }).length;
      const rows = [...document.querySelectorAll('.chart tbody tr')]
        .map((row) => ({ row, cell: [...row.querySelectorAll('td')].find((td) => td.textContent.trim() === small) }))
        .filter((r) => r.cell !== undefined)
        .map(({ row, cell }) => {
          const range = document.createRange();
          range.selectNodeContents(cell!);
          return {
            label: row.querySelector('th')?.textContent.trim() ?? '',
            graphics: [...row.querySelectorAll('svg, rect')].filter((g) => g.getBoundingClientRect().width > 0).length,
            lines: Math.round(range.getBoundingClientRect().height / lineHeight),
          };
        });
      return { dashed, rows };
    }, SMALL);
    await page.close();
    expect(found.dashed).toBe(0);
    expect(found.rows.length).toBeGreaterThan(3);
    expect(found.rows.filter((r) => r.graphics > 0 || r.lines !== 1)).toEqual([]);
  });

  it('names every table by its caption or aria-labelledby, on the public and internal pages', async () => {
    for (const [build, url] of [
      ['public', site.url],
      ['internal', internalSite.url],
    ] as const)
      for (const path of evaluationPages(build)) {
        const page = await open(url + path, 1280);
        const unnamed = await page.evaluate(() =>
          [...document.querySelectorAll('table')]
            .filter((table) => {
              const id = table.getAttribute('aria-labelledby');
              const label = id === null ? '' : (document.getElementById(id)?.textContent ?? '');
              return (table.caption?.textContent.trim() ?? '') === '' && label.trim() === '';
            })
            .map((table) => table.outerHTML.slice(0, 80)),
        );
        await page.close();
        expect(unnamed, `${build}: ${path}`).toEqual([]);
      }
  });
});

describe('the built pages', () => {
  it('scroll their tables in a native element, not a div with role="region"', () => {
    for (const build of ['public', 'internal'] as const)
      for (const path of evaluationPages(build))
        expect(html(build, path).includes('role="region"'), `${build}: ${path}`).toBe(false);
  });

  it('show no klachten command and no internal wording on the public site; no script on an evaluation page', () => {
    expect(html('internal', EVALUATION)).toContain('klachten evaluate');
    for (const path of evaluationPages('public')) {
      const page = html('public', path);
      expect(page.includes('klachten evaluate'), path).toBe(false);
      expect(page.includes('<script'), path).toBe(false);
    }
    const pages = readdirSync(builds.public.outDir, { recursive: true })
      .map(String)
      .filter((file) => file.endsWith('.html'));
    // The text a reader sees: the staff form carries the regulations as data, as the open data does.
    const shown = (file: string): string =>
      readFileSync(join(builds.public.outDir, file), 'utf8').replace(/<script\b[\s\S]*?<\/script>/g, '');
    for (const file of pages) expect(/het register bewaart/i.test(shown(file)), file).toBe(false);
  });
});
