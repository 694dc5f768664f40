import { formatDate, formatTerm } from '../calendar/dutch.ts';
import { addTerm } from '../calendar/term.ts';
import { doneDate } from '../deadlines/compute-steps.ts';
import { versionInForce, type RegulationSet } from '../deadlines/regulation-set.ts';
import type { IsoDate } from '../calendar/iso-date.ts';
import { COMPLAINT_ID, ComplaintSchema, type Complaint } from '../schemas/complaint.ts';
import { personalPaths } from '../schemas/walk.ts';
import type { Regulation, RequiredContent, Step } from '../schemas/regulation.ts';
import { CHANNEL_NAMES } from '../labels.ts';
import { checkAdjustments } from '../deadlines/adjustments.ts';
import type { DiagnosticCode } from './codes.ts';
import type { Diagnostic } from './diagnostic.ts';
import type { Locate } from './locate.ts';
import { echoValue } from './suggest.ts';

/** A parsed complaint file as the checks need it. */
export interface CheckableComplaint {
  file: string;
  complaint: Complaint;
  body: string;
  /** Finds the line and column of a front-matter path (key when `key` is set). */
  locate: Locate;
}

const CONTENT_NAMES: Record<RequiredContent, string> = {
  name: 'de naam van de klager (complainant.name)',
  contact: 'contactgegevens van de klager (complainant.email, phone of address)',
  address: 'het adres van de klager (complainant.address)',
  description: 'een omschrijving van de klacht (de tekst onder de front matter)',
  dated: 'de dagtekening van de klacht (dated)',
};

function hasContent(content: RequiredContent, complaint: Complaint, body: string): boolean {
  const person = complaint.complainant;
  switch (content) {
    case 'name':
      return person?.name !== undefined;
    case 'contact':
      return person?.email !== undefined || person?.phone !== undefined || person?.address !== undefined;
    case 'address':
      return person?.address !== undefined;
    case 'description':
      return body.trim().length > 0;
    case 'dated':
      return complaint.dated !== undefined;
  }
}

/** Each regulation's steps by id, made once per regulation rather than once per complaint. */
const STEP_INDEX = new WeakMap<Regulation, ReadonlyMap<string, Step>>();
function stepIndex(regulation: Regulation): ReadonlyMap<string, Step> {
  let index = STEP_INDEX.get(regulation);
  if (!index) {
    index = new Map(regulation.steps.map((step) => [step.id, step]));
    STEP_INDEX.set(regulation, index);
  }
  return index;
}

/** The last part of a path, `/` or `\\` separated. */
function baseNameOf(file: string): string {
  return file.slice(Math.max(file.lastIndexOf('/'), file.lastIndexOf('\\')) + 1);
}

/**
 * The rules a single complaint must meet against its regulation: file name, organisation and
 * version, channel and form, required contents, independence, step order and dates, extensions,
 * suspensions and the submission window.
 */
