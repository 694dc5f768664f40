import { isMap, isScalar, isSeq, parse, parseDocument, type Node, type Pair, type YAMLMap } from 'yaml';
import { RegisterError } from './diagnostic.ts';
import { splitFrontMatter } from './front-matter.ts';

/** A path in the front matter: keys of maps and (0-based) indexes of lists, e.g. `['measures', 0, 'done']`. */
export type FrontMatterPath = readonly (string | number)[];

/** A field as it is written: its key and its value as YAML text (see {@link yamlValue}). */
export type FieldText = readonly [key: string, value: string];

/**
 * A value as YAML text on one line: a plain scalar where it reads back as the same value, otherwise
 * double-quoted; a list as `[a, b]`.
 * @example yamlValue('Wacht op stukken') // 'Wacht op stukken'
 * @example yamlValue('ja: nee') // '"ja: nee"'
 * @example yamlValue(true) // 'true'
 */
export function yamlValue(value: string | number | boolean | readonly string[]): string {
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (typeof value !== 'string') return `[${value.map((item) => yamlValue(item)).join(', ')}]`;
  const plain =
    /^[^\s\-?:,[\]{}#&*!|>'"%@`]/u.test(value) &&
    !/[\r\n\t]|: |\s#|[,[\]{}]|\s$|:$/u.test(value) &&
    (parse(value) as unknown) === value;
  return plain ? value : JSON.stringify(value);
}

/** What an edit did. */
export interface FrontMatterEdit {
  /** The new file text. */
  text: string;
  /** The earlier value as written (one line), when a value was replaced. */
  previous?: string;
}

interface Parsed {
  yaml: string;
  offset: number;
  root: YAMLMap<Node, Node | null>;
  eol: string;
}

function parseFront(text: string, file: string): Parsed {
  const parts = splitFrontMatter(text, file);
  const doc = parseDocument(parts.yaml, { uniqueKeys: false });
  if (doc.errors.length > 0 || !isMap(doc.contents)) {
    throw new RegisterError('yaml', 'de front matter is geen geldige YAML; herstel het bestand eerst (klachten check)', { file });
  }
  // New lines end as the file's lines do: a file with Windows line endings keeps them.
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  return { yaml: parts.yaml, offset: parts.yamlOffset, root: doc.contents, eol };
}

function splice(text: string, parsed: Parsed, edited: string): string {
  return text.slice(0, parsed.offset) + edited + text.slice(parsed.offset + parsed.yaml.length);
}

/** Where the line holding `offset` ends: before its `\r\n` or `\n`, or at the end of the text. */
function lineEnd(text: string, offset: number): number {
  const end = text.indexOf('\n', offset);
  if (end === -1) return text.length;
  return end > 0 && text[end - 1] === '\r' ? end - 1 : end;
}

/** The column of `offset` in its line. */
function column(text: string, offset: number): number {
  return offset - (text.lastIndexOf('\n', offset - 1) + 1);
}

function pairOf(map: YAMLMap<Node, Node | null>, key: string): Pair<Node, Node | null> | undefined {
  return map.items.find((pair) => isScalar(pair.key) && pair.key.value === key);
}

function isEmpty(node: Node | null | undefined): boolean {
  return node === null || node === undefined || (isScalar(node) && node.value === null);
}

function shown(path: FrontMatterPath): string {
  return path.map((part) => (typeof part === 'number' ? String(part + 1) : part)).join('.');
}

/**
 * The map at `path` (the root for an empty path); a RegisterError when it is not there or not a map.
 * Index 0 of a single map is that map: `escalation` may be one map instead of a list.
 */
function mapAt(root: YAMLMap<Node, Node | null>, path: FrontMatterPath, file: string): YAMLMap<Node, Node | null> {
  let node: Node | null | undefined = root;
  for (const part of path) {
    if (typeof part === 'number') {
      node = isSeq(node) ? (node.items[part] as Node | null | undefined) : isMap(node) && part === 0 ? node : undefined;
    }
    else node = isMap(node) ? pairOf(node as YAMLMap<Node, Node | null>, part)?.value : undefined;
  }
  if (!isMap(node)) throw new RegisterError('yaml', `het veld '${shown(path)}' is geen lijst van velden; herstel het bestand eerst`, { file });
  return node as YAMLMap<Node, Node | null>;
}

/** Text that adds `lines` (each `key: value`) to a block map or the root, after its last entry. */
function addToMap(parsed: Parsed, map: YAMLMap<Node, Node | null>, fields: readonly FieldText[]): string {
  const { yaml, eol } = parsed;
  if (map === parsed.root) {
    const base = yaml.length === 0 || yaml.endsWith('\n') ? yaml : `${yaml}${eol}`;
    return `${base}${fields.map(([key, value]) => `${key}: ${value}${eol}`).join('')}`;
  }
  const last = map.items[map.items.length - 1];
  const lastEnd = last?.value?.range?.[1] ?? last?.key.range?.[1];
  if (map.flow) {
    const close = map.range ? yaml.lastIndexOf('}', map.range[1]) : -1;
    if (close === -1 || (lastEnd !== undefined && lastEnd > close)) {
      throw new RegisterError('yaml', 'een veld kan hier niet veilig worden toegevoegd; schrijf het als lijst (veld: waarde per regel)');
    }
    const added = fields.map(([key, value]) => `${key}: ${value}`).join(', ');
    return lastEnd === undefined
      ? `${yaml.slice(0, close)}${/\s$/.test(yaml.slice(0, close)) ? '' : ' '}${added} ${yaml.slice(close)}`
      : `${yaml.slice(0, lastEnd)}, ${added}${yaml.slice(lastEnd)}`;
  }
  const firstStart = map.items[0]?.key.range?.[0] ?? 0;
  const indent = ' '.repeat(column(yaml, firstStart));
  const at = lineEnd(yaml, Math.max((lastEnd ?? firstStart) - 1, 0));
  return `${yaml.slice(0, at)}${fields.map(([key, value]) => `${eol}${indent}${key}: ${value}`).join('')}${yaml.slice(at)}`;
}

/**
 * Sets one value in a complaint file's front matter, editing only its line (or adding one line after
 * the last field of its map): comments, key order, quoting, line endings and the body stay as they were.
 * @param path the field, e.g. `['closed']` or `['measures', 0, 'done']`; its parent map must exist.
 * @param value the value as YAML text ({@link yamlValue}).
 * @example setValueInText('---\nid: KL-2026-0001\n---\n', 'x.md', ['closed'], '2026-03-05').text
 * // '---\nid: KL-2026-0001\nclosed: 2026-03-05\n---\n'
 */
export function setValueInText(text: string, file: string, path: FrontMatterPath, value: string): FrontMatterEdit {
  const parsed = parseFront(text, file);
  const key = path[path.length - 1];
  if (typeof key !== 'string') throw new RegisterError('yaml', 'het pad moet eindigen in een veldnaam', { file });
  const map = mapAt(parsed.root, path.slice(0, -1), file);
  const pair = pairOf(map, key);
  const { yaml } = parsed;
  if (!pair) return { text: splice(text, parsed, addToMap(parsed, map, [[key, value]])) };
  const range = pair.value?.range;
  if (!range || (pair.value !== null && !isScalar(pair.value))) {
    throw new RegisterError('yaml', `het veld '${shown(path)}' heeft geen enkele waarde; herstel het bestand eerst`, { file });
  }
  const [start, end] = range;
  const previous = yaml.slice(start, end).trim();
  // An empty value (`veld:`) gets its space after the colon.
  const spaced = yaml[start - 1] === ':' ? ` ${value}` : value;
  const edit: FrontMatterEdit = { text: splice(text, parsed, yaml.slice(0, start) + spaced + yaml.slice(end)) };
  if (previous !== '') edit.previous = previous;
  return edit;
}

/** Indents every line of `block` that has text by `by` spaces; the first line gets `first` instead. */
function reindent(block: string, first: string, by: string): string {
  return block
    .split('\n')
    .map((line, index) => (index === 0 ? `${first}${line}` : line.trim() === '' ? line : `${by}${line}`))
    .join('\n');
}

/**
 * Appends an item (a map of fields) to a list in the front matter, editing only the lines it adds:
 * `key:` and the item when the list is absent or empty, one item after the last otherwise. A single map
 * where a list is also allowed (`escalation`) becomes the list's first item: its lines move two places
 * to the right under a `- `.
 * @returns the new text and the item's index in the list.
 * @example appendItemInText('---\nid: KL-2026-0001\n---\n', 'x.md', 'measures', [['kind', 'corrective']]).text
 * // '---\nid: KL-2026-0001\nmeasures:\n  - kind: corrective\n---\n'
 */
export function appendItemInText(
  text: string,
  file: string,
  key: string,
  fields: readonly FieldText[],
): { text: string; index: number } {
  if (fields.length === 0) throw new RegisterError('yaml', 'een nieuw item heeft ten minste één veld nodig', { file });
  const parsed = parseFront(text, file);
  const { yaml, eol, root } = parsed;
  const pair = pairOf(root, key);
  const item = (indent: string): string =>
    fields.map(([name, value], index) => `${index === 0 ? `${indent}- ` : `${indent}  `}${name}: ${value}`).join(eol);
  const flowItem = `{ ${fields.map(([name, value]) => `${name}: ${value}`).join(', ')} }`;
  if (!pair) {
    const base = yaml.length === 0 || yaml.endsWith('\n') ? yaml : `${yaml}${eol}`;
    return { text: splice(text, parsed, `${base}${key}:${eol}${item('  ')}${eol}`), index: 0 };
  }
  const list = pair.value;
  if (isEmpty(list)) {
    const at = lineEnd(yaml, pair.key.range?.[1] ?? 0);
    return { text: splice(text, parsed, `${yaml.slice(0, at)}${eol}${item('  ')}${yaml.slice(at)}`), index: 0 };
  }
  if (isSeq(list) && list.range) {
    const count = list.items.length;
    if (list.flow) {
      const close = yaml.lastIndexOf(']', list.range[1]);
      const last = list.items[count - 1] as Node | null | undefined;
      const lastEnd = last?.range?.[1];
      if (close === -1 || (lastEnd !== undefined && lastEnd > close)) {
        throw new RegisterError('yaml', `het veld '${key}' kan niet veilig worden aangevuld; schrijf het als lijst (- per regel)`, { file });
      }
      const edited =
        lastEnd === undefined ? `${yaml.slice(0, close)}${flowItem}${yaml.slice(close)}` : `${yaml.slice(0, lastEnd)}, ${flowItem}${yaml.slice(lastEnd)}`;
      return { text: splice(text, parsed, edited), index: count };
    }
    const indent = ' '.repeat(column(yaml, list.range[0]));
    const at = lineEnd(yaml, Math.max(list.range[1] - 1, list.range[0]));
    return { text: splice(text, parsed, `${yaml.slice(0, at)}${eol}${item(indent)}${yaml.slice(at)}`), index: count };
  }
  if (isMap(list) && list.range) {
    const [start, end] = list.range;
    if (list.flow) {
      return { text: splice(text, parsed, `${yaml.slice(0, start)}[${yaml.slice(start, end)}, ${flowItem}]${yaml.slice(end)}`), index: 1 };
    }
    // A block map ends after its last line's newline: the lines from its first key on move under a `- `.
    const indent = column(yaml, start);
    const block = yaml.slice(start, end).replace(/\r?\n$/, '');
    const rest = yaml.slice(start + block.length);
    const moved = `${yaml.slice(0, start)}${reindent(block, '- ', '  ')}`;
    return { text: splice(text, parsed, `${moved}${eol}${item(' '.repeat(indent))}${rest}`), index: 1 };
  }
  throw new RegisterError('yaml', `het veld '${key}' is geen lijst; herstel het bestand eerst`, { file });
}
