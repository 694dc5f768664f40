import { isMap, isScalar, isSeq, LineCounter, parseDocument } from 'yaml';
import type { DiagnosticCode } from './codes.ts';
import type { Diagnostic } from './diagnostic.ts';
import { CODE_WORD } from './suggest.ts';

// The YAML mistakes staff make, found where js-yaml would stop at the first or say nothing at all.
// Every message names a marker, a key or a field, never a value: values may be personal.

const CONFLICT_OPEN = /^<{7}(?:[ \t]|\r?$)/;
const CONFLICT_BASE = /^\|{7}(?:[ \t]|\r?$)/;
const CONFLICT_MIDDLE = /^={7}[ \t]*\r?$/;
const CONFLICT_CLOSE = /^>{7}(?:[ \t]|\r?$)/;
const FRONT_MATTER_END = /^(---|\.\.\.)[ \t]*\r?$/;

function conflictMessage(marker: string): string {
  return `deze regel komt uit een samenvoegconflict van git (${marker}): kies per veld de juiste waarde, haal de regels <<<<<<<, ======= en >>>>>>> weg, en controleer opnieuw`;
}

/**
 * The merge-conflict markers git leaves in a file: one error per conflict, at its `<<<<<<<` line, and
 * one for each marker left behind without its opening line. A `=======` line counts outside a conflict
 * only in the front matter: in the text it may underline a Markdown heading.
 * @example findMergeConflicts('---\n<<<<<<< HEAD\nid: a\n=======\nid: b\n>>>>>>> x\n---\n', 'x.md')[0]?.line // 2
 */
export function findMergeConflicts(text: string, file: string): Diagnostic[] {
  const out: Diagnostic[] = [];
  const report = (line: number, marker: string): void => {
    out.push({ severity: 'error', code: 'merge-conflict', file, line, column: 1, message: conflictMessage(marker) });
  };
  // A quick look first: most files have no line starting with one of the markers' characters seven times.
  if (!/^(?:<{7}|>{7}|={7}|\|{7})/m.test(text)) return out;
  const lines = text.replace(/^\uFEFF/, '').split('\n');
  let inFrontMatter = /^---[ \t]*\r?$/.test(lines[0] ?? '');
  let inConflict = false;
  lines.forEach((line, index) => {
    const number = index + 1;
    if (CONFLICT_OPEN.test(line)) {
      report(number, '<<<<<<<');
      inConflict = true;
    } else if (CONFLICT_CLOSE.test(line)) {
      if (!inConflict) report(number, '>>>>>>>');
      inConflict = false;
    } else if (CONFLICT_MIDDLE.test(line)) {
      if (!inConflict && inFrontMatter) report(number, '=======');
    } else if (CONFLICT_BASE.test(line)) {
      if (!inConflict) report(number, '|||||||');
    } else if (index > 0 && !inConflict && FRONT_MATTER_END.test(line)) {
      inFrontMatter = false;
    }
  });
  return out;
}

