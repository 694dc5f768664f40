import { readFileSync } from 'node:fs';
import { relative, sep } from 'node:path';
import {
  amsterdamMinute,
  diffVersions,
  mergeOwnChanges,
  readVersion,
  RegisterError,
  type ChangeKind,
  type ComplaintVersion,
  type FieldChange,
} from '../../core/index.ts';
import { COMMON_HELP, parseCommand, UsageError } from '../lib/args.ts';
import { complaintsDir } from '../lib/files.ts';
import { findComplaintFile } from '../lib/find-complaint.ts';
import { gitText, runGit } from '../lib/git.ts';
import type { Io } from '../lib/io.ts';

export const HISTORY_HELP = `klachten history: wie wat wanneer aan een klachtdossier veranderde (uit git)

Gebruik: klachten history <id> [--json] [opties]

Leest de geschiedenis van het klachtdossier uit git, ook als het bestand van map is verhuisd, oudste
commit eerst: de korte sha, datum en tijd in Amsterdam, de auteur, en welke velden erbij kwamen,
veranderden of verdwenen (als pad, bijv. steps.ontvangstbevestiging of complainant.email; de tekst onder
de front matter heet 'tekst'). Elke commit wordt vergeleken met de versie ervoor; een samenvoeging (merge)
alleen met wat daarin zelf veranderde. Wijzigingen die nog niet zijn vastgelegd staan onderaan.

Waarden van persoonsgegevens (klager, dagtekening, notities, redenen, omschrijvingen van maatregelen),
van velden die het register niet kent en de klachttekst worden nooit getoond, alleen dat ze veranderden.
Commitberichten worden niet getoond.

  --json   {id, file, shallow, commits: [{commit, author, date, path, readable,
            changes: [{field, change, personal, from, to}]}], uncommitted: null of {readable, changes}}
            change: added, changed, removed; date: JJJJ-MM-DDTUU:MM in Amsterdam;
            from en to ontbreken bij persoonsgegevens

Leest de volledige geschiedenis; in GitHub Actions: fetch-depth: 0 bij actions/checkout.

Voorbeeld: klachten history KL-2026-0007

${COMMON_HELP}`;

/** Starts each commit in the log output; never in a sha, name or path. */
const RECORD = '\x1e';

interface Revision {
  readable: boolean;
  deleted: boolean;
  changes: FieldChange[];
}

interface CommitRevision extends Revision {
  commit: string;
  author: string;
  /** Author date in Amsterdam, `YYYY-MM-DDTHH:MM`. */
  date: string;
  /** Path from the repository root in this commit. */
  path: string;
  /** Whether the file was not there before this commit. */
  created: boolean;
  /** Where the file was before this commit moved it. */
  movedFrom: string | undefined;
}

/** Control and format characters (escapes, bidi overrides) from the repository are never written to the terminal. */
function printable(text: string): string {
  return text.replace(/[\p{Cc}\p{Cf}]/gu, '?');
}

interface LogEntry {
  commit: string;
  /** Parents, first parent first; none for a root commit or the oldest commit of a shallow clone. */
  parents: string[];
  author: string;
  authorDate: string;
  /** Path from the repository root in this commit. */
  path: string | undefined;
  /** Path in the first parent, when this commit moved the file. */
  from: string | undefined;
}

/** Parses `git log -z --format=<RECORD>%H%x00%P%x00%aN%x00%aI --name-status`. */
function parseLog(output: string): LogEntry[] {
  const entries: LogEntry[] = [];
  const tokens = output.split('\0');
  let i = 0;
  while (i < tokens.length) {
    const token = (tokens[i] ?? '').replace(/^\n/, '');
    if (token.startsWith(RECORD)) {
      entries.push({
        commit: token.slice(1),
        parents: (tokens[i + 1] ?? '').split(' ').filter((p) => p !== ''),
        author: tokens[i + 2] ?? '',
        authorDate: tokens[i + 3] ?? '',
        path: undefined,
        from: undefined,
      });
      i += 4;
    } else if (token === '') i += 1;
    else {
      // `<status>\0<path>`, or `R<score>\0<old path>\0<new path>` for a move.
      const moved = /^[RC]/.test(token);
      const entry = entries.at(-1);
      if (entry && entry.path === undefined) {
        entry.path = tokens[i + (moved ? 2 : 1)];
        if (moved) entry.from = tokens[i + 1];
      }
      i += moved ? 3 : 2;
    }
  }
  return entries;
}

