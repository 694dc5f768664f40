import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { SAMPLE_REGULATIONS } from '../builders.ts';
import { klachten, type CliResult } from './run-cli.ts';

/**
 * Issue 14, privacy points: an access request returns one person only, retention never leaves personal
 * data in a record it calls anonymised, messages do not echo values that could be personal, and
 * `__proto__`-like keys are refused instead of silently dropped. All people here are made up.
 */

const TODAY = '2026-11-22';
const made: string[] = [];
afterAll(() => {
  for (const dir of made) rmSync(dir, { recursive: true, force: true });
});

/** A scratch project with the real regulations and the given complaint files (by id, in 2023). */
function project(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'klachten-hardening-'));
  made.push(dir);
  cpSync(SAMPLE_REGULATIONS, join(dir, 'regulations'), { recursive: true });
  const complaints = join(dir, 'register/complaints/2023');
  mkdirSync(complaints, { recursive: true });
  for (const [id, text] of Object.entries(files)) writeFileSync(join(complaints, `${id}.md`), text);
  return dir;
}

function run(dir: string, args: string[]): CliResult {
  return klachten([...args, '--today', TODAY], { cwd: dir, env: { GITHUB_ACTIONS: '' } });
}

function fileOf(dir: string, id: string): string {
  return readFileSync(join(dir, `register/complaints/2023/${id}.md`), 'utf8');
}

/** A closed coulant complaint, long past its term; `extra` goes into the front matter. */
function closed(id: string, extra: string, body = 'Jan Voorbeeld klaagt over de wachttijd.\n'): string {
  return `---
id: ${id}
organisation: coulant
received: 2023-03-01
channel: email
form: written
complainant:
  name: Jan Voorbeeld
  email: jan@voorbeeld.example
  phone: 06-12345678
handler: coord-voorbeeld
${extra}closed: 2023-06-01
---
${body}`;
}

describe('access request by e-mail (issue 14, point 1)', () => {
  const JAN = closed('KL-2023-0001', 'category: bejegening\n');
  const MARJAN = `---
id: KL-2023-0002
organisation: coulant
received: 2023-04-03
channel: email
form: written
complainant:
  name: Marjan Verzonnen
  email: marjan@voorbeeld.example
  phone: 06-87654321
  address: Voorbeeldstraat 9, Nergenshuizen
handler: coord-voorbeeld
steps:
  ontvangstbevestiging: { on: 2023-04-05, note: "Marjan belde, antwoord naar marjan@voorbeeld.example of jan@voorbeeld.example.org" }
---
Marjan Verzonnen schrijft over haar buurman (zie ook xjan@voorbeeld.example).
`;
  const MENTION = `---
id: KL-2023-0003
organisation: coulant
received: 2023-05-01
channel: post
form: written
complainant:
  name: Piet Voorbeeld
handler: coord-voorbeeld
---
Piet vraagt een kopie te sturen naar JAN@voorbeeld.example.
`;

  it('returns the dossiers of that address, and nothing of an address that contains it', () => {
    const dir = project({ 'KL-2023-0001': JAN, 'KL-2023-0002': MARJAN, 'KL-2023-0003': MENTION });
    const result = run(dir, ['export', '--complainant-email', 'jan@voorbeeld.example', '--json']);
    expect(result.code).toBe(0);
    const report = JSON.parse(result.stdout) as { complaints: { id: string; matchedBy: string }[] };
    expect(report.complaints.map((c) => [c.id, c.matchedBy])).toEqual([
      ['KL-2023-0001', 'email'],
      ['KL-2023-0003', 'text'],
    ]);
    for (const value of ['Marjan', 'marjan@voorbeeld.example', '06-87654321', 'Voorbeeldstraat', 'buurman', 'KL-2023-0002']) {
      expect(result.stdout, value).not.toContain(value);
      expect(result.stderr, value).not.toContain(value);
    }
  });
});

describe('retention leaves nothing it cannot classify (issue 14, point 2)', () => {
  const STEP_KEY = closed(
    'KL-2023-0011',
    `category: bejegening
steps:
  ontvangstbevestiging: 2023-03-06
  "Gebeld met mw. Jansen 06-12345678": 2023-03-06
anonymised: { on: 2026-01-05, term: "afgesproken met mw. Jansen, Dorpsstraat 1" }
`,
  );
  const CATEGORY = closed('KL-2023-0012', 'category: jansen\n');

  it('removes an unknown step key and a free-text term, or refuses and leaves the file as it is', () => {
    const dir = project({ 'KL-2023-0011': STEP_KEY, 'KL-2023-0012': CATEGORY });
    const result = run(dir, ['retention', '--apply', '--json']);
    const report = JSON.parse(result.stdout) as { expired: { id: string; anonymised: boolean }[] };
    expect(report.expired.map((e) => [e.id, e.anonymised])).toEqual([
      ['KL-2023-0011', true],
      ['KL-2023-0012', false],
    ]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('KL-2023-0012.md: niet geanonimiseerd: ');
    const anonymised = fileOf(dir, 'KL-2023-0011');
    for (const value of ['Jansen', '06-12345678', 'Gebeld', 'Dorpsstraat', 'Jan Voorbeeld', 'wachttijd']) {
      expect(anonymised, value).not.toContain(value);
      expect(result.stdout + result.stderr, value).not.toContain(value);
    }
    expect(anonymised).toContain('term: 2 jaar na afsluiting (coulant@1)');
    expect(anonymised).toContain('ontvangstbevestiging: 2023-03-06');
    expect(fileOf(dir, 'KL-2023-0012')).toBe(CATEGORY);
    expect(result.stdout + result.stderr).not.toContain('jansen');
  });

  it('does not count a record with a free-text term as anonymised', () => {
    const done = `---
id: KL-2023-0013
organisation: coulant
received: 2023-03-01
channel: email
form: written
closed: 2023-06-01
anonymised: { on: 2026-01-05, term: "mw. Jansen wil dit bewaren" }
---
`;
    const dir = project({ 'KL-2023-0013': done });
    const result = run(dir, ['retention', '--apply']);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^KL-2023-0013 .* geanonimiseerd$/m);
    expect(fileOf(dir, 'KL-2023-0013')).not.toContain('Jansen');
  });
});

