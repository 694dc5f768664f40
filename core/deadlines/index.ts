export { conditionText, deadlinePhrase, computeComplaintStatus, type ComplaintStatus, type StepStatus } from './compute-steps.ts';
export { buildRegulationSet, versionInForce, type RegulationSet } from './regulation-set.ts';
export { planProcedure, stepRule, type ProcedurePlan, type ProcedureRegulation } from './plan.ts';
