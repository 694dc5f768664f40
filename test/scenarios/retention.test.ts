import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { personalValues, ROOT, SAMPLE_REGULATIONS } from '../builders.ts';
import { klachten, scratchProject, type CliResult } from './run-cli.ts';

const made: string[] = [];
afterAll(() => {
  for (const dir of made) rmSync(dir, { recursive: true, force: true });
});

function sample(): string {
  const dir = scratchProject();
  made.push(dir);
  return dir;
}

function adversarial(): string {
  const dir = mkdtempSync(join(tmpdir(), 'klachten-retention-'));
  cpSync(join(ROOT, 'test/fixtures/adversarial-register'), join(dir, 'register'), { recursive: true });
  cpSync(SAMPLE_REGULATIONS, join(dir, 'regulations'), { recursive: true });
  made.push(dir);
  return dir;
}

function run(dir: string, args: string[]): CliResult {
  return klachten(args, { cwd: dir });
}

/** Every complaint file's text, by path below the project. */
function snapshot(dir: string): Map<string, string> {
  const root = join(dir, 'register/complaints');
  return new Map(
    readdirSync(root, { recursive: true })
      .map(String)
      .filter((name) => name.endsWith('.md'))
      .map((name) => [`register/complaints/${name}`, readFileSync(join(root, name), 'utf8')]),
  );
}

/** The evaluation's JSON for each year, on one fixed day. */
function figures(dir: string, years: number[], today: string): string[] {
  return years.map((year) => {
    const result = run(dir, ['evaluate', '--year', String(year), '--today', today, '--json']);
    expect(result.code).toBe(0);
    return result.stdout;
  });
}

