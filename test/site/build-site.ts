import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT } from '../builders.ts';

/** The date the test builds treat as today, so "current version" does not move with the clock. */
export const BUILD_TODAY = '2026-11-21';

/** The folders a build reads unless told otherwise: the tests' copy of the sample, never the project's. */
const SAMPLE_FOLDERS = { regulations: 'test/fixtures/sample/regulations', register: 'test/fixtures/sample/register' };

/**
 * Builds the site with Astro (and Pagefind) into a fresh folder, as `npm run build` does, or as
 * `npm run build:internal` does with `mode: 'internal'`. `regulations` and `register` (KLACHTEN_REGULATIONS
 * and KLACHTEN_REGISTER) default to the sample in test/fixtures/sample.
 */
export function buildSite(
  options: { regulations?: string; register?: string; today?: string; mode?: 'public' | 'internal' } = {},
): {
  outDir: string;
  status: number | null;
  output: string;
} {
  const outDir = mkdtempSync(join(tmpdir(), 'klachten-site-'));
  const result = spawnSync(process.execPath, [join(ROOT, 'node_modules/astro/bin/astro.mjs'), 'build'], {
    cwd: ROOT,
    encoding: 'utf8',
    env: {
      ...process.env,
      KLACHTEN_SITE_OUT: outDir,
      KLACHTEN_TODAY: options.today ?? BUILD_TODAY,
      KLACHTEN_REGULATIONS: options.regulations ?? SAMPLE_FOLDERS.regulations,
      KLACHTEN_REGISTER: options.register ?? SAMPLE_FOLDERS.register,
      KLACHTEN_SITE_MODE: options.mode ?? 'public',
      ASTRO_TELEMETRY_DISABLED: '1',
    },
  });
  return { outDir, status: result.status, output: `${result.stdout}${result.stderr}` };
}

/** The HTML pages of a build, relative to its folder (Pagefind's files among them if it wrote any). */
export function htmlPages(outDir: string): string[] {
  return readdirSync(outDir, { recursive: true })
    .map(String)
    .filter((file) => file.endsWith('.html'));
}
