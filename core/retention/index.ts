export {
  anonymisedComplaint,
  anonymisedFileText,
  applicableTerm,
  retentionState,
  retentionTermText,
  type RetentionState,
} from './retention.ts';
