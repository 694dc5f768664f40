import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { klachten, scratchProject } from './run-cli.ts';

const TODAY = ['--today', '2026-11-21'];

/** mvz, open: steps up to betrokkene-gehoord, no extensions, measures or escalation. */
const MVZ = 'register/complaints/2026/KL-2026-0018.md';
/** coulant, closed: outcome, a measure, one escalation written as a map. */
const COULANT = 'register/complaints/2026/KL-2026-0010.md';
/** re-integratiedienst (suspension allowed), open, no steps. */
const REINT = 'register/complaints/2026/KL-2026-0006.md';
/** re-integratiedienst, with a suspension that is still running. */
const RUNNING = 'register/complaints/2026/KL-2026-0007.md';

/** A scratch project, and a reader of its files. */
function project(): { dir: string; read: (file: string) => string } {
  const dir = scratchProject();
  return { dir, read: (file) => readFileSync(join(dir, file), 'utf8') };
}

/** Runs a command that must be refused, and checks that the file stayed byte-identical. */
function refused(dir: string, file: string, args: string[], code: number): string {
  const before = readFileSync(join(dir, file));
  const result = klachten([...args, ...TODAY], { cwd: dir });
  expect(result.stdout).toBe('');
  expect(result.code).toBe(code);
  expect(readFileSync(join(dir, file)).equals(before)).toBe(true);
  return result.stderr;
}

/** The front matter's end in a file: new top-level fields go just before it. */
const END = '\n---\n';

describe('klachten outcome', () => {
  it('adds the outcome as the last field, and prints the deadlines', () => {
    const { dir, read } = project();
    const before = read(MVZ);
    const result = klachten(['outcome', 'KL-2026-0018', 'gegrond', ...TODAY], { cwd: dir });
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(`KL-2026-0018: uitkomst gegrond in ${MVZ}`);
    expect(result.stdout).toMatch(/aanbod +ma 2 nov 2026 +- +TE LAAT/);
    expect(read(MVZ)).toBe(before.replace(END, `\noutcome: gegrond${END}`));
  });

  it('replaces an outcome on its own line, and sets admissible: false with niet-ontvankelijk', () => {
    const { dir, read } = project();
    const before = read(COULANT);
    const result = klachten(['outcome', 'KL-2026-0010', 'niet-ontvankelijk', ...TODAY], { cwd: dir });
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('uitkomst niet-ontvankelijk (was: deels-gegrond)');
    expect(result.stdout).toContain('admissible: false (niet in behandeling)');
    expect(read(COULANT)).toBe(
      before
        .replace('outcome: deels-gegrond\nsteps:', 'outcome: niet-ontvankelijk\nsteps:')
        .replace(END, `\nadmissible: false${END}`),
    );
  });

  it('refuses an unknown outcome and admissible ja with niet-ontvankelijk, leaving the file as it was', () => {
    const { dir } = project();
    expect(refused(dir, MVZ, ['outcome', 'KL-2026-0018', 'gegrondd'], 2)).toContain(
      "onbekende uitkomst 'gegrondd'; bedoelt u 'gegrond'?",
    );
    expect(refused(dir, MVZ, ['outcome', 'KL-2026-0018', 'niet-ontvankelijk', '--admissible', 'ja'], 1)).toContain(
      'outcome is niet-ontvankelijk maar admissible is true',
    );
    expect(refused(dir, MVZ, ['outcome', 'KL-2026-0018', 'gegrond', '--admissible', 'misschien'], 2)).toContain(
      '--admissible verwacht ja of nee',
    );
  });
});

