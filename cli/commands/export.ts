import {
  CHANNEL_NAMES,
  FORM_NAMES,
  MEASURE_KIND_NAMES,
  TERM_UNIT_PLURALS,
  COMPLAINT_ID,
  computeComplaintStatus,
  ComplaintSchema,
  parseFrontMatterFile,
  safeLine,
  usageError,
  versionInForce,
  type Complaint,
  type RegulationSet,
  type ComplaintStatus,
  type IsoDate,
  type SourceFile,
} from '../../core/index.ts';
import { idOfFile } from '../../node/find-complaint.ts';
import { existingComplaintsDir } from '../../node/load-register.ts';
import { listMarkdown, readSources } from '../../node/read-sources.ts';
import { defineCommand } from '../lib/command.ts';
import { commandRegulations } from '../lib/regulations.ts';
import { renderSteps } from '../lib/render-steps.ts';
import { resolveToday } from '../lib/today.ts';

/** One complaint file in the export. */
interface ExportedComplaint {
  id: string;
  file: string;
  /** Why it is in the export: the complainant's address, the id asked for, or the address elsewhere in the file. */
  matchedBy: 'email' | 'id' | 'text';
  /** The whole front matter as validated: every field the register holds. */
  complaint: Complaint;
  /** The complaint in the complainant's words (the text under the front matter). */
  text: string;
  /** The deadlines as computed today, when a regulation applies. */
  status: ComplaintStatus | null;
}

interface ExportReport {
  request: { complainantEmail: string | null; id: string | null };
  today: IsoDate;
  complaints: ExportedComplaint[];
  /** Files that could not be read but mention the address: their raw text. */
  unreadable: { file: string; text: string }[];
  /** Where else the organisation may hold data about the person. */
  elsewhere: string[];
}

const ELSEWHERE = [
  'De git-geschiedenis van het register bevat eerdere versies van deze dossiers (klachten history <id> toont wat er wanneer veranderde).',
  'Brieven, e-mails en gespreksverslagen buiten het register (mailbox, dossiermap) vallen niet onder deze export.',
  'GitHub-issues en pull requests van het register noemen alleen klachtnummers en datums, geen gegevens van de klager.',
];

function sameAddress(a: string | undefined, b: string): boolean {
  return a?.trim().toLowerCase() === b.trim().toLowerCase();
}

/** Characters that can be part of an e-mail address (local part and domain). */
const ADDRESS_CHAR = "[\\p{L}\\p{N}.!#$%&'*+/=?^_`{|}~-]";

/**
 * Whether `text` holds `address` as a whole address, case-insensitively: not inside a longer one, so
 * jan@voorbeeld.example does not find marjan@voorbeeld.example or jan@voorbeeld.example.org. A full
 * stop right after the address ends a sentence; a full stop followed by more of a domain does not.
 * @example mentionsAddress('mail JAN@voorbeeld.example.', 'jan@voorbeeld.example') // true
 */
export function mentionsAddress(text: string, address: string): boolean {
  const escaped = address.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`(?<!${ADDRESS_CHAR})${escaped}(?![\\p{L}\\p{N}_-]|\\.[\\p{L}\\p{N}_-])`, 'iu').test(text);
}

