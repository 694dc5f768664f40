import { createHash, randomInt } from 'node:crypto';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import {
  CHANNEL_NAMES,
  computeComplaintStatus,
  dateParts,
  formatTerm,
  isIsoDate,
  formatText,
  readComplaint,
  usageError,
  versionInForce,
  type Channel,
  type RequiredContent,
} from '../../core/index.ts';
import { composeComplaint, splitLogins, type ComplaintAnswers } from '../../core/register/compose-complaint.ts';
import { nextComplaintId } from '../../node/find-complaint.ts';
import { complaintsDir } from '../../node/load-register.ts';
import { defineCommand, type Values } from '../lib/command.ts';
import type { Io } from '../lib/io.ts';
import { commandRegulations, requireOrganisation } from '../lib/regulations.ts';
import { renderSteps } from '../lib/render-steps.ts';
import { resolveToday } from '../lib/today.ts';

/** The complaint's fields as options; the names are the contract of `klachten new` (README). */
const FIELD_OPTIONS = {
  organisation: { type: 'string', value: '<slug>', description: 'organisatie (verplicht)' },
  received: { type: 'string', value: 'JJJJ-MM-DD', description: 'datum van ontvangst (standaard: vandaag)' },
  channel: { type: 'string', value: '<kanaal>', description: 'email, post, in-person, phone of web-form (verplicht)' },
  form: { type: 'string', value: 'written|oral', description: 'schriftelijk of mondeling (standaard: written)' },
  name: { type: 'string', value: '<tekst>', description: 'naam van de klager (blijft in het register)' },
  email: { type: 'string', value: '<tekst>', description: 'e-mailadres van de klager' },
  phone: { type: 'string', value: '<tekst>', description: 'telefoonnummer van de klager' },
  address: { type: 'string', value: '<tekst>', description: 'adres van de klager' },
  dated: { type: 'string', value: 'JJJJ-MM-DD', description: 'dagtekening van de klacht' },
  'assignment-ended': {
    type: 'string',
    value: 'JJJJ-MM-DD',
    description: 'einde van de opdracht (voor de indieningstermijn)',
  },
  handler: { type: 'string', value: '<login>', description: 'GitHub-login van de behandelaar' },
  involved: { type: 'string', value: '<login,login>', description: 'medewerkers over wie de klacht gaat' },
  category: { type: 'string', value: '<categorie>', description: 'categorie uit de lijst van de organisatie' },
  description: { type: 'string', value: '<tekst>', description: 'de klacht in de woorden van de klager' },
  'description-file': {
    type: 'string',
    value: '<bestand>',
    description: 'de klacht uit een bestand, alle regels (- leest standaardinvoer)',
  },
} as const;

/** How often `new` takes the next id when another run took the one it picked. */
const MAX_ID_ATTEMPTS = 20;

type Fields = { -readonly [K in keyof typeof FIELD_OPTIONS]?: string | undefined };

const CONTENT_FLAGS: Record<RequiredContent, (keyof Fields)[]> = {
  name: ['name'],
  contact: ['email', 'phone', 'address'],
  address: ['address'],
  description: ['description'],
  dated: ['dated'],
};

async function ask(
  io: Io,
  question: string,
  options: { default?: string; choices?: readonly string[]; required?: boolean; date?: boolean } = {},
): Promise<string | undefined> {
  const prompt = io.prompt;
  if (!prompt) return options.default;
  for (;;) {
    const hint = options.choices ? ` [${options.choices.join('/')}]` : '';
    const fallback = options.default === undefined ? '' : ` (${options.default})`;
    const answer = (await prompt(`${question}${hint}${fallback}: `)).trim() || options.default;
    if (answer === undefined || answer === '') {
      if (!options.required) return undefined;
      io.stderr('  dit veld is verplicht\n');
      continue;
    }
    if (options.choices && !options.choices.includes(answer)) {
      io.stderr(`  kies uit: ${options.choices.join(', ')}\n`);
      continue;
    }
    if (options.date && !isIsoDate(answer)) {
      io.stderr('  verwacht een bestaande datum als JJJJ-MM-DD\n');
      continue;
    }
    return answer;
  }
}

