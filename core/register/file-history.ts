import { diffVersions, mergeOwnChanges, readVersion, type ComplaintVersion, type FieldChange } from './diff-versions.ts';

/** What one version of a complaint file changed. */
export interface Revision {
  readable: boolean;
  deleted: boolean;
  changes: FieldChange[];
}

/** What one commit changed in the file. */
export interface CommitRevision extends Revision {
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

/** One commit that touched the file, as git's log gives it. */
export interface FileCommit {
  commit: string;
  /** Parents, first parent first; none for a root commit or the oldest commit of a shallow clone. */
  parents: string[];
  author: string;
  /** Author date in Amsterdam, `YYYY-MM-DDTHH:MM`. */
  date: string;
  /** Path from the repository root in this commit. */
  path: string;
  /** Path in the first parent, when this commit moved the file. */
  from: string | undefined;
}

/** The contents of `<commit>:<path>` specs; undefined where the file is not in that commit. */
export type Blobs = ReadonlyMap<string, Uint8Array | undefined>;

/**
 * Where the file is in each parent, as `<commit>:<path>`; a move is seen in the first parent only.
 * @example parentSpecs({ parents: ['a'], path: 'n.md', from: 'o.md', ... }) // ['a:o.md']
 */
export function parentSpecs(entry: Pick<FileCommit, 'parents' | 'path' | 'from'>): string[] {
  return entry.parents.map((parent, i) => `${parent}:${i === 0 ? (entry.from ?? entry.path) : entry.path}`);
}

/** The file in one commit (or on disk): not there, there but unreadable, or read. */
export type Snapshot = 'absent' | 'unreadable' | ComplaintVersion;

const decoder = new TextDecoder();

/** Reads one version of the file. */
export function snapshot(blob: Uint8Array | undefined, file: string): Snapshot {
  if (blob === undefined) return 'absent';
  return readVersion(decoder.decode(blob), file, blob.length) ?? 'unreadable';
}

const NOTHING: ComplaintVersion = { data: {}, body: '', personal: [] };

/**
 * What `after` changed compared with `base`, the file before it. An unreadable base is skipped: the
 * comparison is then with `lastReadable`, the newest readable version before it.
 */
export function revisionOf(base: Snapshot, after: Snapshot, lastReadable: ComplaintVersion | undefined): Revision {
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

/**
 * What each commit changed, compared with its first parent, so work on a branch is not undone by the next
 * commit elsewhere; also the newest readable version.
 */
export function compareCommits(
  located: readonly FileCommit[],
  blobs: Blobs,
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
        date: entry.date,
        path: entry.path,
        created: base === 'absent' && after !== 'absent',
        movedFrom: entry.from !== undefined && entry.from !== entry.path ? entry.from : undefined,
        ...revision,
      },
    ];
  });
  return { commits, lastReadable };
}

