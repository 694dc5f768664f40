import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { formatDate, type Cell, type EvaluationReport, type IsoDate, type OrganisationReport } from '../../core/index.ts';
import { personalValues, ROOT, SAMPLE_REGULATIONS } from '../builders.ts';
import { klachten, scratchProject, type CliResult } from './run-cli.ts';

const TODAY = '2026-11-21';
/** Dates the report may show: `asOf`, the evaluation's due date and the approval of the fixture's evaluation. */
const REPORT_DATES = new Set([TODAY, '2026-03-31', '2026-03-15']);
const FIXTURE = join(ROOT, 'test', 'fixtures', 'adversarial-register');
const COMPLAINT_ID = /KL-\d{4}-\d{4,}/;

const made: string[] = [];

/** A temporary project with a copy of the adversarial register and the real regulations. */
function adversarialProject(): string {
  const dir = mkdtempSync(join(tmpdir(), 'klachten-evaluate-'));
  cpSync(FIXTURE, join(dir, 'register'), { recursive: true });
  cpSync(SAMPLE_REGULATIONS, join(dir, 'regulations'), { recursive: true });
  made.push(dir);
  return dir;
}

function scratch(): string {
  const dir = scratchProject();
  made.push(dir);
  return dir;
}

/** `klachten evaluate` on the register and regulations of `dir`, as standing on {@link TODAY}. */
function evaluate(dir: string, args: string[]): CliResult {
  return klachten(
    ['evaluate', '--register', join(dir, 'register'), '--regulations', join(dir, 'regulations'), '--today', TODAY, ...args],
    { cwd: dir },
  );
}

function complaintFiles(dir: string): string[] {
  const root = join(dir, 'register', 'complaints');
  return readdirSync(root, { recursive: true })
    .map(String)
    .filter((name) => name.endsWith('.md'))
    .map((name) => join(root, name));
}

/** Every login in the complaint files: handlers, staff involved and owners of measures. */
function logins(dir: string): string[] {
  const found = new Set<string>();
  for (const file of complaintFiles(dir)) {
    const front = /^---\n([\s\S]*?)\n---\n/.exec(readFileSync(file, 'utf8'))?.[1] ?? '';
    const data = parseYaml(front) as { handler?: string; involved?: string[]; measures?: { owner?: string }[] };
    if (data.handler !== undefined) found.add(data.handler);
    for (const login of data.involved ?? []) found.add(login);
    for (const measure of data.measures ?? []) if (measure.owner !== undefined) found.add(measure.owner);
  }
  return [...found];
}

/** Every date written anywhere in the complaint files: received, dated, steps, extensions, measures, closed, text. */
function complaintDates(dir: string): IsoDate[] {
  const found = new Set<IsoDate>();
  for (const file of complaintFiles(dir))
    for (const [date] of readFileSync(file, 'utf8').matchAll(/\d{4}-\d{2}-\d{2}/g)) found.add(date);
  return [...found].sort();
}

function leaked(output: string, values: readonly string[]): string[] {
  return values.filter((value) => output.includes(value));
}

/** Every published breakdown in an organisation's report, by its path; improvement actions are no complainants' data. */
function breakdowns(value: unknown, path = ''): [string, { total: Cell; cells: Record<string, Cell> }][] {
  if (value === null || typeof value !== 'object') return [];
  const record = value as Record<string, unknown>;
  if ('total' in record && 'cells' in record) return [[path, record as { total: Cell; cells: Record<string, Cell> }]];
  return Object.entries(record).flatMap(([key, item]) =>
    key === 'improvementActions' ? [] : breakdowns(item, path === '' ? key : `${path}.${key}`),
  );
}

function organisation(report: EvaluationReport, slug: string): OrganisationReport {
  const found = report.organisations.find((o) => o.organisation === slug);
  if (found === undefined) throw new Error(`geen ${slug} in het rapport`);
  return found;
}

afterAll(() => {
  for (const dir of made) rmSync(dir, { recursive: true, force: true });
});

