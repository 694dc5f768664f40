import { formatDate, formatDateNumeric } from '../calendar/dutch.ts';
import type { IsoDate } from '../calendar/iso-date.ts';
import type { ComplaintStatus, MeasureStatus, StepStatus } from '../deadlines/compute-steps.ts';
import { MEASURE_KIND_NAMES } from '../labels.ts';
import { codeOrText, escapeMarkdown, isPlain, linkTarget, LOGIN_PATTERN, NOT_ASSIGNABLE } from './escape.ts';

/** The label on every issue the sync opens; its one listing finds them all. */
export const SYNC_LABEL = 'klachtenregister';

/** The key and title of the weekly digest issue. */
export const DIGEST_KEY = 'termijnen-deze-week';
export const DIGEST_TITLE = 'Termijnen deze week';

/** A complaint's status together with the file it came from. */
export interface SyncComplaint extends ComplaintStatus {
  /** Path of the complaint file, relative to the repository root. */
  file: string;
}

/** An issue as the register says it should be. */
export interface DesiredIssue {
  /** Identity, kept in a hidden marker in the body: `KL-2026-0007/stap/ontvangstbevestiging`. */
  key: string;
  title: string;
  /** Markdown, ending in the marker. */
  body: string;
  /** Logins to assign: the handler, or a measure's owner. */
  assignees: string[];
}

/** What the register asks of the issue tracker on one day. */
export interface SyncState {
  /** Issues that should be open, by key. */
  desired: Map<string, DesiredIssue>;
  /** Keys of readable complaints that need no issue any more, with the reason for the closing comment. */
  settled: Map<string, string>;
  /** Complaint ids read without errors: an issue of any other complaint may belong to a file that failed. */
  readable: Set<string>;
  /** Whether some complaint files could not be read; then issues of unknown complaints are left alone. */
  incomplete: boolean;
  /** `<slug>/<year>` of evaluations read without errors: their other issues may close. */
  readableEvaluations?: Set<string>;
  /** Logins the issues would show or assign (GitHub's login syntax), to ask GitHub which are assignable. */
  logins: Set<string>;
  /** Keys of issues whose handler or owner is left out, because it is not an assignable login. */
  unassignable: Set<string>;
}

/** How issue bodies link to files, and whether the register was read only in part. */
export interface SyncOptions {
  /** The web address of a file in the repository. */
  file: (path: string) => string;
  /** Treat the register as read in part even without unreadable files (e.g. no files at all). */
  incomplete?: boolean;
  /**
   * The logins GitHub can assign in the repository, in lower case. Any other handler or owner value is
   * never shown nor assigned. Without it, a value is shown when it has GitHub's login syntax.
   */
  assignable?: ReadonlySet<string>;
}

/** The digest lists at most this many rows; GitHub refuses bodies over 65,536 characters. */
export const DIGEST_MAX_ROWS = 100;

const MARKER_PREFIX = '<!-- klachtenregister:';

/** The hidden line that identifies an issue, at the end of its body. */
export function marker(key: string): string {
  return `${MARKER_PREFIX} ${key} -->`;
}

/**
 * The key in an issue body's marker, if it has one. Only the form and place the sync writes count: the
 * marker on its own last line. Anything earlier in the body (text from a file, a person's quote) is not
 * an identity.
 */
export function markerKey(body: string | null | undefined): string | undefined {
  const last = (body ?? '').replaceAll('\r\n', '\n').trimEnd().split('\n').at(-1) ?? '';
  return /^<!-- klachtenregister: ([A-Za-z0-9][A-Za-z0-9._/-]*) -->$/.exec(last)?.[1];
}

/** The complaint id a key belongs to, if it is a complaint's key. */
export function complaintOfKey(key: string): string | undefined {
  return /^(KL-\d{4}-\d{4,})\//.exec(key)?.[1];
}

export function stepKey(complaint: string, step: string): string {
  return `${complaint}/stap/${step}`;
}

export function measureKey(complaint: string, measure: number): string {
  return `${complaint}/maatregel/${measure}`;
}

/** Whether a handler or owner value may be shown and assigned. */
export function isAssignable(value: string, options: SyncOptions): boolean {
  return LOGIN_PATTERN.test(value) && (options.assignable === undefined || options.assignable.has(value.toLowerCase()));
}

/** A handler or owner as an issue shows it: a mention only of an assignable login. */
export function login(value: string | null, options: SyncOptions): string {
  if (value === null) return 'nog niet toegewezen';
  return isAssignable(value, options) ? `@${value}` : NOT_ASSIGNABLE;
}

/** The logins to assign: only assignable ones. Notes the others in the state's `unassignable`. */
function assign(value: string | null, key: string, options: SyncOptions, state?: SyncState): string[] {
  if (value === null) return [];
  if (isAssignable(value, options)) return [value];
  state?.unassignable.add(key);
  return [];
}

