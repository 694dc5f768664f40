export {
  complaintOfKey,
  DIGEST_KEY,
  DIGEST_TITLE,
  desiredState,
  marker,
  markerKey,
  measureKey,
  stepKey,
  SYNC_LABEL,
  type DesiredIssue,
  type SyncComplaint,
  type SyncOptions,
  type SyncState,
} from './desired.ts';
export { planSync, writesOf, type Change, type ExistingIssue, type SyncAction, type SyncPlan } from './plan.ts';
export { actionKey, addEvaluationDuties, approvalKey, type EvaluationDutiesInput } from './evaluations.ts';
