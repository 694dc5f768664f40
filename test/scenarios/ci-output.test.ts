import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIAGNOSTIC_CODES } from '../../core/index.ts';
import { personalValues, ROOT, SAMPLE_REGULATIONS } from '../builders.ts';
import { klachten } from './run-cli.ts';

/**
 * Personal values typed into the wrong fields, in the wrong shapes: the messages about them must say
 * what is wrong without repeating them, because these messages end up in CI logs and PR annotations.
 */
const MISTYPED = `---
id: KL-2026-0099
organisation: coulant
received: 2026-03-02
channel: Hendrikus Lekvrij
form: written
complainant:
  name: 12345
  email: Hendrikus Lekvrij thuis
  phone: ['Lekvrijlaan 3']
  adres: Geheimstraat 5
  Hendrikus Sleutelveld: x
dated: Lekvrij-datum
handler: coord-voorbeeld
category: Hendrikus
outcome: Lekvrij gegrond
steps:
  ontvangstbevestiging: { on: 2026-03-05, notitie: Geheimnotitie }
measures:
  - kind: Geheimsoort
    description: ['Geheimmaatregel']
---
Hendrikus schrijft over zijn buurvrouw.
`;

const NEEDLES = [
  'Hendrikus',
  'Lekvrij',
  'Geheimstraat',
  'Sleutelveld',
  'Geheimnotitie',
  'Geheimsoort',
  'Geheimmaatregel',
  'buurvrouw',
];

/**
 * Workflow commands and terminal escapes in step keys and a file name (issue 14, point 11): no output may
 * carry a control character, or start a line with `::`, because of them.
 */
const HOSTILE = `---
id: KL-2026-0098
organisation: coulant
received: 2026-03-02
channel: email
form: written
complainant:
  name: Verzonnen Persoon
  email: verzonnen@voorbeeld.example
handler: coord-voorbeeld
steps:
  "a\\n::error file=x.md::INJECTED\\n::add-mask::x": { on: 2026-03-05 }
  "\\e]0;PWNED\\a": { on: 2026-03-05 }
  "x\\u202Egnp.exe\\x85": { on: 2026-03-05 }
---
Verzonnen klacht.
`;
const HOSTILE_NAME = 'KL-2026-0097\u001b]0;PWNED\u0007\n::warning::INJECTED.md';
/** DEL and a bidi override, which JSON.stringify leaves raw: status --json must escape them itself. */
const RAW_IN_JSON_NAME = 'KL-2026-0096\u007f\u202egnp.md';
const DEL_NAME = 'KL-2026-0095\u007f.md';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'klachten-ci-output-'));
  cpSync(join(ROOT, 'test/fixtures/adversarial-register'), join(dir, 'register'), { recursive: true });
  cpSync(SAMPLE_REGULATIONS, join(dir, 'regulations'), { recursive: true });
  mkdirSync(join(dir, 'register/complaints/2026'), { recursive: true });
  writeFileSync(join(dir, 'register/complaints/2026/KL-2026-0099.md'), MISTYPED);
  writeFileSync(join(dir, 'register/complaints/2026/KL-2026-0098.md'), HOSTILE);
  writeFileSync(join(dir, 'register/complaints/2026', HOSTILE_NAME), HOSTILE.replace('KL-2026-0098', 'KL-2026-0097'));
  writeFileSync(join(dir, 'register/complaints/2026', RAW_IN_JSON_NAME), HOSTILE.replace('KL-2026-0098', 'KL-2026-0096'));
  // MVZ's steps are plain ASCII: the DEL is the only character JSON.stringify leaves raw in its status.
  writeFileSync(
    join(dir, 'register/complaints/2026', DEL_NAME),
    HOSTILE.replace('KL-2026-0098', 'KL-2026-0095').replace('organisation: coulant', 'organisation: mvz'),
  );
});
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

