import { ComplaintSchema } from '../schemas/complaint.ts';
import { fieldsAt, personalPaths } from '../schemas/walk.ts';
import { splitFrontMatter } from './front-matter.ts';
import { forbiddenKeyPaths, loadYaml } from './parse-file.ts';
import { CODE_WORD } from './suggest.ts';

/** The pseudo field for the Markdown body under the front matter. */
const BODY_FIELD = 'tekst';

type Segment = string | number;

/** How a field differs between two versions. */
export type ChangeKind = 'added' | 'changed' | 'removed';

/** One readable version of a complaint file, as found in one commit or on disk. */
export interface ComplaintVersion {
  /** The front matter as YAML gave it, not validated: an old version may not match today's schema. */
  data: Record<string, unknown>;
  /** The Markdown body under the front matter. */
  body: string;
  /** Where this version holds personal data, as {@link personalPaths} reports it. */
  personal: PropertyKey[][];
  /** Where today's schema refuses a value: a mistyped field may hold anything, so its value is not shown. */
  invalid?: PropertyKey[][];
}

/** One field that differs between two versions; the values are left out when they may not be shown. */
export interface FieldChange {
  /** Dotted path, e.g. `steps.ontvangstbevestiging` or `measures.0.done`; `tekst` for the body. */
  field: string;
  change: ChangeKind;
  /** Why the values are left out: personal data, a field the schema does not know, or a value it refuses. */
  hidden: 'personal' | 'unknown' | 'invalid' | undefined;
  from?: unknown;
  to?: unknown;
  /** The path as in the file, when `field` hides a key that may be typed text; for comparing, never shown. */
  key?: string;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/**
 * Reads one version of a complaint file as the register does: YAML only, no aliases, custom tags or deep
 * nesting. Nothing is validated, so old versions that today's schema refuses can still be compared.
 * @param size The file's size in bytes, for the register's size limit.
 * @returns undefined when the version cannot be read; any reason means the same to a reader of the history.
 * @example readVersion('---\nid: KL-2026-0001\n---\nTekst\n', 'KL-2026-0001.md', 32)?.data // { id: 'KL-2026-0001' }
 */
export function readVersion(text: string, file: string, size: number): ComplaintVersion | undefined {
  try {
    const parts = splitFrontMatter(text, file, size);
    const data = loadYaml(parts.yaml, file);
    if (!isRecord(data) || forbiddenKeyPaths(data).length > 0) return undefined;
    return { data, body: parts.body, personal: personalPaths(ComplaintSchema, data), invalid: invalidPaths(data) };
  } catch {
    // Any failure means the same thing here: this version is shown as unreadable and skipped.
    return undefined;
  }
}

/** The paths of values today's schema refuses; unknown fields are left to {@link hiddenIn}. */
function invalidPaths(data: Record<string, unknown>): PropertyKey[][] {
  const result = ComplaintSchema.safeParse(data);
  if (result.success) return [];
  return result.error.issues.filter((issue) => issue.code !== 'unrecognized_keys').map((issue) => issue.path);
}

/** What a code word looks like; a key under `steps` that does not is shown as `…`, as it may be typed text. */

/** The dotted path for display: keys the schema does not name (step ids) only when shaped like a code word. */
function fieldName(path: Segment[]): string {
  return path
    .map((segment, i) =>
      typeof segment === 'number' || CODE_WORD.test(segment) || fieldsAt(ComplaintSchema, path.slice(0, i)).includes(segment)
        ? String(segment)
        : '…',
    )
    .join('.');
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
function hiddenIn(path: Segment[], version: ComplaintVersion): FieldChange['hidden'] {
  const under = (p: PropertyKey[]): boolean => p.every((segment, i) => segment === path[i]);
  if (version.personal.some(under)) return 'personal';
  if (version.invalid?.some(under)) return 'invalid';
  if (fieldName(path) !== path.join('.')) return 'unknown';
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

function fieldChange(leaf: Leaf | string, change: ChangeKind, hidden: FieldChange['hidden'], from: unknown, to: unknown): FieldChange {
  if (typeof leaf !== 'string') {
    const field = fieldName(leaf.path);
    const key = leaf.path.join('.');
    // A step key that may be typed text is shown as `…`; `key` keeps it for merges, and is never printed.
    // Not enumerable, so that no output that serialises a change can carry it.
    if (field !== key) return Object.defineProperty(fieldChange(field, change, hidden, from, to), 'key', { value: key, enumerable: false });
    return fieldChange(field, change, hidden, from, to);
  }
  const field = leaf;
  if (hidden !== undefined) return { field, change, hidden };
  if (change === 'added') return { field, change, hidden, to };
  if (change === 'removed') return { field, change, hidden, from };
  return { field, change, hidden, from, to };
}

/**
 * Field by field changes from `before` (undefined for the first version) to `after`, in the order of the
 * file. Values of personal fields, of fields the schema does not know and of the body (`tekst`) are left
 * out: that they changed is all a history may show.
 * @example
 * const version = (yaml: string) => readVersion(`---\n${yaml}---\n`, 'KL-2026-0001.md', 100)!;
 * diffVersions(version('steps:\n  ontvangst: 2026-01-13\n'), version('steps:\n  ontvangst: 2026-01-14\n'))
 * // [{ field: 'steps.ontvangst', change: 'changed', hidden: undefined, from: '2026-01-13', to: '2026-01-14' }]
 */
export function diffVersions(before: ComplaintVersion | undefined, after: ComplaintVersion): FieldChange[] {
  const old = before ? leaves(before.data, [], new Map()) : new Map<string, Leaf>();
  const now = leaves(after.data, [], new Map());
  const changes: FieldChange[] = [];
  for (const field of mergeOrder([...old.keys()], [...now.keys()])) {
    const a = old.get(field);
    const b = now.get(field);
    if (a && b && before) {
      if (!sameLeaf(a.value, b.value))
        changes.push(fieldChange(b, 'changed', hiddenIn(a.path, before) ?? hiddenIn(b.path, after), a.value, b.value));
    } else if (b) changes.push(fieldChange(b, 'added', hiddenIn(b.path, after), undefined, b.value));
    else if (a && before) changes.push(fieldChange(a, 'removed', hiddenIn(a.path, before), a.value, undefined));
  }
  const oldBody = before?.body ?? '';
  const hadBody = oldBody.trim() !== '';
  const hasBody = after.body.trim() !== '';
  if (hadBody && hasBody && oldBody !== after.body) changes.push(fieldChange(BODY_FIELD, 'changed', 'personal', null, null));
  else if (hasBody && !hadBody) changes.push(fieldChange(BODY_FIELD, 'added', 'personal', null, null));
  else if (hadBody && !hasBody) changes.push(fieldChange(BODY_FIELD, 'removed', 'personal', null, null));
  return changes;
}

/**
 * A merge's own changes: of `changes` (the merge compared with its first parent), those where `merged`
 * took the value of none of its `others` parents, as `git log --cc` shows a merge. Changes that came in
 * from a branch belong to the commits on that branch.
 * @example mergeOwnChanges(diffVersions(main, merged), merged, [branch]) // without the fields merged took from branch
 */
export function mergeOwnChanges(
  changes: readonly FieldChange[],
  merged: ComplaintVersion,
  others: readonly ComplaintVersion[],
): FieldChange[] {
  const mine = leaves(merged.data, [], new Map());
  const theirs = others.map((other) => ({ other, values: leaves(other.data, [], new Map()) }));
  return changes.filter((change) =>
    theirs.every(({ other, values }) => {
      if (change.field === BODY_FIELD) return other.body !== merged.body;
      const a = mine.get(change.key ?? change.field);
      const b = values.get(change.key ?? change.field);
      return a === undefined || b === undefined ? a !== b : !sameLeaf(a.value, b.value);
    }),
  );
}