describe('klachten close', () => {
  it('adds the closing date, or replaces it on its line', () => {
    const { dir, read } = project();
    const before = read(MVZ);
    const result = klachten(['close', 'KL-2026-0018', '--on', '2026-11-20', ...TODAY], { cwd: dir });
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(`KL-2026-0018: afgesloten op 2026-11-20 in ${MVZ}`);
    expect(result.stdout).toContain('Uiterlijk');
    expect(read(MVZ)).toBe(before.replace(END, `\nclosed: 2026-11-20${END}`));

    const coulant = read(COULANT);
    const again = klachten(['close', 'KL-2026-0010', '--on', '2026-06-02', ...TODAY], { cwd: dir });
    expect(again.code).toBe(0);
    expect(again.stdout).toContain('afgesloten op 2026-06-02 (was: 2026-06-01)');
    expect(read(COULANT)).toBe(coulant.replace('closed: 2026-06-01\n', 'closed: 2026-06-02\n'));
  });

  it('refuses closing before receipt or after today, leaving the file as it was', () => {
    const { dir } = project();
    const early = refused(dir, MVZ, ['close', 'KL-2026-0018', '--on', '2026-09-01'], 1);
    expect(early).toContain('de afsluitdatum (2026-09-01) ligt vóór de ontvangst (2026-09-21)');
    expect(early).toContain(`niet vastgelegd: ${MVZ} is ongewijzigd`);
    expect(refused(dir, MVZ, ['close', 'KL-2026-0018', '--on', '2026-11-22'], 1)).toContain('ligt na vandaag (2026-11-21)');
    expect(refused(dir, MVZ, ['close', 'KL-2026-0018', '--on', '2026-02-30'], 2)).toContain(
      '--on verwacht een bestaande datum als JJJJ-MM-DD',
    );
  });
});

describe('klachten extend', () => {
  /** mvz with a maximum of 4 weeks and one extension per step, in the scratch copy only. */
  function limited(dir: string): void {
    const path = join(dir, 'regulations/mvz/2020-01-01.md');
    const text = readFileSync(path, 'utf8');
    expect(text).toContain('extension:\n  allowed: true\n');
    writeFileSync(
      path,
      text.replace(
        'extension:\n  allowed: true\n',
        'extension:\n  allowed: true\n  max: { amount: 4, unit: weeks }\n  times: 1\n',
      ),
    );
  }

  it('adds an extension the regulation allows, and prints the moved deadline', () => {
    const { dir, read } = project();
    const before = read(MVZ);
    const result = klachten(
      [
        'extend',
        'KL-2026-0018',
        'aanbod',
        '--amount',
        '2',
        '--unit',
        'weeks',
        '--reason',
        'Wacht op de opdrachtgever',
        '--notified',
        '2026-10-20',
        ...TODAY,
      ],
      { cwd: dir },
    );
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(`KL-2026-0018: aanbod verlengd met 2 weken, klager geïnformeerd op 2026-10-20 in ${MVZ}`);
    expect(result.stdout).toMatch(/aanbod +ma 16 nov 2026/);
    expect(read(MVZ)).toBe(
      before.replace(
        END,
        '\nextensions:\n  - step: aanbod\n    amount: 2\n    unit: weeks\n    reason: Wacht op de opdrachtgever\n    notified: 2026-10-20' +
          END,
      ),
    );
    expect(klachten(['check', ...TODAY], { cwd: dir }).code).toBe(0);
  });

  it('appends to an existing list of extensions', () => {
    const { dir, read } = project();
    const file = 'register/complaints/2026/KL-2026-0017.md';
    const before = read(file);
    const result = klachten(
      [
        'extend',
        'KL-2026-0017',
        'aanbod',
        '--amount',
        '1',
        '--unit',
        'workingDays',
        '--reason',
        'Nog een week nodig',
        '--notified',
        '2026-11-13',
        ...TODAY,
      ],
      { cwd: dir },
    );
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(read(file)).toBe(
      before.replace(
        '    notified: 2026-11-12\n',
        '    notified: 2026-11-12\n  - step: aanbod\n    amount: 1\n    unit: workingDays\n    reason: Nog een week nodig\n    notified: 2026-11-13\n',
      ),
    );
  });

  it('refuses what the regulation does not allow, leaving the file as it was', () => {
    const { dir } = project();
    const args = ['--amount', '2', '--unit', 'weeks', '--reason', 'Reden', '--notified', '2026-10-20'];
    expect(refused(dir, MVZ, ['extend', 'KL-2026-0018', 'ontvangstbevestiging', ...args], 1)).toContain(
      'alleen aanbod mag verlengd worden',
    );
    expect(refused(dir, MVZ, ['extend', 'KL-2026-0018', 'aanbodd', ...args], 2)).toContain(
      "onbekende stap 'aanbodd' in mvz@1; bedoelt u 'aanbod'?",
    );
    expect(
      refused(dir, MVZ, ['extend', 'KL-2026-0018', 'aanbod', '--amount', '2', '--unit', 'weeks', '--notified', '2026-10-20'], 1),
    ).toContain('een verlenging moet gemotiveerd worden');
    expect(refused(dir, MVZ, ['extend', 'KL-2026-0018', 'aanbod', ...args.slice(0, 6), '--notified', '2026-11-03'], 1)).toContain(
      'na de oorspronkelijke termijn (2026-11-02)',
    );
    expect(refused(dir, MVZ, ['extend', 'KL-2026-0018', 'aanbod', '--amount', '0', '--unit', 'weeks'], 2)).toContain(
      '--amount verwacht een heel getal',
    );
    expect(refused(dir, REINT, ['extend', 'KL-2026-0006', 'schriftelijke-reactie', ...args], 1)).toContain(
      'het reglement van re-integratiedienst staat geen verlenging toe',
    );
  });

  it('refuses an extension beyond the maximum and a second where one is allowed', () => {
    const { dir } = project();
    limited(dir);
    const args = ['--unit', 'weeks', '--reason', 'Reden', '--notified', '2026-10-20'];
    expect(refused(dir, MVZ, ['extend', 'KL-2026-0018', 'aanbod', '--amount', '5', ...args], 1)).toContain(
      'verlenging van 5 weken is langer dan toegestaan (hoogstens 4 weken)',
    );
    const file = 'register/complaints/2026/KL-2026-0017.md';
    expect(
      refused(
        dir,
        file,
        ['extend', 'KL-2026-0017', 'aanbod', '--amount', '1', ...args.slice(0, 4), '--notified', '2026-11-13'],
        1,
      ),
    ).toContain("stap 'aanbod' mag hoogstens 1 keer verlengd worden");
  });
});

