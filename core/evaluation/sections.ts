import { EXACT_THRESHOLD } from './anonymise.ts';
import { cellName, FACT_STATE_HEADERS, MEASURE_KIND_NAMES } from '../labels.ts';
import type { Cell } from './anonymise.ts';
import { STATES, type Breakdown } from './figures.ts';
import { cellText, percentText } from './format.ts';
import type { OrganisationReport } from './report.ts';

/** One table of the report, in Dutch, ready for the terminal, Markdown or HTML. */
export interface ReportSection {
  /** Stable id, also the anchor on the pages. */
  id: string;
  title: string;
  headers: string[];
  rows: string[][];
  /** A sentence under the table, when it needs one. */
  note?: string;
}

function breakdownRows(group: string, b: Breakdown<Cell>): string[][] {
  return [...Object.entries(b.cells).map(([key, cell]) => [cellName(group, key), cellText(cell)]), ['totaal', cellText(b.total)]];
}

/** A breakdown's rows without cells that are 0 (categories and bodies nobody used), keeping the total. */
function usedRows(group: string, b: Breakdown<Cell>): string[][] {
  return breakdownRows(group, b).filter(([, value]) => value !== '0');
}

/**
 * The report of one organisation as tables, in the order the CLI shows them: the one source of the titles,
 * headers and notes of the report, in the terminal and on the evaluation page alike.
 */
export function reportSections(report: OrganisationReport): ReportSection[] {
  const stateHeaders = STATES.map((k) => FACT_STATE_HEADERS[k]);
  const actions = report.improvementActions;
  const sections: ReportSection[] = [
    {
      id: 'ontvangen',
      title: 'Ontvangen klachten per kwartaal',
      headers: ['Kwartaal', 'Klachten'],
      rows: breakdownRows('byQuarter', report.byQuarter),
    },
    { id: 'kanaal', title: 'Per kanaal', headers: ['Kanaal', 'Klachten'], rows: usedRows('byChannel', report.byChannel) },
    {
      id: 'vorm',
      title: 'Schriftelijk of mondeling',
      headers: ['Vorm', 'Klachten'],
      rows: breakdownRows('byForm', report.byForm),
    },
    {
      id: 'categorie',
      title: 'Per categorie',
      headers: ['Categorie', 'Klachten'],
      rows: usedRows('byCategory', report.byCategory),
    },
    {
      id: 'ontvankelijkheid',
      title: 'In behandeling genomen',
      headers: ['Beslissing', 'Klachten'],
      rows: breakdownRows('admissibility', report.admissibility),
    },
    {
      id: 'uitkomst',
      title: 'Uitkomst',
      headers: ['Uitkomst', 'Klachten'],
      rows: breakdownRows('outcomes', report.outcomes),
      note: `Ingetrokken: ${cellText(report.withdrawn)}.`,
    },
    {
      id: 'termijnen',
      title: 'Termijnen per stap',
      headers: ['Stap', ...stateHeaders, 'Op tijd %', 'Mediaan dagen', '90% binnen dagen', 'Verlengd'],
      rows: report.steps.map((s) => [
        s.title,
        ...STATES.map((k) => cellText(s.counts.cells[k] ?? 0)),
        percentText(s.onTimePercent),
        s.medianDays === null ? '–' : String(s.medianDays),
        s.p90Days === null ? '–' : String(s.p90Days),
        cellText(s.extensions),
      ]),
      note: `Dagen: kalenderdagen van ontvangst tot de stap gedaan was${report.threshold > EXACT_THRESHOLD ? `; bij minder dan ${String(report.threshold)} stappen niet getoond` : ''}. Klachten met opgeschorte termijn: ${cellText(report.suspensions)}.`,
    },
    {
      id: 'maatregelen',
      title: 'Maatregelen',
      headers: ['Soort', ...stateHeaders, 'Totaal'],
      rows: (['corrective', 'preventive'] as const).map((kind) => [
        MEASURE_KIND_NAMES[kind],
        ...STATES.map((k) => cellText(report.measures[kind].cells[k] ?? 0)),
        cellText(report.measures[kind].total),
      ]),
    },
    {
      id: 'tevredenheid',
      title: 'Na een corrigerende maatregel',
      headers: ['Klager', 'Maatregelen'],
      rows: breakdownRows('satisfaction', report.correctiveSatisfaction),
    },
    {
      id: 'preventie',
      title: `Preventieve maatregelen van ${String(report.year - 1)} en klachten daarna`,
      headers: [
        'Categorie',
        `Maatregelen ${String(report.year - 1)}`,
        `Klachten ${String(report.year - 1)}`,
        `Klachten ${String(report.year)}`,
      ],
      rows: report.prevention.map((p) => [
        cellName('byCategory', p.category),
        cellText(p.measures),
        cellText(p.before),
        cellText(p.after),
      ]),
      note:
        report.prevention.length === 0
          ? `Er zijn in ${String(report.year - 1)} geen preventieve maatregelen uitgevoerd.`
          : 'Minder klachten in dezelfde categorie kan op een werkzame maatregel wijzen; het bewijst het niet.',
    },
    {
      id: 'externe-instanties',
      title: 'Voorgelegd aan een externe instantie',
      headers: ['Instantie', 'Klachten'],
      rows: usedRows('escalationBodies', report.escalations.byBody),
    },
    {
      id: 'uitspraken',
      title: 'Uitspraak van de externe instantie',
      headers: ['Uitspraak', 'Klachten'],
      rows: usedRows('escalationOutcomes', report.escalations.outcomes),
    },
    {
      id: 'verbeteracties',
      title: 'Verbeteracties uit eerdere evaluaties',
      headers: ['Stand', 'Verbeteracties'],
      rows: breakdownRows('states', actions.counts),
      note:
        actions.years.length === 0
          ? 'Er zijn nog geen verbeteracties uit eerdere evaluaties.'
          : `Uit de evaluaties van ${actions.years.join(', ')}.`,
    },
    {
      id: 'trend',
      title: 'Door de jaren',
      headers: ['Jaar', 'Klachten', 'Stappen op tijd', '(Deels) gegrond'],
      rows: report.trend.map((t) => [
        String(t.year),
        cellText(t.received),
        percentText(t.onTimePercent),
        percentText(t.foundedPercent),
      ]),
      note:
        report.threshold > EXACT_THRESHOLD
          ? `"–": niet te tonen omdat een onderliggend aantal kleiner dan ${String(report.threshold)} is.`
          : '"–": geen stappen met een termijn of geen beoordeelde klachten in dat jaar.',
    },
  ];
  return sections;
}

