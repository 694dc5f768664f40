import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ComplaintStatus } from '../../core/index.ts';
import { ROOT, SAMPLE_REGISTER, SAMPLE_REGULATIONS } from '../builders.ts';
import { klachten } from './run-cli.ts';

// Run from the project folder, so that the files are named as below, with the sample's regulations.
const FIXTURE = [
  '--register',
  join('test', 'fixtures', 'broken-register'),
  '--regulations',
  join('test', 'fixtures', 'sample', 'regulations'),
  '--today',
  '2026-11-21',
];
const AT_ROOT = { cwd: ROOT };

describe('a register with broken files', () => {
  it('check names every problem with file, line and column, and exits 1', () => {
    const result = klachten(['check', ...FIXTURE], AT_ROOT);
    expect(result.code).toBe(1);
    const base = 'test/fixtures/broken-register/complaints/2026';
    expect(result.stdout.split('\n').filter(Boolean)).toEqual([
      `${base}/KL-2026-0001.md:2:5: id KL-2026-0001 komt ook voor in ${base}/KL-2026-0005.md; geef elke klacht een eigen nummer`,
      `${base}/KL-2026-0002.md:5:1: ongeldige YAML: de inspringing klopt niet; is een [ of { op een eerdere regel niet gesloten? (deficient indentation)`,
      `${base}/KL-2026-0003.md:1:4: front matter in 'js' wordt niet gelezen en nooit uitgevoerd; begin het bestand met een regel '---' en schrijf YAML`,
      `${base}/KL-2026-0004.md:4:1: onbekend veld 'recieved'; bedoelt u 'received'?`,
      `${base}/KL-2026-0004.md:5:11: received: geen bestaande datum: 2026-02-30 (gebruik JJJJ-MM-DD)`,
      `${base}/KL-2026-0005.md:2:5: bestandsnaam KL-2026-0005.md hoort KL-2026-0001.md te zijn (bestandsnaam = id)`,
      `${base}/KL-2026-0005.md:2:5: id KL-2026-0001 komt ook voor in ${base}/KL-2026-0001.md; geef elke klacht een eigen nummer`,
    ]);
    expect(result.stderr).toBe('6 klachtdossiers gecontroleerd: 7 fouten, 0 waarschuwingen\n');
  });

  it('check --format github prints workflow annotations', () => {
    const result = klachten(['check', '--format', 'github', ...FIXTURE], AT_ROOT);
    expect(result.code).toBe(1);
    const lines = result.stdout.split('\n').filter(Boolean);
    expect(lines).toHaveLength(7);
    expect(lines[3]).toBe(
      "::error file=test/fixtures/broken-register/complaints/2026/KL-2026-0004.md,line=4,col=1,title=klachten check%3A unknown-field::onbekend veld 'recieved'; bedoelt u 'received'?",
    );
  });

  it('check --format json gives the findings as data', () => {
    const result = klachten(['check', '--format', 'json', ...FIXTURE], AT_ROOT);
    const report = JSON.parse(result.stdout) as { files: number; errors: number; warnings: number; diagnostics: unknown[] };
    expect(report).toMatchObject({ files: 6, errors: 7, warnings: 0 });
    expect(report.diagnostics[0]).toEqual({
      severity: 'error',
      code: 'duplicate-id',
      file: 'test/fixtures/broken-register/complaints/2026/KL-2026-0001.md',
      line: 2,
      column: 5,
      message: expect.stringContaining('komt ook voor in') as unknown,
    });
  });

  it('status reports broken files on stderr, exits 1, and still lists every valid complaint', () => {
    const result = klachten(['status', '--json', ...FIXTURE], AT_ROOT);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('KL-2026-0002.md:5:1: ongeldige YAML');
    expect(result.stderr).toContain('KL-2026-0003.md:1:4:');
    expect(result.stderr).toContain('5 bestanden met fouten; zie klachten check');
    const { complaints } = JSON.parse(result.stdout) as { complaints: ComplaintStatus[] };
    expect(complaints.map((c) => c.id)).toEqual(['KL-2026-0001', 'KL-2026-0001', 'KL-2026-0006']);
    expect(complaints[2]?.steps.find((s) => s.id === 'behandeling')).toMatchObject({
      due: '2026-03-19',
      done: '2026-03-10',
      status: 'done',
    });
  });

  it('never runs JavaScript front matter (that file would exit 42)', () => {
    expect(klachten(['check', ...FIXTURE], AT_ROOT).code).toBe(1);
  });
});

describe('calling the CLI', () => {
  it.each(['check', 'status', 'new', 'record'])('%s --help explains itself', (command) => {
    const result = klachten([command, '--help']);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(`klachten ${command}`);
    expect(result.stdout).toContain('--register');
  });

  it('exits 2 on usage errors, with a hint', () => {
    expect(klachten(['check', '--format', 'xml'])).toMatchObject({
      code: 2,
      stderr: "klachten check: --format verwacht een van: text, github, json (niet 'xml')\n(zie klachten check --help)\n",
    });
    expect(klachten(['status', '--today', '2026-02-30']).code).toBe(2);
    expect(klachten(['status', '--bogus']).stderr).toContain('onbekende optie --bogus');
    expect(klachten(['frobnicate']).code).toBe(2);
    expect(klachten([]).code).toBe(2);
    expect(klachten(['check', '--register', 'bestaat-niet']).stderr).toContain(
      'map met klachtdossiers (<register>/complaints) niet gevonden',
    );
  });

  it('runs from another directory with explicit folders', () => {
    const result = klachten(
      ['check', '--register', SAMPLE_REGISTER, '--regulations', SAMPLE_REGULATIONS, '--today', '2026-11-21'],
      { cwd: '/' },
    );
    expect(result.code).toBe(0);
  });
});
