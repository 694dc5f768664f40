import type { Diagnostic } from './diagnostic.ts';

/** C0 and C1 controls (ESC, BEL, CR, DEL…), Unicode format characters (bidi overrides, zero-width) and line separators. */
const UNPRINTABLE = /[\p{Cc}\p{Cf}\u2028\u2029]/gu;

/** Text from a file made safe for one line of a terminal or log: every control or format character becomes `?`. */
export function printable(text: string): string {
  return text.replace(UNPRINTABLE, '?');
}

/**
 * One line of output that file content may be part of: printable, and never starting with `::` (a
 * GitHub Actions workflow command such as `::error` or `::add-mask::`).
 */
export function safeLine(text: string): string {
  const line = printable(text);
  return /^\s*::/.test(line) ? `?${line.trimStart().slice(1)}` : line;
}

/** Text of several lines made safe line by line (see {@link safeLine}); the newlines stay. */
export function safeLines(text: string): string {
  return text.split('\n').map(safeLine).join('\n');
}

/**
 * JSON text with every control and format character as a `\u` escape. JSON.stringify escapes only
 * U+0000–U+001F; DEL, the C1 controls and bidi overrides would reach a terminal raw. The data stays the same.
 */
export function safeJson(json: string): string {
  // Most text is printable ASCII and Latin letters (U+00A0 to U+05FF hold no control or format
  // character but the soft hyphen U+00AD): such text is returned as it is, after one quick test
  // instead of the slower Unicode-property pass over every character.
  if (!NOT_PLAIN.test(json)) return json;
  // Raw newlines in JSON text are layout between values (JSON.stringify escapes those in strings).
  return json.replace(UNSAFE_IN_JSON, (c) => `\\u${(c.codePointAt(0) ?? 0).toString(16).padStart(4, '0')}`);
}

/** A character outside the plain ranges of {@link safeJson}. */
const NOT_PLAIN = /[^\n\x20-\x7e\xa0-\xac\xae-\u05ff]/;
/** What {@link safeJson} escapes: control characters but the newline, format characters, line and paragraph separators. */
const UNSAFE_IN_JSON = /[^\P{Cc}\n]|[\p{Cf}\u2028\u2029]/gu;

function escapeData(value: string): string {
  return value.replaceAll('%', '%25').replaceAll('\r', '%0D').replaceAll('\n', '%0A');
}

function escapeProperty(value: string): string {
  return escapeData(value).replaceAll(':', '%3A').replaceAll(',', '%2C');
}

/**
 * One finding per line. Errors read `path:line:col: message`, warnings `path:line:col: waarschuwing: message`.
 */
export function formatText(diagnostic: Diagnostic): string {
  const prefix = diagnostic.severity === 'warning' ? 'waarschuwing: ' : '';
  return safeLine(`${diagnostic.file}:${diagnostic.line}:${diagnostic.column}: ${prefix}${diagnostic.message}`);
}

/**
 * A GitHub Actions workflow command, so the finding shows on the changed line of the pull request.
 * Always one line: newlines in the message are escaped, other control characters replaced.
 */
export function formatGithub(diagnostic: Diagnostic): string {
  const command = diagnostic.severity === 'warning' ? 'warning' : 'error';
  const props = `file=${escapeProperty(diagnostic.file)},line=${diagnostic.line},col=${diagnostic.column},title=${escapeProperty(`klachten check: ${diagnostic.code}`)}`;
  // escapeData turns newlines into %0A first; what is left of the controls becomes `?`: one finding, one line.
  return `::${command} ${printable(props)}::${printable(escapeData(diagnostic.message))}`;
}

/** Counts errors and warnings. */
export function countSeverities(diagnostics: readonly Diagnostic[]): { errors: number; warnings: number } {
  let errors = 0;
  for (const d of diagnostics) if (d.severity === 'error') errors += 1;
  return { errors, warnings: diagnostics.length - errors };
}
