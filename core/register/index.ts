export { DIAGNOSTIC_CODES, type DiagnosticCode } from './codes.ts';
export { checkComplaint, checkUniqueIds, type CheckableComplaint } from './check-complaint.ts';
export {
  ERROR_CODES,
  errorToDiagnostic,
  RegisterError,
  usageError,
  type Diagnostic,
  type ErrorCode,
  type RegisterFolder,
} from './diagnostic.ts';
export { countSeverities, formatGithub, formatText } from './format-diagnostic.ts';
export { formatIssue, formatPath } from './format-issue.ts';
export { MAX_FILE_BYTES, splitFrontMatter, type FrontMatterParts } from './front-matter.ts';
export {
  diffVersions,
  mergeOwnChanges,
  readVersion,
  type ChangeKind,
  type ComplaintVersion,
  type FieldChange,
} from './diff-versions.ts';
export { createLocator, type Locate, type Position } from './locate.ts';
export { parseFrontMatterFile, sortDiagnostics, type ParsedFile } from './parse-file.ts';
export { parseRegulation, readComplaint, readRegulations, type ReadComplaint, type SourceFile } from './read-register.ts';
export {
  mergeScans,
  newErrors,
  scanComplaints,
  type ComplaintScan,
  type MergedScan,
  type ScanOptions,
} from './scan-complaints.ts';
export {
  compareCommits,
  parentSpecs,
  revisionOf,
  snapshot,
  type Blobs,
  type CommitRevision,
  type FileCommit,
  type Revision,
  type Snapshot,
} from './file-history.ts';
export { closestName } from './suggest.ts';
export { setStepInText, type StepRecord } from './set-step.ts';
export { articleAnchor, articleAnchors } from './articles.ts';
