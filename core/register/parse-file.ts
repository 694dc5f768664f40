import { load } from 'js-yaml';
import type { z } from 'zod';
import { errorToDiagnostic, RegisterError, type Diagnostic } from './diagnostic.ts';
import { formatFieldPath, formatIssue, formatPath } from './format-issue.ts';
import { splitFrontMatter } from './front-matter.ts';
import { createLocator } from './locate.ts';
import { FORBIDDEN_KEYS, loadSimpleYaml } from './simple-yaml.ts';
import { findCutComments, findLineMistakes, findMergeConflicts } from './yaml-mistakes.ts';

/** Nesting deeper than this is refused; a complaint file is four levels deep at most. */
const MAX_DEPTH = 20;

/**
 * Loads front-matter YAML the one safe way: no aliases, no deep nesting, js-yaml's default tags only.
 * Front matter of the plain shape most complaint files have is read by {@link loadSimpleYaml}, with the
 * same result in a third to a half of the time; the rest by js-yaml. Throws js-yaml's error (with `mark` and
 * `reason`) on bad YAML.
 * @example loadYaml('id: KL-2026-0001', 'x.md') // { id: 'KL-2026-0001' }
 */
export function loadYaml(yaml: string, file: string): unknown {
  return loadSimpleYaml(yaml) ?? load(yaml, { maxAliases: 0, maxDepth: MAX_DEPTH, filename: file });
}


/**
 * The paths of every `__proto__`, `constructor` or `prototype` key in loaded YAML, in document order.
 * js-yaml keeps `__proto__` as an own key; zod and object spreads would then drop it or its value.
 * @example forbiddenKeyPaths({ steps: { __proto__: '2026-03-05' } }) // [['steps', '__proto__']]
 */
export function forbiddenKeyPaths(value: unknown): PropertyKey[][] {
  const into: PropertyKey[][] = [];
  // One path, grown and shrunk on the way down and up: copied only for a key that is found.
  const path: PropertyKey[] = [];
  const visit = (node: unknown): void => {
    if (node === null || typeof node !== 'object') return;
    if (Array.isArray(node)) {
      for (let index = 0; index < node.length; index += 1) {
        path.push(index);
        visit(node[index]);
        path.pop();
      }
      return;
    }
    for (const key of Object.keys(node)) {
      path.push(key);
      if (FORBIDDEN_KEYS.has(key)) into.push([...path]);
      visit((node as Record<string, unknown>)[key]);
      path.pop();
    }
  };
  visit(value);
  return into;
}

/**
 * Why an adapter could not give a file's text: it could not be read (`unreadable`: no permission, a
 * folder it could not list, not a regular file), it is a symbolic link, which the register never
 * follows (`link`), or it is not UTF-8 (`encoding`, with the line). The file is then one finding.
 */
export interface SourceProblem {
  code: 'unreadable' | 'link' | 'encoding';
  /** Dutch, naming no value from the file. */
  message: string;
  /** 1-based; 1 when the problem is the whole file. */
  line?: number;
}

/** The result of reading one Markdown file with front matter. */
export interface ParsedFile<T> {
  /** The validated front matter, when there were no errors (there may be warnings). */
  data?: T;
  /** The Markdown body (empty when the file could not be split). */
  body: string;
  /** The raw front matter (for locating later findings), when it could be read. */
  yaml?: string;
  /** 1-based line where the YAML starts. */
  yamlLine: number;
  /** Findings in file order: errors, and warnings such as a value cut off by ` #`. */
  diagnostics: Diagnostic[];
}

/**
 * Reads YAML front matter safely: no `---js`, no aliases, no custom tags, no deep nesting, no
 * duplicate keys, and validates it with `schema`. Never throws for bad input: problems come back as
 * diagnostics with file and line.
 */
