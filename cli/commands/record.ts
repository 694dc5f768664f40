import { usageError } from '../../core/index.ts';
import { defineCommand } from '../lib/command.ts';
import { recordStep } from '../lib/record-step.ts';
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

    const outcome = recordStep(io, {
      id,
      stepId,
      on,
      note: values.note,
      today,
      register: values.register,
      regulations: values.regulations,
    });
    return outcome.kind === 'written' ? 0 : 1;
  },
});
