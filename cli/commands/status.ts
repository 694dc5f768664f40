import {
  COMPLAINT_STATE_NAMES,
  formatDate,
  formatText,
  safeLines,
  STEP_STATUS_NAMES,
  type ComplaintStatus,
  type IsoDate,
  type StepStatus,
} from '../../core/index.ts';
import { loadRegister } from '../../node/load-register.ts';
import { defineCommand } from '../lib/command.ts';
import type { Io } from '../lib/io.ts';
import { registerLocation } from '../lib/location.ts';
import { plural } from '../lib/plural.ts';
import { renderTable } from '../lib/table.ts';
import { resolveToday } from '../lib/today.ts';

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
      COMPLAINT_STATE_NAMES[s.state],
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
    `${statuses.length} klachten, ${statuses.filter((s) => s.state === 'open').length} open, ${plural(overdue.length, 'verstreken termijn', 'verstreken termijnen')}.`,
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
 * Writes `{today, complaints}` as one document, one complaint per line (compact for machines, greppable
 * by id for people), while the register is still being read: a large register is never held whole.
 * The statuses come as UTF-8 JSON, safe already (the scan runs safeJson on each), and go out as bytes.
 */
function jsonWriter(io: Pick<Io, 'stdout' | 'stdoutBytes'>, today: IsoDate) {
  const bytes =
    io.stdoutBytes ??
    ((batch: Uint8Array) => {
      io.stdout(Buffer.from(batch).toString('utf8'));
    });
  let first = true;
  io.stdout(`{"today":${JSON.stringify(today)},"complaints":[`);
  return {
    write(batch: Uint8Array): void {
      io.stdout(first ? '\n' : ',\n');
      bytes(batch);
      first = false;
    },
    end(): void {
      io.stdout(`${first ? '' : '\n'}]}\n`);
    },
  };
}

/** `klachten status`. */
export const status = defineCommand({
  name: 'status',
  summary: 'de termijnen van alle klachten',
  description: `Toont per klacht de stand en de eerstvolgende of verstreken termijn, en daaronder alle verstreken
termijnen. Kapotte bestanden worden op stderr gemeld (exitcode 1); alle geldige klachten staan er toch.`,
  options: {
    json: {
      type: 'boolean',
      default: false,
      description: `{today, complaints: [{id, organisation, regulation, received, state, handler,
 steps: [{id, title, actor, due, done, status, explanation}],
 measures: [{number, kind, owner, due, done, status}], file}]}
status: done, done-late, open, due-soon, overdue, not-applicable
(de klachten in de volgorde van hun bestandsnaam, dus van hun id)`,
    },
    organisation: { type: 'string', value: '<slug>', description: 'alleen klachten van deze organisatie' },
  },
  run: async ({ values }, io) => {
    const today = resolveToday(values.today, io.now());
    const writer = values.json ? jsonWriter(io, today) : undefined;
    const loaded = await loadRegister({
      ...registerLocation(io, values),
      today,
      withStatus: true,
      organisation: values.organisation,
      ...(writer
        ? {
            onStatusJson: (batch: Uint8Array) => {
              writer.write(batch);
            },
          }
        : {}),
    });
    writer?.end();
    if (values.organisation !== undefined && !loaded.regulations.has(values.organisation)) {
      io.stderr(
        safeLines(
          `waarschuwing: geen reglement voor organisatie '${values.organisation}'; bekend zijn: ${[...loaded.regulations.keys()].join(', ')}\n`,
        ),
      );
    }
    const errors = loaded.diagnostics.filter((d) => d.severity === 'error');
    for (const error of errors) io.stderr(`${formatText(error)}\n`);
    if (errors.length > 0)
      io.stderr(`${plural(loaded.invalidFiles.size, 'bestand', 'bestanden')} met fouten; zie klachten check\n`);
    if (!writer)
      io.stdout(
        safeLines(
          renderText(
            loaded.statuses.map((json) => JSON.parse(json) as ComplaintStatus),
            today,
          ),
        ),
      );
    return errors.length > 0 ? 1 : 0;
  },
});
