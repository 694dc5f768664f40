import { isMap, isSeq, LineCounter, parseDocument, type Node, type Pair, type YAMLMap } from 'yaml';

/** A 1-based position in a YAML text. */
export interface Position {
  line: number;
  column: number;
}

/** Finds positions in a front matter, in file lines: `(path, key?) => {line, column}`. */
export type Locate = (path: readonly PropertyKey[], key?: boolean) => Position;

/**
 * A locator for a file's front matter that starts at `yamlLine`. The YAML is parsed once, on the
 * first question: files without findings never pay for it. Each map's keys are indexed the first time
 * a path goes through it, so a file with tens of thousands of findings costs time in proportion to
 * its size, not its size squared.
 * @example createLocator('a: 1\n', 2)(['a']) // { line: 2, column: 4 }
 */
export function createLocator(yamlText: string, yamlLine: number, work?: LocateWork): Locate {
  let parsed: { contents: Node | null; counter: LineCounter; keys: WeakMap<YAMLMap, Map<unknown, Pair>> } | undefined;
  return (path, key = false) => {
    if (!parsed) {
      const counter = new LineCounter();
      const doc = parseDocument(yamlText, { lineCounter: counter, keepSourceTokens: false, uniqueKeys: false });
      parsed = { contents: doc.contents, counter, keys: new WeakMap() };
      if (work) work.parses++;
    }
    const at = findPosition(parsed, path, key, work);
    return { line: yamlLine + at.line - 1, column: at.column };
  };
}

/** What a locator did, for tests that count its work instead of timing it. */
export interface LocateWork {
  /** How often the YAML was parsed. */
  parses: number;
  /** How many key-value pairs of maps were looked at. */
  pairs: number;
}

/** A map's pairs by key value; the first pair wins when a key is there twice, as a search would find. */
function keysOf(map: YAMLMap, index: WeakMap<YAMLMap, Map<unknown, Pair>>, work: LocateWork | undefined): Map<unknown, Pair> {
  let keys = index.get(map);
  if (!keys) {
    keys = new Map();
    for (const item of map.items) {
      if (work) work.pairs++;
      const key: unknown = item.key;
      const value = key !== null && typeof key === 'object' && 'value' in key ? key.value : key;
      if (!keys.has(value)) keys.set(value, item);
    }
    index.set(map, keys);
  }
  return keys;
}

function findPosition(
  parsed: { contents: Node | null; counter: LineCounter; keys: WeakMap<YAMLMap, Map<unknown, Pair>> },
  path: readonly PropertyKey[],
  useKeyAtEnd: boolean,
  work: LocateWork | undefined,
): Position {
  let node: Node | null = parsed.contents;
  let offset = node?.range?.[0] ?? 0;
  for (const [index, segment] of path.entries()) {
    const last = index === path.length - 1;
    if (isMap(node)) {
      const pair = keysOf(node, parsed.keys, work).get(segment);
      if (!pair) break;
      const keyNode = pair.key as Node | null;
      const valueNode = pair.value as Node | null;
      const valueStart = valueNode?.range?.[0];
      const useKey = (last && useKeyAtEnd) || valueStart === undefined;
      offset = (useKey ? keyNode?.range?.[0] : valueStart) ?? keyNode?.range?.[0] ?? offset;
      node = valueNode;
    } else if (isSeq(node) && typeof segment === 'number') {
      const item = node.items[segment] as Node | undefined;
      if (!item?.range) break;
      offset = item.range[0];
      node = item;
    } else {
      break;
    }
  }
  const { line, col } = parsed.counter.linePos(offset);
  return { line, column: col };
}