/** The contents of each `<commit>:<path>` in one git run; undefined where the file is not in that commit. */
function readBlobs(cwd: string, specs: readonly string[]): Map<string, Buffer | undefined> {
  const bad = specs.find((spec) => spec.includes('\n'));
  if (bad !== undefined)
    throw new RegisterError('git', `een pad met een regeleinde kan klachten history niet lezen: ${JSON.stringify(bad)}`);
  const run = runGit(cwd, ['cat-file', '--batch'], specs.map((spec) => `${spec}\n`).join(''));
  if (run.status !== 0) throw new RegisterError('git', `git cat-file mislukte: ${run.stderr.trim().split('\n')[0] ?? ''}`);
  const out = run.stdout;
  const blobs = new Map<string, Buffer | undefined>();
  let offset = 0;
  for (const spec of specs) {
    const end = out.indexOf(0x0a, offset);
    if (end === -1) throw new RegisterError('git', `git cat-file gaf geen antwoord voor ${spec}`);
    const header = /^[0-9a-f]+ (\w+) (\d+)$/.exec(out.toString('utf8', offset, end));
    offset = end + 1;
    // Otherwise `<spec> missing`: no such file in that commit.
    if (header) {
      const size = Number(header[2]);
      if (header[1] === 'blob') blobs.set(spec, out.subarray(offset, offset + size));
      offset += size + 1;
    }
  }
  return blobs;
}

/** The file in one commit (or on disk): not there, there but unreadable, or read. */
type Snapshot = 'absent' | 'unreadable' | ComplaintVersion;

function snapshot(blob: Buffer | undefined, file: string): Snapshot {
  if (blob === undefined) return 'absent';
  return readVersion(blob.toString('utf8'), file, blob.length) ?? 'unreadable';
}

const NOTHING: ComplaintVersion = { data: {}, body: '', personal: [] };

/**
 * What `after` changed compared with `base`, the file before it. An unreadable base is skipped: the
 * comparison is then with `lastReadable`, the newest readable version before it.
 */
function revisionOf(base: Snapshot, after: Snapshot, lastReadable: ComplaintVersion | undefined): Revision {
  if (after === 'unreadable') return { readable: false, deleted: false, changes: [] };
  const before = base === 'absent' ? undefined : base === 'unreadable' ? lastReadable : base;
  if (after === 'absent') return { readable: true, deleted: true, changes: diffVersions(before, NOTHING) };
  return { readable: true, deleted: false, changes: diffVersions(before, after) };
}

/** A merge's own changes ({@link mergeOwnChanges}); all of them when the merge or every other parent is unreadable. */
function ownChanges(changes: readonly FieldChange[], after: Snapshot, others: readonly Snapshot[]): FieldChange[] {
  const result = after === 'absent' ? NOTHING : after;
  const sides = others.flatMap((other) => (other === 'absent' ? [NOTHING] : other === 'unreadable' ? [] : [other]));
  if (result === 'unreadable' || sides.length === 0) return [...changes];
  return mergeOwnChanges(changes, result, sides);
}

function requireRepository(cwd: string): void {
  const inside = runGit(cwd, ['rev-parse', '--is-inside-work-tree']);
  if (inside.status === 0 && inside.stdout.toString('utf8').trim() === 'true') return;
  const reason = inside.stderr.trim().split('\n')[0] ?? '';
  const detail = reason === '' || reason.includes('not a git repository') ? '' : ` (git: ${reason})`;
  throw new RegisterError('not-a-repository', `geen git-repository: klachten history leest de geschiedenis uit git${detail}`);
}

const KIND_NAMES: Record<ChangeKind, string> = { added: 'toegevoegd', changed: 'gewijzigd', removed: 'verwijderd' };

function show(value: unknown): string {
  if (typeof value === 'string' && /^[\p{L}\p{N}._@:/+-]+$/u.test(value)) return value;
  return JSON.stringify(value);
}

