import { formatTerm, usageError } from '../../core/index.ts';
import { appendItemInText, yamlValue, type FieldText } from '../../core/register/edit-front-matter.ts';
import { defineCommand } from '../lib/command.ts';
import { editComplaint, requireStep } from '../lib/edit-complaint.ts';
import { dateOption } from '../lib/today.ts';

const USAGE =
  'klachten extend <id> <stap> --amount <aantal> --unit weeks|days|workingDays|months [--reason <tekst>] [--notified JJJJ-MM-DD]';

/** `klachten extend`. */
export const extend = defineCommand({
  name: 'extend',
  summary: 'de termijn van een stap verlengen',
  usage: [USAGE],
  description: `Voegt een verlenging toe aan het klachtdossier (extensions) en laat de rest van het bestand precies zoals
het was. Alleen wat het reglement toestaat wordt vastgelegd: verlengen mag, voor deze stap, met een
reden als het reglement die vraagt, niet langer en niet vaker dan toegestaan, en de klager is op tijd
geïnformeerd (--notified, uiterlijk op de oorspronkelijke termijn). Anders blijft het bestand
ongewijzigd. Daarna volgen de termijnen, met de verlengde.`,
  positionals: [
    { name: 'id', description: 'het klachtnummer, bijvoorbeeld KL-2026-0007' },
    { name: 'stap', description: 'de stap waarvan de termijn verschuift, bijvoorbeeld aanbod' },
  ],
  options: {
    amount: { type: 'string', value: '<aantal>', description: 'hoeveel eenheden de termijn langer wordt (een heel getal)' },
    unit: {
      type: 'string',
      description: 'de eenheid van de verlenging',
      choices: { days: 'dagen', weeks: 'weken', workingDays: 'werkdagen', months: 'maanden' },
    },
    reason: { type: 'string', value: '<tekst>', description: 'waarom (persoonsgegevens: blijft in het register)' },
    notified: {
      type: 'string',
      value: 'JJJJ-MM-DD',
      description: 'datum waarop de klager over de verlenging is geïnformeerd',
    },
  },
  sections: [
    "Voorbeeld: klachten extend KL-2026-0007 aanbod --amount 2 --unit weeks --reason 'Wacht op de opdrachtgever' --notified 2026-03-10",
  ],
  run: ({ values, positionals }, io) => {
    const [id, stepId, ...rest] = positionals;
    if (id === undefined || stepId === undefined || rest.length > 0 || values.amount === undefined || values.unit === undefined) {
      throw usageError(`gebruik: ${USAGE}`);
    }
    if (!/^[1-9]\d{0,3}$/.test(values.amount))
      throw usageError(`--amount verwacht een heel getal van ten minste 1, niet '${values.amount}'`);
    const term = { amount: Number(values.amount), unit: values.unit };
    const notified = values.notified === undefined ? undefined : dateOption('--notified', values.notified);
    const reason = values.reason;
    if (reason?.trim() === '') throw usageError('--reason mag niet leeg zijn');
    return editComplaint(io, { command: 'extend', id, ...values }, ({ text, file, version }) => {
      const withDeadline = version.regulation.steps
        .filter((s) => s.scope === 'complaint' && s.deadline !== undefined)
        .map((s) => s.id);
      requireStep(version, stepId, withDeadline);
      const fields: FieldText[] = [
        ['step', stepId],
        ['amount', String(term.amount)],
        ['unit', term.unit],
      ];
      if (reason !== undefined) fields.push(['reason', yamlValue(reason)]);
      if (notified !== undefined) fields.push(['notified', notified]);
      const result = appendItemInText(text, file, 'extensions', fields);
      const told = notified === undefined ? '' : `, klager geïnformeerd op ${notified}`;
      return { text: result.text, said: [`${id}: ${stepId} verlengd met ${formatTerm(term)}${told} in ${file}`] };
    });
  },
});
