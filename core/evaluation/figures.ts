import type { IsoDate } from '../calendar/iso-date.ts';
import type { Regulation } from '../schemas/regulation.ts';
import type { Evaluation } from '../schemas/evaluation.ts';
import { ChannelSchema, type Channel } from '../schemas/common.ts';
import { OutcomeSchema } from '../schemas/complaint.ts';
import { OTHER, type ComplaintFacts, type FactState } from './facts.ts';

/** A partition of a total into named cells (every item counted in exactly one cell). */
export interface Breakdown<C> {
  total: C;
  cells: Record<string, C>;
}

/** The cells of a step's or measure's breakdown. */
export const STATES: readonly FactState[] = ['onTime', 'late', 'open', 'overdue'];

/** One step with a deadline, before anonymisation. */
export interface RawStep {
  id: string;
  title: string;
  counts: Breakdown<number>;
  /** Days from receipt to done, of every done step. */
  days: number[];
  extensions: number;
}

/** An organisation's figures for one year, before anonymisation: the input of {@link anonymise}. */
export interface RawFigures {
  organisation: string;
  name: string;
  year: number;
  received: number;
  byQuarter: Breakdown<number>;
  byChannel: Breakdown<number>;
  byForm: Breakdown<number>;
  byCategory: Breakdown<number>;
  admissibility: Breakdown<number>;
  outcomes: Breakdown<number>;
  escalations: { byBody: Breakdown<number>; outcomes: Breakdown<number> };
  steps: RawStep[];
  suspensions: number;
  measures: { corrective: Breakdown<number>; preventive: Breakdown<number> };
  correctiveSatisfaction: Breakdown<number>;
  /** Preventive measures done in the year, by the category of their complaint. */
  preventiveDoneByCategory: Record<string, number>;
  /** Improvement actions of earlier evaluations, as they stand: directors' work, not complainants' data. */
  improvementActions: { years: number[]; counts: Breakdown<number> };
}

function breakdown(keys: readonly string[]): Breakdown<number> {
  return { total: 0, cells: Object.fromEntries(keys.map((k) => [k, 0])) };
}

function add(b: Breakdown<number>, key: string, by = 1): void {
  b.total += by;
  b.cells[key] = (b.cells[key] ?? 0) + by;
}

/** Where an improvement action stands on `asOf`. */
export function actionState(action: Evaluation['actions'][number], asOf: IsoDate): FactState {
  if (action.done !== undefined) return action.due !== undefined && action.done > action.due ? 'late' : 'onTime';
  return action.due !== undefined && asOf > action.due ? 'overdue' : 'open';
}

/** Outcome cell names: the outcomes and `nog-geen` while there is none. */
export const OUTCOME_CELLS = [...OutcomeSchema.options, 'nog-geen'] as const;

/**
 * Counts an organisation's complaints received in `year`. `facts` may hold any years and organisations;
 * only this organisation's complaints of this year count. Improvement actions come from evaluations of
 * earlier years.
 */
export function countYear(options: {
  regulation: Regulation;
  year: number;
  facts: readonly ComplaintFacts[];
  evaluations: readonly Evaluation[];
  asOf: IsoDate;
}): RawFigures {
  const { regulation, year } = options;
  const slug = regulation.organisation.slug;
  const prefix = `${String(year)}-`;
  const categories = [...regulation.organisation.categories, OTHER, 'geen'];
  const bodies = [...regulation.escalation.map((b) => b.name), OTHER];
  const figures: RawFigures = {
    organisation: slug,
    name: regulation.organisation.name,
    year,
    received: 0,
    byQuarter: breakdown(['K1', 'K2', 'K3', 'K4']),
    byChannel: breakdown(ChannelSchema.options),
    byForm: breakdown(['written', 'oral']),
    byCategory: breakdown(categories),
    admissibility: breakdown(['admissible', 'inadmissible']),
    outcomes: breakdown(OUTCOME_CELLS),
    escalations: {
      byBody: breakdown(bodies),
      outcomes: breakdown(['gegrond', 'deels-gegrond', 'ongegrond', 'ingetrokken', 'schikking', 'niet-ontvankelijk', 'onbekend']),
    },
    steps: regulation.steps
      .filter((s) => s.deadline !== undefined && s.scope === 'complaint')
      .map((s) => ({ id: s.id, title: s.title, counts: breakdown(STATES), days: [], extensions: 0 })),
    suspensions: 0,
    measures: { corrective: breakdown(STATES), preventive: breakdown(STATES) },
    correctiveSatisfaction: breakdown(['satisfied', 'notSatisfied', 'unknown']),
    preventiveDoneByCategory: {},
    improvementActions: { years: [], counts: breakdown(STATES) },
  };
  const steps = new Map(figures.steps.map((s) => [s.id, s]));
  for (const fact of options.facts) {
    if (fact.organisation !== slug) continue;
    for (const measure of fact.measures) {
      if (measure.kind === 'preventive' && measure.doneMonth?.startsWith(prefix) === true) {
        const category = fact.category ?? 'geen';
        figures.preventiveDoneByCategory[category] = (figures.preventiveDoneByCategory[category] ?? 0) + 1;
      }
    }
    if (!fact.month.startsWith(prefix)) continue;
    figures.received += 1;
    add(figures.byQuarter, `K${String(Math.ceil(Number(fact.month.slice(5, 7)) / 3))}`);
    add(figures.byChannel, fact.channel satisfies Channel);
    add(figures.byForm, fact.form);
    add(figures.byCategory, fact.category ?? 'geen');
    add(figures.admissibility, fact.admissible ? 'admissible' : 'inadmissible');
    add(figures.outcomes, fact.outcome ?? 'nog-geen');
    for (const escalation of fact.escalations) {
      add(figures.escalations.byBody, escalation.body);
      add(figures.escalations.outcomes, escalation.outcome ?? 'onbekend');
    }
    for (const fs of fact.steps) {
      let step = steps.get(fs.id);
      if (step === undefined) {
        // A step of an earlier version that the current one no longer has.
        step = { id: fs.id, title: fs.id, counts: breakdown(STATES), days: [], extensions: 0 };
        steps.set(fs.id, step);
        figures.steps.push(step);
      }
      add(step.counts, fs.state);
      if (fs.days !== null) step.days.push(fs.days);
      step.extensions += fs.extensions;
    }
    if (fact.suspended) figures.suspensions += 1;
    for (const measure of fact.measures) {
      add(figures.measures[measure.kind], measure.state);
      if (measure.kind === 'corrective')
        add(
          figures.correctiveSatisfaction,
          measure.satisfied === null ? 'unknown' : measure.satisfied ? 'satisfied' : 'notSatisfied',
        );
    }
  }
  for (const evaluation of options.evaluations) {
    if (evaluation.organisation !== slug || evaluation.year >= year || evaluation.actions.length === 0) continue;
    figures.improvementActions.years.push(evaluation.year);
    for (const action of evaluation.actions) add(figures.improvementActions.counts, actionState(action, options.asOf));
  }
  figures.improvementActions.years.sort((a, b) => a - b);
  return figures;
}