/** A line that opens a block scalar (`key: |`, `- >-`): the lines below it that are indented more are text. */
const BLOCK_SCALAR = /(?:^|:|-)[ \t]+[|>][-+0-9]*[ \t]*(?:#.*)?\r?$/;
/** A key with a value right after its colon: `organisation:mvz`. Not `http://`, not a time (a key starts with a letter). */
const NO_SPACE = /^( *(?:- +)*)([A-Za-z_][A-Za-z0-9_-]*):(?=[^\s:/])/;
/** A key that may be named: shaped like a field name or a step id, not like a name someone typed. */
const KEY_WORD = /^[a-z][A-Za-z0-9_-]{0,39}$/;

/**
 * Line by line, the mistakes that make YAML invalid and that a person can fix at once: a tab used for
 * indentation, and a key without a space after its colon. Asked when js-yaml refused the front matter,
 * so that every such line of the file comes in one run instead of the first one alone.
 * @example findLineMistakes('organisation:mvz\n', 2, 'x.md')[0]?.message // 'na de dubbele punt hoort een spatie: organisation: …'
 */
export function findLineMistakes(yaml: string, yamlLine: number, file: string): Diagnostic[] {
  const out: Diagnostic[] = [];
  const report = (index: number, column: number, message: string): void => {
    out.push({ severity: 'error', code: 'yaml', file, line: yamlLine + index, column, message });
  };
  let blockIndent: number | undefined;
  yaml.split('\n').forEach((line, index) => {
    if (line.trim() === '') return;
    const indent = /^ */.exec(line)?.[0].length ?? 0;
    if (blockIndent !== undefined) {
      if (indent > blockIndent) return;
      blockIndent = undefined;
    }
    const tab = /^ *\t/.exec(line);
    if (tab) {
      report(index, tab[0].length, 'een tab aan het begin van de regel: YAML wil spaties; spring in met spaties');
      return;
    }
    if (/^\s*#/.test(line)) return;
    const missing = NO_SPACE.exec(line);
    if (missing) {
      const key = missing[2] ?? '';
      const named = KEY_WORD.test(key) ? `: ${key}: …` : ' (sleutel: waarde)';
      report(index, missing[0].length + 1, `na de dubbele punt hoort een spatie${named}`);
    }
    if (BLOCK_SCALAR.test(line)) blockIndent = indent;
  });
  return out;
}

/** A line with a value followed by ` #` on the same line: the only lines {@link findCutComments} must parse. */
const VALUE_THEN_HASH = /^[ \t]*(?:-[ \t]+)*(?:[^\s#:-][^:\n]*:|-)[ \t]+[^\s#][^\n]*[ \t]#/m;
/** A date as written, `JJJJ-MM-DD`: a note after it is a note, not part of the date. */
const DATE_SHAPE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * Plain text values followed by a comment on the same line (`address: Voorbeeldstraat 1 #2`): YAML
 * reads the part after ` #` as a comment and drops it without a word. A warning per value, at the `#`.
 * Full-line comments and comments after a key with a block value are left alone, and so are notes
 * after a number, true/false, a date, or a code word followed by `# ` (`category: bejegening # twijfel`).
 * `describe` turns the value's path into the field named in the message.
 */
export function findCutComments(
  yaml: string,
  yamlLine: number,
  file: string,
  describe: (path: readonly PropertyKey[]) => string,
): Diagnostic[] {
  // Most front matter has no `#` at all: one quick search spares the pattern.
  if (!yaml.includes('#') || !VALUE_THEN_HASH.test(yaml)) return [];
  const counter = new LineCounter();
  const doc = parseDocument(yaml, { lineCounter: counter, uniqueKeys: false });
  const out: Diagnostic[] = [];
  const code: DiagnosticCode = 'value-comment';
  const check = (node: unknown, path: PropertyKey[]): void => {
    if (isMap(node)) {
      for (const pair of node.items) {
        const key: unknown = isScalar(pair.key) ? pair.key.value : pair.key;
        if (typeof key === 'string' || typeof key === 'number') check(pair.value, [...path, key]);
      }
    } else if (isSeq(node)) {
      node.items.forEach((item, index) => {
        check(item, [...path, index]);
      });
    } else if (isScalar(node) && node.type === 'PLAIN' && typeof node.value === 'string' && node.range) {
      const end = node.range[1];
      const rest = /^[ \t]+#(\S?)/.exec(yaml.slice(end, end + 200));
      if (!rest) return;
      // `#2` right after the value reads as part of it; `# twijfel` after a code word as a note.
      const note = rest[1] === '';
      if (DATE_SHAPE.test(node.value) || (CODE_WORD.test(node.value) && note)) return;
      const at = counter.linePos(end + rest[0].indexOf('#'));
      out.push({
        severity: 'warning',
        code,
        file,
        line: yamlLine + at.line - 1,
        column: at.col,
        message: `${describe(path)}: het deel na ' #' is commentaar en valt weg; zet de hele waarde tussen aanhalingstekens`,
      });
    }
  };
  check(doc.contents, []);
  return out;
}
