import { amsterdamMinute, RegisterError, type FileCommit } from '../core/index.ts';
import { gitText, runGit } from './git.ts';

/** Starts each commit in the log output; never in a sha, name or path. */
const RECORD = '\x1e';

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
export function readBlobs(cwd: string, specs: readonly string[]): Map<string, Uint8Array | undefined> {
  const bad = specs.find((spec) => spec.includes('\n'));
  if (bad !== undefined)
    throw new RegisterError('git', `een pad met een regeleinde kan klachten history niet lezen: ${JSON.stringify(bad)}`);
  const run = runGit(cwd, ['cat-file', '--batch'], specs.map((spec) => `${spec}\n`).join(''));
  if (run.status !== 0) throw new RegisterError('git', `git cat-file mislukte: ${run.stderr.trim().split('\n')[0] ?? ''}`);
  const out = run.stdout;
  const blobs = new Map<string, Uint8Array | undefined>();
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

export function requireRepository(cwd: string): void {
  const inside = runGit(cwd, ['rev-parse', '--is-inside-work-tree']);
  if (inside.status === 0 && inside.stdout.toString('utf8').trim() === 'true') return;
  const reason = inside.stderr.trim().split('\n')[0] ?? '';
  const detail = reason === '' || reason.includes('not a git repository') ? '' : ` (git: ${reason})`;
  throw new RegisterError('not-a-repository', `geen git-repository: klachten history leest de geschiedenis uit git${detail}`);
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

/** git's ISO author date on the Amsterdam clock; anything else unchanged. */
function authorDate(iso: string): string {
  const instant = new Date(iso);
  return Number.isNaN(instant.getTime()) ? iso : amsterdamMinute(instant);
}

/**
 * The commits that changed `file` (relative to `cwd`), oldest first, following moves, with each
 * author date on the Amsterdam clock.
 * Call {@link requireRepository} first.
 * @throws {RegisterError} `git-missing`, `not-committed` or `git`.
 */
export function readFileLog(cwd: string, file: string): FileCommit[] {
  return readLog(cwd, file).map((entry) => ({
    commit: entry.commit,
    parents: entry.parents,
    author: entry.author,
    date: authorDate(entry.authorDate),
    path: entry.path,
    from: entry.from,
  }));
}

/** Whether the clone is shallow (its history cut off). */
export function isShallow(cwd: string): boolean {
  return gitText(cwd, ['rev-parse', '--is-shallow-repository']).trim() === 'true';
}