export function table(rows: [string, string][]): string {
  return ['| | |', '|---|---|', ...rows.map(([name, value]) => `| ${name} | ${value} |`)].join('\n');
}

/** A link to a file in the repository, its path escaped. */
export function fileLink(path: string, options: SyncOptions): string {
  return `[${codeOrText(path)}](${linkTarget(options.file(path))})`;
}

/** A step as issues show it: its title, escaped, and its id. */
function stepName(step: StepStatus): string {
  return `${escapeMarkdown(step.title)} (${codeOrText(step.id)})`;
}

function stepIssue(complaint: SyncComplaint, step: StepStatus, options: SyncOptions, state?: SyncState): DesiredIssue {
  const due = step.due ?? complaint.received;
  const key = stepKey(complaint.id, step.id);
  const id = escapeMarkdown(complaint.id);
  const command = `klachten record ${complaint.id} ${step.id} --on JJJJ-MM-DD`;
  const body = [
    `De stap **${escapeMarkdown(step.title)}** van klacht ${id} had uiterlijk **${formatDate(due)}** gedaan moeten zijn.`,
    '',
    table([
      ['Stap', stepName(step)],
      ['Wie', escapeMarkdown(step.actor)],
      ['Uiterlijk', formatDate(due)],
      ['Berekening', escapeMarkdown(step.explanation)],
      ['Behandelaar', login(complaint.handler, options)],
      ['Dossier', fileLink(complaint.file, options)],
      ['Reglement', codeOrText(complaint.regulation)],
    ]),
    '',
    'Is de stap gedaan? Leg hem vast in het dossier, bijvoorbeeld met',
    `${isPlain(complaint.id) && isPlain(step.id) ? `\`${command}\`` : escapeMarkdown(command)}, en voeg die wijziging samen. Verlengd of`,
    'opgeschort? Zet dat in het dossier. De volgende controle werkt dit issue dan bij of sluit het.',
    '',
    marker(key),
  ].join('\n');
  return {
    key,
    title: escapeMarkdown(`${complaint.id} · ${step.id} te laat (uiterlijk ${formatDateNumeric(due)})`),
    body,
    assignees: assign(complaint.handler, key, options, state),
  };
}

function measureIssue(complaint: SyncComplaint, measure: MeasureStatus, options: SyncOptions, state?: SyncState): DesiredIssue {
  const due = measure.due ?? complaint.received;
  const key = measureKey(complaint.id, measure.number);
  const body = [
    `Maatregel ${measure.number} van klacht ${escapeMarkdown(complaint.id)} had uiterlijk **${formatDate(due)}** uitgevoerd moeten zijn.`,
    '',
    table([
      [
        'Maatregel',
        `nummer ${measure.number} in \`measures\` (${MEASURE_KIND_NAMES[measure.kind]}); de omschrijving staat in het dossier`,
      ],
      ['Uiterlijk', formatDate(due)],
      ['Uitvoerder', login(measure.owner, options)],
      ['Behandelaar', login(complaint.handler, options)],
      ['Dossier', fileLink(complaint.file, options)],
    ]),
    '',
    `Uitgevoerd? Zet \`done: JJJJ-MM-DD\` bij maatregel ${measure.number} in het dossier en voeg die wijziging samen.`,
    '',
    marker(key),
  ].join('\n');
  return {
    key,
    title: escapeMarkdown(`${complaint.id} · maatregel ${measure.number} te laat (uiterlijk ${formatDateNumeric(due)})`),
    body,
    assignees: assign(measure.owner, key, options, state),
  };
}

function settledStep(step: StepStatus): string {
  switch (step.status) {
    case 'done':
      return `De stap is gedaan op ${formatDate(step.done ?? step.due ?? '')}.`;
    case 'done-late':
      return `De stap is gedaan op ${formatDate(step.done ?? '')}, na de termijn (uiterlijk ${formatDate(step.due ?? '')}).`;
    case 'not-applicable':
      return `De stap hoeft niet meer: ${escapeMarkdown(step.explanation.replace(/^niet van toepassing: /, ''))}.`;
    default:
      return step.due === null
        ? `De stap is niet meer te laat: ${escapeMarkdown(step.explanation)}.`
        : `De stap is niet meer te laat: de termijn loopt nu tot ${formatDate(step.due)} (${escapeMarkdown(step.explanation)}).`;
  }
}

function settledMeasure(measure: MeasureStatus): string {
  if (measure.done !== null) return `De maatregel is uitgevoerd op ${formatDate(measure.done)}.`;
  return measure.due === null
    ? 'De maatregel heeft geen uiterste datum meer.'
    : `De maatregel is niet meer te laat: uiterlijk ${formatDate(measure.due)}.`;
}