/**
 * A few sentences with the main figures, for the draft evaluation: all from published cells, so the
 * directors start from text that is already anonymous.
 */
export function summaryLines(report: OrganisationReport): string[] {
  const lines: string[] = [];
  const previous = report.trend.find((t) => t.year === report.year - 1);
  lines.push(
    `In ${String(report.year)} kwamen ${cellText(report.received)} klachten binnen${previous === undefined ? '' : ` (${String(previous.year)}: ${cellText(previous.received)})`}.`,
  );
  const categories = Object.entries(report.byCategory.cells)
    .filter((entry): entry is [string, number] => typeof entry[1] === 'number' && entry[1] > 0)
    .sort((a, b) => b[1] - a[1])
    .slice(0, 3);
  if (categories.length > 0)
    lines.push(
      `De meeste klachten gingen over ${categories.map(([k, v]) => `${cellName('byCategory', k)} (${String(v)})`).join(', ')}.`,
    );
  const current = report.trend.find((t) => t.year === report.year);
  if (current?.onTimePercent != null) lines.push(`${String(current.onTimePercent)}% van de stappen met een termijn was op tijd.`);
  const late = report.steps.filter((s) => s.onTimePercent !== null && s.onTimePercent < 80).map((s) => s.title.toLowerCase());
  if (late.length > 0) lines.push(`Minder dan 80% op tijd: ${late.join(', ')}.`);
  if (current?.foundedPercent != null)
    lines.push(`${String(current.foundedPercent)}% van de beoordeelde klachten was (deels) gegrond.`);
  const open = report.improvementActions.counts.cells;
  const unfinished = (open.open ?? 0) + (open.overdue ?? 0);
  if (unfinished > 0)
    lines.push(
      `Van eerdere verbeteracties ${unfinished === 1 ? 'is er 1' : `zijn er ${String(unfinished)}`} nog niet uitgevoerd.`,
    );
  return lines;
}
