export { desiredState, marker, markerKey, SYNC_LABEL, type SyncComplaint, type SyncState } from './desired.ts';
export { planSync, writesOf, type ExistingIssue, type SyncAction, type SyncPlan } from './plan.ts';
export { addEvaluationDuties } from './evaluations.ts';
export { codeOrText, escapeMarkdown, LOGIN_PATTERN, NOT_ASSIGNABLE } from './escape.ts';
export {
  decideComment,
  DONE_COMMAND,
  DONE_SYNTAX,
  parseDoneComment,
  stepOfKey,
  type CommentDecision,
  type DoneRequest,
} from './step-comment.ts';