export function parseFrontMatterFile<S extends z.ZodType>(
  file: string,
  text: string,
  schema: S,
  size?: number,
  problem?: SourceProblem,
): ParsedFile<z.output<S>> {
  if (problem) {
    const { code, message, line = 1 } = problem;
    return { body: '', yamlLine: 1, diagnostics: [{ severity: 'error', code, file, line, column: 1, message }] };
  }
  // Before the YAML: the markers would make it invalid, and its message would say nothing of a merge.
  const conflicts = findMergeConflicts(text, file);
  if (conflicts.length > 0) return { body: '', yamlLine: 1, diagnostics: conflicts };
  let parts;
  try {
    parts = splitFrontMatter(text, file, size);
  } catch (error) {
    if (error instanceof RegisterError) return { body: '', yamlLine: 1, diagnostics: [errorToDiagnostic(error, file)] };
    throw error;
  }
  let raw: unknown;
  try {
    raw = loadYaml(parts.yaml, file);
  } catch (error) {
    // Tabs and keys without a space, every line of them at once; js-yaml would name the first one only.
    const mistakes = findLineMistakes(parts.yaml, parts.yamlLine, file);
    if (mistakes.length > 0) return { body: parts.body, yamlLine: parts.yamlLine, diagnostics: mistakes };
    const mark = (error as { mark?: { line: number; column: number } }).mark;
    const reason = (error as { reason?: string }).reason ?? String(error);
    return {
      body: parts.body,
      yamlLine: parts.yamlLine,
      diagnostics: [
        {
          severity: 'error',
          code: 'yaml',
          file,
          line: parts.yamlLine + (mark?.line ?? 0),
          column: (mark?.column ?? 0) + 1,
          message: `ongeldige YAML: ${translateYamlReason(reason)}`,
        },
      ],
    };
  }
  if (raw === null || raw === undefined || typeof raw !== 'object' || Array.isArray(raw)) {
    return {
      body: parts.body,
      yaml: parts.yaml,
      yamlLine: parts.yamlLine,
      diagnostics: [
        { severity: 'error', code: 'yaml', file, line: parts.yamlLine, column: 1, message: 'de front matter moet velden bevatten (sleutel: waarde)' },
      ],
    };
  }
  const locate = createLocator(parts.yaml, parts.yamlLine);
  const warnings = findCutComments(parts.yaml, parts.yamlLine, file, (path) => formatFieldPath(path, schema));
  const forbidden = forbiddenKeyPaths(raw);
  if (forbidden.length > 0) {
    // Before the schema: it would drop the key and its value without a word.
    const diagnostics = forbidden.map((path): Diagnostic => {
      const at = locate(path, true);
      const key = String(path[path.length - 1]);
      return {
        severity: 'error',
        code: 'forbidden-key',
        file,
        line: at.line,
        column: at.column,
        message: `de sleutel '${key}' is niet toegestaan (${formatPath(path.slice(0, -1), schema) || 'bovenaan'}); gebruik een veldnaam uit het formaat`,
      };
    });
    return { body: parts.body, yaml: parts.yaml, yamlLine: parts.yamlLine, diagnostics: sortDiagnostics([...diagnostics, ...warnings]) };
  }
  const result = schema.safeParse(raw, { reportInput: true });
  if (result.success) return { data: result.data, body: parts.body, yaml: parts.yaml, yamlLine: parts.yamlLine, diagnostics: warnings };
  const diagnostics = result.error.issues.flatMap((issue) => {
    const position = locate(issue.path, issue.code === 'unrecognized_keys');
    const messages = formatIssue(issue, schema).split('\n');
    return messages.map((message, index): Diagnostic => {
      const key = issue.code === 'unrecognized_keys' ? issue.keys[index] : undefined;
      const at = key === undefined ? position : locate([...issue.path, key], true);
      return {
        severity: 'error',
        code: issue.code === 'unrecognized_keys' ? 'unknown-field' : 'schema',
        file,
        line: at.line,
        column: at.column,
        message,
      };
    });
  });
  return { body: parts.body, yaml: parts.yaml, yamlLine: parts.yamlLine, diagnostics: sortDiagnostics([...diagnostics, ...warnings]) };
}

/** Sorts findings by file, line and column. */
export function sortDiagnostics(diagnostics: Diagnostic[]): Diagnostic[] {
  return diagnostics.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : a.line - b.line || a.column - b.column));
}

const YAML_REASONS: [string, string][] = [
  ['deficient indentation', 'de inspringing klopt niet; is een [ of { op een eerdere regel niet gesloten?'],
  ['bad indentation', 'de inspringing van dit veld klopt niet'],
  ['missed comma', 'er ontbreekt een komma tussen de elementen'],
  ['unexpected end of the stream within a flow collection', 'een [ of { wordt niet gesloten'],
  ['end of the stream or a document separator is expected', 'onverwachte tekst; ontbreekt een dubbele punt of klopt de inspringing niet?'],
  ['can not read a block mapping entry', 'een veld mist de dubbele punt (sleutel: waarde)'],
  ['unexpected end of the stream within a double quoted scalar', 'een tekst tussen " wordt niet afgesloten'],
  ['unexpected end of the stream within a single quoted scalar', "een tekst tussen ' wordt niet afgesloten"],
];

function translateYamlReason(reason: string): string {
  if (reason.startsWith('aliases exceeded')) return 'ankers en aliassen (& en *) zijn niet toegestaan in het register';
  if (reason.startsWith('duplicated mapping key')) return 'dit veld staat er twee keer';
  if (reason.startsWith('unknown') && reason.includes('tag')) return `${reason}; tags (!!…) zijn niet toegestaan`;
  if (reason.includes('maxDepth') || reason.includes('depth')) return 'te diep genest';
  for (const [english, dutch] of YAML_REASONS) if (reason.startsWith(english)) return `${dutch} (${reason})`;
  return reason;
}
