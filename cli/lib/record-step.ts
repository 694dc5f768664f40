import { relative } from 'node:path';
import {
  closestName,
  computeComplaintStatus,
  formatText,
  newErrors,
  readComplaint,
  setStepInText,
  usageError,
  versionInForce,
  type Complaint,
  type Diagnostic,
  type IsoDate,
} from '../../core/index.ts';
import { findComplaintFile } from '../../node/find-complaint.ts';
import { complaintsDir } from '../../node/load-register.ts';
import { readFileChecked } from '../../node/read-sources.ts';
import { lockPathOf, replaceFile } from '../../node/write-file.ts';
import type { Io } from './io.ts';
import { commandRegulations, failOnBrokenRegulation } from './regulations.ts';
import { renderSteps } from './render-steps.ts';

/** What `recordStep` is asked to do: `klachten record <id> <stap> --on … --note …`. */
export interface RecordRequest {
  id: string;
  stepId: string;
  on: IsoDate;
  note?: string | undefined;
  today: IsoDate;
  register: string;
  regulations: string;
  /** Leave a step that is already recorded as it is (outcome `already`) instead of replacing it. */
  keepRecorded?: boolean;
}

/** How a `recordStep` ended; every outcome but `written` left the file untouched. */
export type RecordOutcome =
  | { kind: 'written'; file: string }
  | { kind: 'already'; file: string; on: IsoDate }
  | { kind: 'refused'; file: string; complaint: Complaint; added: readonly Diagnostic[] }
  | { kind: 'unreadable'; file: string }
  | { kind: 'changed-meanwhile'; file: string };

/** The date a recorded step holds. */
function stepDate(value: Complaint['steps'][string] | undefined): IsoDate | undefined {
  if (value === undefined) return undefined;
  return typeof value === 'string' ? value : value.on;
}

/**
 * Records a step as `klachten record` does: sets it in the complaint file byte-exactly, refuses (file
 * untouched) when that adds a check error or someone changed the file meanwhile, and prints what was
 * done and the deadlines that follow. Prints ids, dates, steps and the file path only: never a note.
 * @throws {RegisterError} `usage` for an unknown step or a complaint without a regulation version,
 * `not-found` for an unknown id.
 */
export function recordStep(io: Io, request: RecordRequest): RecordOutcome {
  const { id, stepId, on, note, today } = request;
  const loaded = commandRegulations(io, request.regulations);
  const { regulations } = loaded;
  const path = findComplaintFile(complaintsDir(io.cwd, request.register), id);
  const file = relative(io.cwd, path) || path;
  // The bytes as read: the file is replaced only if it still holds exactly these. A link, a file
  // that cannot be read and text that is not UTF-8 come back as a finding, never as changed text.
  const { source, bytes } = readFileChecked(path, file);
  const text = source.text;
  const before = readComplaint(source, regulations, today);
  if (!before.record || bytes === undefined) {
    for (const d of before.diagnostics) io.stderr(`${formatText(d)}\n`);
    io.stderr(`${file} is niet leesbaar; herstel het eerst\n`);
    return { kind: 'unreadable', file };
  }
  const { complaint } = before.record;
  if (!regulations.has(complaint.organisation)) failOnBrokenRegulation(io, loaded, complaint.organisation);
  const version = versionInForce(regulations, complaint.organisation, complaint.received);
  if (!version) throw usageError(`geen reglement van kracht voor ${id}; zie klachten check`);
  const steps = version.regulation.steps.filter((s) => s.scope === 'complaint' && s.auto === undefined);
  if (!steps.some((s) => s.id === stepId)) {
    const suggestion = closestName(
      stepId,
      steps.map((s) => s.id),
    );
    throw usageError(
      `onbekende stap '${stepId}' in ${version.key}${suggestion ? `; bedoelt u '${suggestion}'?` : ''}; stappen: ${steps.map((s) => s.id).join(', ')}`,
    );
  }
  const recorded = request.keepRecorded === true ? stepDate(complaint.steps[stepId]) : undefined;
  if (recorded !== undefined) {
    io.stdout(`${id}: ${stepId} staat al vastgelegd op ${recorded} in ${file}; niets gewijzigd\n`);
    return { kind: 'already', file, on: recorded };
  }

  const edited = setStepInText(text, file, stepId, note === undefined ? { on } : { on, note });
  const after = readComplaint({ file, text: edited.text }, regulations, today);
  const added = newErrors(before.diagnostics, after.diagnostics);
  if (!after.record || added.length > 0) {
    for (const d of added) io.stderr(`${formatText(d)}\n`);
    io.stderr(`niet vastgelegd: ${file} is ongewijzigd\n`);
    return { kind: 'refused', file, complaint, added };
  }
  const written = replaceFile(path, edited.text, bytes);
  if (written !== 'written') {
    io.stderr(
      written === 'changed'
        ? `${file} is gewijzigd terwijl record liep (door iemand anders of een andere opdracht); voer de opdracht opnieuw uit\n`
        : `${file} wordt op dit moment door een andere opdracht geschreven; probeer het opnieuw (blijft dit zo terwijl er niets loopt, verwijder dan ${relative(io.cwd, lockPathOf(path)) || lockPathOf(path)})\n`,
    );
    io.stderr(`niet vastgelegd: ${file} is ongewijzigd\n`);
    return { kind: 'changed-meanwhile', file };
  }
  // Only the earlier date: a note may hold personal data and this output may reach a log.
  const previousDate =
    edited.previous === undefined ? undefined : (/\d{4}-\d{2}-\d{2}/.exec(edited.previous)?.[0] ?? 'een andere waarde');
  const was = previousDate === undefined ? '' : ` (was: ${previousDate})`;
  io.stdout(`${id}: ${stepId} vastgelegd op ${on}${was} in ${file}\n`);
  // Said, never shown: the note may hold personal data.
  if (edited.hadNote) {
    io.stdout(
      note === undefined
        ? `let op: de notitie bij ${stepId} is verwijderd (geef --note om er een te zetten; git bewaart de oude)\n`
        : `let op: de notitie bij ${stepId} is vervangen door de nieuwe\n`,
    );
  }
  io.stdout('\n');
  io.stdout(`${renderSteps(computeComplaintStatus(after.record.complaint, version, today))}\n`);
  return { kind: 'written', file };
}

/** The date the complaint file gives for a step (`undefined` when it is not recorded). */
export function recordedStepDate(
  io: Io,
  request: { id: string; stepId: string; today: IsoDate; register: string; regulations: string },
): IsoDate | undefined {
  const { regulations } = commandRegulations(io, request.regulations);
  const path = findComplaintFile(complaintsDir(io.cwd, request.register), request.id);
  const file = relative(io.cwd, path) || path;
  const { source } = readFileChecked(path, file);
  const read = readComplaint(source, regulations, request.today);
  return stepDate(read.record?.complaint.steps[request.stepId]);
}
