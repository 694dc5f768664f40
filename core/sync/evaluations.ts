import { formatDate, formatDateNumeric } from '../calendar/dutch.ts';
import type { IsoDate } from '../calendar/iso-date.ts';
import type { RegulationSet } from '../deadlines/regulation-set.ts';
import { actionState } from '../evaluation/figures.ts';
import { evaluationDue, regulationForYear } from '../evaluation/report.ts';
import type { EvaluationRecord, ImprovementAction } from '../schemas/evaluation.ts';
import { fileLink, isAssignable, login, marker, table, type DesiredIssue, type SyncOptions, type SyncState } from './desired.ts';
import { codeOrText, escapeMarkdown, isPlain, LOGIN_PATTERN } from './escape.ts';

/** The key of the issue for an evaluation not approved in time. */
export function approvalKey(organisation: string, year: number): string {
  return `evaluatie/${organisation}/${String(year)}/goedkeuring`;
}

/** The key of the issue for an overdue improvement action (numbered from 1, in file order). */
export function actionKey(organisation: string, year: number, action: number): string {
  return `evaluatie/${organisation}/${String(year)}/actie/${String(action)}`;
}

/** What the sync needs to know about evaluations. */
export interface EvaluationDutiesInput {
  regulations: RegulationSet;
  /** Years in which each organisation received complaints. */
  years: ReadonlyMap<string, ReadonlySet<number>>;
  /** The evaluation files read without errors. */
  evaluations: readonly EvaluationRecord[];
  /** `<slug>/<year>` of evaluation files with errors: their issues are left as they are. */
  unreadable: ReadonlySet<string>;
  today: IsoDate;
}

function approvalIssue(
  slug: string,
  name: string,
  year: number,
  due: IsoDate,
  record: EvaluationRecord | undefined,
  options: SyncOptions,
): DesiredIssue {
  const key = approvalKey(slug, year);
  // The slug comes from a file: a command only when it is plain.
  const command = `klachten evaluate --year ${String(year)} --organisation ${isPlain(slug) ? slug : '<organisatie>'}`;
  const body = [
    `De evaluatie van de klachten over ${String(year)} van ${escapeMarkdown(name)} had uiterlijk **${formatDate(due)}** goedgekeurd moeten zijn.`,
    '',
    table([
      ['Organisatie', `${escapeMarkdown(name)} (${codeOrText(slug)})`],
      ['Jaar', String(year)],
      ['Uiterlijk', formatDate(due)],
      ['Stand', record === undefined ? 'nog geen evaluatie' : `concept in ${fileLink(record.file, options)}`],
    ]),
    '',
    record === undefined
      ? `\`${command} --draft\` schrijft een concept met de cijfers. Vul conclusies en verbeteracties aan, laat de directie het goedkeuren met \`approval: {by, on}\` en voeg het samen.`
      : `\`${command}\` toont de cijfers. Laat de directie het concept goedkeuren met \`approval: {by, on}\` en voeg het samen.`,
    '',
    marker(key),
  ].join('\n');
  return {
    key,
    title: escapeMarkdown(`Evaluatie ${String(year)} ${slug} niet goedgekeurd (uiterlijk ${formatDateNumeric(due)})`),
    body,
    assignees: [],
  };
}

