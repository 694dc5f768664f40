export {
  anonymise,
  HIDDEN,
  MIN_THRESHOLD,
  percent,
  protectBreakdown,
  protectCount,
  quantile,
  smallLabel,
  type Cell,
  type PublishedFigures,
  type PublishedStep,
} from './anonymise.ts';
export { complaintFacts, OTHER, type ComplaintFacts, type FactState, type MeasureFact, type StepFact } from './facts.ts';
export { actionState, countYear, OUTCOME_CELLS, STATES, type Breakdown, type RawFigures, type RawStep } from './figures.ts';
export { readEvaluation } from './read.ts';
export {
  evaluationDue,
  evaluationReport,
  evaluationState,
  regulationForYear,
  TREND_YEARS,
  type EvaluationReport,
  type EvaluationState,
  type OrganisationReport,
  type PreventionRow,
  type TrendRow,
} from './report.ts';
export { cellText, percentText, smallCountsText, suppressionNote } from './format.ts';
export { reportSections, summaryLines, type ReportSection } from './sections.ts';
