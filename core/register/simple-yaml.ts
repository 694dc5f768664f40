/**
 * Front matter in the block shape complaint files have, read without the general YAML parser:
 * mappings (`key: value`), lists (`- value`, `- key: value`), nested by indentation (spaces), with
 * comment lines, a comment after a key that opens a block, and blank lines. A value is one of:
 * - a whole number without leading zeros, or digits with dashes (a date `2026-03-05`, a phone number);
 * - `null`, `true` or `false` in the forms YAML's core schema knows (`Null`, `TRUE`, …);
 * - words: letters, digits, spaces and `. , @ / _ + ' ( ) -`, starting with a letter, or with a digit
 *   and holding a space (no number does), not ending in a space;
 * - a quoted text on one line without escapes (`'…'` without `'` inside, `"…"` without `"` or `\`);
 * - a flow list of words (`[coach-1, coach-2]`, `[]`);
 * - a flow mapping of such values on one line (`{ on: 2026-03-05, note: "…" }`), the words without
 *   spaces.
 *
 * Anything else (a tab, a carriage return, a comment after a value, a block text
 * `|`, anchors, tags, a key twice, a key that is not a plain name, uneven indentation, nesting deeper
 * than {@link MAX_DEPTH}) gives `undefined`, and the caller reads the text with js-yaml, which then
 * also names any error. Within this shape the result is what js-yaml's `load` gives, key for key and
 * type for type (test/core/simple-yaml.test.ts compares the two on the sample register, the bench
 * register and generated text full of near misses); it takes a third to a half of the time, and reading a
 * large register spends most of its time reading YAML.
 * @example loadSimpleYaml('id: KL-2026-0001\nsteps:\n  geregistreerd: 2026-03-05\n') // { id: 'KL-2026-0001', steps: { geregistreerd: '2026-03-05' } }
 * @example loadSimpleYaml('id: KL-2026-0001 # nummer\n') // undefined: js-yaml reads it
 */
export function loadSimpleYaml(text: string): Record<string, unknown> | undefined {
  if (text.length === 0 || text.charCodeAt(text.length - 1) !== NEWLINE) return undefined;
  if (text.includes('\t') || text.includes('\r')) return undefined;
  const reader = new Reader(text);
  if (reader.count <= 0 || reader.indents[0] !== 0) return undefined;
  const value = reader.mapping(0, 1);
  // Every line taken: a line no block could take (further in than the keys before it) leaves it to js-yaml.
  return value === UNREAD || reader.at !== reader.count ? undefined : value;
}

/** Deeper than this, js-yaml reads the text (it refuses more than 20 levels itself). */
const MAX_DEPTH = 8;

const NEWLINE = 10;
const SPACE = 32;

/** A value this reader leaves to js-yaml. */
const UNREAD = Symbol('unread');

/** A key: a plain name. */
const KEY = String.raw`[A-Za-z][A-Za-z0-9-]*`;
/** A mapping entry, after its indentation: a key, a colon, and a value after a space, or nothing. */
const ENTRY = new RegExp(`^(${KEY}):(?: (.*))?$`);
/** What follows the colon of a key that opens a block: nothing but a comment. */
const COMMENT = /^ *#/;
/**
 * Characters js-yaml refuses anywhere in a text, comments too (controls, lone surrogates, U+FFFE and
 * U+FFFF; it allows U+0085, which is left to it as well): a value here never holds one.
 */
const NON_PRINTABLE = /[\p{Cc}\p{Cs}\uFFFE\uFFFF]/u;

/**
 * Keys that JavaScript objects treat specially: js-yaml reads them as own keys, and parseFrontMatterFile
 * refuses them (zod and object spreads would drop them or their value); this reader leaves them to js-yaml.
 */
export const FORBIDDEN_KEYS: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);

/**
 * Whether a key is js-yaml's to read: a key twice, a special key, or a core word (null or a boolean to
 * js-yaml: `null:` and `Null:` would be one key twice).
 */
