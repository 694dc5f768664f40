import { usageError } from '../../core/index.ts';
import { appendItemInText, setValueInText, yamlValue, type FieldText } from '../../core/register/edit-front-matter.ts';
import { defineCommand } from '../lib/command.ts';
import { complaintStepIds, editComplaint, requireStep } from '../lib/edit-complaint.ts';
import { dateOption } from '../lib/today.ts';

const USAGE = [
  'klachten suspend <id> --from JJJJ-MM-DD [--to JJJJ-MM-DD] [--reason <tekst>] [--steps <stap>,<stap>]',
  'klachten suspend <id> --to JJJJ-MM-DD',
];

/** `klachten suspend`. */
export const suspend = defineCommand({
  name: 'suspend',
  summary: 'de klok stilzetten (opschorting) of een opschorting beëindigen',
  usage: USAGE,
  description: `Met --from: voegt een opschorting toe aan het klachtdossier (suspensions); zonder --to loopt ze nog.
Met alleen --to: beëindigt de opschorting die nog loopt. De rest van het bestand blijft precies zoals het
was. Alleen waar het reglement opschorting kent, met een einde niet vóór het begin en een begin niet vóór
de ontvangst; anders blijft het bestand ongewijzigd. Daarna volgen de termijnen.`,
  positionals: [{ name: 'id', description: 'het klachtnummer, bijvoorbeeld KL-2026-0007' }],
  options: {
    from: { type: 'string', value: 'JJJJ-MM-DD', description: 'eerste dag van de opschorting' },
    to: { type: 'string', value: 'JJJJ-MM-DD', description: 'laatste dag van de opschorting' },
    reason: { type: 'string', value: '<tekst>', description: 'waarom, bijvoorbeeld wachten op informatie van de klager' },
    steps: {
      type: 'string',
      value: '<stap>,<stap>',
      description: 'alleen deze stappen (standaard: alle stappen die openstaan)',
    },
  },
  sections: [
    "Voorbeelden: klachten suspend KL-2026-0007 --from 2026-03-09 --reason 'Aanvullende informatie opgevraagd'\n            klachten suspend KL-2026-0007 --to 2026-03-16",
  ],
  run: ({ values, positionals }, io) => {
    const [id, ...rest] = positionals;
    if (id === undefined || rest.length > 0 || (values.from === undefined && values.to === undefined)) {
      throw usageError(`gebruik: ${USAGE.join(' of ')}`);
    }
    const from = values.from === undefined ? undefined : dateOption('--from', values.from);
    const to = values.to === undefined ? undefined : dateOption('--to', values.to);
    const steps = values.steps?.split(',').map((s) => s.trim());
    if (steps?.some((s) => s === ''))
      throw usageError('--steps verwacht stappen gescheiden door komma’s, bijvoorbeeld aanbod,verslag');
    if (from === undefined && (values.reason !== undefined || steps !== undefined)) {
      throw usageError('--reason en --steps horen bij een nieuwe opschorting: geef ook --from');
    }
    if (values.reason?.trim() === '') throw usageError('--reason mag niet leeg zijn');
    return editComplaint(io, { command: 'suspend', id, ...values }, ({ text, file, complaint, version }) => {
      if (from === undefined) {
        const running = complaint.suspensions.findLastIndex((s) => s.to === undefined);
        if (running === -1) throw usageError(`${id} heeft geen opschorting die nog loopt; geef --from voor een nieuwe`);
        const end = to ?? '';
        const result = setValueInText(text, file, ['suspensions', running, 'to'], end);
        const began = complaint.suspensions[running]?.from ?? '';
        return { text: result.text, said: [`${id}: opschorting van ${began} beëindigd op ${end} in ${file}`] };
      }
      for (const step of steps ?? []) requireStep(version, step, complaintStepIds(version));
      const fields: FieldText[] = [['from', from]];
      if (to !== undefined) fields.push(['to', to]);
      if (values.reason !== undefined) fields.push(['reason', yamlValue(values.reason)]);
      if (steps !== undefined) fields.push(['steps', yamlValue(steps)]);
      const result = appendItemInText(text, file, 'suspensions', fields);
      const until = to === undefined ? ' (loopt nog)' : ` tot en met ${to}`;
      return { text: result.text, said: [`${id}: opgeschort vanaf ${from}${until} in ${file}`] };
    });
  },
});