function oneOf<T extends string>(flag: string, value: string, choices: readonly T[]): T {
  if ((choices as readonly string[]).includes(value)) return value as T;
  throw usageError(`${flag} verwacht een van: ${choices.join(', ')} (niet '${value}')`);
}

/** `klachten new`. */
export const newComplaint = defineCommand({
  name: 'new',
  summary: 'een nieuwe klacht registreren',
  usage: ['klachten new [velden] [opties]'],
  description: `In een terminal stelt het de vragen die het reglement van de organisatie vereist; daarbuiten (CI,
scripts) geeft u de velden als opties. Schrijft <register>/complaints/<jaar>/nieuw-<code>.md en toont
de termijnen die volgen. Het klachtnummer (KL-<jaar>-<nnnn>) komt zodra de klacht op main staat: de
workflow number geeft het na het samenvoegen (klachten number), zo krijgen twee collega's die
tegelijk registreren nooit hetzelfde nummer. Met --number krijgt de klacht meteen het volgende vrije
nummer (alleen wie zelf direct op main werkt). Gegevens van de klager blijven in het register: de
uitvoer noemt ze niet.`,
  options: {
    ...FIELD_OPTIONS,
    number: {
      type: 'boolean',
      default: false,
      description: 'meteen het volgende vrije klachtnummer (alleen wie direct op main werkt, zonder pull request)',
    },
  },
  run: ({ values }, io) => register(values, io),
});

/** Letters and digits of a provisional id: no 0/o or 1/l, which people misread. */
const CODE_LETTERS = 'abcdefghijkmnpqrstuvwxyz23456789';

/** A provisional id that no colleague on another branch will pick: `nieuw-` and six random characters. */
export function provisionalId(): string {
  return `nieuw-${Array.from({ length: 6 }, () => CODE_LETTERS[randomInt(CODE_LETTERS.length)] ?? 'a').join('')}`;
}

/**
 * The answers of an entry that was interrupted or refused, kept for the next `klachten new` in a
 * terminal: in the user's own cache folder (`$XDG_CACHE_HOME` or `~/.cache`, `klachtenregister/`), one
 * file per register, readable by the user alone. Never in the repository, so never in git, and never
 * printed.
 */
export function draftStore(
  env: Io['env'],
  register: string,
): { read: () => SavedDraft | undefined; save: (fields: Fields, on: string) => void; remove: () => void } {
  // An empty XDG_CACHE_HOME counts as unset.
  const xdg = env.XDG_CACHE_HOME === '' ? undefined : env.XDG_CACHE_HOME;
  const base = xdg ?? join(env.HOME ?? homedir(), '.cache');
  const path = join(base, 'klachtenregister', `concept-${createHash('sha256').update(register).digest('hex').slice(0, 16)}.json`);
  return {
    read: () => {
      try {
        const saved = JSON.parse(readFileSync(path, 'utf8')) as SavedDraft;
        return typeof saved.savedOn === 'string' && typeof saved.fields === 'object' ? saved : undefined;
      } catch {
        return undefined;
      }
    },
    save: (fields, on) => {
      const kept = Object.fromEntries(
        Object.entries(fields).filter(([key, value]) => key in FIELD_OPTIONS && typeof value === 'string'),
      );
      if (Object.keys(kept).length === 0) return;
      mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
      writeFileSync(path, JSON.stringify({ savedOn: on, fields: kept }), { mode: 0o600 });
    },
    remove: () => {
      rmSync(path, { force: true });
    },
  };
}

interface SavedDraft {
  savedOn: string;
  fields: Fields;
}

