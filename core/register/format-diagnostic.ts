import type { Diagnostic } from './diagnostic.ts';

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
  return `${diagnostic.file}:${diagnostic.line}:${diagnostic.column}: ${prefix}${diagnostic.message}`;
}

/** A GitHub Actions workflow command, so the finding shows on the changed line of the pull request. */
export function formatGithub(diagnostic: Diagnostic): string {
  const command = diagnostic.severity === 'warning' ? 'warning' : 'error';
  const props = `file=${escapeProperty(diagnostic.file)},line=${diagnostic.line},col=${diagnostic.column},title=${escapeProperty(`klachten check: ${diagnostic.code}`)}`;
  return `::${command} ${props}::${escapeData(diagnostic.message)}`;
}

/** Counts errors and warnings. */
export function countSeverities(diagnostics: readonly Diagnostic[]): { errors: number; warnings: number } {
  let errors = 0;
  for (const d of diagnostics) if (d.severity === 'error') errors += 1;
  return { errors, warnings: diagnostics.length - errors };
}
