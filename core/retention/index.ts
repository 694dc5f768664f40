export { anonymisedComplaint, anonymisedFileText, applicableTerm, retentionState, retentionTermText } from './retention.ts';