describe('klachten suspend', () => {
  it('adds a suspension, then ends it', () => {
    const { dir, read } = project();
    const before = read(REINT);
    const result = klachten(
      [
        'suspend',
        'KL-2026-0006',
        '--from',
        '2026-11-12',
        '--reason',
        'Wacht op stukken',
        '--steps',
        'schriftelijke-reactie',
        ...TODAY,
      ],
      { cwd: dir },
    );
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(`KL-2026-0006: opgeschort vanaf 2026-11-12 (loopt nog) in ${REINT}`);
    const added = '\nsuspensions:\n  - from: 2026-11-12\n    reason: Wacht op stukken\n    steps: [schriftelijke-reactie]';
    expect(read(REINT)).toBe(before.replace(END, `${added}${END}`));
    const ended = klachten(['suspend', 'KL-2026-0006', '--to', '2026-11-16', ...TODAY], { cwd: dir });
    expect(ended.stderr).toBe('');
    expect(ended.code).toBe(0);
    expect(ended.stdout).toContain('opschorting van 2026-11-12 beëindigd op 2026-11-16');
    expect(read(REINT)).toBe(before.replace(END, `${added}\n    to: 2026-11-16${END}`));
  });

  it('ends the running suspension of a file, changing only its lines', () => {
    const { dir, read } = project();
    const before = read(RUNNING);
    const result = klachten(['suspend', 'KL-2026-0007', '--to', '2026-11-13', ...TODAY], { cwd: dir });
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(read(RUNNING)).toBe(
      before.replace(
        '    reason: Aanvullende informatie opgevraagd bij de klager\n',
        '    reason: Aanvullende informatie opgevraagd bij de klager\n    to: 2026-11-13\n',
      ),
    );
  });

  it('refuses a suspension the regulation does not know, an end before the start and an unknown step', () => {
    const { dir } = project();
    expect(refused(dir, MVZ, ['suspend', 'KL-2026-0018', '--from', '2026-11-02', '--reason', 'Wacht'], 1)).toContain(
      'het reglement van mvz kent geen opschorting',
    );
    expect(refused(dir, RUNNING, ['suspend', 'KL-2026-0007', '--to', '2026-11-01'], 1)).toContain(
      'einde 2026-11-01 ligt vóór begin 2026-11-09',
    );
    expect(
      refused(dir, REINT, ['suspend', 'KL-2026-0006', '--from', '2026-11-12', '--steps', 'schriftelijke-reactei'], 2),
    ).toContain("bedoelt u 'schriftelijke-reactie'?");
    expect(refused(dir, REINT, ['suspend', 'KL-2026-0006', '--to', '2026-11-12'], 2)).toContain('geen opschorting die nog loopt');
  });
});

