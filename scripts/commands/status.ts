import { formatDate, type ComplaintStatus, type IsoDate, type StepStatus } from '../../core/index.ts';
import { COMMON_HELP, parseCommand } from '../lib/args.ts';
import { loadStatuses } from '../lib/files.ts';
import { formatText } from '../lib/format-diagnostics.ts';
import type { Io } from '../lib/io.ts';
import { STEP_STATUS_NAMES } from '../lib/render-steps.ts';
import { renderTable } from '../lib/table.ts';
import { resolveToday } from '../lib/today.ts';

export const STATUS_HELP = `klachten status: de termijnen van alle klachten

Gebruik: klachten status [--today JJJJ-MM-DD] [--json] [--organisation <slug>] [opties]

Toont per klacht de stand en de eerstvolgende of verstreken termijn, en daaronder alle verstreken
termijnen. Kapotte bestanden worden op stderr gemeld (exitcode 1); alle geldige klachten staan er toch.

  --json                 {today, complaints: [{id, organisation, regulation, received, state, handler,
                          steps: [{id, title, actor, due, done, status, explanation}],
                          measures: [{number, kind, owner, due, done, status}], file}]}
                          status: done, done-late, open, due-soon, overdue, not-applicable
  --organisation <slug>  alleen klachten van deze organisatie

${COMMON_HELP}`;

const STATE_NAMES: Record<ComplaintStatus['state'], string> = { open: 'open', closed: 'afgesloten', withdrawn: 'ingetrokken' };

/** The step that needs attention first: overdue, then due soon, then the earliest open deadline. */
function nextStep(status: ComplaintStatus): StepStatus | undefined {
  const rank = { overdue: 0, 'due-soon': 1, open: 2 } as Record<string, number | undefined>;
  return status.steps
    .filter((s) => rank[s.status] !== undefined && s.due !== null)
    .sort((a, b) => (rank[a.status] ?? 9) - (rank[b.status] ?? 9) || ((a.due ?? '') < (b.due ?? '') ? -1 : 1))[0];
}

function renderText(statuses: readonly ComplaintStatus[], today: IsoDate): string {
  const rows = statuses.map((s) => {
    const next = nextStep(s);
    return [
      s.id,
      s.organisation,
      s.received,
      STATE_NAMES[s.state],
      next?.id ?? '-',
      next?.due ?? '-',
      next ? STEP_STATUS_NAMES[next.status] : '-',
      s.handler ?? '-',
    ];
  });
  const overdue = statuses.flatMap((s) => s.steps.filter((step) => step.status === 'overdue').map((step) => ({ s, step })));
  const lines = [
    `Termijnen op ${formatDate(today)}`,
    '',
    renderTable(
      ['Klacht', 'Organisatie', 'Ontvangen', 'Stand', 'Eerstvolgende stap', 'Uiterlijk', 'Status', 'Behandelaar'],
      rows,
    ),
    '',
    `${statuses.length} klachten, ${statuses.filter((s) => s.state === 'open').length} open, ${overdue.length} verstreken ${overdue.length === 1 ? 'termijn' : 'termijnen'}.`,
  ];
  if (overdue.length > 0) {
    lines.push('', 'Verstreken termijnen:');
    for (const { s, step } of overdue)
      lines.push(`  ${s.id} · ${step.id}: uiterlijk ${formatDate(step.due ?? today)} (${step.explanation})`);
  }
  const measures = statuses.flatMap((s) => s.measures.filter((m) => m.status === 'overdue').map((m) => ({ s, m })));
  if (measures.length > 0) {
    lines.push('', 'Verstreken maatregelen:');
    for (const { s, m } of measures)
      lines.push(
        `  ${s.id} · maatregel ${m.number}: uiterlijk ${formatDate(m.due ?? today)} (uitvoerder ${m.owner ?? 'onbekend'})`,
      );
  }
  return `${lines.join('\n')}\n`;
}

/**
 * Writes `{today, complaints}` (statuses already as JSON) as one document, one complaint per line: compact
 * for machines, still greppable by id for people.
 */
function writeJson(io: Io, today: IsoDate, statuses: Iterable<string>): void {
  let chunk = `{"today":${JSON.stringify(today)},"complaints":[`;
  let first = true;
  for (const status of statuses) {
    chunk += `${first ? '' : ','}\n${status}`;
    first = false;
    if (chunk.length > 1 << 20) {
      io.stdout(chunk);
      chunk = '';
    }
  }
  io.stdout(`${chunk}${first ? '' : '\n'}]}\n`);
}

/** `klachten status`. */
export async function status(args: string[], io: Io): Promise<number> {
  const { values } = parseCommand(args, { json: { type: 'boolean', default: false }, organisation: { type: 'string' } });
  if (values.help) {
    io.stdout(`${STATUS_HELP}\n`);
    return 0;
  }
  const today = resolveToday(values.today, io.now());
  const loaded = await loadStatuses(io, values, today, values.organisation);
  if (values.organisation !== undefined && !loaded.regulations.has(values.organisation)) {
    io.stderr(
      `waarschuwing: geen reglement voor organisatie '${values.organisation}'; bekend zijn: ${[...loaded.regulations.keys()].join(', ')}\n`,
    );
  }
  const errors = loaded.diagnostics.filter((d) => d.severity === 'error');
  for (const error of errors) io.stderr(`${formatText(error)}\n`);
  if (errors.length > 0)
    io.stderr(
      `${loaded.invalidFiles.size} ${loaded.invalidFiles.size === 1 ? 'bestand' : 'bestanden'} met fouten; zie klachten check\n`,
    );
  if (values.json) writeJson(io, today, loaded.statuses);
  else
    io.stdout(
      renderText(
        loaded.statuses.map((json) => JSON.parse(json) as ComplaintStatus),
        today,
      ),
    );
  return errors.length > 0 ? 1 : 0;
}
