import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import {
  EVALUATION_STATUS_NAMES,
  evaluationReport,
  EXACT_THRESHOLD,
  formatDate,
  INTERNAL_NOTICE,
  MIN_THRESHOLD,
  reportSections,
  summaryLines,
  type EvaluationReport,
  type ReportSection,
  type EvaluationRecord,
  type FigureChange,
  figureChanges,
  freezeFigures,
  type OrganisationReport,
  formatText,
  usageError,
} from '../../core/index.ts';
import { evaluationsDir, loadRegister } from '../../node/load-register.ts';
import { defineCommand } from '../lib/command.ts';
import { registerLocation } from '../lib/location.ts';
import { plural } from '../lib/plural.ts';
import { renderTable } from '../lib/table.ts';
import { resolveToday } from '../lib/today.ts';

function parseYear(value: string | undefined, today: string): number {
  if (value === undefined) throw usageError('--year is verplicht, bijvoorbeeld --year 2025');
  if (!/^\d{4}$/.test(value)) throw usageError(`--year verwacht een jaar als 2025, niet '${value}'`);
  const year = Number(value);
  if (year > Number(today.slice(0, 4))) throw usageError(`${value} is nog niet begonnen`);
  return year;
}

function parseThreshold(value: string): number {
  const threshold = Number(value);
  if (!/^\d+$/.test(value) || threshold < MIN_THRESHOLD)
    throw usageError(`--threshold verwacht een geheel getal van minstens ${String(MIN_THRESHOLD)}, niet '${value}'`);
  return threshold;
}

function renderText(
  report: EvaluationReport,
  internal: boolean,
  changes: ReadonlyMap<string, FigureChange[]>,
  records: ReadonlyMap<string, EvaluationRecord>,
): string {
  const out: string[] = [];
  for (const org of report.organisations) {
    const state = org.evaluation;
    const frozen = records.get(org.organisation)?.frozen;
    out.push(
      `# ${org.name} (${org.organisation}): klachten ${String(org.year)}${internal ? ` (${INTERNAL_NOTICE.toUpperCase()})` : ''}`,
      internal
        ? `Stand op ${formatDate(report.asOf)}; exacte aantallen, ook de kleine: ${INTERNAL_NOTICE}.`
        : `Stand op ${formatDate(report.asOf)}; aantallen van 1 tot ${String(report.threshold)} als "< ${String(report.threshold)}".`,
      `Evaluatie: ${EVALUATION_STATUS_NAMES[state.status]}${state.approved !== null ? ` op ${formatDate(state.approved)}` : state.due === null ? '' : `, goed te keuren uiterlijk ${formatDate(state.due)}`}.`,
      '',
    );
    if (frozen) {
      const changed = changes.get(org.organisation) ?? [];
      out.push(
        `Gepubliceerde cijfers vastgesteld op ${formatDate(frozen.frozenOn)}; de openbare pagina toont die.`,
        ...(internal && changed.length > 0
          ? [
              `Sindsdien veranderd (${String(changed.length)}), vastgesteld → nu:`,
              ...changed.map((c) => `  ${c.section} · ${c.label} · ${c.column}: ${c.frozen} → ${c.live}`),
            ]
          : internal
            ? ['Sindsdien niets veranderd.']
            : []),
        '',
      );
    }
    out.push('## In het kort', ...summaryLines(org).map((line) => `- ${line}`), '');
    const empty: string[] = [];
    for (const section of reportSections(org)) {
      if (isEmpty(section)) {
        empty.push(section.title);
        continue;
      }
      out.push(`## ${section.title}`);
      if (section.rows.length > 0) out.push(renderTable(section.headers, section.rows, { rightAlignFrom: 1 }));
      if (section.note !== undefined) out.push(section.note);
      out.push('');
    }
    if (empty.length > 0) out.push(`Zonder gegevens: ${empty.join(', ')}.`, '');
  }
  return out.join('\n');
}