function leftToJsYaml(map: Record<string, unknown>, key: string): boolean {
  return FORBIDDEN_KEYS.has(key) || CORE_WORDS.has(key) || Object.hasOwn(map, key);
}

/** The words YAML's core schema reads as null or a boolean, and what they are. */
const CORE_WORDS = new Map<string, null | boolean>([
  ['null', null],
  ['Null', null],
  ['NULL', null],
  ['true', true],
  ['True', true],
  ['TRUE', true],
  ['false', false],
  ['False', false],
  ['FALSE', false],
]);

/** What a word holds besides spaces. */
const WORD_CHARACTERS = String.raw`A-Za-z0-9.,@/_+'()\u00C0-\u024F-`;
const WORD = new RegExp(`^[A-Za-z](?:[ ${WORD_CHARACTERS}]*[${WORD_CHARACTERS}])?$`);
/** Starting with a digit, but with a space in it: no number, so a text (`2 jaar na afsluiting`). */
const DIGIT_WORDS = new RegExp(`^\\d[${WORD_CHARACTERS}]* [ ${WORD_CHARACTERS}]*[${WORD_CHARACTERS}]$`);
/** Digits with a dash after the first, such as a date or a phone number: no number has one (`1e-5` has an `e`). */
const DIGITS_AND_DASHES = /^\d[\d-]*-[\d-]*$/;
const WHOLE = /^(?:0|[1-9]\d{0,14})$/;
const LIST = /^\[(?:[A-Za-z][A-Za-z0-9._-]*(?:, [A-Za-z][A-Za-z0-9._-]*)*)?\]$/;
/** Quoted on one line, no escapes: printable characters of the Basic Multilingual Plane but the quote (and `\` in `"…"`). */
const SINGLE_TEXT = String.raw`'([\x20-\x26\x28-\x7e\u00A0-\uD7FF\uE000-\uFFFD]*)'`;
const DOUBLE_TEXT = String.raw`"([\x20\x21\x23-\x5b\x5d-\x7e\u00A0-\uD7FF\uE000-\uFFFD]*)"`;
const SINGLE_QUOTED = new RegExp(`^${SINGLE_TEXT}$`);
const DOUBLE_QUOTED = new RegExp(`^${DOUBLE_TEXT}$`);

function scalar(raw: string): unknown {
  if (WORD.test(raw)) {
    const word = CORE_WORDS.get(raw);
    return word === undefined ? raw : word;
  }
  if (DIGITS_AND_DASHES.test(raw) || DIGIT_WORDS.test(raw)) return raw;
  if (WHOLE.test(raw)) return Number(raw);
  const quoted = SINGLE_QUOTED.exec(raw) ?? DOUBLE_QUOTED.exec(raw);
  if (quoted) return quoted[1];
  if (raw.startsWith('{ ')) return flowMapping(raw);
  if (LIST.test(raw)) {
    if (raw.length === 2) return [];
    const items = raw.slice(1, -1).split(', ');
    return items.some((item) => CORE_WORDS.has(item)) ? UNREAD : items;
  }
  return UNREAD;
}

/**
 * One entry of a flow mapping on one line, `key: value` followed by `, ` or ` }`: the value quoted
 * without escapes, or a bare word without spaces or flow indicators (read as {@link scalar} reads it).
 */
const FLOW_ENTRY = new RegExp(
  String.raw`(${KEY}): (?:${SINGLE_TEXT}|${DOUBLE_TEXT}|([A-Za-z0-9][A-Za-z0-9.@/_+'()\u00C0-\u024F-]*))(, | \}$)`,
  'y',
);

