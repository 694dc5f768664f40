import { readFileSync } from 'node:fs';
import { relative, sep } from 'node:path';
import {
  compareCommits,
  parentSpecs,
  revisionOf,
  snapshot,
  usageError,
  type ChangeKind,
  type CommitRevision,
  type FieldChange,
  type Revision,
} from '../../core/index.ts';
import { findComplaintFile } from '../../node/find-complaint.ts';
import { isShallow, readBlobs, readFileLog, requireRepository } from '../../node/git-history.ts';
import { complaintsDir } from '../../node/load-register.ts';
import { defineCommand } from '../lib/command.ts';

/** Control and format characters (escapes, bidi overrides) from the repository are never written to the terminal. */
function printable(text: string): string {
  return text.replace(/[\p{Cc}\p{Cf}]/gu, '?');
}

const KIND_NAMES: Record<ChangeKind, string> = { added: 'toegevoegd', changed: 'gewijzigd', removed: 'verwijderd' };

function show(value: unknown): string {
  if (typeof value === 'string' && /^[\p{L}\p{N}._@:/+-]+$/u.test(value)) return value;
  return JSON.stringify(value);
}

function describeChange(change: FieldChange): string {
  if (change.hidden === 'personal') return `${KIND_NAMES[change.change]} (persoonsgegeven, waarde niet getoond)`;
  if (change.hidden === 'unknown') return `${KIND_NAMES[change.change]} (onbekend veld, waarde niet getoond)`;
  if (change.hidden === 'invalid') return `${KIND_NAMES[change.change]} (ongeldige waarde, niet getoond)`;
  if (change.change === 'added') return `toegevoegd: ${show(change.to)}`;
  if (change.change === 'removed') return `verwijderd (was: ${show(change.from)})`;
  return `gewijzigd: ${show(change.from)} → ${show(change.to)}`;
}

function renderRevision(revision: Revision, notes: string[]): string[] {
  const lines = notes.map((note) => `  ${note}`);
  if (!revision.readable) return [...lines, '  front matter niet leesbaar in deze versie'];
  if (revision.deleted) lines.push('  bestand verwijderd in deze versie');
  const width = Math.max(0, ...revision.changes.map((c) => printable(c.field).length));
  for (const change of revision.changes) lines.push(`  ${printable(change.field).padEnd(width)}  ${describeChange(change)}`);
  if (revision.changes.length === 0 && notes.length === 0) lines.push('  geen veldwijzigingen (alleen opmaak of commentaar)');
  return lines;
}

function renderText(id: string, file: string, commits: readonly CommitRevision[], uncommitted: Revision | null): string {
  const blocks = [`${id}: geschiedenis van ${printable(file)} uit git, oudste eerst`];
  for (const c of commits) {
    const notes = [];
    if (c.created) notes.push(`nieuw: ${printable(c.path)}`);
    if (c.movedFrom !== undefined) notes.push(`verplaatst: ${printable(c.movedFrom)} → ${printable(c.path)}`);
    blocks.push(
      [`${c.commit.slice(0, 7)}  ${c.date.replace('T', ' ')}  ${printable(c.author)}`, ...renderRevision(c, notes)].join('\n'),
    );
  }
  if (uncommitted) blocks.push(['niet vastgelegde wijzigingen', ...renderRevision(uncommitted, [])].join('\n'));
  return `${blocks.join('\n\n')}\n`;
}

function changeJson(change: FieldChange): Record<string, unknown> {
  const { hidden, ...rest } = change;
  return {
    field: rest.field,
    change: rest.change,
    personal: hidden !== undefined,
    ...('from' in rest ? { from: rest.from } : {}),
    ...('to' in rest ? { to: rest.to } : {}),
  };
}

/** `klachten history`. */
export const history = defineCommand({
  name: 'history',
  summary: 'wie wat wanneer aan een klachtdossier veranderde (uit git)',
  description: `Leest de geschiedenis van het klachtdossier uit git, ook als het bestand van map is verhuisd, oudste
commit eerst: de korte sha, datum en tijd in Amsterdam, de auteur, en welke velden erbij kwamen,
veranderden of verdwenen (als pad, bijv. steps.ontvangstbevestiging of complainant.email; de tekst onder
de front matter heet 'tekst'). Elke commit wordt vergeleken met de versie ervoor; een samenvoeging (merge)
alleen met wat daarin zelf veranderde. Wijzigingen die nog niet zijn vastgelegd staan onderaan.

Waarden van persoonsgegevens (klager, dagtekening, notities, redenen, omschrijvingen van maatregelen),
van velden die het register niet kent en de klachttekst worden nooit getoond, alleen dat ze veranderden.
Commitberichten worden niet getoond.`,
  positionals: [{ name: 'id', description: 'het klachtnummer, bijvoorbeeld KL-2026-0007' }],
  options: {
    json: {
      type: 'boolean',
      default: false,
      description: `{id, file, shallow, commits: [{commit, author, date, path, readable,
 changes: [{field, change, personal, from, to}]}], uncommitted: null of {readable, changes}}
change: added, changed, removed; date: JJJJ-MM-DDTUU:MM in Amsterdam;
from en to ontbreken bij persoonsgegevens`,
    },
  },
  sections: [
    'Leest de volledige geschiedenis; in GitHub Actions: fetch-depth: 0 bij actions/checkout.',
    'Voorbeeld: klachten history KL-2026-0007',
  ],
  run: ({ values, positionals }, io) => {
    const [id, ...rest] = positionals;
    if (id === undefined || rest.length > 0) throw usageError('gebruik: klachten history <id> [--json]');
    const path = findComplaintFile(complaintsDir(io.cwd, values.register), id);
    const file = relative(io.cwd, path) || path;

    requireRepository(io.cwd);
    const shallow = isShallow(io.cwd);
    if (shallow)
      io.stderr(
        'waarschuwing: dit is een ondiepe kloon (shallow clone): de geschiedenis is onvolledig. Haal alles op met ' +
          "'git fetch --unshallow', of zet 'fetch-depth: 0' bij actions/checkout in de workflow.\n",
      );
    const located = readFileLog(io.cwd, file);
    const headSpec = `HEAD:./${file.split(sep).join('/')}`;
    const specs = new Set([headSpec]);
    for (const e of located) for (const spec of [`${e.commit}:${e.path}`, ...parentSpecs(e)]) specs.add(spec);
    const blobs = readBlobs(io.cwd, [...specs]);
    const { commits, lastReadable } = compareCommits(located, blobs);

    const head = blobs.get(headSpec);
    const onDisk = readFileSync(path);
    const uncommitted =
      head !== undefined && onDisk.equals(head) ? null : revisionOf(snapshot(head, file), snapshot(onDisk, file), lastReadable);

    if (values.json) {
      const revisionJson = (r: Revision) => ({ readable: r.readable, changes: r.changes.map(changeJson) });
      io.stdout(
        `${JSON.stringify(
          {
            id,
            file,
            shallow,
            commits: commits.map((c) => ({ commit: c.commit, author: c.author, date: c.date, path: c.path, ...revisionJson(c) })),
            uncommitted: uncommitted ? revisionJson(uncommitted) : null,
          },
          null,
          2,
        )}\n`,
      );
    } else io.stdout(renderText(id, file, commits, uncommitted));
    return 0;
  },
});
