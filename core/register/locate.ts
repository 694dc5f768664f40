import { isMap, isSeq, LineCounter, parseDocument, type Node } from 'yaml';

/** A 1-based position in a YAML text. */
export interface Position {
  line: number;
  column: number;
}

/** Finds positions in a front matter, in file lines: `(path, key?) => {line, column}`. */
export type Locate = (path: readonly PropertyKey[], key?: boolean) => Position;

/**
 * A locator for a file's front matter that starts at `yamlLine`. The YAML is parsed once, on the
 * first question: files without findings never pay for it.
 * @example createLocator('a: 1\n', 2)(['a']) // { line: 2, column: 4 }
 */
export function createLocator(yamlText: string, yamlLine: number): Locate {
  let parsed: { contents: Node | null; counter: LineCounter } | undefined;
  return (path, key = false) => {
    if (!parsed) {
      const counter = new LineCounter();
      const doc = parseDocument(yamlText, { lineCounter: counter, keepSourceTokens: false, uniqueKeys: false });
      parsed = { contents: doc.contents, counter };
    }
    const at = findPosition(parsed.contents, parsed.counter, path, key);
    return { line: yamlLine + at.line - 1, column: at.column };
  };
}

function findPosition(contents: Node | null, counter: LineCounter, path: readonly PropertyKey[], useKeyAtEnd: boolean): Position {
  let node: Node | null = contents;
  let offset = node?.range?.[0] ?? 0;
  for (const [index, segment] of path.entries()) {
    const last = index === path.length - 1;
    if (isMap(node)) {
      const pair = node.items.find((item) => {
        const key: unknown = item.key;
        return (key !== null && typeof key === 'object' && 'value' in key ? key.value : key) === segment;
      });
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
  const { line, col } = counter.linePos(offset);
  return { line, column: col };
}
