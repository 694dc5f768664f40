import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { klachten, scratchProject } from './run-cli.ts';

// Issue 17, point 4: `klachten check` on files with the YAML mistakes staff make, in a scratch copy of
// the sample project. The values below are made up, and must not reach the output.

const DIR = 'register/complaints/2026';

const FILES: Record<string, string> = {
  // A merge that went wrong: git left its markers in the file.
  'KL-2026-0901.md': `---
id: KL-2026-0901
organisation: pit
received: 2026-03-02
channel: email
form: written
complainant:
<<<<<<< HEAD
  name: Hiske Verzinsel
=======
  name: Hiske Bedenksel
>>>>>>> fix/naam-hiske
---
Verzonnen klachttekst.
`,
  // A cut-off address (a warning), a phone number as a number, a date day first.
  'KL-2026-0902.md': `---
id: KL-2026-0902
organisation: pit
received: 30-11-2026
channel: email
form: written
complainant:
  name: Wibo Verzinsel
  phone: 0687654321
  address: Fantasielaan 7 #3
---
Verzonnen klachttekst.
`,
  // Tabs and missing spaces after a colon.
  'KL-2026-0903.md': `---
id: KL-2026-0903
organisation:pit
received: 2026-03-02
channel: email
form:written
complainant:
\tname: Gert Verzinsel
---
Verzonnen klachttekst.
`,
};

const PERSONAL = [
  'Hiske',
  'Verzinsel',
  'Bedenksel',
  'naam-hiske',
  'HEAD',
  '0687654321',
  '687654321',
  'Fantasielaan',
  'Gert',
  'Wibo',
];

let project = '';

beforeAll(() => {
  project = scratchProject();
  mkdirSync(join(project, DIR), { recursive: true });
  for (const [name, text] of Object.entries(FILES)) writeFileSync(join(project, DIR, name), text);
});

afterAll(() => {
  rmSync(project, { recursive: true, force: true });
});

describe('klachten check on YAML mistakes', () => {
  it('tells each mistake in Dutch with its fix, every one in one run, and exits 1', () => {
    const result = klachten(['check', '--today', '2026-12-31'], { cwd: project });
    expect(result.code).toBe(1);
    const ours = result.stdout.split('\n').filter((line) => /KL-2026-09\d\d/.test(line));
    expect(ours).toEqual([
      `${DIR}/KL-2026-0901.md:8:1: deze regel komt uit een samenvoegconflict van git (<<<<<<<): kies per veld de juiste waarde, haal de regels <<<<<<<, ======= en >>>>>>> weg, en controleer opnieuw`,
      `${DIR}/KL-2026-0902.md:4:11: received: schrijf de datum als JJJJ-MM-DD (jaar-maand-dag): 2026-11-30`,
      `${DIR}/KL-2026-0902.md:9:10: complainant.phone: verwacht tekst, maar kreeg een getal; zet de waarde tussen aanhalingstekens`,
      `${DIR}/KL-2026-0902.md:10:27: waarschuwing: complainant.address: het deel na ' #' is commentaar en valt weg; zet de hele waarde tussen aanhalingstekens`,
      `${DIR}/KL-2026-0903.md:3:14: na de dubbele punt hoort een spatie: organisation: …`,
      `${DIR}/KL-2026-0903.md:6:6: na de dubbele punt hoort een spatie: form: …`,
      `${DIR}/KL-2026-0903.md:8:1: een tab aan het begin van de regel: YAML wil spaties; spring in met spaties`,
    ]);
    for (const value of PERSONAL) expect(result.stdout + result.stderr).not.toContain(value);
  });

  it('gives the conflict and the cut-off value their own codes in JSON', () => {
    const result = klachten(['check', '--today', '2026-12-31', '--format', 'json'], { cwd: project });
    const report = JSON.parse(result.stdout) as { diagnostics: { file: string; severity: string; code: string }[] };
    const ours = report.diagnostics.filter((d) => d.file.includes('KL-2026-09')).map((d) => `${d.severity} ${d.code}`);
    expect(ours).toEqual([
      'error merge-conflict',
      'error schema',
      'error schema',
      'warning value-comment',
      'error yaml',
      'error yaml',
      'error yaml',
    ]);
  });
});