/** `klachten export`. */
export const exportPerson = defineCommand({
  name: 'export',
  summary: 'alles wat het register over één persoon bevat (inzageverzoek)',
  usage: [
    'klachten export --complainant-email <adres> [--json] [opties]',
    'klachten export --id <KL-jjjj-nnnn> [--json] [opties]',
  ],
  description: `Zoekt in elk klachtdossier naar de persoon en toont alles wat het register over hem of haar bevat: elk
veld van de front matter (ook notities, redenen en omschrijvingen), de klachttekst en de termijnen.

Een dossier dat niet te lezen is maar het adres bevat, staat er met zijn ruwe tekst bij.`,
  options: {
    'complainant-email': {
      type: 'string',
      value: '<adres>',
      description: `dossiers waarvan de klager dit e-mailadres heeft, en elk dossier waarin
het adres ergens voorkomt (ook in een notitie of de klachttekst)`,
    },
    id: {
      type: 'string',
      value: '<KL-jjjj-nnnn>',
      description: 'dit dossier, en de andere dossiers van dezelfde klager (zelfde e-mailadres)',
    },
    json: { type: 'boolean', default: false, description: 'uitvoer als JSON in plaats van leesbare tekst' },
  },
  sections: [
    `Let op: de uitvoer bevat persoonsgegevens. Bewaar hem niet in de repository, plak hem niet in een issue
of pull request en stuur hem via een beveiligd kanaal. In GitHub Actions weigert deze opdracht te werken.`,
  ],
  run: ({ values }, io) => {
    const askedEmail = values['complainant-email']?.trim();
    const askedId = values.id?.trim();
    if ((askedEmail === undefined) === (askedId === undefined)) {
      throw usageError('geef --complainant-email <adres> of --id <KL-jjjj-nnnn> op (één van beide)');
    }
    if (askedEmail !== undefined && !/^[^@\s]+@[^@\s]+$/.test(askedEmail))
      throw usageError('--complainant-email verwacht een e-mailadres');
    if (askedId !== undefined && !COMPLAINT_ID.test(askedId))
      throw usageError(`--id verwacht een klachtnummer als KL-2026-0007, niet '${askedId}'`);
    if (io.env.GITHUB_ACTIONS === 'true') {
      io.stderr(
        'klachten export toont persoonsgegevens en werkt daarom niet in GitHub Actions: de uitvoer zou in het log komen. Voer de opdracht uit op uw eigen computer.\n',
      );
      return 1;
    }
    const today = resolveToday(values.today, io.now());
    const { regulations } = commandRegulations(io, values.regulations, { reportAll: true });
    const dir = existingComplaintsDir(io.cwd, values.register);

    const sources: SourceFile[] = [...readSources(listMarkdown(dir), io.cwd)];
    // The front matter as the schema reads it; the register's rules do not matter for an access request.
    const read = sources.map((source) => ({
      source,
      parsed: parseFrontMatterFile(source.file, source.text, ComplaintSchema, source.size, source.problem),
    }));

    // An id stands for its complainant: the other complaints with the same address belong to the export too.
    let email = askedEmail;
    if (askedId !== undefined) {
      const own = read.find(({ source, parsed }) => parsed.data?.id === askedId || idOfFile(source.file) === askedId);
      if (!own) throw usageError(`klacht ${askedId} niet gevonden in ${dir}`);
      email = own.parsed.data?.complainant?.email;
    }
    const needle = email?.toLowerCase();

    const report: ExportReport = {
      request: { complainantEmail: askedEmail ?? null, id: askedId ?? null },
      today,
      complaints: [],
      unreadable: [],
      elsewhere: ELSEWHERE,
    };
    // A file that could not be read cannot be searched: the request is then incomplete, and says so.
    for (const { source } of read)
      if (source.problem)
        io.stderr(safeLine(`${source.file}: ${source.problem.message}; dit bestand kon niet worden doorzocht`) + '\n');
    for (const { source, parsed } of read) {
      const complaint = parsed.data;
      const mentions = needle !== undefined && mentionsAddress(source.text, needle);
      if (!complaint) {
        if (mentions || (askedId !== undefined && idOfFile(source.file) === askedId))
          report.unreadable.push({ file: source.file, text: source.text });
        continue;
      }
      const matchedBy =
        complaint.id === askedId
          ? 'id'
          : email !== undefined && sameAddress(complaint.complainant?.email, email)
            ? 'email'
            : mentions
              ? 'text'
              : null;
      if (matchedBy === null) continue;
      const version = versionInForce(regulations, complaint.organisation, complaint.received);
      report.complaints.push({
        id: complaint.id,
        file: source.file,
        matchedBy,
        complaint,
        text: parsed.body,
        status: version ? computeComplaintStatus(complaint, version, today) : null,
      });
    }

    if (report.complaints.length === 0 && report.unreadable.length === 0) {
      io.stderr(`Het register bevat niets over ${askedEmail ?? askedId ?? ''}.\n`);
    }
    io.stdout(values.json ? `${JSON.stringify(report, null, 2)}\n` : renderExport(report, regulations));
    return 0;
  },
});

