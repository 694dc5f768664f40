import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { personalValues, ROOT } from '../builders.ts';
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

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'klachten-ci-output-'));
  cpSync(join(ROOT, 'test/fixtures/adversarial-register'), join(dir, 'register'), { recursive: true });
  cpSync(join(ROOT, 'regulations'), join(dir, 'regulations'), { recursive: true });
  mkdirSync(join(dir, 'register/complaints/2026'), { recursive: true });
  writeFileSync(join(dir, 'register/complaints/2026/KL-2026-0099.md'), MISTYPED);
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

  it.each(commands)('%s %s %s names ids, dates and fields, never a personal value', (...args) => {
    const result = klachten([...args, '--today', '2026-11-22'], { cwd: dir });
    expect(result.stdout + result.stderr).toMatch(/KL-|gecontroleerd|2026/);
    const needles = [...NEEDLES, ...personalValues(join(dir, 'register'))];
    for (const needle of needles) {
      expect(result.stdout, needle).not.toContain(needle);
      expect(result.stderr, needle).not.toContain(needle);
    }
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