interface DigestLine {
  due: IsoDate;
  complaint: SyncComplaint;
  what: string;
  who: string | null;
}

function digestIssue(lines: DigestLine[], unreadable: readonly string[], options: SyncOptions): DesiredIssue {
  const sorted = [...lines].sort(
    (a, b) =>
      (a.due < b.due ? -1 : a.due > b.due ? 1 : 0) || (a.complaint.id < b.complaint.id ? -1 : 1) || (a.what < b.what ? -1 : 1),
  );
  const parts = [
    'Deze termijnen verlopen binnen vijf werkdagen. Dit issue wordt bij elke controle bijgewerkt en gesloten',
    'als er niets meer in de komende vijf werkdagen verloopt; verstreken termijnen hebben elk een eigen issue.',
    '',
  ];
  parts.push(
    '| Uiterlijk | Klacht | Wat | Wie | Dossier |',
    '|---|---|---|---|---|',
    ...sorted
      .slice(0, DIGEST_MAX_ROWS)
      .map(
        (line) =>
          `| ${formatDate(line.due)} | ${escapeMarkdown(line.complaint.id)} | ${line.what} | ${login(line.who, options)} | ${fileLink(line.complaint.file, options)} |`,
      ),
  );
  if (sorted.length > DIGEST_MAX_ROWS)
    parts.push('', `… en nog ${sorted.length - DIGEST_MAX_ROWS}; \`klachten status\` toont ze allemaal.`);
  if (unreadable.length > 0) {
    parts.push(
      '',
      `**Let op:** ${unreadable.length === 1 ? 'dit dossier kon' : 'deze dossiers konden'} niet worden gelezen en ${unreadable.length === 1 ? 'ontbreekt' : 'ontbreken'} hierboven (zie \`klachten check\`):`,
      ...unreadable.slice(0, 20).map((path) => `- ${fileLink(path, options)}`),
      ...(unreadable.length > 20 ? [`- … en nog ${unreadable.length - 20}`] : []),
    );
  }
  parts.push('', marker(DIGEST_KEY));
  return { key: DIGEST_KEY, title: DIGEST_TITLE, body: parts.join('\n'), assignees: [] };
}

/**
 * What the issue tracker should hold on `today`: one issue per overdue step of an open complaint, one per
 * overdue measure, and the digest of what falls due within five working days. Only ids, step ids, dates,
 * logins and file paths go into issues: nothing from the complainant or the complaint's text.
 * @param complaints statuses of the complaints whose files have no errors
 * @param unreadable files with errors, whose complaints' issues are left as they are
 */
export function desiredState(
  complaints: readonly SyncComplaint[],
  unreadable: readonly string[],
  options: SyncOptions,
): SyncState {
  const desired = new Map<string, DesiredIssue>();
  const settled = new Map<string, string>();
  const digest: DigestLine[] = [];
  const state: SyncState = {
    desired,
    settled,
    readable: new Set(complaints.map((c) => c.id)),
    incomplete: false,
    logins: new Set(),
    unassignable: new Set(),
  };
  const shown = (value: string | null): void => {
    if (value !== null && LOGIN_PATTERN.test(value)) state.logins.add(value);
  };
  for (const complaint of complaints) {
    for (const step of complaint.steps) {
      const key = stepKey(complaint.id, step.id);
      if (step.status === 'overdue') {
        desired.set(key, stepIssue(complaint, step, options, state));
        shown(complaint.handler);
      } else settled.set(key, settledStep(step));
      if (step.status === 'due-soon' && step.due !== null) {
        digest.push({ due: step.due, complaint, what: stepName(step), who: complaint.handler });
        shown(complaint.handler);
      }
    }
    for (const measure of complaint.measures) {
      const key = measureKey(complaint.id, measure.number);
      if (measure.status === 'overdue') {
        desired.set(key, measureIssue(complaint, measure, options, state));
        shown(complaint.handler);
        shown(measure.owner);
      } else settled.set(key, settledMeasure(measure));
      if (measure.status === 'due-soon' && measure.due !== null) {
        digest.push({ due: measure.due, complaint, what: `maatregel ${measure.number}`, who: measure.owner });
        shown(measure.owner);
      }
    }
  }
  const incomplete = unreadable.length > 0 || options.incomplete === true;
  state.incomplete = incomplete;
  // With nothing to list the digest closes, unless files were missed: then it stays as it is.
  if (digest.length > 0) desired.set(DIGEST_KEY, digestIssue(digest, unreadable, options));
  else if (!incomplete) settled.set(DIGEST_KEY, 'Er verlopen geen termijnen meer in de komende vijf werkdagen.');
  return state;
}