/** Dutch labels for the fields, for the readable export. */
const LABELS: Record<string, string> = {
  id: 'Klachtnummer',
  organisation: 'Organisatie',
  received: 'Ontvangen',
  channel: 'Kanaal',
  form: 'Vorm',
  dated: 'Dagtekening van de brief',
  complainant: 'Klager',
  name: 'Naam',
  email: 'E-mail',
  phone: 'Telefoon',
  address: 'Adres',
  representative: 'Vertegenwoordiger',
  handler: 'Behandelaar',
  involved: 'Betrokken medewerkers',
  category: 'Categorie',
  assignmentEnded: 'Einde van de opdracht',
  admissible: 'In behandeling genomen',
  outcome: 'Uitkomst',
  steps: 'Gedane stappen',
  on: 'Datum',
  note: 'Notitie',
  extensions: 'Verlengingen',
  step: 'Stap',
  amount: 'Aantal',
  unit: 'Eenheid',
  reason: 'Reden',
  notified: 'Klager geïnformeerd op',
  suspensions: 'Opschortingen',
  from: 'Van',
  to: 'Tot en met',
  measures: 'Maatregelen',
  kind: 'Soort',
  description: 'Omschrijving',
  owner: 'Uitvoerder',
  due: 'Uiterlijk',
  done: 'Uitgevoerd op',
  satisfied: 'Klager tevreden',
  escalation: 'Voorgelegd aan',
  body: 'Instantie',
  closed: 'Afgesloten',
  anonymised: 'Geanonimiseerd',
  term: 'Bewaartermijn',
};

/** Dutch words for the closed vocabularies, so the person can read them. */
const VALUES: Record<string, Readonly<Record<string, string>>> = {
  channel: CHANNEL_NAMES,
  form: FORM_NAMES,
  kind: MEASURE_KIND_NAMES,
  unit: TERM_UNIT_PLURALS,
};

function scalar(value: unknown, key?: string): string {
  if (value === true) return 'ja';
  if (value === false) return 'nee';
  const text = String(value);
  return (key === undefined ? undefined : VALUES[key]?.[text]) ?? text;
}

/** Every field of a value, one per line, indented by depth: nothing is left out. */
function fieldLines(value: unknown, depth: number): string[] {
  const pad = '  '.repeat(depth);
  if (Array.isArray(value)) {
    return value.flatMap((item, index) =>
      item !== null && typeof item === 'object'
        ? [`${pad}${index + 1}.`, ...fieldLines(item, depth + 1)]
        : [`${pad}- ${scalar(item)}`],
    );
  }
  if (value === null || typeof value !== 'object') return [`${pad}${scalar(value)}`];
  return Object.entries(value).flatMap(([key, item]) => {
    if (item === undefined || (Array.isArray(item) && item.length === 0)) return [];
    const label = LABELS[key] ?? key;
    if (item !== null && typeof item === 'object') return [`${pad}${label}:`, ...fieldLines(item, depth + 1)];
    return [`${pad}${label}: ${scalar(item, key)}`];
  });
}

function renderExport(report: ExportReport, regulations: RegulationSet): string {
  const who = report.request.complainantEmail ?? `de klager van ${report.request.id ?? ''}`;
  const lines = [`Inzageverzoek: wat het klachtenregister bevat over ${who}`, `Opgesteld op ${report.today}.`, ''];
  lines.push(
    report.complaints.length === 0 && report.unreadable.length === 0
      ? 'Het register bevat geen dossiers over deze persoon.'
      : `${report.complaints.length + report.unreadable.length} ${report.complaints.length + report.unreadable.length === 1 ? 'dossier' : 'dossiers'} gevonden.`,
  );
  for (const item of report.complaints) {
    const name = regulations.get(item.complaint.organisation)?.[0]?.regulation.organisation.name ?? item.complaint.organisation;
    lines.push('', `== Klacht ${item.id} (${name}) ==`, `Bestand: ${item.file}`);
    if (item.matchedBy === 'text')
      lines.push('Gevonden omdat het e-mailadres in dit dossier voorkomt (niet als adres van de klager).');
    lines.push('', ...fieldLines(item.complaint, 0));
    lines.push(
      '',
      'Klachttekst:',
      ...(item.text.trim() === ''
        ? ['  (geen tekst)']
        : item.text
            .trimEnd()
            .split('\n')
            .map((line) => `  ${line}`)),
    );
    if (item.status) lines.push('', 'Termijnen:', renderSteps(item.status));
  }
  for (const item of report.unreadable) {
    lines.push(
      '',
      `== Niet leesbaar dossier: ${item.file} ==`,
      'Het bestand kon niet worden gelezen; de volledige tekst:',
      '',
      item.text.trimEnd(),
    );
  }
  lines.push('', 'Elders:', ...report.elsewhere.map((line) => `- ${line}`));
  return `${lines.join('\n')}\n`;
}
