import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { SAMPLE_REGULATIONS } from '../builders.ts';
import { klachten, type CliResult } from './run-cli.ts';

const TODAY = '2026-11-22';
let dir: string;

/** Person A: two complaints, one of which names her address only in a note, and a broken file. */
const A_FIRST = `---
id: KL-2026-0001
organisation: coulant
received: 2026-03-02
channel: email
form: written
complainant:
  name: Wendelien Verzonnen
  email: Wendelien.Verzonnen@voorbeeld.example
  phone: 06-00000101
  address: Fantasielaan 12, Nergenshuizen
  representative: Mr. Fictieve Bijstand
handler: coord-voorbeeld
involved: [medewerker-x]
category: bejegening
steps:
  ontvangstbevestiging: { on: 2026-03-05, note: "Teruggebeld op het vaste nummer van mevrouw" }
extensions:
  - { step: acties-uitgevoerd, amount: 2, unit: weeks, reason: "Mevrouw verblijft in het buitenland", notified: 2026-03-20 }
measures:
  - kind: corrective
    description: Verontschuldiging aan mevrouw Verzonnen
    owner: coord-voorbeeld
    due: 2026-05-01
---
De coach kwam drie keer niet opdagen bij de afspraak in de bibliotheek.
`;

const A_SECOND = `---
id: KL-2026-0002
organisation: pit
received: 2026-04-01
channel: post
form: written
complainant:
  name: W. Verzonnen-Bedacht
  email: wendelien.verzonnen@voorbeeld.example
handler: coord-voorbeeld
---
Tweede klacht over een verloren dossiermap met mijn cv.
`;

const A_MENTIONED = `---
id: KL-2026-0003
organisation: coulant
received: 2026-04-02
channel: phone
form: oral
complainant:
  name: Jorrit Gefingeerd
  phone: 06-00000202
handler: coord-voorbeeld
steps:
  ontvangstbevestiging: { on: 2026-04-03, note: "Namens hem gemaild met wendelien.verzonnen@voorbeeld.example" }
---
Klacht van een collega van haar.
`;

const A_BROKEN = `---
id: KL-2026-0004
organisation: coulant
received: [kapot
complainant: { email: wendelien.verzonnen@voorbeeld.example, name: Wendelien Kapotbestand }
---
Een dossier dat niet te lezen is.
`;

/** Person B: nothing of hers may appear. */
const B = `---
id: KL-2026-0005
organisation: coulant
received: 2026-05-04
channel: email
form: written
complainant:
  name: Bartholomea Andersverzonnen
  email: bartholomea@voorbeeld.example
  phone: 06-00000303
  address: Elderslaan 9, Ergenshoven
handler: coord-voorbeeld
steps:
  ontvangstbevestiging: { on: 2026-05-06, note: "Notitie over Bartholomea alleen" }
---
Bartholomea klaagt over de wachtkamer.
`;

const B_VALUES = [
  'Bartholomea',
  'bartholomea@voorbeeld.example',
  '06-00000303',
  'Elderslaan',
  'Ergenshoven',
  'wachtkamer',
  'KL-2026-0005',
];

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'klachten-export-'));
  cpSync(SAMPLE_REGULATIONS, join(dir, 'regulations'), { recursive: true });
  const complaints = join(dir, 'register/complaints/2026');
  mkdirSync(complaints, { recursive: true });
  const files: [string, string][] = [
    ['KL-2026-0001', A_FIRST],
    ['KL-2026-0002', A_SECOND],
    ['KL-2026-0003', A_MENTIONED],
    ['KL-2026-0004', A_BROKEN],
    ['KL-2026-0005', B],
  ];
  for (const [id, text] of files) writeFileSync(join(complaints, `${id}.md`), text);
});

afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

function run(args: string[], env: Record<string, string> = {}): CliResult {
  return klachten(['export', '--today', TODAY, ...args], { cwd: dir, env: { GITHUB_ACTIONS: '', ...env } });
}

/** Every value in a file: each front-matter leaf (as text) and each line of the body. */
function everyValue(text: string): string[] {
  const [, front = '', body = ''] = /^---\n([\s\S]*?)\n---\n([\s\S]*)$/.exec(text) ?? [];
  const leaves: string[] = [];
  const walk = (value: unknown): void => {
    if (Array.isArray(value)) value.forEach(walk);
    else if (value !== null && typeof value === 'object') Object.values(value).forEach(walk);
    else if (typeof value === 'string') leaves.push(value);
  };
  walk(parseYaml(front));
  return [...leaves, ...body.split('\n').filter((line) => line.trim() !== '')];
}