export function checkComplaint(item: CheckableComplaint, regulations: RegulationSet, today: IsoDate): Diagnostic[] {
  const { complaint, file, body } = item;
  const out: Diagnostic[] = [];
  const report = (severity: Diagnostic['severity'], code: DiagnosticCode, path: readonly PropertyKey[], message: string, key = false): void => {
    const at = item.locate(path, key);
    out.push({ severity, code, file, line: at.line, column: at.column, message });
  };

  const baseName = baseNameOf(file);
  if (baseName !== `${complaint.id}.md`) {
    report('error', 'file-name', ['id'], `bestandsnaam ${baseName} hoort ${complaint.id}.md te zijn (bestandsnaam = id)`);
  }
  const folder = checkFolder(item);
  if (folder) out.push(folder);
  const idYear = COMPLAINT_ID.exec(complaint.id)?.[1];
  if (idYear !== undefined && idYear !== complaint.received.slice(0, 4)) {
    report('warning', 'id-year', ['id'], `het jaar in ${complaint.id} is niet het jaar van ontvangst (${complaint.received.slice(0, 4)})`);
  }

  const versions = regulations.get(complaint.organisation);
  if (!versions || versions.length === 0) {
    const echo = echoValue(complaint.organisation, regulations.keys());
    const hint = echo?.meant ? `; bedoelt u '${echo.meant}'?` : `; bekend zijn: ${[...regulations.keys()].join(', ')}`;
    report('error', 'organisation', ['organisation'], `geen reglement voor organisatie${echo ? ` ${echo.shown}` : ' (deze waarde)'}${hint}`);
    return out;
  }
  const version = versionInForce(regulations, complaint.organisation, complaint.received);
  if (!version) {
    const first = versions[0]?.regulation.effective ?? '';
    report('error', 'no-version', ['received'], `geen versie van het reglement van ${complaint.organisation} van kracht op ${complaint.received}; de eerste geldt vanaf ${first}`);
    return out;
  }
  const { regulation } = version;

  if (complaint.received > today) report('error', 'future-date', ['received'], `ontvangstdatum ${complaint.received} ligt na vandaag (${today})`);
  if (!regulation.complaint.channels.includes(complaint.channel)) {
    const allowed = regulation.complaint.channels.map((c) => `${c} (${CHANNEL_NAMES[c]})`).join(', ');
    report('error', 'channel', ['channel'], `het reglement van ${complaint.organisation} kent kanaal '${complaint.channel}' niet; toegestaan: ${allowed}`);
  }
  if (complaint.form === 'oral' && !regulation.complaint.oral) {
    report('error', 'form', ['form'], `het reglement van ${complaint.organisation} neemt alleen schriftelijke klachten in behandeling; vraag de klager de klacht op schrift te zetten`);
  }
  const anonymised = complaint.anonymised !== undefined;
  if (!anonymised) {
    for (const content of regulation.complaint.requiredContents) {
      if (!hasContent(content, complaint, body)) {
        report('error', 'required-content', content === 'dated' || content === 'description' ? ['id'] : ['complainant'], `verplichte inhoud ontbreekt: ${CONTENT_NAMES[content]}`);
      }
    }
    complaint.measures.forEach((measure, index) => {
      if (measure.description === undefined) {
        report('error', 'measure-description', ['measures', index], 'vul description in: wat de maatregel inhoudt (zonder persoonsgegevens)');
      }
    });
  } else {
    for (const path of personalPaths(ComplaintSchema, complaint)) {
      report('error', 'anonymised', path, `dit dossier is geanonimiseerd maar ${path.join('.')} bevat nog persoonsgegevens; verwijder dit veld (klachten retention --apply doet dat)`, true);
    }
    if (body.trim().length > 0) {
      report('error', 'anonymised', ['anonymised'], 'dit dossier is geanonimiseerd maar bevat nog klachttekst onder de front matter; verwijder die (klachten retention --apply doet dat)');
    }
  }
  // Only where the regulation excludes them: Organize4all has the coach concerned handle it first.
  if (regulation.independenceRule === 'not-involved' && complaint.handler !== undefined && complaint.involved.includes(complaint.handler)) {
    report('error', 'independence', ['handler'], `behandelaar ${complaint.handler} staat ook bij involved: de klacht gaat over deze persoon. ${regulation.independence}`);
  }
  const categories = regulation.organisation.categories;
  if (complaint.category !== undefined && categories.length > 0 && !categories.includes(complaint.category)) {
    const echo = echoValue(complaint.category, categories);
    report('error', 'category', ['category'], `onbekende categorie${echo?.meant ? ` ${echo.shown}; bedoelt u '${echo.meant}'?` : `; kies uit ${categories.join(', ')}`}`);
  }
  if (complaint.outcome === 'niet-ontvankelijk' && complaint.admissible === true) {
    report('error', 'admissible', ['admissible'], "outcome is niet-ontvankelijk maar admissible is true; zet admissible: false");
  }

  // Recorded steps.
  const stepsById = stepIndex(regulation);
  for (const id of Object.keys(complaint.steps)) {
    const step = stepsById.get(id);
    if (!step) {
      const echo = echoValue(id, stepsById.keys(), versions.flatMap((v) => v.regulation.steps.map((s) => s.id)));
      const hint = echo?.meant ? `; bedoelt u '${echo.meant}'?` : `; stappen: ${[...stepsById.keys()].join(', ')}`;
      report('error', 'unknown-step', ['steps', id], `onbekende stap${echo ? ` ${echo.shown}` : ''} in ${version.key}${hint}`, true);
      continue;
    }
    const done = doneDate(complaint, step) ?? complaint.received;
    if (step.scope === 'evaluation') {
      report('error', 'evaluation-step', ['steps', id], `stap '${id}' hoort bij de jaarlijkse evaluatie, niet bij een klacht`, true);
    } else if (step.auto === 'received') {
      report('warning', 'auto-step', ['steps', id], `stap '${id}' is de ontvangst zelf en volgt uit received; dit veld kan weg`, true);
    }
    if (done < complaint.received) report('error', 'step-before-receipt', ['steps', id], `stap '${id}' op ${done} ligt vóór de ontvangst (${complaint.received})`);
    if (done > today) report('error', 'future-date', ['steps', id], `stap '${id}' op ${done} ligt na vandaag (${today}); registreer een stap pas als hij gedaan is`);
    const from = step.deadline?.from;
    const dependency = from === undefined ? undefined : stepsById.get(from);
    if (dependency?.scope === 'complaint') {
      const dependencyDone = doneDate(complaint, dependency);
      if (dependencyDone === undefined) {
        report('error', 'step-order', ['steps', id], `stap '${id}' is geregistreerd, maar '${dependency.id}' (waarna deze stap komt) nog niet`);
      } else if (done < dependencyDone) {
        report('error', 'step-order', ['steps', id], `stap '${id}' op ${done} ligt vóór '${dependency.id}' op ${dependencyDone}, waarna deze stap komt`);
      }
    }
  }

  // Extensions and suspensions: the deadlines leave out what is rejected here (computeComplaintStatus).
  for (const finding of checkAdjustments(complaint, version, today)) report('error', finding.code, finding.path, finding.message);

  // Other dates.
  function notBefore(path: readonly PropertyKey[], date: IsoDate | undefined, what: string): void {
    if (date === undefined) return;
    if (date < complaint.received) report('error', 'date-order', path, `${what} (${date}) ligt vóór de ontvangst (${complaint.received})`);
    if (date > today) report('error', 'future-date', path, `${what} (${date}) ligt na vandaag (${today})`);
  }
  notBefore(['closed'], complaint.closed, 'de afsluitdatum');
  complaint.escalation.forEach((e, i) => {
    notBefore(['escalation', i, 'on'], e.on, 'de datum van voorleggen');
  });
  complaint.measures.forEach((m, i) => {
    notBefore(['measures', i, 'done'], m.done, 'de datum waarop de maatregel is uitgevoerd');
  });
  complaint.extensions.forEach((e, i) => {
    notBefore(['extensions', i, 'notified'], e.notified, 'de datum van kennisgeving');
  });

  // Submission window.
  const window = regulation.complaint.submissionWindow;
  if (window?.from === 'assignmentEnded' && !anonymised) {
    if (complaint.assignmentEnded === undefined) {
      report('warning', 'submission-window', ['received'], `vul assignmentEnded in: een klacht kan tot ${formatTerm(window)} na afronding van de opdracht worden ingediend`);
    } else {
      const last = addTerm(complaint.assignmentEnded, window, version.calendar).date;
      if (complaint.received > last) {
        report('warning', 'late-submission', ['received'], `ingediend na de indieningstermijn: ${formatTerm(window)} na afronding van de opdracht (${formatDate(complaint.assignmentEnded)}), dus uiterlijk ${formatDate(last)}`);
      }
    }
  }
  return out;
}