describe('klachten evaluate on an adversarial register', () => {
  let dir: string;
  let json: CliResult;
  let csv: CliResult;
  let text: CliResult;
  let report: EvaluationReport;

  beforeAll(() => {
    dir = adversarialProject();
    json = evaluate(dir, ['--year', '2025', '--json']);
    csv = evaluate(dir, ['--year', '2025', '--csv']);
    text = evaluate(dir, ['--year', '2025']);
    report = JSON.parse(json.stdout) as EvaluationReport;
  });

  it('is a register that check accepts', () => {
    const result = klachten(
      ['check', '--register', join(dir, 'register'), '--regulations', join(dir, 'regulations'), '--today', TODAY],
      { cwd: dir },
    );
    expect(result.stderr).toBe('14 klachtdossiers en 1 evaluatie gecontroleerd: 0 fouten, 0 waarschuwingen\n');
    expect(result.code).toBe(0);
  });

  it('runs cleanly in every format', () => {
    for (const result of [json, csv, text]) {
      expect(result.stderr).toBe('');
      expect(result.code).toBe(0);
    }
    // For Dutch Excel: a byte order mark, semicolons, Dutch headers and labels.
    // Lines end in CRLF, as spreadsheets write them.
    expect(csv.stdout.split('\r\n')[0]).toBe('\uFEFForganisatie;jaar;onderdeel;kenmerk;kolom;waarde');
    expect(csv.stdout).not.toMatch(/byChannel|in-person|onTime/);
    expect(text.stdout).toContain('# MVZLoopbaancoaching (mvz): klachten 2025');
  });

  it('shows no complaint id in any format', () => {
    for (const result of [json, csv, text]) expect(COMPLAINT_ID.exec(result.stdout)?.[0]).toBeUndefined();
  });

  it('shows no personal value: complainants, notes, reasons, measures, complaint text', () => {
    const values = personalValues(join(dir, 'register'));
    // The fixture's traps are among the values looked for.
    expect(values).toEqual(
      expect.arrayContaining([
        'Bejegening',
        'Communicatie Resultaat',
        'bejegening@voorbeeld.example',
        'Mr. Gijs Gefingeerd-Gemachtigde',
        'Notitie zeppelinzwaluw, klager belde om kwart over drie terug',
        'Notitie narwalpostzegel, de directie belde de klager zelf',
        'Reden kolibrieduikboot, de coach zat op een vuurtoren zonder bereik',
        'Versleutelde dossierkast met het wachtwoord pinguïnparade',
        'Het eindrapport van mijn traject ging over iemand die in Timboektoe woont.',
      ]),
    );
    for (const result of [json, csv, text]) expect(leaked(result.stdout, values)).toEqual([]);
  });

  it('shows no login of a handler, of staff involved or of the owner of a measure', () => {
    const found = logins(dir);
    expect(found).toEqual(
      expect.arrayContaining([
        'geheime-behandelaar',
        'betrokken-coach-z',
        'betrokken-privacy-coach-q',
        'geheime-directeur-pit',
        'uitvoerder-kwartel',
      ]),
    );
    for (const result of [json, csv, text]) expect(leaked(result.stdout, found)).toEqual([]);
  });

  it('shows no date from a complaint, in ISO form or written out in Dutch', () => {
    const dates = complaintDates(dir);
    expect(dates.length).toBeGreaterThan(100);
    // Dates in the complaint text count too.
    expect(dates).toEqual(expect.arrayContaining(['2025-01-29', '2025-10-30']));
    // The report legitimately shows these; the fixture must not use them, or the check below proves nothing.
    expect(dates.filter((d) => REPORT_DATES.has(d))).toEqual([]);
    for (const result of [json, csv, text]) expect(leaked(result.stdout, dates)).toEqual([]);
    expect(leaked(text.stdout, dates.map(formatDate))).toEqual([]);
    // What does appear are the dates of the report itself.
    expect(new Set(json.stdout.match(/\d{4}-\d{2}-\d{2}/g))).toEqual(REPORT_DATES);
  });

  it('never shows a complainant named after a category as a name, only the category in lower case', () => {
    for (const result of [json, csv, text]) {
      expect(result.stdout).not.toContain('Bejegening');
      expect(result.stdout).not.toContain('Communicatie Resultaat');
    }
    expect(Object.keys(organisation(report, 'mvz').byCategory.cells)).toContain('bejegening');
    expect(csv.stdout).toContain('mvz;2025;Per categorie;bejegening;Klachten;< 3');
  });

  it('counts an escalation body the regulation does not name as "overig", never under its own name', () => {
    for (const result of [json, csv, text]) expect(result.stdout).not.toContain('Geschillenraad Zuidpool');
    expect(Object.keys(organisation(report, 'mvz').escalations.byBody.cells)).toEqual([
      'Opdrachtgever van het traject',
      'Nationale ombudsman of gemeentelijke ombudsman',
      'Autoriteit Persoonsgegevens',
      'overig',
    ]);
  });

  it('shows the category with a single complaint as "< 3", and the visible ones as counted', () => {
    const mvz = organisation(report, 'mvz');
    expect(mvz.received).toBe(10);
    expect(mvz.byCategory).toEqual({
      total: 10,
      cells: { bejegening: '< 3', communicatie: 4, dienstverlening: 0, privacy: '< 3', resultaat: 3, overig: 0, geen: 0 },
    });
    // MVZ evaluates periodically and its regulation sets no due date.
    expect(mvz.evaluation).toEqual({ status: 'approved', due: null, approved: '2026-03-15' });
  });

  it('shows the organisation with a single complaint as "< 3" with every cell hidden', () => {
    const pit = organisation(report, 'pit');
    expect(pit.received).toBe('< 3');
    const all = breakdowns(pit);
    const withComplaint = all.filter(([, b]) => b.total !== 0).map(([path]) => path);
    expect(withComplaint).toEqual([
      'byQuarter',
      'byChannel',
      'byForm',
      'byCategory',
      'admissibility',
      'outcomes',
      'steps.0.counts',
      'measures.corrective',
      'correctiveSatisfaction',
    ]);
    for (const [path, b] of all.filter(([, x]) => x.total !== 0)) {
      expect(b.total, path).toBe('< 3');
      expect(
        Object.values(b.cells).every((cell) => cell === 'verborgen'),
        path,
      ).toBe(true);
    }
    expect(pit.steps[0]).toMatchObject({ onTimePercent: null, medianDays: null, p90Days: null });
    expect(pit.trend).toEqual([{ year: 2025, received: '< 3', onTimePercent: null, foundedPercent: null }]);
  });

  it('shows every count as 0 or at least 3 in the category, channel and outcome tables', () => {
    const numbers = report.organisations.flatMap((o) =>
      [o.byCategory, o.byChannel, o.outcomes].flatMap((b) => [b.total, ...Object.values(b.cells)]),
    );
    expect(numbers.some((cell) => cell === '< 3')).toBe(true);
    expect(numbers.filter((cell) => typeof cell === 'number' && cell > 0 && cell < 3)).toEqual([]);
  });

  it('shows no count from 1 to 2 in any published breakdown or single count', () => {
    const small = (cell: unknown): boolean => typeof cell === 'number' && cell > 0 && cell < 3;
    for (const o of report.organisations) {
      for (const [path, b] of breakdowns(o))
        expect([b.total, ...Object.values(b.cells)].filter(small), `${o.organisation} ${path}`).toEqual([]);
      const singles: unknown[] = [
        o.received,
        o.withdrawn,
        o.suspensions,
        ...o.steps.map((s) => s.extensions),
        ...Object.values(o.preventiveDone),
        ...o.trend.map((t) => t.received),
        ...o.prevention.flatMap((p) => [p.measures, p.before, p.after]),
      ];
      expect(singles.filter(small), o.organisation).toEqual([]);
    }
  });

  it('--threshold 5 turns counts of 3 and 4 into "< 5"', () => {
    const result = evaluate(dir, ['--year', '2025', '--organisation', 'mvz', '--json', '--threshold', '5']);
    expect(result.code).toBe(0);
    const five = JSON.parse(result.stdout) as EvaluationReport;
    expect(five.threshold).toBe(5);
    const mvz = organisation(five, 'mvz');
    expect(mvz.byCategory.cells).toMatchObject({ communicatie: '< 5', resultaat: '< 5', privacy: '< 5', bejegening: '< 5' });
    expect(mvz.byQuarter.cells.K2).toBe('< 5');
    expect(mvz.byChannel.cells.email).toBe(5);
    const shown = evaluate(dir, ['--year', '2025', '--organisation', 'mvz', '--threshold', '5']);
    expect(shown.stdout).toContain('aantallen van 1 tot 5 als "< 5"');
    expect(shown.stdout).not.toMatch(/ {2}< 3$/m);
  });

  it('still gives the figures of the other files when one is broken, names it and exits 1', () => {
    const broken = adversarialProject();
    writeFileSync(
      join(broken, 'register', 'complaints', '2025', 'KL-2025-0006.md'),
      '---\nid: KL-2025-0006\norganisation: [mvz\nreceived: 2025-06-18\n---\nKapot.\n',
    );
    const result = evaluate(broken, ['--year', '2025', '--json']);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('register/complaints/2025/KL-2025-0006.md:');
    expect(result.stderr).toContain('1 bestand met fouten tellen niet mee');
    const figures = JSON.parse(result.stdout) as EvaluationReport;
    expect(organisation(figures, 'mvz').received).toBe(9);
    expect(organisation(figures, 'mvz').byCategory.cells.resultaat).not.toBe(3);
    expect(organisation(figures, 'pit').received).toBe('< 3');
  });
});

