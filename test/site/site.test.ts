import { readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { gunzipSync } from 'node:zlib';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { amsterdamDate } from '../../core/index.ts';
import { personalValues, projectRegulations, ROOT, SAMPLE_REGISTER } from '../builders.ts';
import { axeViolations, launchChromium } from './browser.ts';
import { buildSite } from './build-site.ts';
import { serveStatic, type StaticSite } from './static-server.ts';

const SINGLE = join(ROOT, 'test/fixtures/site-single/regulations');

/** Every page template, with one example each. */
const TEMPLATES = {
  home: '/',
  regulation: '/re-integratiedienst/',
  version: '/pit/versies/2024-02-01/',
  search: '/zoeken/',
  openData: '/open-data/',
  accessibility: '/toegankelijkheid/',
  evaluations: '/evaluaties/',
  evaluation: '/mvz/evaluaties/2025/',
  notFound: '/bestaat-niet/',
};

/** The complaint ids of a register, from its file names. */
function complaintIds(register: string): string[] {
  return readdirSync(join(register, 'complaints'), { recursive: true })
    .map(String)
    .filter((f) => f.endsWith('.md'))
    .map((f) => f.replace(/^.*\//, '').replace(/\.md$/, ''));
}

/** The handlers' and involved staff's logins of a register's complaints. */
function logins(register: string): string[] {
  const found = new Set<string>();
  for (const name of readdirSync(join(register, 'complaints'), { recursive: true }).map(String)) {
    if (!name.endsWith('.md')) continue;
    const text = readFileSync(join(register, 'complaints', name), 'utf8');
    for (const m of text.matchAll(/^(?:handler: (\S+)|involved: \[([^\]]*)\])/gm))
      for (const login of (m[1] ?? m[2] ?? '').split(',')) if (login.trim() !== '') found.add(login.trim());
  }
  return [...found];
}

/**
 * No file of a build (or only `only`) contains any needle; Pagefind's gzipped files are opened first. A
 * needle that is one word (an id, login or date) counts only as a whole word: the login `behandelaar-a`
 * is not in the step id `behandelaar-aangesteld`.
 */
function expectNone(dir: string, needles: readonly string[], only?: readonly string[]): void {
  const words = needles.map((needle) => (/^[\w-]+$/.test(needle) ? new RegExp(`(?<![\\w-])${needle}(?![\\w-])`) : needle));
  for (const file of only ?? files(dir)) {
    const raw = readFileSync(join(dir, file));
    let text = raw.toString('utf8');
    if (raw[0] === 0x1f && raw[1] === 0x8b) text = gunzipSync(raw).toString('utf8');
    for (const needle of words) {
      const found = typeof needle === 'string' ? text.includes(needle) : needle.test(text);
      expect(found, `${file} bevat '${String(needle)}' uit het register`).toBe(false);
    }
  }
}

function files(dir: string): string[] {
  return readdirSync(dir, { recursive: true })
    .map(String)
    .filter((f) => statSync(join(dir, f)).isFile());
}

/** Pages only the internal site has. */
const INTERNAL_TEMPLATES = {
  draft: '/re-integratiedienst/evaluaties/2025/',
  openComplaints: '/intern/open-klachten/',
};

let main: { outDir: string; output: string };
let single: { outDir: string; output: string };
let internal: { outDir: string; output: string };
let adversarial: { outDir: string; output: string; status: number | null };
let browser: Browser;
let site: StaticSite;
let singleSite: StaticSite;
let internalSite: StaticSite;
const consoleErrors: string[] = [];

beforeAll(async () => {
  main = buildSite();
  // One organisation without a register: the sample register's evaluations belong to other organisations.
  single = buildSite({ regulations: relative(ROOT, SINGLE), register: 'test/fixtures/site-single/register' });
  internal = buildSite({ mode: 'internal' });
  adversarial = buildSite({ mode: 'internal', register: 'test/fixtures/adversarial-register' });
  if (!main.outDir || !single.outDir || !internal.outDir) throw new Error('build failed');
  site = await serveStatic(main.outDir);
  singleSite = await serveStatic(single.outDir);
  internalSite = await serveStatic(internal.outDir);
  browser = await launchChromium();
}, 180_000);

afterAll(async () => {
  await browser.close();
  await site.close();
  await singleSite.close();
  await internalSite.close();
  for (const build of [main, single, internal, adversarial]) rmSync(build.outDir, { recursive: true, force: true });
});

async function openPage(context: BrowserContext | Browser, url: string): Promise<Page> {
  const page = await context.newPage();
  page.on('console', (message) => {
    if (message.type() === 'error') consoleErrors.push(`${url}: ${message.text()}`);
  });
  page.on('pageerror', (error) => consoleErrors.push(`${url}: ${error.message}`));
  await page.goto(url);
  return page;
}

describe('npm run build: the public site', () => {
  it('builds every page, version and JSON file from the regulation files', () => {
    expect(main.output).toContain('5 reglementversies geladen');
    const built = files(main.outDir);
    for (const slug of projectRegulations().keys()) {
      expect(built).toContain(`${slug}/index.html`);
      expect(built).toContain(`${slug}/reglement.json`);
    }
    for (const page of ['index.html', '404.html', 'zoeken/index.html', 'toegankelijkheid/index.html', 'open-data/index.html'])
      expect(built).toContain(page);
    expect(built.some((f) => f.startsWith('pagefind/'))).toBe(true);
  });

  it('gives each article a stable anchor that every step link finds', () => {
    for (const [slug, versions] of projectRegulations()) {
      const html = readFileSync(join(main.outDir, slug, 'index.html'), 'utf8');
      for (const step of versions.at(-1)!.regulation.steps) {
        if (step.article !== undefined) expect(html, `${slug} ${step.id}`).toContain(`id="${step.article}"`);
      }
    }
  });

  it('publishes each procedure as open data, exactly as in the regulation file', () => {
    for (const [slug, versions] of projectRegulations()) {
      const json = JSON.parse(readFileSync(join(main.outDir, slug, 'reglement.json'), 'utf8')) as {
        current: string;
        versions: { procedure: unknown; rules: Record<string, string | null> }[];
      };
      expect(json.current).toBe(versions.at(-1)!.regulation.version);
      expect(json.versions.map((v) => v.procedure)).toEqual(versions.map((v) => v.regulation));
    }
    const re = JSON.parse(readFileSync(join(main.outDir, 're-integratiedienst/reglement.json'), 'utf8')) as {
      versions: { rules: Record<string, string | null> }[];
    };
    expect(re.versions[0]?.rules.ontvangstbevestiging).toBe('binnen 5 werkdagen na ontvangst');
  });

  it('carries nothing from the register: no complainant value, complaint id, login or line of complaint text', () => {
    const register = SAMPLE_REGISTER;
    const needles = [...personalValues(register), ...complaintIds(register), ...logins(register)];
    expect(needles.length).toBeGreaterThan(100);
    const all = files(main.outDir);
    expectNone(
      main.outDir,
      needles,
      all.filter((f) => !f.endsWith('.js')),
    );
    // The staff form's script carries the core's messages, whose example id (KL-2026-0007) the sample
    // register happens to use too: an example of the core, not data from the register.
    const core = readdirSync(join(ROOT, 'core'), { recursive: true })
      .map(String)
      .filter((f) => f.endsWith('.ts'))
      .map((f) => readFileSync(join(ROOT, 'core', f), 'utf8'))
      .join('\n');
    expectNone(
      main.outDir,
      needles.filter((needle) => !/^KL-\d{4}-\d{4,}$/.test(needle) || !core.includes(needle)),
      all.filter((f) => f.endsWith('.js')),
    );
  });

  it('publishes approved evaluations only; the internal build adds drafts and the open complaints', () => {
    const published = files(main.outDir);
    expect(main.output).toContain('9 evaluaties geladen');
    for (const page of ['evaluaties/index.html', 'mvz/evaluaties/2025/index.html', 'pit/evaluaties/2024/index.html'])
      expect(published).toContain(page);
    expect(published).not.toContain('re-integratiedienst/evaluaties/2025/index.html');
    expect(published.some((f) => f.startsWith('intern/'))).toBe(false);
    const all = files(internal.outDir);
    expect(internal.output).toContain('10 evaluaties geladen');
    expect(all).toContain('re-integratiedienst/evaluaties/2025/index.html');
    expect(all).toContain('intern/open-klachten/index.html');
    // Each chart is its own table, the bars drawn at build time in its cells (issue 18); the page has no script.
    const html = readFileSync(join(main.outDir, 'mvz/evaluaties/2025/index.html'), 'utf8');
    const charts = [...html.matchAll(/<figure class="chart[\s\S]*?<\/figure>/g)].map((m) => m[0]);
    expect(charts.length).toBeGreaterThan(8);
    for (const chart of charts) expect(chart.match(/<table/g)?.length ?? 0).toBeLessThanOrEqual(1);
    expect(html).toContain('<svg class="chart__bar"');
    expect(html).not.toContain('<script');
    // Public: no owner logins of improvement actions; internal: they are shown to staff.
    expect(html).not.toContain('directie-demo');
    expect(readFileSync(join(internal.outDir, 'mvz/evaluaties/2025/index.html'), 'utf8')).toContain('directie-demo');
  });

  it('keeps complainants out of the internal build too: ids, steps, dates and handlers only', () => {
    const overview = readFileSync(join(internal.outDir, 'intern/open-klachten/index.html'), 'utf8');
    expect(overview).toContain('KL-2026-0006');
    expect(overview).toContain('behandelaar-b');
    expect(overview).toContain('noindex');
    expect(overview).not.toContain('KL-2025-0001'); // closed
    expectNone(internal.outDir, personalValues(SAMPLE_REGISTER));
  });

  it('shows nothing identifying from an adversarial register on the evaluation pages, even internally', () => {
    expect(adversarial.status, adversarial.output).toBe(0);
    const register = join(ROOT, 'test/fixtures/adversarial-register');
    const dates = new Set<string>();
    for (const name of readdirSync(join(register, 'complaints'), { recursive: true }).map(String)) {
      if (!name.endsWith('.md')) continue;
      for (const m of readFileSync(join(register, 'complaints', name), 'utf8').matchAll(/\d{4}-\d{2}-\d{2}/g)) dates.add(m[0]);
    }
    const pages = files(adversarial.outDir).filter((f) => f.includes('/evaluaties/') || f.startsWith('evaluaties/'));
    expect(pages.length).toBeGreaterThan(0);
    const needles = [...personalValues(register), ...complaintIds(register), ...logins(register), ...dates];
    expectNone(adversarial.outDir, needles, pages);
    for (const file of pages) {
      const text = readFileSync(join(adversarial.outDir, file), 'utf8');
      expect(text, file).not.toMatch(/\b(?:Bejegening|Communicatie Resultaat)\b/);
      // Machine-readable dates would be exact; the pages name months at most, apart from the approval and build date.
      for (const m of text.matchAll(/datetime="([^"]+)"/g)) expect(m[1]).toMatch(/^\d{4}-\d{2}$/);
    }
  });

  it('keeps JavaScript to the search, the deadline finder and the staff form, and every public page under 50 KB with its CSS and JS', () => {
    const sizes: Record<string, number> = {};
    for (const file of files(main.outDir).filter((f) => f.endsWith('.html'))) {
      const html = readFileSync(join(main.outDir, file), 'utf8');
      const hasFinder = html.includes('data-finder');
      const hasSearch = html.includes('data-search');
      // The staff form (/nieuwe-klacht/) checks with the register's schema and writes YAML in the browser.
      const isStaffForm = html.includes('data-new-complaint');
      if (!hasFinder && !hasSearch && !isStaffForm) expect(html, file).not.toMatch(/<script(?![^>]*type="application\/json")/);
      const assets = new Set<string>();
      const queue = [...html.matchAll(/(?:href|src)="(\/_astro\/[^"]+\.(?:css|js))"/g)].map((m) => m[1]!);
      while (queue.length > 0) {
        const asset = queue.pop()!;
        if (assets.has(asset)) continue;
        assets.add(asset);
        const code = readFileSync(join(main.outDir, asset), 'utf8');
        for (const m of code.matchAll(/(?:from|import)\s*["']\.\/([^"']+\.js)["']/g)) queue.push(`/_astro/${m[1]!}`);
      }
      sizes[file] = Buffer.byteLength(html) + [...assets].reduce((sum, a) => sum + statSync(join(main.outDir, a)).size, 0);
    }
    // The staff form carries zod and yaml for the register's own checks; it is not a page for the public.
    const form = sizes['nieuwe-klacht/index.html'];
    console.log(`formulier voor medewerkers: ${((form ?? 0) / 1024).toFixed(1)} KB met eigen CSS en JS`);
    delete sizes['nieuwe-klacht/index.html'];
    const heaviest = Object.entries(sizes).sort((a, b) => b[1] - a[1])[0]!;
    console.log(`zwaarste pagina: ${heaviest[0]}, ${(heaviest[1] / 1024).toFixed(1)} KB met eigen CSS en JS`);
    expect(heaviest[1]).toBeLessThanOrEqual(50 * 1024);
  });

  it("marks what the register adds to a regulation, apart from the organisation's own rules", () => {
    const html = readFileSync(join(main.outDir, 'mvz/index.html'), 'utf8');
    expect(html).toContain('<h2 id="aanvullingen">Aanvullingen van het register</h2>');
    expect(html).toContain('grondslag: Awb art. 9:11 lid 2');
    expect(html).toContain('href="#aanvullingen"');
  });

  it('stops on a broken regulation with the file and line, as klachten check reports it', () => {
    const broken = buildSite({ regulations: 'test/fixtures/broken-regulations' });
    rmSync(broken.outDir, { recursive: true, force: true });
    expect(broken.status).not.toBe(0);
    expect(broken.output).toMatch(/test\/fixtures\/broken-regulations\/kapot\/2026-01-01\.md:\d+:\d+: /);
  });
});

describe('in Chromium', () => {
  it('has no axe-core violations on any page template, lang="nl" and a 404 status for unknown pages', async () => {
    for (const [name, path] of Object.entries(TEMPLATES)) {
      const page = await openPage(browser, site.url + path);
      expect(await page.getAttribute('html', 'lang'), name).toBe('nl');
      expect(await axeViolations(page), name).toEqual([]);
      await page.close();
    }
    const response = await fetch(`${site.url}/bestaat-niet/`);
    expect(response.status).toBe(404);
    for (const [name, path] of Object.entries({ ...INTERNAL_TEMPLATES, evaluation: TEMPLATES.evaluation })) {
      const page = await openPage(browser, internalSite.url + path);
      expect(await axeViolations(page), `intern: ${name}`).toEqual([]);
      await page.close();
    }
  });

  it('has no violations with the finder results, search results and an old version shown', async () => {
    const regulation = await openPage(browser, `${site.url}/re-integratiedienst/`);
    await regulation.fill('#ontvangen', '2026-04-01');
    await regulation.press('#ontvangen', 'Enter');
    await regulation.getByText('vrijdag 10 april 2026').waitFor();
    expect(await axeViolations(regulation)).toEqual([]);
    const search = await openPage(browser, `${site.url}/zoeken/`);
    await search.fill('#zoekterm', 'ombudsman');
    await search.locator('[data-search-results] li').first().waitFor();
    expect(await axeViolations(search)).toEqual([]);
    const old = await openPage(browser, `${singleSite.url}/voorbeeld-coaching/versies/2024-01-01/`);
    expect(await axeViolations(old)).toEqual([]);
    for (const page of [regulation, search, old]) await page.close();
  });

  it('computes the deadlines in the browser with the core engine, across Easter', async () => {
    const page = await openPage(browser, `${site.url}/re-integratiedienst/`);
    await page.fill('#ontvangen', '2026-04-01');
    await page.press('#ontvangen', 'Enter');
    const result = page.locator('[data-finder-result]');
    await result.getByText('Bij ontvangst op woensdag 1 april 2026').waitFor();
    const items = await result.locator('li').allInnerTexts();
    // A timeline: the date first, then what happens (issue 18, point 3).
    expect(items[0]).toMatch(/^woensdag 1 april 2026\s+Klacht ontvangen/);
    expect(items[1]).toMatch(/^uiterlijk vrijdag 10 april 2026\s+Ontvangst bevestigd/);
    expect(items[1]).toContain('Goede Vrijdag en Tweede Paasdag tellen niet mee');
    expect(items[2]).toContain('uiterlijk vrijdag 17 april 2026');
    expect(items[3]).toContain('uiterlijk woensdag 29 april 2026');
    await page.close();
  });

  it('counts a closing day, chains a step and gives the submission deadline', async () => {
    const page = await openPage(browser, `${singleSite.url}/voorbeeld-coaching/`);
    await page.fill('#ontvangen', '2026-12-21');
    await page.press('#ontvangen', 'Enter');
    const items = await page.locator('[data-finder-result] li').allInnerTexts();
    // From Monday 21 Dec: 22, 23, 24 count; Christmas Day (Friday) does not, nor the weekend (Boxing Day is a
    // Saturday); 28 Dec counts; the office is closed on the 29th; 30 Dec is the fifth working day.
    expect(items[1]).toContain('uiterlijk woensdag 30 december 2026');
    expect(items[1]).toContain('Eerste Kerstdag en Kantoor gesloten tellen niet mee');
    expect(items[2]).toContain('uiterlijk woensdag 27 januari 2027');
    expect(items[2]).toContain('als de stap ervoor de hele termijn gebruikt');
    // One extension of at most 2 weeks.
    expect(items[2]).toContain('uiterlijk woensdag 27 januari 2027; met verlenging uiterlijk woensdag 10 februari 2027');
    await page.close();
    const o4a = await openPage(browser, `${site.url}/organize4all/`);
    await o4a.fill('#opdracht-einde', '2026-04-01');
    await o4a.fill('#ontvangen', '2026-05-20');
    await o4a.press('#opdracht-einde', 'Enter');
    // Whether the complaint is in time, not only the last day (issue 18, point 3).
    await o4a.getByText('indienen kan tot en met woensdag 20 mei 2026').waitFor();
    await expect(o4a.locator('.finder-verdict').innerText()).resolves.toBe(
      'Uw klacht valt binnen de termijn: indienen kan tot en met woensdag 20 mei 2026.',
    );
    await o4a.close();
  });

  it('defaults to today in Amsterdam, whatever the visitor’s time zone', async () => {
    const context = await browser.newContext({ timezoneId: 'Pacific/Kiritimati' });
    const page = await context.newPage();
    // 23:30 UTC on 21 November is already the 22nd in Amsterdam and the 22nd in Kiritimati (UTC+14).
    await page.clock.setFixedTime(new Date('2026-11-21T23:30:00Z'));
    await page.goto(`${site.url}/pit/`);
    expect(await page.inputValue('#ontvangen')).toBe(amsterdamDate(new Date('2026-11-21T23:30:00Z')));
    const early = await browser.newContext({ timezoneId: 'America/Adak' });
    const earlyPage = await early.newPage();
    // 22:30 UTC on 21 November: still the 21st in Adak (UTC-10) and already 23:30 in Amsterdam, the 21st.
    await earlyPage.clock.setFixedTime(new Date('2026-11-21T22:30:00Z'));
    await earlyPage.goto(`${site.url}/pit/`);
    expect(await earlyPage.inputValue('#ontvangen')).toBe('2026-11-21');
    await context.close();
    await early.close();
  });

  it('works with the keyboard: skip link, visible focus, the finder and the search', async () => {
    const page = await openPage(browser, `${site.url}/re-integratiedienst/`);
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Direct naar de inhoud');
    const outline = await page.evaluate(() => getComputedStyle(document.activeElement!).outlineStyle);
    expect(outline).not.toBe('none');
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('inhoud');
    // Tab on until the date field of the finder; no mouse.
    for (let i = 0; i < 60; i += 1) {
      await page.keyboard.press('Tab');
      if (await page.evaluate(() => document.activeElement?.id === 'ontvangen')) break;
    }
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('ontvangen');
    expect(await page.evaluate(() => getComputedStyle(document.activeElement!).outlineStyle)).not.toBe('none');
    // The date field's order of day and month follows the browser's language: learn it by typing, as a
    // visitor would see it, then type 1 April 2026 in that order.
    await page.keyboard.type('01022003');
    const dayFirst = (await page.inputValue('#ontvangen')) === '2003-02-01';
    await page.keyboard.press('Shift+Tab');
    await page.keyboard.press('Shift+Tab');
    await page.keyboard.type(dayFirst ? '01042026' : '04012026');
    expect(await page.inputValue('#ontvangen')).toBe('2026-04-01');
    await page.keyboard.press('Enter');
    // The result heading takes focus, so a screen reader user hears the outcome.
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Bij ontvangst op woensdag 1 april 2026');
    await page.close();

    const search = await openPage(browser, `${site.url}/zoeken/`);
    await search.focus('#zoekterm');
    await search.keyboard.type('geschillencommissies');
    await search.locator('[data-search-results] a').first().waitFor();
    await search.keyboard.press('Tab');
    await search.keyboard.press('Tab');
    expect(await search.evaluate(() => document.activeElement?.textContent)).toBe(
      'Klachtenreglement PIT re-integratie & coaching',
    );
    await search.keyboard.press('Enter');
    // The result leads to the passage that matched, with the word to mark (test/site/search.test.ts).
    await search.waitForURL(/\/pit\/\?markeer=Geschillencommissie#niet-tevreden$/);
    await search.close();
  });

  it('finds the right regulation with a Dutch search, and loads Pagefind only on use', async () => {
    const regulation = await openPage(browser, `${site.url}/mvz/`);
    await regulation.waitForLoadState('networkidle');
    await regulation.close();
    const before = site.requests.length;
    const page = await openPage(browser, `${site.url}/zoeken/`);
    await page.waitForLoadState('networkidle');
    expect(site.requests.slice(before).filter((r) => r.startsWith('/pagefind/'))).toEqual([]);
    const search = async (term: string): Promise<string[]> => {
      await page.fill('#zoekterm', term);
      await page
        .locator('[data-search-status]')
        .filter({ hasText: `voor ‘${term}’` })
        .waitFor();
      return page.locator('[data-search-results] h2').allInnerTexts();
    };
    // Stemming: the plural finds the singular in the text, and the other way round.
    expect(await search('beroepsverenigingen')).toEqual(['Klachtenreglement MVZLoopbaancoaching']);
    expect(await search('loopbaanprofessional')).toEqual(['Klachtenreglement MVZLoopbaancoaching']);
    expect(await search('geschillencommissies')).toEqual(['Klachtenreglement PIT re-integratie & coaching']);
    expect((await search('klachten')).length).toBe(5);
    expect(await search('wkkgz')).toEqual(['Klachtenregeling Organize4all']);
    expect(site.requests.some((r) => r.startsWith('/pagefind/'))).toBe(true);
    await page.close();
  });

  it('reflows at 200% and 400% zoom without horizontal scrolling', async () => {
    // 200% zoom of a 1280 px window is a 640 px viewport; 400% is 320 px (WCAG 1.4.10).
    for (const width of [640, 320]) {
      const context = await browser.newContext({ viewport: { width, height: 800 } });
      for (const path of Object.values(TEMPLATES)) {
        const page = await context.newPage();
        await page.goto(site.url + path);
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
        expect(overflow, `${path} op ${String(width)} px`).toBeLessThanOrEqual(0);
        await page.close();
      }
      await context.close();
    }
  });

  it('shows the rules without JavaScript', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${site.url}/re-integratiedienst/`);
    await expect(page.getByText('binnen 5 werkdagen na ontvangst').first().isVisible()).resolves.toBe(true);
    await expect(page.locator('[data-finder-form]').isVisible()).resolves.toBe(false);
    // Chromium with scripting switched off by DevTools still parses <noscript> as if scripts ran, so read the markup.
    expect(await page.locator('.finder noscript').innerHTML()).toContain('werkt alleen met JavaScript');
    await context.close();
  });

  it('prints the regulation without menu, finder or search, with link addresses', async () => {
    const page = await openPage(browser, `${site.url}/mvz/`);
    await page.emulateMedia({ media: 'print' });
    const shown = (selector: string): Promise<boolean> => page.locator(selector).first().isVisible();
    expect(await shown('.site-header')).toBe(false);
    expect(await shown('.finder')).toBe(false);
    expect(await shown('.toc')).toBe(false);
    expect(await shown('.timeline')).toBe(true);
    expect(await shown('#artikel-1')).toBe(true);
    const after = await page.evaluate(() => getComputedStyle(document.querySelector('main a[href^="http"]')!, '::after').content);
    expect(after).toContain('http');
    const pdf = await page.pdf({ format: 'A4' });
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    await page.close();
  });

  it('prints an evaluation with its charts and tables, without menu or table of contents', async () => {
    const page = await openPage(browser, `${site.url}${TEMPLATES.evaluation}`);
    await page.emulateMedia({ media: 'print' });
    const shown = (selector: string): Promise<boolean> => page.locator(selector).first().isVisible();
    expect(await shown('.site-header')).toBe(false);
    expect(await shown('.toc')).toBe(false);
    expect(await shown('.chart__bar')).toBe(true);
    expect(await shown('.chart table')).toBe(true);
    expect(
      await page
        .locator('.chart')
        .first()
        .evaluate((el) => getComputedStyle(el).breakInside),
    ).toBe('avoid');
    const pdf = await page.pdf({ format: 'A4' });
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    await page.close();
  });

  it('leads from the menu and the organisation page to its evaluations', async () => {
    const page = await openPage(browser, `${site.url}/mvz/`);
    await page.getByRole('link', { name: 'Klachten 2025' }).click();
    await page.waitForURL(/\/mvz\/evaluaties\/2025\/$/);
    // The heading names the organisation (issue 18): a page a director can show on its own.
    expect(await page.locator('h1').innerText()).toBe('Klachten 2025 van MVZLoopbaancoaching');
    expect(await page.getByText('Goedgekeurd door directie').isVisible()).toBe(true);
    // The first chart's table gives the same figures as klachten evaluate.
    const quarter = await page.locator('#per-kwartaal tbody tr').allInnerTexts();
    expect(quarter[0]).toMatch(/1e kwartaal\s+< 3/);
    await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Evaluaties' }).click();
    await page.waitForURL(/\/evaluaties\/$/);
    expect(await page.getByRole('link', { name: 'Klachten 2024' }).count()).toBe(5);
    await page.close();
  });

  it('with one organisation, leads straight to its regulation and keeps older versions at their own address', async () => {
    const page = await openPage(browser, `${singleSite.url}/`);
    await page.waitForURL(/\/voorbeeld-coaching\/$/);
    expect(await page.locator('h1').innerText()).toBe('Klachtenregeling Voorbeeld Coaching');
    const versions = await page.locator('#versies ~ .table-scroll tbody tr').allInnerTexts();
    expect(versions[0]).toContain('2026');
    expect(versions[0]).toContain('geldt nu');
    expect(versions[0]).toContain('in plaats van 6 weken na ontvangst');
    expect(versions[1]).toContain('vervangen');
    await page.getByRole('link', { name: 'Versie 2024' }).click();
    await page.waitForURL(/\/voorbeeld-coaching\/versies\/2024-01-01\/$/);
    expect(await page.getByRole('note').innerText()).toContain('Dit is een eerdere versie');
    expect(await page.getByText('binnen 6 weken na ontvangst').first().isVisible()).toBe(true);
    await page.close();
  });

  it('logged no console errors on any page', () => {
    // The 404 page answers with status 404 by design; Chromium logs that as a failed resource.
    const expected = `${site.url}${TEMPLATES.notFound}: Failed to load resource: the server responded with a status of 404 (Not Found)`;
    expect(consoleErrors.filter((e) => e !== expected)).toEqual([]);
  });
});