function actionIssue(
  record: EvaluationRecord,
  action: ImprovementAction,
  number: number,
  options: SyncOptions,
  state: SyncState,
): DesiredIssue {
  const { evaluation } = record;
  const due = action.due ?? `${String(evaluation.year + 1)}-01-01`;
  const key = actionKey(evaluation.organisation, evaluation.year, number);
  if (action.owner !== undefined && LOGIN_PATTERN.test(action.owner)) state.logins.add(action.owner);
  const owner = action.owner !== undefined && isAssignable(action.owner, options) ? action.owner : undefined;
  if (action.owner !== undefined && owner === undefined) state.unassignable.add(key);
  const body = [
    `Verbeteractie ${String(number)} uit de evaluatie ${String(evaluation.year)} van ${codeOrText(evaluation.organisation)} had uiterlijk **${formatDate(due)}** uitgevoerd moeten zijn.`,
    '',
    table([
      ['Verbeteractie', escapeMarkdown(action.description)],
      ['Uiterlijk', formatDate(due)],
      ['Actienemer', action.owner === undefined ? 'niet genoemd' : login(action.owner, options)],
      ['Evaluatie', fileLink(record.file, options)],
    ]),
    '',
    `Uitgevoerd? Zet \`done: JJJJ-MM-DD\` bij verbeteractie ${String(number)} in de evaluatie en voeg die wijziging samen.`,
    '',
    marker(key),
  ].join('\n');
  return {
    key,
    title: escapeMarkdown(
      `Evaluatie ${String(evaluation.year)} ${evaluation.organisation} · verbeteractie ${String(number)} te laat (uiterlijk ${formatDateNumeric(due)})`,
    ),
    body,
    assignees: owner === undefined ? [] : [owner],
  };
}

/**
 * Adds the evaluations' duties to a sync state: an issue per overdue improvement action (assigned to its
 * owner) and per year whose evaluation is not approved by its due date. Years count from the first with
 * complaints or an evaluation up to last year. An evaluation file with errors keeps its issues as they are.
 */
export function addEvaluationDuties(state: SyncState, input: EvaluationDutiesInput, options: SyncOptions): void {
  const thisYear = Number(input.today.slice(0, 4));
  const records = new Map(input.evaluations.map((r) => [`${r.evaluation.organisation}/${String(r.evaluation.year)}`, r]));
  state.readableEvaluations = new Set(records.keys());
  for (const slug of input.regulations.keys()) {
    const years = [...(input.years.get(slug) ?? [])];
    for (const r of input.evaluations) if (r.evaluation.organisation === slug) years.push(r.evaluation.year);
    for (const u of input.unreadable) if (u.startsWith(`${slug}/`)) years.push(Number(u.slice(slug.length + 1)));
    if (years.length === 0) continue;
    for (let year = Math.min(...years); year < thisYear; year += 1) {
      const regulation = regulationForYear(input.regulations, slug, year);
      if (regulation === undefined || input.unreadable.has(`${slug}/${String(year)}`)) continue;
      const record = records.get(`${slug}/${String(year)}`);
      const due = evaluationDue(regulation, year);
      const key = approvalKey(slug, year);
      const approved = record?.evaluation.approval;
      if (approved !== undefined) state.settled.set(key, `De evaluatie is goedgekeurd op ${formatDate(approved.on)}.`);
      // A periodic evaluation without a set term has no deadline to watch.
      else if (due === null) state.settled.set(key, 'Het reglement noemt geen termijn voor de evaluatie.');
      else if (input.today > due)
        state.desired.set(key, approvalIssue(slug, regulation.organisation.name, year, due, record, options));
      else state.settled.set(key, `De evaluatie hoeft pas uiterlijk ${formatDate(due)} goedgekeurd te zijn.`);
    }
  }
  for (const record of input.evaluations) {
    const { evaluation } = record;
    evaluation.actions.forEach((action, index) => {
      const key = actionKey(evaluation.organisation, evaluation.year, index + 1);
      const status = actionState(action, input.today);
      if (status === 'overdue') state.desired.set(key, actionIssue(record, action, index + 1, options, state));
      else if (action.done !== undefined) state.settled.set(key, `De verbeteractie is uitgevoerd op ${formatDate(action.done)}.`);
      else
        state.settled.set(
          key,
          action.due === undefined
            ? 'De verbeteractie heeft geen uiterste datum meer.'
            : `De verbeteractie is niet meer te laat: uiterlijk ${formatDate(action.due)}.`,
        );
    });
  }
}
