import {
  complaintFacts,
  computeComplaintStatus,
  type ComplaintFacts,
  readComplaint,
  versionInForce,
  type Diagnostic,
  type IsoDate,
  type RegulationSet,
  type SourceFile,
} from '../../core/index.ts';

/** What checking one share of the register's files yields; plain data, so a worker can send it. */
export interface ShardResult {
  /** Findings of the files on their own (rules across files come after merging). */
  diagnostics: Diagnostic[];
  /** `[id, file]` of every complaint with valid front matter, for the unique-id rule. */
  ids: [string, string][];
  /** `[id, JSON of its status]`, when statuses were asked for. */
  statuses: [string, string][];
  /** `[file, facts]` of every complaint, when facts were asked for (for the evaluation). */
  facts: [string, ComplaintFacts][];
}

/** Checks a share of the files and, with `withStatus`, computes each complaint's status as JSON. */
export function scanShard(
  sources: Iterable<SourceFile>,
  regulations: RegulationSet,
  today: IsoDate,
  options: { withStatus: boolean; withFacts?: boolean; organisation?: string | undefined },
): ShardResult {
  const result: ShardResult = { diagnostics: [], ids: [], statuses: [], facts: [] };
  for (const source of sources) {
    const read = readComplaint(source, regulations, today);
    result.diagnostics.push(...read.diagnostics);
    if (!read.record) continue;
    const { complaint } = read.record;
    result.ids.push([complaint.id, source.file]);
    const wanted = options.withStatus || options.withFacts === true;
    if (!wanted || (options.organisation !== undefined && complaint.organisation !== options.organisation)) continue;
    const version = versionInForce(regulations, complaint.organisation, complaint.received);
    if (!version) continue;
    const status = computeComplaintStatus(complaint, version, today);
    if (options.withFacts === true) result.facts.push([source.file, complaintFacts(complaint, version, today, status)]);
    if (!options.withStatus) continue;
    // The file goes last, spliced into the JSON: cheaper than copying the object for 100,000 complaints.
    const json = JSON.stringify(status);
    result.statuses.push([complaint.id, `${json.slice(0, -1)},"file":${JSON.stringify(source.file)}}`]);
  }
  return result;
}