describe('messages name the field, not a value that could be personal (issue 14, point 3)', () => {
  const MISTYPED = `---
id: KL-2023-0021
organisation: coulant
received: 2023-03-01
channel: email
form: written
dated: 06-12345678
complainant:
  name: Jan Voorbeeld
jansen: x
---
Tekst.
`;
  const RULES = `---
id: KL-2023-0025
organisation: coulant
received: 2023-03-01
channel: email
form: written
category: jansen
steps:
  "Gebeld met mw. Jansen op 06-12345678, Dorpsstraat 1": 2023-03-06
---
Tekst.
`;
  const TYPO = `---
id: KL-2023-0022
organisation: coulant
received: 2023-03-01
channel: email
form: written
category: comunicatie
steps:
  ontvangstbevestigin: 2023-03-06
---
Tekst.
`;
  const STEP_PATH = `---
id: KL-2023-0023
organisation: coulant
received: 2023-03-01
channel: email
form: written
steps:
  "Gebeld met mw. Jansen op 06-12345678": { on: 2023-03-06, notitie: x }
---
Tekst.
`;
  const ORGANISATION = `---
id: KL-2023-0024
organisation: jansen
received: 2023-03-01
channel: email
form: written
---
Tekst.
`;

  it.each([
    ['KL-2023-0021', MISTYPED],
    ['KL-2023-0023', STEP_PATH],
    ['KL-2023-0024', ORGANISATION],
    ['KL-2023-0025', RULES],
  ])('%s: check says what is wrong without the values', (id, text) => {
    const dir = project({ [id]: text });
    for (const format of ['text', 'json', 'github']) {
      const result = run(dir, ['check', '--format', format]);
      expect(result.code).toBe(1);
      for (const value of ['Jansen', 'jansen', '06-12345678', 'Gebeld', 'Dorpsstraat']) {
        expect(result.stdout + result.stderr, `${format}: ${value}`).not.toContain(value);
      }
    }
  });

  it('points at the line of an unknown step and names the close code word', () => {
    const dir = project({ 'KL-2023-0025': RULES, 'KL-2023-0022': TYPO });
    const result = run(dir, ['check']);
    const lines = result.stdout.split('\n');
    expect(lines).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/KL-2023-0025\.md:9:3: onbekende stap in coulant@1; stappen: /),
        expect.stringMatching(/KL-2023-0025\.md:7:11: onbekende categorie; kies uit bejegening/),
        expect.stringMatching(/KL-2023-0022\.md:\d+:\d+: onbekende categorie 'comunicatie'; bedoelt u 'communicatie'\?/),
        expect.stringMatching(
          /KL-2023-0022\.md:\d+:\d+: onbekende stap 'ontvangstbevestigin' in coulant@1; bedoelt u 'ontvangstbevestiging'\?/,
        ),
      ]),
    );
  });
});

describe('__proto__, constructor and prototype keys (issue 14, point 4)', () => {
  const PROTO = closed(
    'KL-2023-0031',
    `category: bejegening
steps:
  __proto__: { on: 2023-03-05, note: "Geheime notitie over Jan Voorbeeld" }
`,
  );

  it('are an error at their line in check', () => {
    const dir = project({ 'KL-2023-0031': PROTO });
    const result = run(dir, ['check', '--format', 'json']);
    expect(result.code).toBe(1);
    const findings = JSON.parse(result.stdout) as
      { diagnostics?: { code: string; line: number }[] } | { code: string; line: number }[];
    const list = Array.isArray(findings) ? findings : (findings.diagnostics ?? []);
    expect(list).toEqual(expect.arrayContaining([expect.objectContaining({ code: 'forbidden-key', line: 14 })]));
    expect(result.stdout).not.toContain('Geheime notitie');
  });

  it('never hide a note from an access request, nor count the file as anonymised', () => {
    const dir = project({ 'KL-2023-0031': PROTO });
    const exported = run(dir, ['export', '--complainant-email', 'jan@voorbeeld.example']);
    expect(exported.stdout).toContain('Geheime notitie over Jan Voorbeeld');
    const retention = run(dir, ['retention', '--apply']);
    expect(retention.code).toBe(1);
    expect(retention.stdout).not.toContain('geanonimiseerd op');
    expect(fileOf(dir, 'KL-2023-0031')).toBe(PROTO);
    const constructor = project({
      'KL-2023-0032': closed('KL-2023-0032', 'constructor: x\n').replace('KL-2023-0031', 'KL-2023-0032'),
    });
    expect(run(constructor, ['check']).stdout).toMatch(/KL-2023-0032\.md:12:1: /);
  });
});
