import { fileURLToPath } from 'node:url';
import type { Loader } from 'astro/loaders';
import { actionState } from '../../core/evaluation/figures.ts';
import { EXACT_THRESHOLD } from '../../core/evaluation/anonymise.ts';
import { figureChanges, type FigureChange } from '../../core/evaluation/frozen.ts';
import { evaluationReport, type OrganisationReport } from '../../core/evaluation/report.ts';
import type { ComplaintStatus } from '../../core/deadlines/compute-steps.ts';
import type { FactState } from '../../core/evaluation/facts.ts';
import { RegisterError } from '../../core/register/diagnostic.ts';
import { formatText } from '../../core/register/format-diagnostic.ts';
import { loadRegister } from '../../node/load-register.ts';
import { buildDate } from './build-date.ts';
import { buildRegulations } from './regulation-loader.ts';
import { siteSettings } from './settings.ts';
import { siteError } from './site-error.ts';

/** An improvement action as the pages show it; the owner only on the internal site. */
export interface PageAction {
  description: string;
  owner: string | null;
  due: string | null;
  done: string | null;
  state: FactState;
}

/** One evaluation page's data: the directors' part and the anonymised figures. */
export interface EvaluationEntry {
  organisation: string;
  name: string;
  year: number;
  conclusions: string[];
  actions: PageAction[];
  approval: { by: string; on: string } | null;
  /** The day the figures were counted on: the build date, or the day they were fixed at approval. */
  asOf: string;
  /** The day the published figures were fixed (`<year>.cijfers.json`), if they were. */
  frozenOn: string | null;
  /** On the internal site: the published figures that changed since they were fixed. */
  changes: FigureChange[];
  report: OrganisationReport;
}

/** One open complaint on the internal overview: ids, steps, dates and handler; nothing of the complainant. */
export interface OpenComplaintEntry {
  id: string;
  organisation: string;
  received: string;
  handler: string | null;
  steps: Pick<ComplaintStatus['steps'][number], 'id' | 'title' | 'due' | 'status'>[];
}

/** Counts from 1 up to this are shown as "< 3" on the pages. */
export const SITE_THRESHOLD = 3;

interface RegisterData {
  evaluations: { entry: EvaluationEntry; body: string; file: string }[];
  open: OpenComplaintEntry[];
  /** Complaint files with errors, left out of every figure, and their findings. */
  skipped: { files: number; lines: string[] };
}

let cached: Promise<RegisterData> | undefined;

/** The register of this build, read once for both content loaders. */
function readRegister(root: string): Promise<RegisterData> {
  cached ??= loadSiteRegister(root);
  return cached;
}

/**
 * Reads the register once per build with the one register loader (the same checks as every
 * `klachten` command, unique ids included): the evaluations (only approved ones on the public site)
 * with their anonymised figures, and for the internal site the open complaints. Complaint text and
 * complainant fields never reach the site's data.
 */