/** A section with nothing in it: no rows, or only zeros and dashes beside the labels. */
function isEmpty(section: ReportSection): boolean {
  return section.rows.every((row) => row.slice(1).every((cell) => cell === '0' || cell === '–' || cell === ''));
}

/** The separators `--csv-separator` takes: the semicolon of Dutch Excel (default), a comma, a tab. */
const CSV_SEPARATORS: Record<string, string> = { ';': ';', ',': ',', tab: '\t' };

function csvField(value: string, separator: string): string {
  return value.includes(separator) || /["\n\r]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/**
 * One line per figure, in the words of the report's sections (Dutch titles, labels and column names):
 * organisatie, jaar, onderdeel, kenmerk, kolom, waarde. With a byte order mark, so Excel reads UTF-8.
 */
function renderCsv(report: EvaluationReport, internal: boolean, separator: string): string {
  const line = (fields: string[]): string => fields.map((field) => csvField(field, separator)).join(separator);
  const lines = internal ? [`# ${INTERNAL_NOTICE}: exacte aantallen`] : [];
  lines.push(line(['organisatie', 'jaar', 'onderdeel', 'kenmerk', 'kolom', 'waarde']));
  for (const org of report.organisations)
    for (const section of reportSections(org))
      for (const [label = '', ...cells] of section.rows)
        cells.forEach((cell, index) => {
          lines.push(line([org.organisation, String(org.year), section.title, label, section.headers[index + 1] ?? '', cell]));
        });
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

/**
 * The draft evaluation file: front matter for the directors to fill in (the commands they need in its
 * comments, which no page shows), and the figures in a few sentences. A year that is not over says so.
 */
export function draftText(org: OrganisationReport, asOf: string): string {
  const running = asOf < `${String(org.year + 1)}-01-01`;
  const args = `--year ${String(org.year)} --organisation ${org.organisation}`;
  return [
    '---',
    `organisation: ${org.organisation}`,
    `year: ${String(org.year)}`,
    `# Alle cijfers, exact (alleen voor de directie): npx klachten evaluate ${args} --internal`,
    `# Zoals ze gepubliceerd worden: npx klachten evaluate ${args}`,
    '# Uitleg: De jaarlijkse evaluatie, docs/klachtenregister/jaarlijkse-evaluatie.md in het register',
    '# De conclusies van de directie, één per regel:',
    'conclusions: []',
    '# Verbeteracties, bijvoorbeeld:',
    '#   - description: Wat er gebeurt (zonder namen of klachtnummers)',
    '#     owner: github-login-van-de-actienemer',
    '#     due: JJJJ-MM-DD',
    'actions: []',
    '# Na goedkeuring door de directie (dan verschijnt de evaluatie op de openbare site):',
    '# approval:',
    '#   by: directie',
    '#   on: JJJJ-MM-DD',
    '---',
    `# Evaluatie klachten ${String(org.year)}: ${org.name}`,
    '',
    '## De cijfers in het kort',
    '',
    ...(running
      ? [`${String(org.year)} is nog niet voorbij: de cijfers lopen tot ${formatDate(asOf)} en veranderen nog.`, '']
      : []),
    ...summaryLines(org).map((line) => `- ${line}`),
    '',
    'De evaluatiepagina toont alle cijfers met grafieken.',
    '',
    '## Toelichting van de directie',
    '',
    'Wat valt op, wat verklaart de cijfers, en wat gaat er beter? Noem geen klagers, medewerkers of klachtnummers.',
    '',
  ].join('\n');
}

/** `klachten evaluate`. */
export const evaluate = defineCommand({
  name: 'evaluate',
  summary: 'de geanonimiseerde jaarcijfers voor de evaluatie, en een concept voor de directie',
  usage: ['klachten evaluate --year JJJJ [--organisation <slug>] [--json | --csv] [--draft] [opties]'],
  description: `Telt per organisatie de klachten die in het jaar binnenkwamen: kanaal, vorm, categorie, ontvankelijkheid,
uitkomst, externe instanties, termijnen per stap (op tijd, te laat, mediaan en 90e percentiel in dagen),
verlengingen en opschortingen, maatregelen, verbeteracties uit eerdere evaluaties, de trend over de
jaren en de vragen van MVZ (tevreden na een corrigerende maatregel? minder klachten na een preventieve?).

Alleen aantallen: geen klachtnummers, namen, logins, vrije tekst of datums (hooguit kwartalen). Aantallen
van 1 tot de drempel staan er als "< drempel" (standaard "< 3"); "verborgen" is een cel die anders via het
totaal te herleiden is.

Stappen en maatregelen tellen zoals ze op --today staan. Dossiers met fouten tellen niet mee; ze worden
op stderr genoemd (exitcode 1).`,
  options: {
    year: { type: 'string', value: 'JJJJ', description: 'het jaar (verplicht)' },
    organisation: { type: 'string', value: '<slug>', description: 'alleen deze organisatie' },
    json: {
      type: 'boolean',
      default: false,
      description: '{year, threshold, asOf, organisations: [{organisation, name, year, received, …}]}\n(zie README: "Evaluatie")',
    },
    csv: {
      type: 'boolean',
      default: false,
      description: 'één regel per cijfer: organisatie;jaar;onderdeel;kenmerk;kolom;waarde (voor Excel: UTF-8 met BOM)',
    },
    'csv-separator': {
      type: 'string',
      value: '<teken>',
      default: ';',
      choices: { ';': 'puntkomma (Nederlandse Excel)', ',': 'komma', tab: 'tab' },
      description: 'scheidingsteken van --csv',
    },
    threshold: {
      type: 'string',
      value: 'N',
      default: '3',
      description: `drempel voor kleine aantallen (minstens ${String(MIN_THRESHOLD)})`,
    },
    internal: {
      type: 'boolean',
      default: false,
      description: `exacte aantallen, percentages, medianen en percentielen voor de directie, zonder drempel
(${INTERNAL_NOTICE}; in JSON: "internal": true)`,
    },
    freeze: {
      type: 'boolean',
      default: false,
      description:
        'leg de gepubliceerde cijfers van een goedgekeurde evaluatie vast in <jaar>.cijfers.json\n(in de pull request van de goedkeuring; de openbare pagina toont ze voortaan)',
    },
    draft: {
      type: 'boolean',
      default: false,
      description:
        'schrijf <register>/evaluations/<slug>/<jaar>.md als concept voor de directie\n(een bestaand bestand blijft staan)',
    },
  },
  run: async ({ values }, io) => {
    if (values.json && values.csv) throw usageError('kies --json of --csv, niet allebei');
    const today = resolveToday(values.today, io.now());
    const year = parseYear(values.year, today);
    if (values.internal && (values.draft || values.freeze))
      throw usageError(`${values.draft ? '--draft' : '--freeze'} gebruikt de gepubliceerde cijfers; laat --internal weg`);
    if (values.draft && values.freeze) throw usageError('kies --draft of --freeze, niet allebei');
    const threshold = values.internal ? EXACT_THRESHOLD : parseThreshold(values.threshold);
    const loaded = await loadRegister({
      ...registerLocation(io, values),
      today,
      withFacts: true,
      organisation: values.organisation,
    });
    if (values.organisation !== undefined && !loaded.regulations.has(values.organisation))
      throw usageError(
        `geen reglement voor organisatie '${values.organisation}'; bekend zijn: ${[...loaded.regulations.keys()].join(', ')}`,
      );
    const errors = loaded.diagnostics.filter((d) => d.severity === 'error');
    for (const error of errors) io.stderr(`${formatText(error)}\n`);
    if (errors.length > 0)
      io.stderr(`${plural(loaded.invalidFiles.size, 'bestand', 'bestanden')} met fouten tellen niet mee; zie klachten check\n`);
    if (year === Number(today.slice(0, 4)))
      io.stderr(`let op: ${String(year)} is nog niet voorbij; de cijfers lopen tot ${formatDate(today)}\n`);
    const report = evaluationReport({
      regulations: loaded.regulations,
      facts: loaded.facts,
      evaluations: loaded.evaluations.map((r) => r.evaluation),
      year,
      asOf: today,
      threshold,
      organisation: values.organisation,
    });
    if (report.organisations.length === 0) io.stderr(`geen organisatie had in ${String(year)} een reglement van kracht\n`);

    const records = new Map(
      loaded.evaluations.filter((r) => r.evaluation.year === year).map((r) => [r.evaluation.organisation, r]),
    );
    if (values.freeze) {
      let refused = 0;
      for (const org of report.organisations) {
        const record = records.get(org.organisation);
        const path = join(evaluationsDir(io.cwd, values.register), org.organisation, `${String(year)}.cijfers.json`);
        const shown = relative(io.cwd, path);
        if (record === undefined) {
          io.stderr(
            `${org.organisation}: geen evaluatie van ${String(year)}; eerst klachten evaluate --year ${String(year)} --draft\n`,
          );
          refused += 1;
        } else if (record.evaluation.approval === undefined) {
          io.stderr(`${record.file}: nog niet goedgekeurd; zet eerst approval (by, on) en leg dan de cijfers vast\n`);
          refused += 1;
        } else if (existsSync(path)) {
          io.stdout(
            `${shown} staat er al (vastgesteld op ${record.frozen ? formatDate(record.frozen.frozenOn) : 'een eerdere dag'}); het blijft zoals het is\n`,
          );
        } else {
          writeFileSync(path, `${JSON.stringify(freezeFigures(org, today), null, 2)}\n`, { flag: 'wx' });
          io.stdout(`${shown} geschreven: de openbare pagina toont voortaan deze cijfers, vastgesteld op ${formatDate(today)}\n`);
        }
      }
      return errors.length > 0 || refused > 0 ? 1 : 0;
    }
    if (values.draft) {
      for (const org of report.organisations) {
        const path = join(evaluationsDir(io.cwd, values.register), org.organisation, `${String(year)}.md`);
        const shown = relative(io.cwd, path);
        const text = draftText(org, today);
        if (existsSync(path)) {
          const args = `--year ${String(year)} --organisation ${org.organisation}`;
          io.stdout(
            readFileSync(path, 'utf8') === text
              ? `${shown} staat er al, ongewijzigd: vul conclusies en verbeteracties aan en laat de directie het goedkeuren\n`
              : `${shown} bestaat al en is aangevuld; het blijft zoals het is. De cijfers van nu: klachten evaluate ${args} --internal (exact) of zonder --internal (zoals gepubliceerd); opnieuw beginnen: verwijder het bestand\n`,
          );
          continue;
        }
        mkdirSync(dirname(path), { recursive: true });
        writeFileSync(path, text, { flag: 'wx' });
        io.stdout(`${shown} geschreven: vul conclusies en verbeteracties aan en laat de directie het goedkeuren\n`);
      }
      return errors.length > 0 ? 1 : 0;
    }
    // Management sees what changed since the figures were fixed at approval (a step recorded late).
    const changes = new Map<string, FigureChange[]>();
    if (values.internal) {
      const published = evaluationReport({
        regulations: loaded.regulations,
        facts: loaded.facts,
        evaluations: loaded.evaluations.map((r) => r.evaluation),
        year,
        asOf: today,
        threshold: parseThreshold(values.threshold),
        organisation: values.organisation,
      });
      for (const org of published.organisations) {
        const frozen = records.get(org.organisation)?.frozen;
        if (frozen) changes.set(org.organisation, figureChanges(frozen.figures, org));
      }
    }
    const output = values.internal
      ? { internal: true, notice: INTERNAL_NOTICE, ...report, changedSinceFrozen: Object.fromEntries(changes) }
      : report;
    if (values.json) io.stdout(`${JSON.stringify(output, null, 2)}\n`);
    else if (values.csv) io.stdout(renderCsv(report, values.internal, CSV_SEPARATORS[values['csv-separator']] ?? ';'));
    else io.stdout(renderText(report, values.internal, changes, records));
    return errors.length > 0 ? 1 : 0;
  },
});