/** A flow mapping on one line, `{ on: 2026-03-05, note: "…" }` as `klachten record --note` writes it. */
function flowMapping(raw: string): Record<string, unknown> | typeof UNREAD {
  const map: Record<string, unknown> = {};
  FLOW_ENTRY.lastIndex = 2;
  for (;;) {
    const entry = FLOW_ENTRY.exec(raw);
    if (entry === null) return UNREAD;
    const [, key = '', single, double, bare, end] = entry;
    if (leftToJsYaml(map, key)) return UNREAD;
    const value = single ?? double ?? scalar(bare ?? '');
    if (value === UNREAD) return UNREAD;
    map[key] = value;
    if (end === ' }') return map;
  }
}

/** The lines that hold something (not blank, not only a comment), each with its indentation. */
class Reader {
  readonly indents: number[] = [];
  readonly texts: string[] = [];
  /** Lines that hold something; -1 when a comment holds a character js-yaml refuses. */
  readonly count: number;
  /** The next line to read. */
  at = 0;

  constructor(text: string) {
    let start = 0;
    while (start < text.length) {
      const end = text.indexOf('\n', start);
      let indent = start;
      while (text.charCodeAt(indent) === SPACE) indent += 1;
      if (indent < end) {
        if (text.charCodeAt(indent) !== 35 /* # */) {
          this.indents.push(indent - start);
          this.texts.push(text.slice(indent, end));
        } else if (NON_PRINTABLE.test(text.slice(indent, end))) {
          // A comment is not read, but js-yaml refuses the text for it.
          this.count = -1;
          return;
        }
      }
      start = end + 1;
    }
    this.count = this.indents.length;
  }

  /** Whether the next line is at `indent` and starts a list item. */
  private item(indent: number): boolean {
    return this.at < this.count && this.indents[this.at] === indent && (this.texts[this.at] ?? '').startsWith('- ');
  }

  /**
   * A mapping whose keys stand at `indent`; `first` is its first entry when it follows a list item's
   * `- ` (that line is read already).
   */
  mapping(indent: number, depth: number, first?: string): Record<string, unknown> | typeof UNREAD {
    if (depth > MAX_DEPTH) return UNREAD;
    const map: Record<string, unknown> = {};
    let line = first;
    for (;;) {
      if (line === undefined) {
        if (this.at >= this.count || this.indents[this.at] !== indent) break;
        line = this.texts[this.at] ?? '';
        this.at += 1;
      }
      const entry = ENTRY.exec(line);
      line = undefined;
      if (entry === null) return UNREAD;
      const key = entry[1] ?? '';
      const rest = entry[2];
      // A core word as a key is null or a boolean to js-yaml: `null:` and `Null:` would be one key twice.
      if (leftToJsYaml(map, key)) return UNREAD;
      let value: unknown;
      if (rest === undefined || COMMENT.test(rest)) {
        if (rest !== undefined && NON_PRINTABLE.test(rest)) return UNREAD;
        const next = this.indents[this.at] ?? -1;
        if (next > indent) value = this.block(next, depth + 1);
        else if (this.item(indent)) value = this.list(indent, depth + 1);
        else value = null;
      } else {
        value = scalar(rest);
      }
      if (value === UNREAD) return UNREAD;
      map[key] = value;
    }
    // A line further in than these keys (uneven indentation, a text over more lines) is taken by no
    // block: the whole text is then js-yaml's (see loadSimpleYaml).
    return map;
  }

  /** The block that starts at the next line, at `indent`: a list or a mapping. */
  private block(indent: number, depth: number): unknown {
    return this.item(indent) ? this.list(indent, depth) : this.mapping(indent, depth);
  }

  /** A list whose `- ` stand at `indent`. */
  private list(indent: number, depth: number): unknown[] | typeof UNREAD {
    if (depth > MAX_DEPTH) return UNREAD;
    const items: unknown[] = [];
    while (this.item(indent)) {
      const text = (this.texts[this.at] ?? '').slice(2);
      this.at += 1;
      const value = ENTRY.test(text) ? this.mapping(indent + 2, depth + 1, text) : scalar(text);
      if (value === UNREAD) return UNREAD;
      items.push(value);
    }
    return items;
  }
}
