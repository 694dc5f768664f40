export { anonymise, EXACT_THRESHOLD, HIDDEN, MIN_THRESHOLD, protectBreakdown, type Cell } from './anonymise.ts';
export { complaintFacts, type ComplaintFacts, type FactState } from './facts.ts';
export { actionState, countYear, OUTCOME_CELLS, STATES, type Breakdown } from './figures.ts';
export { readEvaluation } from './read.ts';
export { evaluationDue, evaluationReport, type EvaluationReport, type OrganisationReport } from './report.ts';
export { cellText, INTERNAL_NOTICE, smallCountsText, suppressionNote } from './format.ts';
export { reportSections, summaryLines, type ReportSection } from './sections.ts';
export { figureChanges, freezeFigures, frozenFileOf, frozenProblems, type FigureChange, type FrozenFigures } from './frozen.ts';
