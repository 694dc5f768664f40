import { mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../cli/main.ts';
import type { Io } from '../../cli/lib/io.ts';
import { klachten, scratchProject } from './run-cli.ts';

const TODAY = ['--today', '2026-11-21'];

describe('klachten new', () => {
  it('writes the next id with flags and prints the deadlines that follow', () => {
    const dir = scratchProject();
    const result = klachten(
      [
        'new',
        // The next number at once, as a solo user on main would (the default is a provisional id).
        '--number',
        '--organisation',
        're-integratiedienst',
        '--channel',
        'email',
        '--received',
        '2026-11-20',
        '--name',
        'Test Verzonnen',
        '--email',
        'test.verzonnen@voorbeeld.example',
        '--handler',
        'behandelaar-b',
        '--category',
        'termijnen',
        '--description',
        'Een verzonnen klacht voor de test.',
        ...TODAY,
      ],
      { cwd: dir },
    );
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(
      'KL-2026-0024 geregistreerd in register/complaints/2026/KL-2026-0024.md (re-integratiedienst@1)',
    );
    expect(result.stdout).toMatch(
      /ontvangstbevestiging +vr 27 nov 2026 +- +binnenkort +5 werkdagen na ontvangst op vr 20 nov 2026/,
    );
    expect(result.stdout).toMatch(/schriftelijke-reactie +vr 18 dec 2026/);
    expect(result.stdout).not.toContain('Test Verzonnen');
    expect(result.stdout).not.toContain('voorbeeld.example');
    const text = readFileSync(join(dir, 'register/complaints/2026/KL-2026-0024.md'), 'utf8');
    expect(text).toBe(`---
id: KL-2026-0024
organisation: re-integratiedienst
received: 2026-11-20
channel: email
form: written
complainant: # persoonsgegevens: blijven in het register
  name: Test Verzonnen
  email: test.verzonnen@voorbeeld.example
handler: behandelaar-b
category: termijnen
---
Een verzonnen klacht voor de test.
`);
    expect(klachten(['check', ...TODAY], { cwd: dir }).code).toBe(0);
  });

  it('names the fields the regulation requires when flags are missing', () => {
    const dir = scratchProject();
    const result = klachten(['new', '--organisation', 'mvz', '--channel', 'email', ...TODAY], { cwd: dir });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('het reglement van mvz vraagt ook: --name, --address, --dated, --description');
    expect(
      klachten(['new', '--organisation', 'coulant', '--channel', 'phone', '--description', 'x', ...TODAY], { cwd: dir }).stderr,
    ).toContain('--channel verwacht een van');
  });

  it('refuses what the regulation does not allow, and writes nothing', () => {
    const dir = scratchProject();
    const result = klachten(
      ['new', '--organisation', 'pit', '--channel', 'email', '--handler', 'coach-demo', '--involved', 'coach-demo', ...TODAY],
      { cwd: dir },
    );
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('behandelaar coach-demo staat ook bij involved');
    expect(result.stderr).toContain('niet geschreven');
    expect(klachten(['status', '--json', ...TODAY], { cwd: dir }).stdout).not.toContain('KL-2026-0024');
  });

  it('asks the questions the regulation needs when run in a terminal', async () => {
    const dir = scratchProject();
    const answers = [
      'organize4all',
      '2026-11-20',
      'post',
      'Test Verzonnen',
      '',
      '',
      '',
      'bestaat niet',
      '2026-11-13',
      'coach-demo',
      '',
      'resultaat',
      'Verzonnen klacht.',
    ];
    const asked: string[] = [];
    let out = '';
    let err = '';
    const io: Io = {
      cwd: dir,
      stdout: (text) => (out += text),
      stderr: (text) => (err += text),
      prompt: (question) => {
        asked.push(question);
        return Promise.resolve(answers.shift() ?? '');
      },
      now: () => new Date('2026-11-21T10:00:00Z'),
      env: {},
    };
    expect(await main(['new', '--number'], io)).toBe(0);
    expect(asked[0]).toBe('Organisatie [coulant/mvz/organize4all/pit/re-integratiedienst]: ');
    expect(asked).toContain('Einde van de opdracht (klacht mag tot 30 werkdagen daarna): ');
    expect(err).toContain('verwacht een bestaande datum als JJJJ-MM-DD');
    expect(out).toContain('KL-2026-0024 geregistreerd');
    const text = readFileSync(join(dir, 'register/complaints/2026/KL-2026-0024.md'), 'utf8');
    expect(text).toContain('assignmentEnded: 2026-11-13\n');
    expect(text).toContain('channel: post\n');
  });
});

describe('klachten new that forgives (issue 17, point 3)', () => {
  const LETTER = 'Geachte heer, mevrouw,\n\nIk schrijf u over afspraak #2: die ging niet door.\nMet vriendelijke groet\n';
  const args = ['new', '--organisation', 'pit', '--channel', 'email', '--received', '2026-11-20', '--name', 'Test Verzonnen'];

  it('takes the whole letter from a file or from standard input, never only its first line', () => {
    const dir = scratchProject();
    writeFileSync(join(dir, 'brief.txt'), LETTER);
    for (const [flags, input] of [
      [['--description-file', 'brief.txt'], undefined],
      [['--description-file', '-'], LETTER],
    ] as const) {
      const result = klachten([...args, ...flags, ...TODAY], { cwd: dir, ...(input === undefined ? {} : { input }) });
      expect(result.code, result.stderr).toBe(0);
      const id = /^(nieuw-[a-z0-9]+) geregistreerd/m.exec(result.stdout)?.[1] ?? '';
      const text = readFileSync(join(dir, 'register', 'complaints', '2026', `${id}.md`), 'utf8');
      expect(text.endsWith(`---\n${LETTER}`)).toBe(true);
      expect(result.stdout).not.toContain('afspraak');
    }
    expect(klachten([...args, '--description', 'x', '--description-file', 'brief.txt', ...TODAY], { cwd: dir }).code).toBe(2);
  });

  it('asks for another handler right after the people involved when the handler is one of them', async () => {
    const dir = scratchProject();
    // MVZ: the handler may not be a person the complaint is about.
    const answers = [
      'mvz',
      '2026-11-20',
      'email',
      'written',
      'Test Verzonnen',
      '',
      '',
      'Voorbeeldstraat 1',
      '2026-11-19',
      'coach-y',
      'coach-y',
      'noloc-demo',
      'resultaat',
      'Verzonnen klacht.',
    ];
    const asked: string[] = [];
    let err = '';
    const io: Io = {
      cwd: dir,
      stdout: () => undefined,
      stderr: (text) => (err += text),
      prompt: (question) => {
        asked.push(question);
        return Promise.resolve(answers.shift() ?? '');
      },
      now: () => new Date('2026-11-21T10:00:00Z'),
      env: {},
    };
    expect(await main(['new'], io)).toBe(0);
    expect(err).toContain('coach-y behandelt de klacht en staat bij de betrokkenen: dat mag niet');
    const involvedAt = asked.findIndex((q) => q.startsWith('Betrokken'));
    expect(asked[involvedAt + 1]).toMatch(/^Behandelaar/);
  });
});

describe('klachten new keeps an entry broken off', () => {
  it("offers the answers of an interrupted entry to the next run, from the user's cache, and forgets them once written", async () => {
    const dir = scratchProject();
    const cache = mkdtempSync(join(tmpdir(), 'klachten-cache-'));
    const terminal = (answers: string[], asked: string[]): Io => ({
      cwd: dir,
      stdout: () => undefined,
      stderr: () => undefined,
      prompt: (question) => {
        asked.push(question);
        const answer = answers.shift();
        // Ctrl-C: readline rejects the question.
        return answer === undefined ? Promise.reject(new Error('afgebroken')) : Promise.resolve(answer);
      },
      now: () => new Date('2026-11-21T10:00:00Z'),
      env: { XDG_CACHE_HOME: cache },
    });
    const first: string[] = [];
    await expect(main(['new'], terminal(['pit', '2026-11-20', 'email', 'written', 'Test Verzonnen'], first))).rejects.toThrow(
      'afgebroken',
    );
    const [saved] = readdirSync(join(cache, 'klachtenregister'));
    expect(saved).toMatch(/^concept-[0-9a-f]{16}\.json$/);
    // Only the user may read it; it is not in the repository.
    expect(statSync(join(cache, 'klachtenregister', saved ?? '')).mode & 0o777).toBe(0o600);

    const second: string[] = [];
    const out: string[] = [];
    const io = terminal(['j', 'test@voorbeeld.example', '', '', '', '', 'bejegening', 'Verzonnen klacht.'], second);
    expect(await main(['new'], { ...io, stdout: (text) => out.push(text) })).toBe(0);
    expect(second[0]).toBe('Er is een onafgemaakte klacht (opgeslagen op 2026-11-21). Verder met die antwoorden? [j/n]: ');
    // The organisation, date, channel and name were not asked again.
    expect(second.some((q) => q.startsWith('Organisatie') || q.startsWith('Naam klager'))).toBe(false);
    const id = /^(nieuw-[a-z0-9]+) geregistreerd/m.exec(out.join(''))?.[1] ?? '';
    expect(readFileSync(join(dir, 'register', 'complaints', '2026', `${id}.md`), 'utf8')).toContain('name: Test Verzonnen');
    expect(readdirSync(join(cache, 'klachtenregister'))).toEqual([]);
  });
});

describe('klachten record', () => {
  const file = 'register/complaints/2026/KL-2026-0006.md';

  it('records a step, changing only that line, and shows what is still open', () => {
    const dir = scratchProject();
    const before = readFileSync(join(dir, file), 'utf8');
    const result = klachten(['record', 'KL-2026-0006', 'ontvangstbevestiging', '--on', '2026-11-18', ...TODAY], { cwd: dir });
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(`KL-2026-0006: ontvangstbevestiging vastgelegd op 2026-11-18 in ${file}`);
    expect(result.stdout).toMatch(/ontvangstbevestiging +di 17 nov 2026 +2026-11-18 +te laat gedaan/);
    const after = readFileSync(join(dir, file), 'utf8');
    expect(after).toBe(
      before.replace('category: bejegening\n', 'category: bejegening\nsteps:\n  ontvangstbevestiging: 2026-11-18\n'),
    );
  });

  it('keeps comments and order when adding to existing steps', () => {
    const dir = scratchProject();
    const path = 'register/complaints/2025/KL-2025-0002.md';
    const before = readFileSync(join(dir, path), 'utf8');
    expect(before).toContain('steps: # later dan de 14 dagen');
    const result = klachten(['record', 'KL-2025-0002', 'uitkomst-gemeld', '--on', '2025-06-24', '--note', 'per post', ...TODAY], {
      cwd: dir,
    });
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('(was: 2025-06-23)');
    expect(readFileSync(join(dir, path), 'utf8')).toBe(
      before.replace('uitkomst-gemeld: 2025-06-23', 'uitkomst-gemeld: { on: 2025-06-24, note: "per post" }'),
    );
  });

  it('names only the earlier date when it replaces a step with a note', () => {
    const dir = scratchProject();
    const first = klachten(
      ['record', 'KL-2025-0002', 'uitkomst-gemeld', '--on', '2025-06-24', '--note', 'Gebeld met Verzonnen Persoon', ...TODAY],
      { cwd: dir },
    );
    expect(first.code).toBe(0);
    const again = klachten(['record', 'KL-2025-0002', 'uitkomst-gemeld', '--on', '2025-06-25', ...TODAY], { cwd: dir });
    expect(again.code).toBe(0);
    expect(again.stdout).toContain('(was: 2025-06-24)');
    expect(again.stdout + again.stderr).not.toContain('Verzonnen Persoon');
  });

  it('refuses an unknown step, a date before receipt and an unknown id, leaving the file as it was', () => {
    const dir = scratchProject();
    const before = readFileSync(join(dir, file), 'utf8');
    const unknown = klachten(['record', 'KL-2026-0006', 'ontvangstbevestigin', ...TODAY], { cwd: dir });
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain("bedoelt u 'ontvangstbevestiging'?");
    const early = klachten(['record', 'KL-2026-0006', 'voortgangsbericht', '--on', '2026-11-01', ...TODAY], { cwd: dir });
    expect(early.code).toBe(1);
    expect(early.stderr).toContain('ligt vóór de ontvangst (2026-11-10)');
    expect(early.stderr).toContain('niet vastgelegd');
    expect(klachten(['record', 'KL-2026-9999', 'x', ...TODAY], { cwd: dir }).stderr).toContain(
      'klacht KL-2026-9999 niet gevonden',
    );
    expect(readFileSync(join(dir, file), 'utf8')).toBe(before);
  });
});
