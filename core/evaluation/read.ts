import type { RegulationSet } from '../deadlines/regulation-set.ts';
import type { DiagnosticCode } from '../register/codes.ts';
import type { Diagnostic } from '../register/diagnostic.ts';
import { createLocator } from '../register/locate.ts';
import { parseFrontMatterFile } from '../register/parse-file.ts';
import type { SourceFile } from '../register/read-register.ts';
import { closestName } from '../register/suggest.ts';
import { EvaluationSchema, type EvaluationRecord } from '../schemas/evaluation.ts';

const COMPLAINT_ID_IN_TEXT = /\bKL-\d{4}-\d{4,}\b/;

/**
 * Parses and checks one evaluation file, `evaluations/<slug>/<year>.md`: its place matches its front
 * matter, the organisation has a regulation, actions have sensible dates, and neither the conclusions,
 * the actions nor the text name a complaint (an evaluation is published once approved).
 */
export function readEvaluation(
  source: SourceFile,
  regulations: RegulationSet,
): { record?: EvaluationRecord; diagnostics: Diagnostic[] } {
  const parsed = parseFrontMatterFile(source.file, source.text, EvaluationSchema, source.size, source.problem);
  const evaluation = parsed.data;
  if (!evaluation || parsed.yaml === undefined) return { diagnostics: parsed.diagnostics };
  const locate = createLocator(parsed.yaml, parsed.yamlLine);
  const diagnostics: Diagnostic[] = [];
  const error = (path: (string | number)[], code: DiagnosticCode, message: string): void => {
    diagnostics.push({ severity: 'error', code, file: source.file, ...locate(path), message });
  };
  const parts = source.file.split(/[\\/]/);
  const folder = parts.at(-2);
  const name = parts.at(-1)?.replace(/\.md$/, '');
  if (folder !== undefined && folder !== evaluation.organisation)
    error(
      ['organisation'],
      'evaluation-folder',
      `organisatie '${evaluation.organisation}' hoort in evaluations/${evaluation.organisation}/, niet in ${folder}/`,
    );
  if (name !== undefined && name !== String(evaluation.year))
    error(
      ['year'],
      'evaluation-file',
      `het jaar ${String(evaluation.year)} hoort in het bestand ${String(evaluation.year)}.md, niet ${name}.md`,
    );
  if (!regulations.has(evaluation.organisation)) {
    const suggestion = closestName(evaluation.organisation, [...regulations.keys()]);
    error(
      ['organisation'],
      'organisation',
      `geen reglement voor organisatie '${evaluation.organisation}'${suggestion ? `; bedoelt u '${suggestion}'?` : ''}`,
    );
  }
  evaluation.actions.forEach((action, index) => {
    if (action.due === undefined)
      diagnostics.push({
        severity: 'warning',
        code: 'action-due',
        file: source.file,
        ...locate(['actions', index]),
        message: `verbeteractie ${String(index + 1)} heeft geen uiterste datum (due); zonder datum bewaakt de sync haar niet`,
      });
    if (action.owner === undefined)
      diagnostics.push({
        severity: 'warning',
        code: 'action-owner',
        file: source.file,
        ...locate(['actions', index]),
        message: `verbeteractie ${String(index + 1)} heeft geen actienemer (owner)`,
      });
  });
  if (evaluation.approval !== undefined && evaluation.approval.on <= `${String(evaluation.year)}-12-31`) {
    // Approving before the year is (nearly) over is allowed for an interim evaluation, but unusual.
    diagnostics.push({
      severity: 'warning',
      code: 'approval-early',
      file: source.file,
      ...locate(['approval', 'on']),
      message: `goedgekeurd op ${evaluation.approval.on}, voordat ${String(evaluation.year)} voorbij is`,
    });
  }
  const texts: [(string | number)[], string][] = [
    ...evaluation.conclusions.map((text, i): [(string | number)[], string] => [['conclusions', i], text]),
    ...evaluation.actions.map((action, i): [(string | number)[], string] => [['actions', i, 'description'], action.description]),
  ];
  for (const [path, text] of texts) {
    const id = COMPLAINT_ID_IN_TEXT.exec(text)?.[0];
    if (id !== undefined)
      error(
        path,
        'evaluation-anonymous',
        `noemt klacht ${id}: een evaluatie is anoniem en wordt gepubliceerd; laat klachtnummers weg`,
      );
  }
  const bodyId = COMPLAINT_ID_IN_TEXT.exec(parsed.body);
  if (bodyId !== null) {
    const line = parsed.body.slice(0, bodyId.index).split('\n').length;
    const bodyStart = source.text.length - parsed.body.length;
    const startLine = source.text.slice(0, bodyStart).split('\n').length;
    diagnostics.push({
      severity: 'error',
      code: 'evaluation-anonymous',
      file: source.file,
      line: startLine + line - 1,
      column: 1,
      message: `noemt klacht ${bodyId[0]}: een evaluatie is anoniem en wordt gepubliceerd; laat klachtnummers weg`,
    });
  }
  return { record: { file: source.file, evaluation, body: parsed.body }, diagnostics };
}
