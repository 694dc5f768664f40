import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EvaluationReport } from '../../core/index.ts';
import { ROOT } from '../builders.ts';
import { klachten } from '../scenarios/run-cli.ts';
import { BUILD_TODAY, buildSite } from './build-site.ts';

// The site and the CLI read the register with one loader: a duplicate id counts the same on both.
describe('a register where two files share an id', () => {
  const register = mkdtempSync(join(tmpdir(), 'klachten-duplicate-'));
  let build: ReturnType<typeof buildSite>;

  beforeAll(() => {
    cpSync(join(ROOT, 'test/fixtures/adversarial-register'), register, { recursive: true });
    // Same file name and id in another folder: valid on its own, a duplicate only across files.
    mkdirSync(join(register, 'complaints', 'kopie'));
    cpSync(join(register, 'complaints/2025/KL-2025-0001.md'), join(register, 'complaints/kopie/KL-2025-0001.md'));
    build = buildSite({ mode: 'internal', register });
  }, 180_000);

  afterAll(() => {
    rmSync(register, { recursive: true, force: true });
    rmSync(build.outDir, { recursive: true, force: true });
  });

  it('builds, and the build log names the duplicate as klachten check does', () => {
    expect(build.status, build.output).toBe(0);
    expect(build.output).toContain('klachtdossiers met fouten tellen niet mee');
    expect(build.output).toMatch(/complaints\/kopie\/KL-2025-0001\.md:\d+:\d+: id KL-2025-0001 komt ook voor in/);
  });

  it('counts the same complaints on the evaluation page as klachten evaluate', () => {
    const result = klachten([
      'evaluate',
      '--year',
      '2025',
      '--organisation',
      'mvz',
      '--json',
      '--register',
      register,
      '--today',
      BUILD_TODAY,
    ]);
    const report = JSON.parse(result.stdout) as EvaluationReport;
    const received = report.organisations[0]?.received;
    expect(typeof received).toBe('number');
    const page = readFileSync(join(build.outDir, 'mvz/evaluaties/2025/index.html'), 'utf8');
    const shown = /<dt>Klachten ontvangen<\/dt>\s*<dd>([^<]*)<\/dd>/.exec(page)?.[1];
    expect(shown).toBe(String(received));
    // Both files with the duplicate id are left out: one fewer than the fixture's own count.
    const original = klachten([
      'evaluate',
      '--year',
      '2025',
      '--organisation',
      'mvz',
      '--json',
      '--register',
      join(ROOT, 'test/fixtures/adversarial-register'),
      '--today',
      BUILD_TODAY,
    ]);
    expect(received).toBe(((JSON.parse(original.stdout) as EvaluationReport).organisations[0]?.received as number) - 1);
  });
});

describe('a site build without its regulations folder', () => {
  it('says which variable names the folder, not a flag the site does not have', () => {
    const build = buildSite({ regulations: 'bestaat-niet' });
    rmSync(build.outDir, { recursive: true, force: true });
    expect(build.status).not.toBe(0);
    expect(build.output).toContain('map met reglementen niet gevonden');
    expect(build.output).toContain('zet KLACHTEN_REGULATIONS op de map met reglementen');
    expect(build.output).not.toContain('--regulations');
  });
});
