import { OutcomeSchema, usageError, type Outcome } from '../../core/index.ts';
import { setValueInText, yamlValue } from '../../core/register/edit-front-matter.ts';
import { defineCommand } from '../lib/command.ts';
import { editComplaint, requireChoice, yesNo } from '../lib/edit-complaint.ts';

const USAGE = 'klachten outcome <id> [<uitkomst>] [--admissible ja|nee]';

/** `klachten outcome`. */
export const outcome = defineCommand({
  name: 'outcome',
  summary: 'de uitkomst en de ontvankelijkheid vastleggen',
  usage: [USAGE],
  description: `Zet de uitkomst (outcome) en zo nodig de ontvankelijkheid (admissible) in het klachtdossier en laat de
rest van het bestand precies zoals het was. Bij niet-ontvankelijk wordt admissible: false gezet, tenzij
--admissible iets anders zegt. Wat een regel breekt, wordt geweigerd en het bestand blijft ongewijzigd.
Daarna volgen de termijnen.`,
  positionals: [
    { name: 'id', description: 'het klachtnummer, bijvoorbeeld KL-2026-0007' },
    { name: 'uitkomst', description: `de uitkomst: ${OutcomeSchema.options.join(', ')}` },
  ],
  options: {
    admissible: {
      type: 'string',
      value: 'ja|nee',
      description: 'of de klacht in behandeling wordt genomen (admissible); nee bij niet-ontvankelijk',
    },
  },
  sections: [
    'Voorbeelden: klachten outcome KL-2026-0007 deels-gegrond\n            klachten outcome KL-2026-0008 niet-ontvankelijk',
  ],
  run: ({ values, positionals }, io) => {
    const [id, given, ...rest] = positionals;
    if (id === undefined || rest.length > 0 || (given === undefined && values.admissible === undefined)) {
      throw usageError(`gebruik: ${USAGE}`);
    }
    const value: Outcome | undefined = given === undefined ? undefined : requireChoice('uitkomst', given, OutcomeSchema.options);
    const flag = values.admissible === undefined ? undefined : yesNo('--admissible', values.admissible);
    return editComplaint(io, { command: 'outcome', id, ...values }, ({ text, file, complaint }) => {
      let edited = text;
      const said: string[] = [];
      if (value !== undefined) {
        const result = setValueInText(edited, file, ['outcome'], value);
        edited = result.text;
        said.push(`${id}: uitkomst ${value}${result.previous === undefined ? '' : ` (was: ${result.previous})`} in ${file}`);
      }
      const admissible = flag ?? (value === 'niet-ontvankelijk' && complaint.admissible !== false ? false : undefined);
      if (admissible !== undefined) {
        const result = setValueInText(edited, file, ['admissible'], yamlValue(admissible));
        edited = result.text;
        said.push(
          `${id}: admissible: ${String(admissible)} (${admissible ? 'in behandeling' : 'niet in behandeling'}) in ${file}`,
        );
      }
      return { text: edited, said };
    });
  },
});
