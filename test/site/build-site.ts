import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT } from '../builders.ts';

/** The date the test builds treat as today, so "current version" does not move with the clock. */
export const BUILD_TODAY = '2026-11-21';

/**
 * Builds the site with Astro (and Pagefind) into a fresh folder, as `npm run build` does, or as
 * `npm run build:internal` does with `mode: 'internal'`.
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
      ...(options.regulations === undefined ? {} : { KLACHTEN_REGULATIONS: options.regulations }),
      ...(options.register === undefined ? {} : { KLACHTEN_REGISTER: options.register }),
      KLACHTEN_SITE_MODE: options.mode ?? 'public',
      ASTRO_TELEMETRY_DISABLED: '1',
    },
  });
  return { outDir, status: result.status, output: `${result.stdout}${result.stderr}` };
}