function describeChange(change: FieldChange): string {
  if (change.hidden === 'personal') return `${KIND_NAMES[change.change]} (persoonsgegeven, waarde niet getoond)`;
  if (change.hidden === 'unknown') return `${KIND_NAMES[change.change]} (onbekend veld, waarde niet getoond)`;
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

/** A log entry with its path known. */
type Located = LogEntry & { path: string };

/** The commits that changed `file` (relative to `cwd`), oldest first, following moves. */
function readLog(cwd: string, file: string): Located[] {
  const notCommitted = new RegisterError(
    'not-committed',
    `${file} staat nog niet in git; leg het eerst vast (git add en git commit)`,
  );
  if (runGit(cwd, ['rev-parse', '--verify', '--quiet', 'HEAD']).status !== 0) throw notCommitted;
  const log = gitText(cwd, [
    '--literal-pathspecs',
    '-c',
    'log.showSignature=false',
    'log',
    '--follow',
    '--diff-merges=first-parent',
    '-z',
    '--no-color',
    `--format=${RECORD}%H%x00%P%x00%aN%x00%aI`,
    '--name-status',
    '--',
    file,
  ]);
  const entries = parseLog(log).reverse();
  if (entries.length === 0) throw notCommitted;
  // git names the file for every commit it lists; the fallback only guards against odd output.
  let lastPath = entries.find((e) => e.path !== undefined)?.path ?? file;
  return entries.map((entry) => {
    lastPath = entry.path ?? lastPath;
    return { ...entry, path: lastPath };
  });
}

/** Where the file is in each parent; a move is seen in the first parent only. */
function parentSpecs(entry: Located): string[] {
  return entry.parents.map((parent, i) => `${parent}:${i === 0 ? (entry.from ?? entry.path) : entry.path}`);
}

/**
 * What each commit changed, compared with its first parent, so work on a branch is not undone by the next
 * commit elsewhere; also the newest readable version.
 */
function compareCommits(
  located: readonly Located[],
  blobs: ReadonlyMap<string, Buffer | undefined>,
): { commits: CommitRevision[]; lastReadable: ComplaintVersion | undefined } {
  let lastReadable: ComplaintVersion | undefined;
  const commits = located.flatMap((entry): CommitRevision[] => {
    const [base = 'absent', ...others] = parentSpecs(entry).map((spec) => snapshot(blobs.get(spec), spec));
    const after = snapshot(blobs.get(`${entry.commit}:${entry.path}`), entry.path);
    const revision = revisionOf(base, after, lastReadable);
    if (typeof after === 'object') lastReadable = after;
    if (others.length > 0) {
      revision.changes = ownChanges(revision.changes, after, others);
      if (revision.readable && revision.changes.length === 0) return [];
    }
    return [
      {
        commit: entry.commit,
        author: entry.author,
        date: authorDate(entry.authorDate),
        path: entry.path,
        created: base === 'absent' && after !== 'absent',
        movedFrom: entry.from !== undefined && entry.from !== entry.path ? entry.from : undefined,
        ...revision,
      },
    ];
  });
  return { commits, lastReadable };
}

/** git's ISO author date on the Amsterdam clock; anything else unchanged. */
function authorDate(iso: string): string {
  const instant = new Date(iso);
  return Number.isNaN(instant.getTime()) ? iso : amsterdamMinute(instant);
}

/** `klachten history`. */
export function history(args: string[], io: Io): number {
  const { values, positionals } = parseCommand(args, { json: { type: 'boolean', default: false } }, true);
  if (values.help) {
    io.stdout(`${HISTORY_HELP}\n`);
    return 0;
  }
  const [id, ...rest] = positionals;
  if (id === undefined || rest.length > 0) throw new UsageError('gebruik: klachten history <id> [--json]');
  const path = findComplaintFile(complaintsDir(io.cwd, values.register), id);
  const file = relative(io.cwd, path) || path;

  requireRepository(io.cwd);
  const shallow = gitText(io.cwd, ['rev-parse', '--is-shallow-repository']).trim() === 'true';
  if (shallow)
    io.stderr(
      'waarschuwing: dit is een ondiepe kloon (shallow clone): de geschiedenis is onvolledig. Haal alles op met ' +
        "'git fetch --unshallow', of zet 'fetch-depth: 0' bij actions/checkout in de workflow.\n",
    );
  const located = readLog(io.cwd, file);
  const headSpec = `HEAD:./${file.split(sep).join('/')}`;
  const specs = new Set([headSpec]);
  for (const e of located) for (const spec of [`${e.commit}:${e.path}`, ...parentSpecs(e)]) specs.add(spec);
  const blobs = readBlobs(io.cwd, [...specs]);
  const { commits, lastReadable } = compareCommits(located, blobs);

  const head = blobs.get(headSpec);
  const onDisk = readFileSync(path);
  const uncommitted = head?.equals(onDisk) ? null : revisionOf(snapshot(head, file), snapshot(onDisk, file), lastReadable);

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
}