describe('klachten measure', () => {
  it('adds a measure, marks it done and records satisfaction, each on its own lines', () => {
    const { dir, read } = project();
    const before = read(MVZ);
    const add = klachten(
      [
        'measure',
        'KL-2026-0018',
        'add',
        '--kind',
        'corrective',
        '--description',
        'Excuses: aangeboden',
        '--owner',
        'noloc-demo',
        '--due',
        '2026-12-01',
        ...TODAY,
      ],
      { cwd: dir },
    );
    expect(add.stderr).toBe('');
    expect(add.code).toBe(0);
    expect(add.stdout).toContain(`KL-2026-0018: maatregel 1 (corrective) toegevoegd in ${MVZ}`);
    const added =
      '\nmeasures:\n  - kind: corrective\n    description: "Excuses: aangeboden"\n    owner: noloc-demo\n    due: 2026-12-01';
    expect(read(MVZ)).toBe(before.replace(END, `${added}${END}`));
    expect(klachten(['measure', 'KL-2026-0018', 'done', '1', '--on', '2026-11-20', ...TODAY], { cwd: dir }).code).toBe(0);
    const satisfied = klachten(['measure', 'KL-2026-0018', 'satisfied', '1', 'ja', ...TODAY], { cwd: dir });
    expect(satisfied.stdout).toContain('maatregel 1: klager tevreden');
    expect(read(MVZ)).toBe(before.replace(END, `${added}\n    done: 2026-11-20\n    satisfied: true${END}`));
  });

  it('appends to a list of measures and replaces a field of one', () => {
    const { dir, read } = project();
    const before = read(COULANT);
    expect(
      klachten(
        ['measure', 'KL-2026-0010', 'add', '--kind', 'preventive', '--description', 'Schrijfwijzer voor mails', ...TODAY],
        { cwd: dir },
      ).code,
    ).toBe(0);
    const done = klachten(['measure', 'KL-2026-0010', 'done', '1', '--on', '2026-04-21', ...TODAY], { cwd: dir });
    expect(done.stdout).toContain('maatregel 1 uitgevoerd op 2026-04-21 (was: 2026-04-20)');
    expect(read(COULANT)).toBe(
      before.replace(
        '    done: 2026-04-20\n    satisfied: false\n',
        '    done: 2026-04-21\n    satisfied: false\n  - kind: preventive\n    description: Schrijfwijzer voor mails\n',
      ),
    );
  });

  it('refuses a date before receipt, an unknown number and a wrong answer, leaving the file as it was', () => {
    const { dir } = project();
    expect(refused(dir, COULANT, ['measure', 'KL-2026-0010', 'done', '1', '--on', '2026-01-01'], 1)).toContain(
      'de datum waarop de maatregel is uitgevoerd (2026-01-01) ligt vóór de ontvangst (2026-03-02)',
    );
    expect(refused(dir, COULANT, ['measure', 'KL-2026-0010', 'done', '2'], 2)).toContain('geef het nummer van de maatregel: 1');
    expect(refused(dir, MVZ, ['measure', 'KL-2026-0018', 'done', '1'], 2)).toContain('dit dossier heeft nog geen maatregel');
    expect(refused(dir, COULANT, ['measure', 'KL-2026-0010', 'satisfied', '1', 'misschien'], 2)).toContain('verwacht ja of nee');
    expect(
      refused(
        dir,
        MVZ,
        ['measure', 'KL-2026-0018', 'add', '--kind', 'corrective', '--description', 'x', '--owner', 'geen login!'],
        1,
      ),
    ).not.toBe('');
    expect(refused(dir, MVZ, ['measure', 'KL-2026-0018', 'add', '--kind', 'correctief', '--description', 'x'], 2)).toContain(
      '--kind verwacht een van: corrective, preventive',
    );
  });
});