async function loadSiteRegister(root: string): Promise<RegisterData> {
  const settings = siteSettings(process.env);
  const internal = settings.mode === 'internal';
  const today = buildDate();
  let loaded: Awaited<ReturnType<typeof loadRegister>>;
  try {
    loaded = await loadRegister({
      root,
      register: settings.register,
      regulations: settings.regulations,
      today,
      withFacts: true,
      withStatus: internal,
      missingComplaints: 'empty',
      loadedRegulations: buildRegulations(root, settings.regulations),
    });
  } catch (error) {
    throw siteError(error);
  }
  const { regulations, facts } = loaded;
  const evaluationFiles = new Set(loaded.invalid.evaluations);
  const errors = loaded.diagnostics.filter((d) => d.severity === 'error' && evaluationFiles.has(d.file));
  if (errors.length > 0)
    throw new RegisterError('invalid-files', `De evaluaties bevatten fouten:\n${errors.map(formatText).join('\n')}`, {
      hint: 'herstel ze; klachten check toont dezelfde meldingen',
    });
  const invalid = new Set(loaded.invalid.complaints);
  const skipped = loaded.diagnostics.filter((d) => d.severity === 'error' && invalid.has(d.file)).map(formatText);
  const all = loaded.evaluations.map((r) => r.evaluation);
  const evaluations = loaded.evaluations
    .filter((r) => internal || r.evaluation.approval !== undefined)
    .map((r) => {
      const { evaluation, frozen } = r;
      const count = (threshold: number): OrganisationReport => {
        const counted = evaluationReport({
          regulations,
          facts,
          evaluations: all,
          year: evaluation.year,
          asOf: today,
          threshold,
          organisation: evaluation.organisation,
        }).organisations[0];
        if (counted === undefined)
          throw new Error(`${r.file}: geen reglement van ${evaluation.organisation} in ${String(evaluation.year)}`);
        return counted;
      };
      // The public page shows the figures the directors approved, once fixed; management's own site
      // the exact figures of today, and what changed since they were fixed.
      const report = internal ? count(EXACT_THRESHOLD) : (frozen?.figures ?? count(SITE_THRESHOLD));
      const changes = internal && frozen ? figureChanges(frozen.figures, count(frozen.threshold)) : [];
      const entry: EvaluationEntry = {
        organisation: evaluation.organisation,
        name: report.name,
        year: evaluation.year,
        conclusions: evaluation.conclusions,
        actions: evaluation.actions.map((a) => ({
          description: a.description,
          owner: internal ? (a.owner ?? null) : null,
          due: a.due ?? null,
          done: a.done ?? null,
          state: actionState(a, today),
        })),
        approval: evaluation.approval ?? null,
        asOf: !internal && frozen ? frozen.frozenOn : today,
        frozenOn: frozen?.frozenOn ?? null,
        changes,
        report,
      };
      // The page has its own title: a leading "# …" heading of the text would be a second one.
      return { entry, body: r.body.replace(/^\s*# [^\n]*\n/, ''), file: r.file };
    });
  const open = loaded.statuses
    .map((json) => JSON.parse(json) as ComplaintStatus & { file: string })
    .filter((s) => s.state === 'open' && !invalid.has(s.file))
    .map((s) => ({
      id: s.id,
      organisation: s.organisation,
      received: s.received,
      handler: s.handler,
      steps: s.steps
        .filter(
          (step) => step.due !== null && (step.status === 'open' || step.status === 'due-soon' || step.status === 'overdue'),
        )
        .map((step) => ({ id: step.id, title: step.title, due: step.due, status: step.status })),
    }));
  return { evaluations, open, skipped: { files: invalid.size, lines: skipped } };
}

/** The evaluations collection: one entry per evaluation, id `<slug>/<year>`. */
export function evaluationLoader(): Loader {
  return {
    name: 'klachten-evaluations',
    load: async (context) => {
      const data = await readRegister(fileURLToPath(context.config.root));
      context.store.clear();
      for (const { entry, body, file } of data.evaluations) {
        const id = `${entry.organisation}/${String(entry.year)}`;
        context.store.set({
          id,
          data: entry as unknown as Record<string, unknown>,
          body,
          filePath: file,
          digest: context.generateDigest({ entry, body }),
          rendered: await context.renderMarkdown(body),
        });
      }
      if (data.skipped.files > 0)
        context.logger.warn(
          `${String(data.skipped.files)} klachtdossiers met fouten tellen niet mee in de evaluaties (zie klachten check):\n${data.skipped.lines.join('\n')}`,
        );
      context.logger.info(`${String(data.evaluations.length)} evaluaties geladen`);
    },
  };
}

/** The open complaints, for the internal site only (empty on the public site). */
export function openComplaintsLoader(): Loader {
  return {
    name: 'klachten-open',
    load: async (context) => {
      context.store.clear();
      if (siteSettings(process.env).mode !== 'internal') return;
      for (const complaint of (await readRegister(fileURLToPath(context.config.root))).open)
        context.store.set({ id: complaint.id, data: complaint as unknown as Record<string, unknown> });
    },
  };
}
