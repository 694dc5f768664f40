import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { FileSystemConfigLoader, HtmlValidate } from 'html-validate';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT } from '../builders.ts';
import { buildSite, htmlPages } from './build-site.ts';

// Issue 18, point 6: every built page passes html-validate's recommended preset with the project's
// configuration (.htmlvalidate.mjs), in the public build and in the internal one.

const builds = [buildSite(), buildSite({ mode: 'internal' })];

afterAll(() => {
  for (const build of builds) rmSync(build.outDir, { recursive: true, force: true });
});

/** The project's configuration, found from the root as the html-validate command finds it. */
const validator = new HtmlValidate(new FileSystemConfigLoader());

describe('valid HTML', () => {
  it.each([
    ['public', 0],
    ['internal', 1],
  ] as const)('every page of the %s build passes html-validate (recommended preset)', async (_, index) => {
    const build = builds[index];
    expect(build?.status, build?.output).toBe(0);
    const dir = build?.outDir ?? '';
    const pages = htmlPages(dir);
    expect(pages.length).toBeGreaterThan(10);
    const errors: string[] = [];
    for (const page of pages) {
      // Validated as if the page were in the project, so the project's configuration applies.
      const report = await validator.validateString(readFileSync(join(dir, page), 'utf8'), join(ROOT, 'site', page));
      for (const result of report.results)
        for (const message of result.messages)
          errors.push(`${page}:${String(message.line)}:${String(message.column)} ${message.ruleId}: ${message.message}`);
    }
    expect(errors).toEqual([]);
  });
});
