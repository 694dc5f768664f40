import { usageError } from '../../core/index.ts';
import { setValueInText } from '../../core/register/edit-front-matter.ts';
import { defineCommand } from '../lib/command.ts';
import { editComplaint } from '../lib/edit-complaint.ts';
import { dateOption, resolveToday } from '../lib/today.ts';

/** `klachten close`. */
export const close = defineCommand({
  name: 'close',
  summary: 'een klacht afsluiten',
  description: `Zet de afsluitdatum (closed) in het klachtdossier en laat de rest van het bestand precies zoals het was.
Een datum vóór de ontvangst of na vandaag wordt geweigerd en het bestand blijft ongewijzigd. Daarna
volgen de termijnen: een stap die nog openstaat, ziet u daar.`,
  positionals: [{ name: 'id', description: 'het klachtnummer, bijvoorbeeld KL-2026-0007' }],
  options: {
    on: { type: 'string', value: 'JJJJ-MM-DD', description: 'datum van afsluiten (standaard: vandaag)' },
  },
  sections: ['Voorbeeld: klachten close KL-2026-0007 --on 2026-03-20'],
  run: ({ values, positionals }, io) => {
    const [id, ...rest] = positionals;
    if (id === undefined || rest.length > 0) throw usageError('gebruik: klachten close <id> [--on JJJJ-MM-DD]');
    const on = dateOption('--on', values.on ?? resolveToday(values.today, io.now()));
    return editComplaint(io, { command: 'close', id, ...values }, ({ text, file }) => {
      const result = setValueInText(text, file, ['closed'], on);
      const was = result.previous === undefined ? '' : ` (was: ${result.previous})`;
      return { text: result.text, said: [`${id}: afgesloten op ${on}${was} in ${file}`] };
    });
  },
});