async function register(values: Values<typeof FIELD_OPTIONS> & { number: boolean }, outer: Io): Promise<number> {
  let io = outer;
  const today = resolveToday(values.today, io.now());
  const loaded = commandRegulations(io, values.regulations);
  const { regulations } = loaded;
  const fields: Fields = { ...values };
  const interactive = io.prompt !== undefined;
  // In a terminal every answer is kept as it is given (saved before the next question), so an entry
  // broken off or refused is offered again by the next run.
  const draft = interactive ? draftStore(io.env, resolve(io.cwd, values.register)) : undefined;
  if (draft && io.prompt) {
    const saved = draft.read();
    const flagged = Object.keys(FIELD_OPTIONS).some((key) => values[key as keyof typeof FIELD_OPTIONS] !== undefined);
    if (saved && !flagged) {
      const answer = await io.prompt(
        `Er is een onafgemaakte klacht (opgeslagen op ${saved.savedOn}). Verder met die antwoorden? [j/n]: `,
      );
      if (/^j(a)?$/i.test(answer.trim())) Object.assign(fields, saved.fields);
      else draft.remove();
    }
    const prompt = io.prompt;
    io = {
      ...io,
      prompt: (question) => {
        draft.save(fields, today);
        return prompt(question);
      },
    };
  }

  const slugs = [...regulations.keys()].sort();
  fields.organisation ??= await ask(io, 'Organisatie', { choices: slugs, required: true });
  if (fields.organisation === undefined) throw usageError(`--organisation ontbreekt; kies uit ${slugs.join(', ')}`);
  requireOrganisation(io, loaded, fields.organisation);
  fields.received ??= await ask(io, 'Ontvangen op', { default: today, date: true });
  const received = fields.received ?? today;
  if (!isIsoDate(received)) throw usageError(`--received verwacht een bestaande datum als JJJJ-MM-DD, niet '${received}'`);
  const version = versionInForce(regulations, fields.organisation, received);
  if (!version) throw usageError(`geen reglement van ${fields.organisation} van kracht op ${received}`);
  const { regulation } = version;

  const channels = regulation.complaint.channels;
  fields.channel ??= await ask(io, `Kanaal (${channels.map((c) => `${c} = ${CHANNEL_NAMES[c]}`).join(', ')})`, {
    choices: channels,
    required: true,
  });
  if (fields.channel === undefined)
    throw usageError(`--channel ontbreekt; ${fields.organisation} neemt klachten aan via ${channels.join(', ')}`);
  const channel: Channel = oneOf('--channel', fields.channel, channels);
  const forms = regulation.complaint.oral ? (['written', 'oral'] as const) : (['written'] as const);
  fields.form ??= forms.length > 1 ? await ask(io, 'Vorm', { choices: forms, default: 'written' }) : 'written';
  const form = oneOf('--form', fields.form ?? 'written', ['written', 'oral'] as const);

  const required = new Set(regulation.complaint.requiredContents.flatMap((c) => (c === 'contact' ? [] : CONTENT_FLAGS[c])));
  const needsContact = regulation.complaint.requiredContents.includes('contact');
  if (interactive) {
    fields.name ??= await ask(io, 'Naam klager', { required: required.has('name') });
    fields.email ??= await ask(io, 'E-mail klager', { required: false });
    fields.phone ??= await ask(io, 'Telefoon klager', { required: false });
    fields.address ??= await ask(io, 'Adres klager', {
      required: required.has('address') || (needsContact && !fields.email && !fields.phone),
    });
    if (required.has('dated')) fields.dated ??= await ask(io, 'Dagtekening van de klacht', { required: true, date: true });
    if (regulation.complaint.submissionWindow?.from === 'assignmentEnded') {
      fields['assignment-ended'] ??= await ask(
        io,
        `Einde van de opdracht (klacht mag tot ${formatTerm(regulation.complaint.submissionWindow)} daarna)`,
        { required: true, date: true },
      );
    }
    fields.handler ??= await ask(io, 'Behandelaar (GitHub-login, leeg als nog niet bekend)');
    fields.involved ??= await ask(io, 'Betrokken medewerkers (GitHub-logins, komma-gescheiden)');
    // Independence is checked now, not after the last question: the handler may not be among the
    // people the complaint is about.
    while (
      regulation.independenceRule === 'not-involved' &&
      fields.handler !== undefined &&
      splitLogins(fields.involved).includes(fields.handler)
    ) {
      io.stderr(
        `  ${fields.handler} behandelt de klacht en staat bij de betrokkenen: dat mag niet (${regulation.independence})\n`,
      );
      fields.handler = await ask(io, 'Behandelaar (GitHub-login, leeg als nog niet bekend)');
      if (fields.handler === undefined) break;
    }
    const categories = regulation.organisation.categories;
    fields.category ??= await ask(io, 'Categorie', categories.length > 0 ? { choices: categories } : {});
    if (fields.description === undefined && values['description-file'] === undefined) {
      io.stderr('  (een brief van meer regels: --description-file <bestand>, of - voor standaardinvoer)\n');
      fields.description = await ask(io, 'Omschrijving van de klacht', { required: required.has('description') });
    }
  }
  const file = values['description-file'];
  if (file !== undefined) {
    if (values.description !== undefined) throw usageError('kies --description of --description-file, niet allebei');
    // The whole letter, every line of it: from a file, or from standard input with `-`.
    try {
      fields.description = readFileSync(file === '-' ? 0 : resolve(io.cwd, file), 'utf8');
    } catch (error) {
      throw usageError(
        `--description-file: ${file === '-' ? 'standaardinvoer' : file} is niet te lezen (${(error as NodeJS.ErrnoException).code ?? 'fout'})`,
      );
    }
    if (fields.description.trim() === '') fields.description = undefined;
  }
  const missing = [...required].filter((flag) => fields[flag] === undefined);
  if (needsContact && !fields.email && !fields.phone && !fields.address) missing.push('email');
  if (missing.length > 0)
    throw usageError(`het reglement van ${fields.organisation} vraagt ook: ${missing.map((m) => `--${m}`).join(', ')}`);

  const dir = complaintsDir(io.cwd, values.register);
  const year = dateParts(received).year;
  const answers: ComplaintAnswers = {
    organisation: fields.organisation,
    received,
    channel,
    form,
    name: fields.name,
    email: fields.email,
    phone: fields.phone,
    address: fields.address,
    dated: fields.dated,
    handler: fields.handler,
    involved: fields.involved,
    category: fields.category,
    assignmentEnded: fields['assignment-ended'],
    description: fields.description,
  };
  const compose = (id: string): string => composeComplaint(answers, id);

  // Two runs at once may pick the same id: the file is created only if it is not there yet ('wx'),
  // and the one that comes second takes another (the next free number, or another random code).
  for (let attempt = 0; attempt < MAX_ID_ATTEMPTS; attempt++) {
    const id = values.number ? nextComplaintId(dir, year) : provisionalId();
    const text = compose(id);
    const path = join(dir, String(year), `${id}.md`);
    const file = relative(io.cwd, path);
    const result = readComplaint({ file, text }, regulations, today);
    const errors = result.diagnostics.filter((d) => d.severity === 'error');
    if (!result.record || errors.length > 0) {
      for (const d of result.diagnostics) io.stderr(`${formatText(d)}\n`);
      if (draft) {
        draft.save(fields, today);
        io.stderr(
          'niet geschreven: herstel de velden hierboven; uw antwoorden zijn bewaard en klachten new biedt ze de volgende keer aan\n',
        );
      } else io.stderr('niet geschreven: herstel de velden hierboven\n');
      return 1;
    }
    mkdirSync(dirname(path), { recursive: true });
    try {
      writeFileSync(path, text, { flag: 'wx' });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'EEXIST') continue;
      throw error;
    }
    draft?.remove();
    for (const d of result.diagnostics) io.stderr(`${formatText(d)}\n`);
    const numbered = values.number
      ? ''
      : 'Het klachtnummer volgt zodra de klacht op main staat (workflow number, of klachten number); stuur de ontvangstbevestiging daarna.\n';
    io.stdout(
      `${id} geregistreerd in ${file} (${version.key})\n${numbered}\n${renderSteps(computeComplaintStatus(result.record.complaint, version, today))}\n`,
    );
    return 0;
  }
  io.stderr(
    `niet geschreven: ${MAX_ID_ATTEMPTS} keer was het volgende klachtnummer al bezet terwijl new liep (anderen registreren tegelijk); probeer het opnieuw\n`,
  );
  return 1;
}
