import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { SAMPLE } from '../builders.ts';
import { klachten } from '../scenarios/run-cli.ts';
import { BUILD_TODAY, buildSite } from './build-site.ts';

// The directors approve MVZ's evaluation of 2025 and fix its figures; later a step of a 2025 complaint
// is recorded late. The public page keeps the approved figures; the internal report says what changed.

const dir = mkdtempSync(join(tmpdir(), 'klachten-frozen-'));
cpSync(SAMPLE, dir, { recursive: true });
const complaint = join(dir, 'register', 'complaints', '2025', 'KL-2025-0009.md');
// Until the late record, MVZ's report of 2025-0009 is missing.
writeFileSync(complaint, readFileSync(complaint, 'utf8').replace('  verslag: 2025-02-28\n', ''));
const folders = { regulations: join(dir, 'regulations'), register: join(dir, 'register') };
const builds: string[] = [];

/** The figures of a built evaluation page: its tables, without the build's own dates. */
function figures(outDir: string): string {
  const html = readFileSync(join(outDir, 'mvz', 'evaluaties', '2025', 'index.html'), 'utf8');
  return [...html.matchAll(/<table[\s\S]*?<\/table>/g)].map((m) => m[0]).join('\n');
}

afterAll(() => {
  for (const folder of [dir, ...builds]) rmSync(folder, { recursive: true, force: true });
});

describe('figures fixed at approval', () => {
  it('keep the public page as approved after a late record; the internal report shows the difference', () => {
    const freeze = klachten(['evaluate', '--year', '2025', '--organisation', 'mvz', '--freeze', '--today', BUILD_TODAY], {
      cwd: dir,
    });
    expect(freeze.code, freeze.stderr).toBe(0);
    expect(freeze.stdout).toContain('2025.cijfers.json geschreven');
    expect(klachten(['check', '--today', BUILD_TODAY], { cwd: dir }).code).toBe(0);

    const before = buildSite(folders);
    builds.push(before.outDir);
    expect(before.status, before.output).toBe(0);
    const page = readFileSync(join(before.outDir, 'mvz', 'evaluaties', '2025', 'index.html'), 'utf8');
    expect(page).toContain('vastgesteld bij de goedkeuring');

    // The report sent late, recorded now.
    const record = klachten(['record', 'KL-2025-0009', 'verslag', '--on', '2025-03-20', '--today', BUILD_TODAY], { cwd: dir });
    expect(record.code, record.stderr).toBe(0);

    const live = klachten(['evaluate', '--year', '2025', '--organisation', 'mvz', '--internal', '--today', BUILD_TODAY], {
      cwd: dir,
    });
    expect(live.stdout).toMatch(/Sindsdien veranderd \(\d+\), vastgesteld → nu:/);
    expect(live.stdout).toContain('Termijnen per stap · Schriftelijk verslag aan alle betrokkenen');

    const after = buildSite(folders);
    builds.push(after.outDir);
    expect(after.status, after.output).toBe(0);
    expect(figures(after.outDir)).toBe(figures(before.outDir));

    const internal = buildSite({ ...folders, mode: 'internal' });
    builds.push(internal.outDir);
    expect(internal.status, internal.output).toBe(0);
    const report = readFileSync(join(internal.outDir, 'mvz', 'evaluaties', '2025', 'index.html'), 'utf8');
    expect(report).toContain('Veranderd sinds de vaststelling');
    expect(report).toContain('Schriftelijk verslag aan alle betrokkenen');
  });

  it('are checked: a count below the threshold in the stored file is an error that names it', () => {
    const file = join(dir, 'register', 'evaluations', 'mvz', '2025.cijfers.json');
    const stored = JSON.parse(readFileSync(file, 'utf8')) as { figures: { byChannel: { cells: Record<string, unknown> } } };
    stored.figures.byChannel.cells.email = 1;
    writeFileSync(file, JSON.stringify(stored));
    const check = klachten(['check', '--today', BUILD_TODAY], { cwd: dir });
    expect(check.code).toBe(1);
    expect(check.stdout + check.stderr).toContain('byChannel.cells.email is 1: onder de drempel hoort "< 3"');
  });
});