describe('klachten output in CI', () => {
  const commands = [
    ['check'],
    ['check', '--format', 'github'],
    ['check', '--format', 'json'],
    ['status'],
    ['status', '--json'],
    ['retention'],
    ['retention', '--json'],
    ['retention', '--markdown'],
    ['evaluate', '--year', '2025'],
  ];
  // Named by the whole command: `%s %s %s` printed "undefined" for the shorter ones.
  const cases = commands.map((args) => ({ command: args.join(' '), args }));

  it.each(cases)('$command names ids, dates and fields, never a personal value', ({ args }) => {
    const result = klachten([...args, '--today', '2026-11-22'], { cwd: dir });
    expect(result.stdout + result.stderr).toMatch(/KL-|gecontroleerd|2026/);
    const needles = [...NEEDLES, ...personalValues(join(dir, 'register'))];
    for (const needle of needles) {
      expect(result.stdout, needle).not.toContain(needle);
      expect(result.stderr, needle).not.toContain(needle);
    }
  });

  it.each(cases)('$command: no control character, and no line starting with :: from file content', ({ args }) => {
    const result = klachten([...args, '--today', '2026-11-22'], { cwd: dir });
    expect(result.stdout + result.stderr).toMatch(/KL-|gecontroleerd|2026/);
    for (const [stream, text] of [
      ['stdout', result.stdout],
      ['stderr', result.stderr],
    ] as const) {
      // C0 and C1 controls (ESC, BEL, NEL…) other than the newline, and format characters such as bidi overrides.
      expect(text.replace(/\n/g, ''), stream).not.toMatch(/[\p{Cc}\p{Cf}\u2028\u2029]/u);
      const commandsLines = text.split('\n').filter((line) => /^\s*::/.test(line));
      if (args[0] === 'check' && args[2] === 'github' && stream === 'stdout') {
        // The annotations `--format github` writes: each line exactly one annotation of a known code.
        const codes = Object.keys(DIAGNOSTIC_CODES).join('|');
        const annotation = new RegExp(
          `^::(error|warning) file=[^,:]+,line=\\d+,col=\\d+,title=klachten check%3A (${codes})::[^\\n]*$`,
          'u',
        );
        for (const line of commandsLines) expect(line).toMatch(annotation);
        expect(commandsLines.some((line) => line.includes('KL-2026-0098'))).toBe(true);
        expect(commandsLines.filter((line) => /^::(add-mask|warning::)/.test(line))).toEqual([]);
      } else expect(commandsLines, stream).toEqual([]);
    }
  });

  it('status --json escapes DEL and format characters in a file name, and the name reads back unchanged', () => {
    const result = klachten(['status', '--json', '--today', '2026-11-22'], { cwd: dir });
    expect(result.stdout).not.toMatch(/[\u007f\u202e]/u);
    expect(result.stdout).toContain('KL-2026-0096\\u007f\\u202egnp.md');
    const files = (JSON.parse(result.stdout) as { complaints: { file: string }[] }).complaints.map((c) => c.file);
    expect(files).toContain(`register/complaints/2026/${RAW_IN_JSON_NAME}`);
    expect(files).toContain(`register/complaints/2026/${DEL_NAME}`);
  });

  it('still tells staff what to fix in the mistyped file', () => {
    const result = klachten(['check', '--today', '2026-11-22'], { cwd: dir });
    const lines = result.stdout.split('\n').filter((line) => line.includes('KL-2026-0099'));
    expect(lines).toEqual(
      expect.arrayContaining([
        expect.stringContaining('channel: deze waarde is niet toegestaan; kies uit email'),
        expect.stringContaining("complainant: onbekend veld 'adres'; bedoelt u 'address'?"),
        expect.stringContaining('complainant: onbekend veld op deze regel'),
        expect.stringContaining('dated: geen bestaande datum (gebruik JJJJ-MM-DD)'),
        expect.stringContaining('complainant.email: verwacht een e-mailadres'),
      ]),
    );
  });
});
