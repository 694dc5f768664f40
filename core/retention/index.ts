export {
  anonymisedComplaint,
  anonymisedFileText,
  applicableTerm,
  isRetentionTermText,
  retentionState,
  retentionTermText,
} from './retention.ts';
