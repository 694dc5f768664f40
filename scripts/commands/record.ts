import { readFileSync, writeFileSync } from 'node:fs';
import { relative } from 'node:path';
import {
  closestName,
  computeComplaintStatus,
  isIsoDate,
  readComplaint,
  setStepInText,
  versionInForce,
} from '../../core/index.ts';
import { COMMON_HELP, parseCommand, UsageError } from '../lib/args.ts';
import { complaintsDir, loadRegulations } from '../lib/files.ts';
import { findComplaintFile } from '../lib/find-complaint.ts';
import { formatText } from '../lib/format-diagnostics.ts';
import type { Io } from '../lib/io.ts';
import { renderSteps } from '../lib/render-steps.ts';
import { resolveToday } from '../lib/today.ts';

export const RECORD_HELP = `klachten record: een gedane stap vastleggen

Gebruik: klachten record <id> <stap> [--on JJJJ-MM-DD] [--note <tekst>] [opties]

Zet de stap met datum in het klachtdossier (steps.<stap>) en laat de rest van het bestand precies zoals
het was: commentaar, volgorde en tekst. Daarna volgen de termijnen die nog openstaan.

  --on JJJJ-MM-DD   datum waarop de stap is gedaan (standaard: vandaag)
  --note <tekst>    korte notitie voor collega's (geen persoonsgegevens nodig)

Voorbeeld: klachten record KL-2026-0007 ontvangstbevestiging --on 2026-03-05

${COMMON_HELP}`;

/** `klachten record`. */
export function record(args: string[], io: Io): number {
  const { values, positionals } = parseCommand(args, { on: { type: 'string' }, note: { type: 'string' } }, true);
  if (values.help) {
    io.stdout(`${RECORD_HELP}\n`);
    return 0;
  }
  const [id, stepId, ...rest] = positionals;
  if (id === undefined || stepId === undefined || rest.length > 0)
    throw new UsageError('gebruik: klachten record <id> <stap> [--on JJJJ-MM-DD] [--note <tekst>]');
  const today = resolveToday(values.today, io.now());
  const on = values.on ?? today;
  if (!isIsoDate(on)) throw new UsageError(`--on verwacht een bestaande datum als JJJJ-MM-DD, niet '${on}'`);

  const { regulations } = loadRegulations(io.cwd, values.regulations);
  const path = findComplaintFile(complaintsDir(io.cwd, values.register), id);
  const file = relative(io.cwd, path) || path;
  const text = readFileSync(path, 'utf8');
  const before = readComplaint({ file, text }, regulations, today);
  if (!before.record) {
    for (const d of before.diagnostics) io.stderr(`${formatText(d)}\n`);
    io.stderr(`${file} is niet leesbaar; herstel het eerst\n`);
    return 1;
  }
  const version = versionInForce(regulations, before.record.complaint.organisation, before.record.complaint.received);
  if (!version) throw new UsageError(`geen reglement van kracht voor ${id}; zie klachten check`);
  const steps = version.regulation.steps.filter((s) => s.scope === 'complaint' && s.auto === undefined);
  if (!steps.some((s) => s.id === stepId)) {
    const suggestion = closestName(
      stepId,
      steps.map((s) => s.id),
    );
    throw new UsageError(
      `onbekende stap '${stepId}' in ${version.key}${suggestion ? `; bedoelt u '${suggestion}'?` : ''}; stappen: ${steps.map((s) => s.id).join(', ')}`,
    );
  }

  const edited = setStepInText(text, file, stepId, values.note === undefined ? { on } : { on, note: values.note });
  const after = readComplaint({ file, text: edited.text }, regulations, today);
  const errorsBefore = new Set(before.diagnostics.filter((d) => d.severity === 'error').map((d) => d.message));
  const newErrors = after.diagnostics.filter((d) => d.severity === 'error' && !errorsBefore.has(d.message));
  if (!after.record || newErrors.length > 0) {
    for (const d of newErrors) io.stderr(`${formatText(d)}\n`);
    io.stderr(`niet vastgelegd: ${file} is ongewijzigd\n`);
    return 1;
  }
  writeFileSync(path, edited.text);
  // Only the earlier date: a note may hold personal data and this output may reach a log.
  const previousDate =
    edited.previous === undefined ? undefined : (/\d{4}-\d{2}-\d{2}/.exec(edited.previous)?.[0] ?? 'een andere waarde');
  const was = previousDate === undefined ? '' : ` (was: ${previousDate})`;
  io.stdout(`${id}: ${stepId} vastgelegd op ${on}${was} in ${file}\n\n`);
  io.stdout(`${renderSteps(computeComplaintStatus(after.record.complaint, version, today))}\n`);
  return 0;
}
