import { readFileSync, statSync } from 'node:fs';
import { relative, sep } from 'node:path';
import { load } from 'js-yaml';
import { ComplaintSchema, fieldsAt, personalPaths, RegisterError, splitFrontMatter } from '../../core/index.ts';
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

/** The same nesting limit as core/register/parse-file.ts. */
const MAX_DEPTH = 20;
/** Starts each commit in the log output; never in a sha, name or path. */
const RECORD = '\x1e';
/** The pseudo field for the Markdown body under the front matter. */
const BODY_FIELD = 'tekst';

type Segment = string | number;
type ChangeKind = 'added' | 'changed' | 'removed';

/** One readable version of the file. */
interface Version {
  data: Record<string, unknown>;
  body: string;
  /** Where this version holds personal data, as {@link personalPaths} reports it. */
  personal: PropertyKey[][];
}

interface FieldChange {
  field: string;
  change: ChangeKind;
  /** Why the values are left out: personal data, or a field the schema does not know. */
  hidden: 'personal' | 'unknown' | undefined;
  from?: unknown;
  to?: unknown;
}

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

const AMSTERDAM = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Europe/Amsterdam',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

function amsterdamMinute(iso: string): string {
  const instant = new Date(iso);
  if (Number.isNaN(instant.getTime())) return iso;
  const parts = AMSTERDAM.formatToParts(instant);
  const get = (type: string): string => parts.find((p) => p.type === type)?.value ?? '';
  return `${get('year')}-${get('month')}-${get('day')}T${get('hour')}:${get('minute')}`;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** Control and format characters (escapes, bidi overrides) from the repository are never written to the terminal. */
function printable(text: string): string {
  return text.replace(/[\p{Cc}\p{Cf}]/gu, '?');
}

/** Parses one version as the register does: YAML only, no aliases or custom tags; undefined when that fails. */
function readVersion(text: string, file: string, size: number): Version | undefined {
  try {
    const parts = splitFrontMatter(text, file, size);
    const data: unknown = load(parts.yaml, { maxAliases: 0, maxDepth: MAX_DEPTH, filename: file });
    if (!isRecord(data)) return undefined;
    return { data, body: parts.body, personal: personalPaths(ComplaintSchema, data) };
  } catch {
    // Any failure means the same thing here: this version is shown as unreadable and skipped.
    return undefined;
  }
}

interface Leaf {
  path: Segment[];
  value: unknown;
}

/** The values of a front matter by dotted path; empty lists and objects count as values. */
function leaves(value: unknown, path: Segment[], into: Map<string, Leaf>): Map<string, Leaf> {
  if (Array.isArray(value) && value.length > 0) value.forEach((item: unknown, i) => leaves(item, [...path, i], into));
  else if (isRecord(value) && Object.keys(value).length > 0)
    for (const [key, item] of Object.entries(value)) leaves(item, [...path, key], into);
  else if (path.length > 0) into.set(path.join('.'), { path, value });
  return into;
}

/** Why a value at `path` in `version` may not be shown, if so. */
function hiddenIn(path: Segment[], version: Version): FieldChange['hidden'] {
  if (version.personal.some((p) => p.every((segment, i) => segment === path[i]))) return 'personal';
  // A field the schema does not know could hold anything; only its name is shown.
  let parent: unknown = version.data;
  for (const [i, segment] of path.entries()) {
    if (!Array.isArray(parent)) {
      const known = fieldsAt(ComplaintSchema, path.slice(0, i));
      if (known.length > 0 && !known.includes(String(segment))) return 'unknown';
    }
    parent = Array.isArray(parent) ? (parent as unknown[])[Number(segment)] : isRecord(parent) ? parent[segment] : undefined;
  }
  return undefined;
}

/** Old keys in their order, each new key inserted after the key before it in the new version. */
function mergeOrder(old: readonly string[], now: readonly string[]): string[] {
  const order = [...old];
  let last = -1;
  for (const key of now) {
    const at = order.indexOf(key);
    if (at === -1) order.splice(++last, 0, key);
    else last = at;
  }
  return order;
}

function sameLeaf(a: unknown, b: unknown): boolean {
  if (Object.is(a, b)) return true;
  // Leaves that are objects are empty lists or objects.
  return typeof a === 'object' && typeof b === 'object' && a !== null && b !== null && Array.isArray(a) === Array.isArray(b);
}

function fieldChange(field: string, change: ChangeKind, hidden: FieldChange['hidden'], from: unknown, to: unknown): FieldChange {
  if (hidden !== undefined) return { field, change, hidden };
  if (change === 'added') return { field, change, hidden, to };
  if (change === 'removed') return { field, change, hidden, from };
  return { field, change, hidden, from, to };
}

/** Field by field changes from `before` (nothing, for the first version) to `after`. */
function diffVersions(before: Version | undefined, after: Version): FieldChange[] {
  const old = before ? leaves(before.data, [], new Map()) : new Map<string, Leaf>();
  const now = leaves(after.data, [], new Map());
  const changes: FieldChange[] = [];
  for (const field of mergeOrder([...old.keys()], [...now.keys()])) {
    const a = old.get(field);
    const b = now.get(field);
    if (a && b && before) {
      if (!sameLeaf(a.value, b.value))
        changes.push(fieldChange(field, 'changed', hiddenIn(a.path, before) ?? hiddenIn(b.path, after), a.value, b.value));
    } else if (b) changes.push(fieldChange(field, 'added', hiddenIn(b.path, after), undefined, b.value));
    else if (a && before) changes.push(fieldChange(field, 'removed', hiddenIn(a.path, before), a.value, undefined));
  }
  const oldBody = before?.body ?? '';
  const hadBody = oldBody.trim() !== '';
  const hasBody = after.body.trim() !== '';
  if (hadBody && hasBody && oldBody !== after.body) changes.push(fieldChange(BODY_FIELD, 'changed', 'personal', null, null));
  else if (hasBody && !hadBody) changes.push(fieldChange(BODY_FIELD, 'added', 'personal', null, null));
  else if (hadBody && !hasBody) changes.push(fieldChange(BODY_FIELD, 'removed', 'personal', null, null));
  return changes;
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
type Snapshot = 'absent' | 'unreadable' | Version;

function snapshot(blob: Buffer | undefined, file: string): Snapshot {
  if (blob === undefined) return 'absent';
  return readVersion(blob.toString('utf8'), file, blob.length) ?? 'unreadable';
}

const NOTHING: Version = { data: {}, body: '', personal: [] };

/**
 * What `after` changed compared with `base`, the file before it. An unreadable base is skipped: the
 * comparison is then with `lastReadable`, the newest readable version before it.
 */
function revisionOf(base: Snapshot, after: Snapshot, lastReadable: Version | undefined): Revision {
  if (after === 'unreadable') return { readable: false, deleted: false, changes: [] };
  const before = base === 'absent' ? undefined : base === 'unreadable' ? lastReadable : base;
  if (after === 'absent') return { readable: true, deleted: true, changes: diffVersions(before, NOTHING) };
  return { readable: true, deleted: false, changes: diffVersions(before, after) };
}

/**
 * A merge's own changes: those where it took the value of none of its other parents, as `git log --cc`
 * shows a merge. Changes that came in from a branch are listed with the commits on that branch.
 */
function ownChanges(changes: readonly FieldChange[], after: Snapshot, others: readonly Snapshot[]): FieldChange[] {
  const result = after === 'absent' ? NOTHING : after;
  const sides = others.flatMap((other) => (other === 'absent' ? [NOTHING] : other === 'unreadable' ? [] : [other]));
  if (result === 'unreadable' || sides.length === 0) return [...changes];
  const mine = leaves(result.data, [], new Map());
  const theirs = sides.map((side) => ({ side, values: leaves(side.data, [], new Map()) }));
  return changes.filter((change) =>
    theirs.every(({ side, values }) => {
      if (change.field === BODY_FIELD) return side.body !== result.body;
      const a = mine.get(change.field);
      const b = values.get(change.field);
      return a === undefined || b === undefined ? a !== b : !sameLeaf(a.value, b.value);
    }),
  );
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
): { commits: CommitRevision[]; lastReadable: Version | undefined } {
  let lastReadable: Version | undefined;
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
        date: amsterdamMinute(entry.authorDate),
        path: entry.path,
        created: base === 'absent' && after !== 'absent',
        movedFrom: entry.from !== undefined && entry.from !== entry.path ? entry.from : undefined,
        ...revision,
      },
    ];
  });
  return { commits, lastReadable };
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
  const dir = complaintsDir(io.cwd, values.register);
  if (!statSync(dir, { throwIfNoEntry: false })?.isDirectory())
    throw new UsageError(`map met klachten niet gevonden: ${dir} (geef het register op met --register)`);
  const path = findComplaintFile(dir, id);
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