/** `<year>/<file>` alone, or `…complaints/<year>/<file>`. */
const IN_YEAR_FOLDER = /^(?:(?:.*[\\/])?complaints[\\/])?\d{4}[\\/][^\\/]*$/;

/**
 * A complaint file lives in `complaints/<year>/`, the year four digits. Its path reaches issues and pull
 * requests, so a folder elsewhere (or named like a marker or a mention) is refused.
 */
function checkFolder(item: CheckableComplaint): Diagnostic | undefined {
  if (IN_YEAR_FOLDER.test(item.file)) return undefined;
  const at = item.locate(['id'], true);
  const message = 'een klachtdossier hoort in complaints/<jaar>/ te staan (bijv. complaints/2026/); verplaats het bestand';
  return { severity: 'error', code: 'complaint-folder', file: item.file, line: at.line, column: at.column, message };
}

/**
 * Rules across files: every id occurs once. Each duplicate is reported on every file that has it.
 */
export function checkUniqueIds(
  items: readonly { file: string; complaint: Pick<Complaint, 'id'>; locate: CheckableComplaint['locate'] }[],
): Diagnostic[] {
  const byId = new Map<string, (typeof items)[number][]>();
  for (const item of items) {
    const list = byId.get(item.complaint.id) ?? [];
    list.push(item);
    byId.set(item.complaint.id, list);
  }
  const out: Diagnostic[] = [];
  for (const [id, list] of byId) {
    if (list.length < 2) continue;
    for (const item of list) {
      const others = list.filter((other) => other !== item).map((other) => other.file);
      const at = item.locate(['id']);
      out.push({ severity: 'error', code: 'duplicate-id', file: item.file, line: at.line, column: at.column, message: `id ${id} komt ook voor in ${others.join(', ')}; geef elke klacht een eigen nummer` });
    }
  }
  return out;
}