describe('klachten evaluate on the sample register', () => {
  it('gives the documented JSON shape, with the state of each evaluation', () => {
    const dir = scratch();
    const result = klachten(['evaluate', '--year', '2025', '--json', '--today', TODAY], { cwd: dir });
    expect(result.code).toBe(0);
    const report = JSON.parse(result.stdout) as EvaluationReport;
    expect(Object.keys(report).sort()).toEqual(['asOf', 'organisations', 'threshold', 'year']);
    expect(report).toMatchObject({ year: 2025, threshold: 3, asOf: TODAY });
    expect(report.organisations.map((o) => o.organisation)).toEqual([
      'coulant',
      'mvz',
      'organize4all',
      'pit',
      're-integratiedienst',
    ]);
    for (const org of report.organisations) {
      expect(Object.keys(org)).toEqual(
        expect.arrayContaining([
          'organisation',
          'name',
          'year',
          'received',
          'byQuarter',
          'byChannel',
          'byForm',
          'byCategory',
          'admissibility',
          'outcomes',
          'steps',
          'trend',
          'prevention',
          'evaluation',
        ]),
      );
      expect(org.year).toBe(2025);
      expect(Object.keys(org.byQuarter).sort()).toEqual(['cells', 'total']);
      expect(Object.keys(org.byQuarter.cells)).toEqual(['K1', 'K2', 'K3', 'K4']);
      expect(org.steps.length).toBeGreaterThan(0);
      for (const step of org.steps)
        expect(Object.keys(step).sort()).toEqual(
          ['counts', 'extensions', 'id', 'medianDays', 'onTimePercent', 'p90Days', 'title'].sort(),
        );
      for (const row of org.trend)
        expect(Object.keys(row).sort()).toEqual(['foundedPercent', 'onTimePercent', 'received', 'year']);
      expect(Object.keys(org.evaluation).sort()).toEqual(['approved', 'due', 'status']);
    }
    expect(organisation(report, 'mvz')).toMatchObject({
      name: 'MVZLoopbaancoaching',
      evaluation: { status: 'approved', due: null, approved: '2026-03-30' },
    });
    expect(organisation(report, 're-integratiedienst').evaluation).toMatchObject({ status: 'draft', approved: null });
  });

  it('--internal gives management every figure exactly, with the same totals as the published output', () => {
    const args = ['evaluate', '--year', '2025', '--organisation', 'mvz', '--json', '--today', TODAY];
    const internal = klachten([...args, '--internal']);
    const published = klachten(args);
    expect(internal.code).toBe(0);
    expect(internal.stdout).not.toMatch(/"< \d|verborgen/);
    const exact = JSON.parse(internal.stdout) as EvaluationReport & { internal: boolean; notice: string };
    const shown = JSON.parse(published.stdout) as EvaluationReport;
    expect(exact).toMatchObject({ internal: true, notice: 'intern: niet publiceren', threshold: 1 });
    expect(published.stdout).not.toContain('"internal"');
    const [org] = exact.organisations;
    const [pub] = shown.organisations;
    // The published figures hide MVZ's small counts; the internal ones have a number in every cell.
    expect(JSON.stringify(pub)).toMatch(/"< 3"|verborgen/);
    expect(org?.received).toBe(pub?.received === '< 3' ? org?.received : pub?.received);
    expect(org?.byChannel.total).toBe(org?.received);
    for (const step of org?.steps ?? []) {
      const counted = Object.values(step.counts.cells).reduce<number>((sum, cell) => sum + (cell as number), 0);
      if (counted > 0) expect(step.onTimePercent, step.id).not.toBeNull();
    }
    const text = klachten(['evaluate', '--year', '2025', '--organisation', 'mvz', '--internal', '--today', TODAY]);
    expect(text.stdout.split('\n')[0]).toContain('INTERN: NIET PUBLICEREN');
    const csv = klachten(['evaluate', '--year', '2025', '--organisation', 'mvz', '--internal', '--csv', '--today', TODAY]);
    expect(csv.stdout.split('\n')[0]).toContain('intern: niet publiceren');
  });

  it('starts the text with a summary and leaves out sections with nothing in them; --csv-separator for other spreadsheets', () => {
    const args = ['evaluate', '--year', '2025', '--organisation', 'pit', '--today', TODAY];
    const text = klachten(args).stdout;
    expect(text.split('## ')[1]).toMatch(/^In het kort\n- In 2025 kwamen 5 klachten binnen/);
    // PIT has no improvement actions from earlier years: no table of zeros, one line that says so.
    expect(text).not.toContain('## Verbeteracties uit eerdere evaluaties');
    expect(text).toMatch(/Zonder gegevens: .*Verbeteracties uit eerdere evaluaties/);
    const comma = klachten([...args, '--csv', '--csv-separator', ',']).stdout;
    expect(comma.split('\r\n')[0]).toBe('\uFEFForganisatie,jaar,onderdeel,kenmerk,kolom,waarde');
    expect(klachten([...args, '--csv', '--csv-separator', 'x']).code).toBe(2);
  });

  it('--draft writes a draft that check accepts, and never overwrites it', () => {
    const dir = scratch();
    const args = ['evaluate', '--year', '2026', '--organisation', 'coulant', '--draft', '--today', TODAY];
    const first = klachten(args, { cwd: dir });
    expect(first.code).toBe(0);
    expect(first.stdout).toContain('register/evaluations/coulant/2026.md geschreven');
    const path = join(dir, 'register', 'evaluations', 'coulant', '2026.md');
    const written = readFileSync(path, 'utf8');
    expect(written).toMatch(/^---\norganisation: coulant\nyear: 2026\n/);
    expect(COMPLAINT_ID.exec(written)).toBeNull();
    const check = klachten(['check', '--today', TODAY], { cwd: dir });
    expect(check.stdout).not.toContain('evaluations/coulant/2026.md');
    expect(check.code).toBe(0);

    // A year that is not over says so in the draft itself, with the date it counts up to.
    expect(written).toContain('2026 is nog niet voorbij: de cijfers lopen tot za 21 nov 2026');
    // Commands are for the directors, not for the published page: they stay in the front matter's comments.
    expect(written.split('\n---\n')[1]).not.toContain('klachten evaluate');

    // Again: the file is there and unchanged; nothing to do, said in Dutch, exit 0.
    const again = klachten(args, { cwd: dir });
    expect(again.code).toBe(0);
    expect(again.stdout).toContain('register/evaluations/coulant/2026.md staat er al, ongewijzigd');
    expect(readFileSync(path, 'utf8')).toBe(written);
    // Filled in by the directors: left alone, with what to do next.
    writeFileSync(path, written.replace('conclusions: []', 'conclusions: [Minder klachten over communicatie.]'));
    const edited = klachten(args, { cwd: dir });
    expect(edited.code).toBe(0);
    expect(edited.stdout).toContain('bestaat al en is aangevuld; het blijft zoals het is');
    expect(edited.stdout).toContain('--internal');
    expect(readFileSync(path, 'utf8')).toContain('Minder klachten over communicatie.');
  });

  it('check reports an evaluation that names a complaint, with file and line', () => {
    const dir = scratch();
    writeFileSync(
      join(dir, 'register', 'evaluations', 'coulant', '2026.md'),
      [
        '---',
        'organisation: coulant',
        'year: 2026',
        'conclusions: []',
        'actions: []',
        '---',
        '# Evaluatie klachten 2026',
        '',
        'Vooral KL-2025-0001 viel op.',
        '',
      ].join('\n'),
    );
    const result = klachten(['check', '--today', TODAY], { cwd: dir });
    expect(result.code).toBe(1);
    expect(result.stdout).toContain(
      'register/evaluations/coulant/2026.md:9:1: noemt klacht KL-2025-0001: een evaluatie is anoniem en wordt gepubliceerd; laat klachtnummers weg',
    );
  });
});

describe('calling klachten evaluate', () => {
  let dir: string;
  beforeAll(() => {
    dir = adversarialProject();
  });

  it('--help exits 0 and explains --threshold', () => {
    const result = klachten(['evaluate', '--help']);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('klachten evaluate');
    expect(result.stdout).toContain('--threshold');
  });

  it.each([
    [['--year', '2025', '--threshold', '2'], "--threshold verwacht een geheel getal van minstens 3, niet '2'"],
    [['--year', '2025', '--threshold', 'x'], "--threshold verwacht een geheel getal van minstens 3, niet 'x'"],
    [[], '--year is verplicht'],
    [['--year', '2027'], '2027 is nog niet begonnen'],
    [
      ['--year', '2025', '--organisation', 'onbekend'],
      "geen reglement voor organisatie 'onbekend'; bekend zijn: coulant, mvz, organize4all, pit, re-integratiedienst",
    ],
    [['--year', '2025', '--json', '--csv'], 'kies --json of --csv, niet allebei'],
  ])('%j exits 2 with a Dutch message', (args, message) => {
    const result = evaluate(dir, args);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain(`klachten evaluate: ${message}`);
  });
});
