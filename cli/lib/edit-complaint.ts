import { relative } from 'node:path';
import {
  closestName,
  computeComplaintStatus,
  formatText,
  newErrors,
  readComplaint,
  usageError,
  versionInForce,
  type Complaint,
  type IsoDate,
} from '../../core/index.ts';
import type { RegulationVersion } from '../../core/deadlines/regulation-set.ts';
import { findComplaintFile } from '../../node/find-complaint.ts';
import { complaintsDir } from '../../node/load-register.ts';
import { readFileChecked } from '../../node/read-sources.ts';
import { lockPathOf, replaceFile } from '../../node/write-file.ts';
import type { Io } from './io.ts';
import { commandRegulations, failOnBrokenRegulation } from './regulations.ts';
import { renderSteps } from './render-steps.ts';
import { resolveToday } from './today.ts';

/** What an edit sees: the complaint as it is, its regulation version and its file. */
export interface EditContext {
  text: string;
  file: string;
  complaint: Complaint;
  version: RegulationVersion;
  today: IsoDate;
}

/** An edit's result: the new file text and the lines to print once it is written. */
export interface EditResult {
  text: string;
  said: readonly string[];
}

/**
 * Edits one complaint file as `klachten record` does: reads it, lets `edit` change its text, checks the
 * edited text and refuses (exit 1, the file untouched) when that adds an error; otherwise replaces the
 * file (only if nobody changed it meanwhile), prints what was done and the deadlines that follow.
 */
export function editComplaint(
  io: Io,
  options: { command: string; id: string; register: string; regulations: string; today: string | undefined },
  edit: (context: EditContext) => EditResult,
): number {
  const today = resolveToday(options.today, io.now());
  const loaded = commandRegulations(io, options.regulations);
  const { regulations } = loaded;
  const path = findComplaintFile(complaintsDir(io.cwd, options.register), options.id);
  const file = relative(io.cwd, path) || path;
  // The bytes as read: the file is replaced only if it still holds exactly these.
  const { source, bytes } = readFileChecked(path, file);
  const before = readComplaint(source, regulations, today);
  if (!before.record || bytes === undefined) {
    for (const d of before.diagnostics) io.stderr(`${formatText(d)}\n`);
    io.stderr(`${file} is niet leesbaar; herstel het eerst\n`);
    return 1;
  }
  const { complaint } = before.record;
  if (!regulations.has(complaint.organisation)) failOnBrokenRegulation(io, loaded, complaint.organisation);
  const version = versionInForce(regulations, complaint.organisation, complaint.received);
  if (!version) throw usageError(`geen reglement van kracht voor ${options.id}; zie klachten check`);

  const edited = edit({ text: source.text, file, complaint, version, today });
  const after = readComplaint({ file, text: edited.text }, regulations, today);
  const added = newErrors(before.diagnostics, after.diagnostics);
  if (!after.record || added.length > 0) {
    for (const d of added) io.stderr(`${formatText(d)}\n`);
    io.stderr(`niet vastgelegd: ${file} is ongewijzigd\n`);
    return 1;
  }
  const written = replaceFile(path, edited.text, bytes);
  if (written !== 'written') {
    const lock = lockPathOf(path);
    io.stderr(
      written === 'changed'
        ? `${file} is gewijzigd terwijl ${options.command} liep (door iemand anders of een andere opdracht); voer de opdracht opnieuw uit\n`
        : `${file} wordt op dit moment door een andere opdracht geschreven; probeer het opnieuw (blijft dit zo terwijl er niets loopt, verwijder dan ${relative(io.cwd, lock) || lock})\n`,
    );
    io.stderr(`niet vastgelegd: ${file} is ongewijzigd\n`);
    return 1;
  }
  for (const line of edited.said) io.stdout(`${line}\n`);
  io.stdout('\n');
  io.stdout(`${renderSteps(computeComplaintStatus(after.record.complaint, version, today))}\n`);
  return 0;
}

/** The steps of a regulation version a complaint can record, as ids. */
export function complaintStepIds(version: RegulationVersion): string[] {
  return version.regulation.steps.filter((s) => s.scope === 'complaint').map((s) => s.id);
}

/** A usage error for a step id that is not among `known`, with the nearest as suggestion. */
export function requireStep(version: RegulationVersion, stepId: string, known: readonly string[]): void {
  if (known.includes(stepId)) return;
  const suggestion = closestName(stepId, known);
  throw usageError(
    `onbekende stap '${stepId}' in ${version.key}${suggestion ? `; bedoelt u '${suggestion}'?` : ''}; stappen: ${known.join(', ')}`,
  );
}

/** A usage error for a value that is not among `known`, with the nearest as suggestion. */
export function requireChoice<T extends string>(what: string, value: string, known: readonly T[]): T {
  const match = known.find((k) => k === value);
  if (match !== undefined) return match;
  const suggestion = closestName(value, known);
  throw usageError(
    `onbekende ${what} '${value}'${suggestion ? `; bedoelt u '${suggestion}'?` : ''}; kies uit ${known.join(', ')}`,
  );
}

/** A 1-based item number (`measure … done 2`) as a 0-based index into a list of `count`. */
export function itemIndex(what: string, value: string | undefined, count: number): number {
  const number = value !== undefined && /^\d+$/.test(value) ? Number(value) : Number.NaN;
  if (!Number.isInteger(number) || number < 1 || number > count) {
    throw usageError(
      count === 0
        ? `dit dossier heeft nog geen ${what}`
        : `geef het nummer van de ${what}: 1${count > 1 ? ` tot en met ${String(count)}` : ''}`,
    );
  }
  return number - 1;
}

/** `ja`/`nee` as a boolean. */
export function yesNo(flag: string, value: string): boolean {
  if (value === 'ja') return true;
  if (value === 'nee') return false;
  throw usageError(`${flag} verwacht ja of nee, niet '${value}'`);
}
