import { readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { buildSite, htmlPages } from './build-site.ts';

// A line break in a template before `{…}` is dropped by Astro (and Prettier's Astro plugin drops a space
// before `{…}` too): "van kracht vanaf 1 januari 2020.Het oorspronkelijke…", "per post.Een mondelinge
// klacht…", "Versies vanKlachtenreglement…". Every page's visible text, and what the search index shows
// as snippets, must keep a space after the end of a sentence and between words.

/** Elements inside a line of text: their tags join text without a space; every other tag separates. */
const INLINE = /^(?:a|abbr|b|bdi|bdo|cite|code|data|dfn|em|i|kbd|mark|q|s|small|span|strong|sub|sup|time|u)$/i;
/** A sentence end glued to the next word: "2020.Het", "(mondeling).Ook". */
const GLUED = /[a-zà-ÿ0-9)’”][.!?;:][A-Z][a-zà-ÿ]+/g;

function visibleText(html: string): string {
  return html
    .replace(/<(script|style|template)\b[\s\S]*?<\/\1>/gi, ' ')
    .replace(/<\/?([a-zA-Z0-9-]+)[^>]*>/g, (_, tag: string) => (INLINE.test(tag) ? '' : ' '))
    .replace(/&nbsp;/g, ' ')
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ');
}

/** Two words glued where a space went missing: "Versies vanKlachtenreglement". */
const JOINED = /[a-zà-ÿ][A-Z][a-zà-ÿ]/g;
/** Words written that way on purpose. */
const CAMEL_CASE = /^(?:JavaScript|GitHub)/;

function glued(text: string): string[] {
  const around = (index: number, length: number): string => text.slice(Math.max(0, index - 25), index + length + 10);
  return [
    ...[...text.matchAll(GLUED)].map((m) => around(m.index, m[0].length)),
    ...[...text.matchAll(JOINED)]
      .filter((m) => !CAMEL_CASE.test(text.slice(text.lastIndexOf(' ', m.index) + 1)))
      .map((m) => around(m.index, m[0].length)),
  ];
}

const builds = [buildSite(), buildSite({ mode: 'internal' })];

afterAll(() => {
  for (const build of builds) rmSync(build.outDir, { recursive: true, force: true });
});

describe('text without run-on sentences', () => {
  it.each([
    ['public', 0],
    ['internal', 1],
  ] as const)('on every page of the %s build', (_, index) => {
    const build = builds[index];
    expect(build?.status, build?.output).toBe(0);
    const dir = build?.outDir ?? '';
    const pages = htmlPages(dir);
    expect(pages.length).toBeGreaterThan(10);
    const found = pages.flatMap((file) =>
      glued(visibleText(readFileSync(join(dir, file), 'utf8'))).map((at) => `${file}: ${at}`),
    );
    expect(found).toEqual([]);
  });

  it('in the snippets of the search index', () => {
    const dir = join(builds[0]?.outDir ?? '', 'pagefind', 'fragment');
    const fragments = readdirSync(dir).filter((file) => file.endsWith('.pf_fragment'));
    expect(fragments.length).toBeGreaterThan(0);
    const found = fragments.flatMap((file) => {
      const text = gunzipSync(readFileSync(join(dir, file))).toString('utf8');
      const { content } = JSON.parse(text.slice(text.indexOf('{'))) as { content: string };
      return glued(content).map((at) => `${file}: ${at}`);
    });
    expect(found).toEqual([]);
  });
});

describe('a clean build (issue 18, point 6)', () => {
  it('gives every page a meta description and deploys no unused Pagefind interface', () => {
    const dir = builds[0]?.outDir ?? '';
    const pages = htmlPages(dir);
    const without = pages.filter(
      (file) => !/<meta name="description" content="[^"]+"/.test(readFileSync(join(dir, file), 'utf8')),
    );
    // A redirect page (one organisation) has none to give; this build has five.
    expect(without).toEqual([]);
    const bundles = readdirSync(join(dir, 'pagefind'));
    expect(bundles).toContain('pagefind.js');
    expect(bundles.filter((file) => /^pagefind-(?:ui|component-ui|modular-ui|highlight)\./.test(file))).toEqual([]);
  });
});

describe('a front door per organisation (issue 18, point 2)', () => {
  it('puts "in drie stappen" above the full text: how to submit, what to write, when an answer comes', () => {
    const dir = builds[0]?.outDir ?? '';
    for (const slug of ['coulant', 'mvz', 'organize4all', 'pit', 're-integratiedienst']) {
      const html = readFileSync(join(dir, slug, 'index.html'), 'utf8');
      const section = /<section class="three-steps"[\s\S]*?<\/section>/.exec(html)?.[0] ?? '';
      expect(section, slug).toMatch(/in drie stappen<\/h2>/);
      expect(section.match(/<li>/g)?.length, slug).toBe(3);
      expect(visibleText(section), slug).toMatch(/Dien uw klacht in: per e-mail/);
      expect(visibleText(section), slug).toMatch(/Dan hoort u: .+ binnen \d+ (?:werkdagen|dagen|weken) na ontvangst/);
      // Above the table of contents and the text.
      expect(html.indexOf('class="three-steps"'), slug).toBeLessThan(html.indexOf('id="inhoudsopgave"'));
    }
  });
});

describe('an evaluation page a director can show (issue 18, point 5)', () => {
  it('names the organisation in its heading and starts with a summary', () => {
    const html = readFileSync(join(builds[0]?.outDir ?? '', 'mvz', 'evaluaties', '2025', 'index.html'), 'utf8');
    expect(html).toMatch(/<h1>Klachten 2025 van MVZLoopbaancoaching<\/h1>/);
    const summary = /<section[^>]*class="summary"[\s\S]*?<\/section>/.exec(html)?.[0] ?? '';
    expect(visibleText(summary)).toMatch(/In het kort .*In 2025 kwamen 6 klachten binnen/);
    expect(html.indexOf('id="in-het-kort"')).toBeLessThan(html.indexOf('id="cijfers"'));
  });
});
