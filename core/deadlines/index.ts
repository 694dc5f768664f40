export {
  complaintState,
  CONDITION_TEXT,
  conditionText,
  countDeadline,
  deadlinePhrase,
  computeComplaintStatus,
  conditionHolds,
  doneDate,
  DUE_SOON_WORKING_DAYS,
  stepDeadline,
  type ComplaintState,
  type ComplaintStatus,
  type MeasureStatus,
  type StepState,
  type StepStatus,
} from './compute-steps.ts';
export { buildRegulationSet, versionInForce, type RegulationSet, type RegulationVersion } from './regulation-set.ts';
export { planProcedure, stepRule, type PlannedStep, type ProcedurePlan, type ProcedureRegulation } from './plan.ts';
