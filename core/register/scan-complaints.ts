import type { IsoDate } from '../calendar/iso-date.ts';
import { computeComplaintStatus } from '../deadlines/compute-steps.ts';
import { versionInForce, type RegulationSet } from '../deadlines/regulation-set.ts';
import { complaintFacts, type ComplaintFacts } from '../evaluation/facts.ts';
import { checkUniqueIds } from './check-complaint.ts';
import type { Diagnostic } from './diagnostic.ts';
import type { Locate } from './locate.ts';
import { sortDiagnostics } from './parse-file.ts';
import { readComplaint, type SourceFile } from './read-register.ts';

/** What to compute for each complaint besides checking it. */
export interface ScanOptions {
  /** Each complaint's status, as JSON with its `file` (for `klachten status`, sync, the internal site). */
  withStatus: boolean;
  /** Each complaint's facts for the evaluation. */
  withFacts: boolean;
  /** Statuses and facts of this organisation only (all files are still checked). */
  organisation?: string | undefined;
}

/** What checking one share of the register's files yields; plain data, so a worker thread can send it. */
export interface ComplaintScan {
  /** Findings of the files on their own (rules across files come with {@link mergeScans}). */
  diagnostics: Diagnostic[];
  /** `[id, file]` of every complaint with valid front matter, for the unique-id rule. */
  ids: [string, string][];
  /**
   * `[file, status as JSON]` of each complaint, in the order of the sources, when asked for; the file
   * joins the JSON as its last field where the caller writes it out (scanBlock, while packing it as
   * bytes), which saves copying either. Not made safe yet: values from the file may hold control or
   * format characters, which the caller escapes with `safeJson` before the text leaves.
   */
  statuses: [string, string][];
  /** `[file, facts]` of every complaint, when asked for. */
  facts: [string, ComplaintFacts][];
}

/**
 * Checks complaint files one by one and computes what `options` asks for. Bad input never throws: it
 * comes back as diagnostics, so one broken file never stops the others.
 */
export function scanComplaints(
  sources: Iterable<SourceFile>,
  regulations: RegulationSet,
  today: IsoDate,
  options: ScanOptions,
): ComplaintScan {
  const result: ComplaintScan = { diagnostics: [], ids: [], statuses: [], facts: [] };
  const wanted = options.withStatus || options.withFacts;
  for (const source of sources) {
    const read = readComplaint(source, regulations, today);
    for (const d of read.diagnostics) result.diagnostics.push(d);
    if (!read.record) continue;
    const { complaint } = read.record;
    result.ids.push([complaint.id, source.file]);
    if (!wanted || (options.organisation !== undefined && complaint.organisation !== options.organisation)) continue;
    const version = versionInForce(regulations, complaint.organisation, complaint.received);
    if (!version) continue;
    const status = computeComplaintStatus(complaint, version, today);
    if (options.withFacts) result.facts.push([source.file, complaintFacts(complaint, version, today, status)]);
    if (!options.withStatus) continue;
    result.statuses.push([source.file, JSON.stringify(status)]);
  }
  return result;
}

/** The register as a whole, after the rules across files. */
export interface MergedScan {
  /** Every finding, sorted by file, line and column. */
  diagnostics: Diagnostic[];
  /** Files with at least one error (a duplicate id included): their figures do not count. */
  invalidFiles: Set<string>;
  /** Facts of the complaints without errors. */
  facts: ComplaintFacts[];
}

/**
 * Joins the scans of a register's shares and applies the rules across files (unique ids). `locateId`
 * finds where the `id` of a file stands, asked only for the rare duplicate.
 */
export function mergeScans(
  scans: readonly ComplaintScan[],
  locateId: (file: string) => Locate,
  more: readonly Diagnostic[] = [],
): MergedScan {
  // Only an id that occurs twice needs its files located: count first, so 100,000 unique ids cost no locators.
  const seen = new Map<string, number>();
  for (const scan of scans) for (const [id] of scan.ids) seen.set(id, (seen.get(id) ?? 0) + 1);
  const items: { file: string; complaint: { id: string }; locate: Locate }[] = [];
  for (const scan of scans) {
    for (const [id, file] of scan.ids) if ((seen.get(id) ?? 0) > 1) items.push({ file, complaint: { id }, locate: locateId(file) });
  }
  const diagnostics = sortDiagnostics([...more, ...scans.flatMap((s) => s.diagnostics), ...checkUniqueIds(items)]);
  const invalidFiles = new Set(diagnostics.filter((d) => d.severity === 'error').map((d) => d.file));
  const facts: ComplaintFacts[] = [];
  for (const scan of scans) for (const [file, fact] of scan.facts) if (!invalidFiles.has(file)) facts.push(fact);
  return { diagnostics, invalidFiles, facts };
}

/**
 * Errors in `after` that `before` did not have: the test an edit must pass before it is written
 * (`klachten record`, `klachten retention --apply`).
 */
export function newErrors(before: readonly Diagnostic[], after: readonly Diagnostic[]): Diagnostic[] {
  const known = new Set(before.filter((d) => d.severity === 'error').map((d) => `${d.code}\u0000${d.message}`));
  return after.filter((d) => d.severity === 'error' && !known.has(`${d.code}\u0000${d.message}`));
}
