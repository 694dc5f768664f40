import { usageError } from '../../core/index.ts';
import { appendItemInText, setValueInText, yamlValue, type FieldText } from '../../core/register/edit-front-matter.ts';
import { defineCommand } from '../lib/command.ts';
import { editComplaint, itemIndex, yesNo } from '../lib/edit-complaint.ts';
import { dateOption, resolveToday } from '../lib/today.ts';

const USAGE = [
  'klachten measure <id> add --kind corrective|preventive --description <tekst> [--owner <login>] [--due JJJJ-MM-DD]',
  'klachten measure <id> done <nummer> [--on JJJJ-MM-DD]',
  'klachten measure <id> satisfied <nummer> ja|nee',
];

/** `klachten measure`. */
export const measure = defineCommand({
  name: 'measure',
  summary: 'een maatregel toevoegen, als uitgevoerd markeren of de tevredenheid vastleggen',
  usage: USAGE,
  description: `add voegt een maatregel toe aan het klachtdossier (measures); done zet de datum waarop maatregel <nummer>
is uitgevoerd, satisfied of de klager er tevreden over is. Maatregelen zijn genummerd vanaf 1 in de
volgorde van het dossier. De rest van het bestand blijft precies zoals het was; wat een regel breekt
(een datum vóór de ontvangst of na vandaag, een onjuiste login) wordt geweigerd en het bestand blijft
ongewijzigd. Daarna volgen de termijnen.`,
  positionals: [
    { name: 'id', description: 'het klachtnummer, bijvoorbeeld KL-2026-0007' },
    { name: 'actie', description: 'add, done of satisfied' },
  ],
  options: {
    kind: {
      type: 'string',
      description: 'soort maatregel (bij add)',
      choices: { corrective: 'herstelt deze klacht', preventive: 'voorkomt herhaling' },
    },
    description: {
      type: 'string',
      value: '<tekst>',
      description: 'wat er gebeurt (bij add); zonder persoonsgegevens',
    },
    owner: { type: 'string', value: '<login>', description: 'GitHub-login van wie de maatregel uitvoert (bij add)' },
    due: { type: 'string', value: 'JJJJ-MM-DD', description: 'uiterste datum (bij add)' },
    on: { type: 'string', value: 'JJJJ-MM-DD', description: 'datum van uitvoeren (bij done; standaard: vandaag)' },
  },
  sections: [
    "Voorbeelden: klachten measure KL-2026-0007 add --kind corrective --description 'Excuses en herstel van de rapportage' --owner behandelaar-b --due 2026-04-01\n            klachten measure KL-2026-0007 done 1 --on 2026-03-25\n            klachten measure KL-2026-0007 satisfied 1 ja",
  ],
  run: ({ values, positionals }, io) => {
    const [id, action, number, answer, ...rest] = positionals;
    const usage = (): never => {
      throw usageError(`gebruik: ${USAGE.join(' of ')}`);
    };
    if (id === undefined || rest.length > 0) return usage();
    const addOnly = (['kind', 'description', 'owner', 'due'] as const).filter((name) => values[name] !== undefined);
    if (action !== 'add' && addOnly.length > 0) throw usageError(`--${addOnly.join(', --')} hoort bij measure <id> add`);
    if (action !== 'done' && values.on !== undefined) throw usageError('--on hoort bij measure <id> done');
    if (action === 'add') {
      if (number !== undefined || values.kind === undefined || values.description === undefined) return usage();
      if (values.description.trim() === '') throw usageError('--description mag niet leeg zijn');
      const kind = values.kind;
      const fields: FieldText[] = [
        ['kind', kind],
        ['description', yamlValue(values.description)],
      ];
      if (values.owner !== undefined) fields.push(['owner', yamlValue(values.owner)]);
      if (values.due !== undefined) fields.push(['due', dateOption('--due', values.due)]);
      return editComplaint(io, { command: 'measure', id, ...values }, ({ text, file }) => {
        const result = appendItemInText(text, file, 'measures', fields);
        return { text: result.text, said: [`${id}: maatregel ${String(result.index + 1)} (${kind}) toegevoegd in ${file}`] };
      });
    }
    if (action === 'done' || action === 'satisfied') {
      if (action === 'done' ? answer !== undefined : answer === undefined) return usage();
      const on = action === 'done' ? dateOption('--on', values.on ?? resolveToday(values.today, io.now())) : undefined;
      const satisfied = answer === undefined ? undefined : yesNo('tevreden', answer);
      return editComplaint(io, { command: 'measure', id, ...values }, ({ text, file, complaint }) => {
        const index = itemIndex('maatregel', number, complaint.measures.length);
        const shown = String(index + 1);
        if (on !== undefined) {
          const result = setValueInText(text, file, ['measures', index, 'done'], on);
          const was = result.previous === undefined ? '' : ` (was: ${result.previous})`;
          return { text: result.text, said: [`${id}: maatregel ${shown} uitgevoerd op ${on}${was} in ${file}`] };
        }
        const result = setValueInText(text, file, ['measures', index, 'satisfied'], yamlValue(satisfied ?? false));
        return {
          text: result.text,
          said: [`${id}: maatregel ${shown}: klager ${satisfied === true ? 'tevreden' : 'niet tevreden'} in ${file}`],
        };
      });
    }
    throw usageError(`${action === undefined ? 'geef een actie' : 'onbekende actie'}: kies add, done of satisfied`);
  },
});