describe('klachten export', () => {
  it('finds every field of one complainant, as JSON', () => {
    const result = run(['--complainant-email', 'wendelien.verzonnen@voorbeeld.example', '--json']);
    expect(result.code).toBe(0);
    const report = JSON.parse(result.stdout) as {
      complaints: { id: string; matchedBy: string; text: string }[];
      unreadable: { file: string; text: string }[];
      elsewhere: string[];
    };
    expect(report.complaints.map((c) => [c.id, c.matchedBy])).toEqual([
      ['KL-2026-0001', 'email'],
      ['KL-2026-0002', 'email'],
      ['KL-2026-0003', 'text'],
    ]);
    expect(report.unreadable.map((u) => u.file)).toEqual(['register/complaints/2026/KL-2026-0004.md']);
    for (const value of [...everyValue(A_FIRST), ...everyValue(A_SECOND), ...everyValue(A_MENTIONED)]) {
      expect(result.stdout, value).toContain(JSON.stringify(value).slice(1, -1));
    }
    expect(report.unreadable[0]?.text).toBe(A_BROKEN);
  });

  it('finds every field of one complainant, as readable text', () => {
    const result = run(['--complainant-email', 'wendelien.verzonnen@voorbeeld.example']);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('4 dossiers gevonden.');
    expect(result.stdout).toContain('== Klacht KL-2026-0001 (');
    expect(result.stdout).toContain('Naam: Wendelien Verzonnen');
    expect(result.stdout).toContain('Kanaal: e-mail');
    expect(result.stdout).toContain('Soort: corrigerend');
    expect(result.stdout).toContain('Gevonden omdat het e-mailadres in dit dossier voorkomt');
    expect(result.stdout).toContain('Termijnen:');
    for (const value of [...everyValue(A_FIRST), ...everyValue(A_SECOND), ...everyValue(A_MENTIONED), ...A_BROKEN.split('\n')]) {
      // Dates are shown as written; booleans as ja/nee, vocabularies in Dutch.
      if (['email', 'post', 'phone', 'written', 'oral', 'corrective', 'weeks'].includes(value)) continue;
      expect(result.stdout, value).toContain(value);
    }
  });

  it('shows nothing of another complainant', () => {
    for (const args of [
      ['--complainant-email', 'wendelien.verzonnen@voorbeeld.example'],
      ['--id', 'KL-2026-0002', '--json'],
    ]) {
      const result = run(args);
      for (const value of B_VALUES) {
        expect(result.stdout).not.toContain(value);
        expect(result.stderr).not.toContain(value);
      }
    }
  });

  it('with --id takes the other complaints of the same complainant along', () => {
    const result = run(['--id', 'KL-2026-0002', '--json']);
    const report = JSON.parse(result.stdout) as { complaints: { id: string; matchedBy: string }[] };
    expect(report.complaints.map((c) => [c.id, c.matchedBy])).toEqual([
      ['KL-2026-0001', 'email'],
      ['KL-2026-0002', 'id'],
      ['KL-2026-0003', 'text'],
    ]);
    const alone = JSON.parse(run(['--id', 'KL-2026-0005', '--json']).stdout) as { complaints: { id: string }[] };
    expect(alone.complaints.map((c) => c.id)).toEqual(['KL-2026-0005']);
  });

  it('says so when the register holds nothing about the person', () => {
    const result = run(['--complainant-email', 'niemand@voorbeeld.example']);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('Het register bevat geen dossiers over deze persoon.');
  });

  it('refuses to print personal data in GitHub Actions, and wrong calls', () => {
    const ci = run(['--complainant-email', 'wendelien.verzonnen@voorbeeld.example'], { GITHUB_ACTIONS: 'true' });
    expect(ci.code).toBe(1);
    expect(ci.stdout).toBe('');
    expect(ci.stderr).toContain('werkt daarom niet in GitHub Actions');
    expect(run([]).stderr).toContain('geef --complainant-email <adres> of --id <KL-jjjj-nnnn> op');
    expect(run(['--id', 'KL-26-1']).code).toBe(2);
    expect(run(['--id', 'KL-2026-0099']).stderr).toContain('klacht KL-2026-0099 niet gevonden');
    expect(run(['--complainant-email', 'geen-adres']).stderr).toContain('--complainant-email verwacht een e-mailadres');
    expect(run(['--help']).stdout).toContain('Gebruik: klachten export --complainant-email <adres>');
  });
});