describe('klachten retention', () => {
  it('lists the sample complaints past their term and changes nothing', () => {
    const dir = sample();
    const before = snapshot(dir);
    const result = run(dir, ['retention', '--today', '2026-11-22']);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('2 dossiers over de bewaartermijn op 2026-11-22:');
    expect(result.stdout).toMatch(/^KL-2024-0017 +coulant +2024-11-15 +2026-11-15 +2 jaar na afsluiting \(coulant@1\)$/m);
    // The sample's older complaints were anonymised on 2026-11-01.
    expect(result.stdout).not.toContain('KL-2024-0001');
    expect(result.stdout).toContain('eerder geanonimiseerd: 16.');
    // Closed 2024-12-09: its term runs until 2026-12-09.
    expect(result.stdout).not.toContain('KL-2024-0019');
    expect(result.stdout).toContain('Met --apply worden de persoonsgegevens');
    expect(snapshot(dir)).toEqual(before);
  });

  it('anonymises them: check passes, and the evaluation of every year is unchanged', () => {
    const dir = sample();
    const today = '2026-11-22';
    const personal = personalValues(join(dir, 'register'));
    const original = snapshot(dir);
    const checkBefore = run(dir, ['check', '--today', today]);
    const before = figures(dir, [2024, 2025, 2026], today);

    const applied = run(dir, ['retention', '--today', today, '--apply']);
    expect(applied.code).toBe(0);
    expect(applied.stdout).toContain('2 dossiers geanonimiseerd op 2026-11-22:');
    expect(applied.stdout).toContain('git-geschiedenis');

    const after = snapshot(dir);
    const changed = [...after].filter(([, text]) => text.includes('\nanonymised:'));
    expect(changed.map(([file]) => file)).toHaveLength(18);
    expect([...after].filter(([file, text]) => text !== original.get(file)).map(([file]) => file)).toEqual([
      'register/complaints/2024/KL-2024-0017.md',
      'register/complaints/2024/KL-2024-0018.md',
    ]);
    const anonymisedText = changed.map(([, text]) => text).join('\n');
    for (const value of personal) {
      // The value is gone from every anonymised file; complaints within their term keep theirs.
      expect(anonymisedText).not.toContain(value);
    }
    expect(after.get('register/complaints/2024/KL-2024-0019.md')).toBe(original.get('register/complaints/2024/KL-2024-0019.md'));
    for (const [, text] of changed) {
      expect(text).not.toMatch(/complainant|handler|involved|description|reason|note|dated|owner/);
      expect(text.endsWith('---\n')).toBe(true);
    }

    const checkAfter = run(dir, ['check', '--today', today]);
    expect(checkAfter.code).toBe(0);
    expect(checkAfter.stderr).toBe(checkBefore.stderr);
    expect(figures(dir, [2024, 2025, 2026], today)).toEqual(before);

    const again = run(dir, ['retention', '--today', today, '--apply']);
    expect(again.code).toBe(0);
    expect(again.stdout).toContain('Geen dossiers over hun bewaartermijn op 2026-11-22.');
    expect(again.stdout).toContain('eerder geanonimiseerd: 18.');
    expect(snapshot(dir)).toEqual(after);
  });

  it('leaves no personal value of the adversarial register, and never prints one', () => {
    const dir = adversarial();
    const today = '2030-01-02';
    const personal = personalValues(join(dir, 'register'));
    expect(personal.length).toBeGreaterThan(10);
    const years = [2024, 2025, 2026];
    const before = figures(dir, years, today);
    const listed = run(dir, ['retention', '--today', today, '--json']);
    const report = JSON.parse(listed.stdout) as { expired: { id: string; anonymised: boolean }[]; staleOpen: { id: string }[] };
    expect(report.expired.length).toBeGreaterThan(0);
    expect(report.expired.every((e) => !e.anonymised)).toBe(true);

    const applied = run(dir, ['retention', '--today', today, '--apply', '--json']);
    const result = JSON.parse(applied.stdout) as typeof report;
    expect(result.expired.map((e) => e.id)).toEqual(report.expired.map((e) => e.id));
    expect(result.expired.every((e) => e.anonymised)).toBe(true);
    for (const output of [listed, applied]) {
      for (const value of personal) {
        expect(output.stdout).not.toContain(value);
        expect(output.stderr).not.toContain(value);
      }
    }
    const anonymised = [...snapshot(dir).values()].filter((text) => text.includes('\nanonymised:')).join('\n');
    for (const value of personal) expect(anonymised).not.toContain(value);
    expect(figures(dir, years, today)).toEqual(before);
  });

  it('removes text put back under an anonymised record', () => {
    const dir = sample();
    const path = join(dir, 'register/complaints/2024/KL-2024-0001.md');
    const clean = readFileSync(path, 'utf8');
    writeFileSync(path, `${clean}Teruggezette klachttekst van een verzonnen klager.\n`);
    expect(run(dir, ['check', '--today', '2026-11-22']).code).toBe(1);
    const result = run(dir, ['retention', '--today', '2026-11-22', '--apply']);
    expect(result.stdout).toMatch(/^KL-2024-0001 .* geanonimiseerd$/m);
    expect(readFileSync(path, 'utf8')).toBe(clean);
  });

  it('lists open complaints older than the term, which have no term running', () => {
    const dir = sample();
    const result = run(dir, ['retention', '--today', '2030-01-02', '--json']);
    const report = JSON.parse(result.stdout) as { staleOpen: { id: string; received: string }[]; kept: number };
    expect(report.staleOpen.length).toBeGreaterThan(0);
    expect(report.staleOpen.every((s) => s.received <= '2028-01-02')).toBe(true);
    const text = run(dir, ['retention', '--today', '2030-01-02']);
    expect(text.stdout).toContain('Nog open, maar langer dan de bewaartermijn geleden ontvangen');
  });

  it('goes on past a broken file, leaves it as it is and exits 1', () => {
    const dir = sample();
    const broken = join(dir, 'register/complaints/2024/KL-2024-0020.md');
    writeFileSync(broken, '---\nid: KL-2024-0020\nreceived: [niet goed\n---\nVerzonnen.\n');
    const result = run(dir, ['retention', '--today', '2026-11-22', '--apply']);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^register\/complaints\/2024\/KL-2024-0020\.md:\d+:\d+: ongeldige YAML/m);
    expect(result.stderr).toContain('1 dossier niet leesbaar en dus niet beoordeeld');
    expect(result.stdout).toContain('2 dossiers geanonimiseerd');
    expect(readFileSync(broken, 'utf8')).toBe('---\nid: KL-2024-0020\nreceived: [niet goed\n---\nVerzonnen.\n');
  });

  it('describes the monthly pull request in Markdown, with ids and dates', () => {
    const dir = sample();
    const result = run(dir, ['retention', '--today', '2026-11-22', '--apply', '--markdown']);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^De bewaartermijn van 2 dossiers is verstreken\./);
    expect(result.stdout).toContain('| KL-2024-0017 | coulant | 2024-11-15 | 2026-11-15 | 2 jaar na afsluiting (coulant@1) |');
    expect(result.stdout).toContain('### Na het samenvoegen');
    const none = run(dir, ['retention', '--today', '2026-11-22', '--markdown']);
    expect(none.stdout).toMatch(/^Geen dossiers over de bewaartermijn op 2026-11-22\./);
    expect(run(dir, ['retention', '--json', '--markdown']).code).toBe(2);
  });

  it('explains itself and refuses unknown options', () => {
    const help = run(ROOT, ['retention', '--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('Gebruik: klachten retention [--apply] [--json | --markdown] [opties]');
    const wrong = run(ROOT, ['retention', '--aply']);
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toContain('onbekende optie --aply');
  });
});