describe('klachten escalate', () => {
  it('adds an escalation, then its ruling', () => {
    const { dir, read } = project();
    const before = read(MVZ);
    const add = klachten(
      ['escalate', 'KL-2026-0018', 'add', '--body', 'Opdrachtgever van het traject', '--on', '2026-11-20', ...TODAY],
      { cwd: dir },
    );
    expect(add.stderr).toBe('');
    expect(add.code).toBe(0);
    expect(add.stdout).toContain(`KL-2026-0018: voorgelegd op 2026-11-20 (voorlegging 1) in ${MVZ}`);
    expect(add.stdout).not.toContain('let op');
    const ruling = klachten(['escalate', 'KL-2026-0018', 'outcome', '1', 'ongegrond', ...TODAY], { cwd: dir });
    expect(ruling.stderr).toBe('');
    expect(ruling.stdout).toContain('uitspraak van voorlegging 1: ongegrond');
    expect(read(MVZ)).toBe(
      before.replace(
        END,
        '\nescalation:\n  - body: Opdrachtgever van het traject\n    on: 2026-11-20\n    outcome: ongegrond' + END,
      ),
    );
  });

  it('turns one escalation written as a map into a list when a second is added, and sets a ruling in it', () => {
    const { dir, read } = project();
    const before = read(COULANT);
    const ruling = klachten(['escalate', 'KL-2026-0010', 'outcome', '1', 'gegrond', ...TODAY], { cwd: dir });
    expect(ruling.stdout).toContain('(was: deels-gegrond)');
    const add = klachten(
      [
        'escalate',
        'KL-2026-0010',
        'add',
        '--body',
        'Geschillencommissie',
        '--on',
        '2026-06-10',
        '--outcome',
        'schikking',
        ...TODAY,
      ],
      {
        cwd: dir,
      },
    );
    expect(add.stderr).toBe('');
    expect(add.code).toBe(0);
    expect(add.stdout).toContain('let op: het reglement (coulant@1) noemt deze instantie niet');
    expect(read(COULANT)).toBe(
      before.replace(
        'escalation:\n  body: Onafhankelijk persoon buiten de organisatie\n  on: 2026-05-04\n  outcome: deels-gegrond\n',
        'escalation:\n  - body: Onafhankelijk persoon buiten de organisatie\n    on: 2026-05-04\n    outcome: gegrond\n  - body: Geschillencommissie\n    on: 2026-06-10\n    outcome: schikking\n',
      ),
    );
    expect(klachten(['check', ...TODAY], { cwd: dir }).code).toBe(0);
  });

  it('refuses a date before receipt and an unknown ruling, leaving the file as it was', () => {
    const { dir } = project();
    expect(
      refused(dir, MVZ, ['escalate', 'KL-2026-0018', 'add', '--body', 'Opdrachtgever van het traject', '--on', '2026-09-01'], 1),
    ).toContain('de datum van voorleggen (2026-09-01) ligt vóór de ontvangst (2026-09-21)');
    expect(refused(dir, COULANT, ['escalate', 'KL-2026-0010', 'outcome', '1', 'opgelost-in-overleg'], 2)).toContain(
      "onbekende uitkomst 'opgelost-in-overleg'",
    );
    expect(refused(dir, COULANT, ['escalate', 'KL-2026-0010', 'outcome', '2', 'gegrond'], 2)).toContain(
      'geef het nummer van de voorlegging: 1',
    );
  });
});

describe('editing keeps the file as it was written', () => {
  it('keeps Windows line endings and a byte-order mark', () => {
    const { dir, read } = project();
    const crlf = `\uFEFF${read(MVZ).replace(/\n/g, '\r\n')}`;
    writeFileSync(join(dir, MVZ), crlf);
    expect(klachten(['close', 'KL-2026-0018', '--on', '2026-11-20', ...TODAY], { cwd: dir }).code).toBe(0);
    expect(
      klachten(['measure', 'KL-2026-0018', 'add', '--kind', 'preventive', '--description', 'Uitleg', ...TODAY], { cwd: dir })
        .code,
    ).toBe(0);
    expect(read(MVZ)).toBe(
      crlf.replace(
        '\r\n---\r\n',
        '\r\nclosed: 2026-11-20\r\nmeasures:\r\n  - kind: preventive\r\n    description: Uitleg\r\n---\r\n',
      ),
    );
  });

  it('refuses an unknown id', () => {
    const { dir } = project();
    const result = klachten(['close', 'KL-2026-9999', ...TODAY], { cwd: dir });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('klacht KL-2026-9999 niet gevonden');
  });
});
