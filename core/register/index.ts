export { checkComplaint, checkUniqueIds, type CheckableComplaint } from './check-complaint.ts';
export { errorToDiagnostic, RegisterError, type Diagnostic } from './diagnostic.ts';
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
export { createLocator, locatePath, type Locate, type Position } from './locate.ts';
export { parseFrontMatterFile, sortDiagnostics, type ParsedFile } from './parse-file.ts';
export {
  checkRegister,
  parseRegulation,
  readComplaint,
  readRegulations,
  type ReadComplaint,
  type RegisterRecord,
  type SourceFile,
} from './read-register.ts';
export { closestName } from './suggest.ts';
export { setStepInText, type StepRecord } from './set-step.ts';
export { articleAnchor, articleAnchors } from './articles.ts';
