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
} from '../../core/index.ts';
import { findComplaintFile } from '../../node/find-complaint.ts';
import { complaintsDir } from '../../node/load-register.ts';
import { readFileChecked } from '../../node/read-sources.ts';
import { lockPathOf, replaceFile } from '../../node/write-file.ts';
import { defineCommand } from '../lib/command.ts';
import { commandRegulations, failOnBrokenRegulation } from '../lib/regulations.ts';
import { renderSteps } from '../lib/render-steps.ts';
import { dateOption, resolveToday } from '../lib/today.ts';

/** `klachten record`. */
export const record = defineCommand({
  name: 'record',
  summary: 'een gedane stap vastleggen',
  description: `Zet de stap met datum in het klachtdossier (steps.<stap>) en laat de rest van het bestand precies zoals
het was: commentaar, volgorde en tekst. Een datum die een regel breekt, wordt geweigerd en het bestand
blijft ongewijzigd. Daarna volgen de termijnen die nog openstaan.`,
  positionals: [
    { name: 'id', description: 'het klachtnummer, bijvoorbeeld KL-2026-0007' },
    { name: 'stap', description: 'de stap uit het reglement, bijvoorbeeld ontvangstbevestiging' },
  ],
  options: {
    on: { type: 'string', value: 'JJJJ-MM-DD', description: 'datum waarop de stap is gedaan (standaard: vandaag)' },
    note: { type: 'string', value: '<tekst>', description: "korte notitie voor collega's (geen persoonsgegevens nodig)" },
  },
  sections: ['Voorbeeld: klachten record KL-2026-0007 ontvangstbevestiging --on 2026-03-05'],
  run: ({ values, positionals }, io) => {
    const [id, stepId, ...rest] = positionals;
    if (id === undefined || stepId === undefined || rest.length > 0)
      throw usageError('gebruik: klachten record <id> <stap> [--on JJJJ-MM-DD] [--note <tekst>]');
    const today = resolveToday(values.today, io.now());
    const on = dateOption('--on', values.on ?? today);

    const loaded = commandRegulations(io, values.regulations);
    const { regulations } = loaded;
    const path = findComplaintFile(complaintsDir(io.cwd, values.register), id);
    const file = relative(io.cwd, path) || path;
    // The bytes as read: the file is replaced only if it still holds exactly these. A link, a file
    // that cannot be read and text that is not UTF-8 come back as a finding, never as changed text.
    const { source, bytes } = readFileChecked(path, file);
    const text = source.text;
    const before = readComplaint(source, regulations, today);
    if (!before.record || bytes === undefined) {
      for (const d of before.diagnostics) io.stderr(`${formatText(d)}\n`);
      io.stderr(`${file} is niet leesbaar; herstel het eerst\n`);
      return 1;
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

    const edited = setStepInText(text, file, stepId, values.note === undefined ? { on } : { on, note: values.note });
    const after = readComplaint({ file, text: edited.text }, regulations, today);
    const added = newErrors(before.diagnostics, after.diagnostics);
    if (!after.record || added.length > 0) {
      for (const d of added) io.stderr(`${formatText(d)}\n`);
      io.stderr(`niet vastgelegd: ${file} is ongewijzigd\n`);
      return 1;
    }
    const written = replaceFile(path, edited.text, bytes);
    if (written !== 'written') {
      io.stderr(
        written === 'changed'
          ? `${file} is gewijzigd terwijl record liep (door iemand anders of een andere opdracht); voer de opdracht opnieuw uit\n`
          : `${file} wordt op dit moment door een andere opdracht geschreven; probeer het opnieuw (blijft dit zo terwijl er niets loopt, verwijder dan ${relative(io.cwd, lockPathOf(path)) || lockPathOf(path)})\n`,
      );
      io.stderr(`niet vastgelegd: ${file} is ongewijzigd\n`);
      return 1;
    }
    // Only the earlier date: a note may hold personal data and this output may reach a log.
    const previousDate =
      edited.previous === undefined ? undefined : (/\d{4}-\d{2}-\d{2}/.exec(edited.previous)?.[0] ?? 'een andere waarde');
    const was = previousDate === undefined ? '' : ` (was: ${previousDate})`;
    io.stdout(`${id}: ${stepId} vastgelegd op ${on}${was} in ${file}\n`);
    // Said, never shown: the note may hold personal data.
    if (edited.hadNote) {
      io.stdout(
        values.note === undefined
          ? `let op: de notitie bij ${stepId} is verwijderd (geef --note om er een te zetten; git bewaart de oude)\n`
          : `let op: de notitie bij ${stepId} is vervangen door de nieuwe\n`,
      );
    }
    io.stdout('\n');
    io.stdout(`${renderSteps(computeComplaintStatus(after.record.complaint, version, today))}\n`);
    return 0;
  },
});
