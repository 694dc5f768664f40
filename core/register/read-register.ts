import type { IsoDate } from '../calendar/iso-date.ts';
import { articleAnchors } from './articles.ts';
import { buildRegulationSet, type RegulationSet } from '../deadlines/regulation-set.ts';
import { ComplaintSchema } from '../schemas/complaint.ts';
import { RegulationSchema, type Regulation } from '../schemas/regulation.ts';
import { checkComplaint, type CheckableComplaint } from './check-complaint.ts';
import type { Diagnostic } from './diagnostic.ts';
import { createLocator } from './locate.ts';
import { parseFrontMatterFile, sortDiagnostics, type SourceProblem } from './parse-file.ts';

/** A file's path and text, as an adapter read it. */
export interface SourceFile {
  file: string;
  text: string;
  /** Size in bytes when known; a file over the limit may come with empty text. */
  size?: number;
  /** Set when the file could not be read as text (the text is then empty): it becomes one finding. */
  problem?: SourceProblem;
}

/**
 * Parses a regulation file and checks that it fits its folder (`regulations/<slug>/…`) and that every
 * step's `article` names an article of the text.
 */
export function parseRegulation(source: SourceFile): { regulation?: Regulation; body: string; diagnostics: Diagnostic[] } {
  const parsed = parseFrontMatterFile(source.file, source.text, RegulationSchema, source.size, source.problem);
  const regulation = parsed.data;
  if (!regulation || parsed.yaml === undefined) return { body: parsed.body, diagnostics: parsed.diagnostics };
  const locate = createLocator(parsed.yaml, parsed.yamlLine);
  const diagnostics: Diagnostic[] = [...parsed.diagnostics];
  const folder = source.file.split(/[\\/]/).slice(-2, -1)[0];
  if (folder !== undefined && folder !== regulation.organisation.slug) {
    const at = locate(['organisation', 'slug']);
    diagnostics.push({ severity: 'error', code: 'regulation-folder', file: source.file, ...at, message: `slug '${regulation.organisation.slug}' hoort bij map regulations/${regulation.organisation.slug}/, niet ${folder}/` });
  }
  const anchors = articleAnchors(parsed.body);
  regulation.steps.forEach((step, index) => {
    if (step.article !== undefined && !anchors.has(step.article)) {
      const at = locate(['steps', index, 'article']);
      diagnostics.push({ severity: 'error', code: 'article', file: source.file, ...at, message: `stap ${step.id} verwijst naar ${step.article}, maar de tekst heeft geen kop '## Artikel ${step.article.replace('artikel-', '')}'` });
    }
  });
  return diagnostics.some((d) => d.severity === 'error') ? { body: parsed.body, diagnostics } : { regulation, body: parsed.body, diagnostics };
}

/**
 * Reads all regulation files into a {@link RegulationSet}, reporting broken files and two versions of
 * one organisation with the same label or effective date.
 */
export function readRegulations(sources: readonly SourceFile[]): {
  regulations: RegulationSet;
  diagnostics: Diagnostic[];
  /** The text of each valid regulation file, by file, for the site. */
  bodies: Map<string, string>;
} {
  const diagnostics: Diagnostic[] = [];
  const bodies = new Map<string, string>();
  const entries: { file: string; regulation: Regulation }[] = [];
  for (const source of sources) {
    const parsed = parseRegulation(source);
    diagnostics.push(...parsed.diagnostics);
    if (!parsed.regulation) continue;
    const clash = entries.find(
      (e) =>
        e.regulation.organisation.slug === parsed.regulation?.organisation.slug &&
        (e.regulation.version === parsed.regulation.version || e.regulation.effective === parsed.regulation.effective),
    );
    if (clash) {
      diagnostics.push({ severity: 'error', code: 'duplicate-version', file: source.file, line: 1, column: 1, message: `zelfde versie of ingangsdatum als ${clash.file}` });
      continue;
    }
    entries.push({ file: source.file, regulation: parsed.regulation });
    bodies.set(source.file, parsed.body);
  }
  const regulations = buildRegulationSet(entries);
  // A later version says what changed: the site shows it in the version history.
  for (const versions of regulations.values()) {
    for (const version of versions.slice(1)) {
      if (version.regulation.changes === undefined) {
        const text = sources.find((source) => source.file === version.file)?.text ?? '';
        const line = text.split('\n').findIndex((l) => l.startsWith('version:')) + 1 || 1;
        diagnostics.push({ severity: 'warning', code: 'version-changes', file: version.file, line, column: 1, message: `versie ${version.regulation.version} zegt niet wat er veranderd is: vul changes in (de site toont het bij de versies)` });
      }
    }
  }
  return { regulations, diagnostics: sortDiagnostics(diagnostics), bodies };
}

/** One complaint file, parsed and checked against its regulation. */
export interface ReadComplaint {
  /** The complaint, when its front matter is valid (it may still have rule errors). */
  record?: CheckableComplaint;
  diagnostics: Diagnostic[];
}

/**
 * Parses and checks one complaint file. Bad input never throws: it comes back as diagnostics, so
 * one broken file never stops the others.
 */
export function readComplaint(source: SourceFile, regulations: RegulationSet, today: IsoDate): ReadComplaint {
  const parsed = parseFrontMatterFile(source.file, source.text, ComplaintSchema, source.size, source.problem);
  if (!parsed.data || parsed.yaml === undefined) return { diagnostics: parsed.diagnostics };
  const record: CheckableComplaint = { file: source.file, complaint: parsed.data, body: parsed.body, locate: createLocator(parsed.yaml, parsed.yamlLine) };
  return { record, diagnostics: [...parsed.diagnostics, ...checkComplaint(record, regulations, today)] };
}
