import { isMap, isSeq, LineCounter, parseDocument, type Node } from 'yaml';

/** A 1-based position in a YAML text. */
export interface Position {
  line: number;
  column: number;
}

/**
 * Finds where a value (or, with `key`, its key) stands in a YAML text, following `path` as far as it
 * exists. Used only for files that have findings, so the fast path never pays for it.
 * @example locatePath('a:\n  b: 1\n', ['a', 'b']) // { line: 2, column: 6 }
 */
export function locatePath(yamlText: string, path: readonly PropertyKey[], options: { key?: boolean } = {}): Position {
  const counter = new LineCounter();
  const doc = parseDocument(yamlText, { lineCounter: counter, keepSourceTokens: false, uniqueKeys: false });
  let node: Node | null = doc.contents;
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
      const useKey = (last && options.key === true) || valueStart === undefined;
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
