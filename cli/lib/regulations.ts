import { closestName, formatText, RegisterError, usageError, type Diagnostic } from '../../core/index.ts';
import { loadRegulations, type LoadedRegulations } from '../../node/load-register.ts';
import type { Io } from './io.ts';

/** The errors in the regulation files of one organisation (`<regulations>/<slug>/…`), or of all. */
function regulationErrors(loaded: LoadedRegulations, slug?: string): Diagnostic[] {
  return loaded.diagnostics.filter(
    (d) => d.severity === 'error' && (slug === undefined || d.file.split(/[\\/]/).at(-2) === slug),
  );
}

/**
 * The regulations for a command that works on a few complaints (`new`, `record`, `retention`,
 * `export`). With `reportAll`, every regulation error is printed first: the command needs them all.
 */
export function commandRegulations(io: Io, dir: string, options: { reportAll?: boolean } = {}): LoadedRegulations {
  const loaded = loadRegulations(io.cwd, dir);
  if (options.reportAll === true) for (const d of regulationErrors(loaded)) io.stderr(`${formatText(d)}\n`);
  return loaded;
}

/**
 * Stops with the regulation's own errors when `slug` has a regulation file with errors.
 * @throws {RegisterError} `unknown-organisation`.
 */
export function failOnBrokenRegulation(io: Io, loaded: LoadedRegulations, slug: string): void {
  const errors = regulationErrors(loaded, slug);
  if (errors.length === 0) return;
  for (const d of errors) io.stderr(`${formatText(d)}\n`);
  throw new RegisterError('unknown-organisation', `het reglement van ${slug} heeft fouten (hierboven)`, {
    hint: 'herstel het eerst; klachten check toont alle fouten',
  });
}

/**
 * Stops when `slug` has no valid regulation: with the regulation's own errors when it has a broken
 * file, otherwise with the known organisations.
 * @throws {RegisterError} `unknown-organisation` for a broken regulation, `usage` for an unknown slug.
 */
export function requireOrganisation(io: Io, loaded: LoadedRegulations, slug: string, flag = '--organisation'): void {
  if (loaded.regulations.has(slug)) return;
  failOnBrokenRegulation(io, loaded, slug);
  const known = [...loaded.regulations.keys()].sort();
  const suggestion = closestName(slug, known);
  throw usageError(`${flag} verwacht een van: ${known.join(', ')} (niet '${slug}')`, {
    ...(suggestion === undefined ? {} : { hint: `bedoelt u ${suggestion}?` }),
  });
}
