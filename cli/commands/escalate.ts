import { closestName, EscalationSchema, usageError } from '../../core/index.ts';
import { appendItemInText, setValueInText, yamlValue, type FieldText } from '../../core/register/edit-front-matter.ts';
import { defineCommand } from '../lib/command.ts';
import { editComplaint, itemIndex, requireChoice } from '../lib/edit-complaint.ts';
import { dateOption } from '../lib/today.ts';

const OUTCOMES = EscalationSchema.shape.outcome.unwrap().options;

const USAGE = [
  'klachten escalate <id> add --body <naam> --on JJJJ-MM-DD [--outcome <uitkomst>]',
  'klachten escalate <id> outcome <nummer> <uitkomst>',
];

/** `klachten escalate`. */
export const escalate = defineCommand({
  name: 'escalate',
  summary: 'een voorlegging aan een externe instantie vastleggen, en haar uitspraak',
  usage: USAGE,
  description: `add legt vast dat de klacht is voorgelegd aan een externe instantie (escalation): de naam zoals het
reglement die noemt en de datum, en de uitspraak als die er al is. outcome zet later de uitspraak van
voorlegging <nummer> (genummerd vanaf 1). Staat er één voorlegging zonder streepje, dan wordt die bij een
tweede het eerste item van een lijst. De rest van het bestand blijft zoals het was; een datum vóór de
ontvangst of na vandaag wordt geweigerd en het bestand blijft ongewijzigd. Daarna volgen de termijnen.`,
  positionals: [
    { name: 'id', description: 'het klachtnummer, bijvoorbeeld KL-2026-0007' },
    { name: 'actie', description: 'add of outcome' },
  ],
  options: {
    body: { type: 'string', value: '<naam>', description: 'de instantie, zoals het reglement haar noemt (bij add)' },
    on: { type: 'string', value: 'JJJJ-MM-DD', description: 'datum van voorleggen (bij add)' },
    outcome: {
      type: 'string',
      value: '<uitkomst>',
      description: `de uitspraak, als die er al is (bij add): ${OUTCOMES.join(', ')}`,
    },
  },
  sections: [
    "Voorbeelden: klachten escalate KL-2026-0007 add --body 'Nationale ombudsman' --on 2026-04-02\n            klachten escalate KL-2026-0007 outcome 1 ongegrond",
  ],
  run: ({ values, positionals }, io) => {
    const [id, action, number, given, ...rest] = positionals;
    const usage = (): never => {
      throw usageError(`gebruik: ${USAGE.join(' of ')}`);
    };
    if (id === undefined || rest.length > 0) return usage();
    if (action === 'add') {
      if (number !== undefined || values.body === undefined || values.on === undefined) return usage();
      const body = values.body.trim();
      if (body === '') throw usageError('--body mag niet leeg zijn');
      const on = dateOption('--on', values.on);
      const ruling = values.outcome === undefined ? undefined : requireChoice('uitkomst', values.outcome, OUTCOMES);
      return editComplaint(io, { command: 'escalate', id, ...values }, ({ text, file, version }) => {
        const fields: FieldText[] = [
          ['body', yamlValue(body)],
          ['on', on],
        ];
        if (ruling !== undefined) fields.push(['outcome', ruling]);
        const result = appendItemInText(text, file, 'escalation', fields);
        const said = [`${id}: voorgelegd op ${on} (voorlegging ${String(result.index + 1)}) in ${file}`];
        const bodies = version.regulation.escalation.map((b) => b.name);
        if (bodies.length > 0 && !bodies.includes(body)) {
          const near = closestName(body, bodies);
          said.push(
            `let op: het reglement (${version.key}) noemt deze instantie niet${near ? `; bedoelt u '${near}'?` : ''}; het noemt: ${bodies.join('; ')}`,
          );
        }
        return { text: result.text, said };
      });
    }
    if (action === 'outcome') {
      if (values.body !== undefined || values.on !== undefined || values.outcome !== undefined) {
        throw usageError('--body, --on en --outcome horen bij escalate <id> add; geef de uitspraak als argument');
      }
      if (given === undefined) return usage();
      const ruling = requireChoice('uitkomst', given, OUTCOMES);
      return editComplaint(io, { command: 'escalate', id, ...values }, ({ text, file, complaint }) => {
        const index = itemIndex('voorlegging', number, complaint.escalation.length);
        const result = setValueInText(text, file, ['escalation', index, 'outcome'], ruling);
        const was = result.previous === undefined ? '' : ` (was: ${result.previous})`;
        return { text: result.text, said: [`${id}: uitspraak van voorlegging ${String(index + 1)}: ${ruling}${was} in ${file}`] };
      });
    }
    throw usageError(`${action === undefined ? 'geef een actie' : 'onbekende actie'}: kies add of outcome`);
  },
});
