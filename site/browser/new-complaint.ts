// The staff form for a new complaint (site/pages/nieuwe-klacht.astro). It writes the file `klachten new`
// writes for the same answers (composeComplaint), checks it with the register's own reader and checks
// (readComplaint: the complaint schema and the rules of the regulation) and shows the deadlines that follow
// with the engine of the finder. Nothing leaves the browser: the text goes to the clipboard, never a URL.
import { amsterdamDate } from '../../core/calendar/amsterdam.ts';
import { formatDateLong } from '../../core/calendar/dutch.ts';
import { isIsoDate } from '../../core/calendar/iso-date.ts';
import { planProcedure } from '../../core/deadlines/plan.ts';
import { buildRegulationSet, versionInForce, type RegulationVersion } from '../../core/deadlines/regulation-set.ts';
import { composeComplaint, type ComplaintAnswers } from '../../core/register/compose-complaint.ts';
import type { Diagnostic } from '../../core/register/diagnostic.ts';
import { readComplaint } from '../../core/register/read-register.ts';
import type { Channel } from '../../core/schemas/common.ts';
import type { Regulation } from '../../core/schemas/regulation.ts';
import { renderPlan } from './finder.ts';

interface PageData {
  versions: { file: string; regulation: Regulation }[];
  register: string;
  repository: string | null;
  channels: Record<Channel, string>;
}

const EARLIEST = '1900-01-01';
const LATEST = '2199-12-31';
const DATE_ERROR = 'Vul een bestaande datum in, bijvoorbeeld 20-11-2026.';

/** Letters and digits of a provisional id, as `klachten new` picks them: no 0/o or 1/l. */
const CODE_LETTERS = 'abcdefghijkmnpqrstuvwxyz23456789';

function provisionalId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(6));
  return `nieuw-${[...bytes].map((b) => CODE_LETTERS[b % CODE_LETTERS.length] ?? 'a').join('')}`;
}

/** The form field a line of the file belongs to, by its key: `  email: …` under complainant → `email`. */
const KEY_FIELDS: Record<string, string> = {
  organisation: 'organisation',
  received: 'received',
  channel: 'channel',
  form: 'form',
  dated: 'dated',
  name: 'name',
  email: 'email',
  phone: 'phone',
  address: 'address',
  handler: 'handler',
  involved: 'involved',
  category: 'category',
  assignmentEnded: 'assignmentEnded',
};

function fieldOfLine(text: string, line: number): string | undefined {
  const lines = text.split('\n');
  const end = lines.indexOf('---', 1);
  if (line > end + 1) return 'description';
  let key = /^\s*-?\s*([A-Za-z]+):/.exec(lines[line - 1] ?? '')?.[1];
  // A list item (involved) belongs to the key above it.
  for (let i = line - 1; key === undefined && i > 0; i--) key = /^([A-Za-z]+):/.exec(lines[i - 1] ?? '')?.[1];
  return key === undefined ? undefined : KEY_FIELDS[key];
}

/** Wires the form on the page. */
export function initNewComplaint(root: Document): void {
  const form = root.querySelector<HTMLFormElement>('[data-form]');
  const data = root.querySelector('[data-regulations]');
  if (!form || !data?.textContent) return;
  const page = JSON.parse(data.textContent) as PageData;
  const set = buildRegulationSet(page.versions);
  const id = provisionalId();
  const today = amsterdamDate(new Date());
  const planSection = root.querySelector<HTMLElement>('[data-plan-section]');
  const plan = root.querySelector<HTMLElement>('[data-plan]');
  const problems = root.querySelector<HTMLElement>('[data-problems]');
  const fileSection = root.querySelector<HTMLElement>('[data-file-section]');
  const where = root.querySelector<HTMLElement>('[data-where]');
  const pre = root.querySelector<HTMLElement>('[data-file]');
  const copy = root.querySelector<HTMLButtonElement>('[data-copy]');
  const copied = root.querySelector<HTMLElement>('[data-copied]');
  if (!planSection || !plan || !problems || !fileSection || !where || !pre || !copy || !copied) return;

  const input = (name: string): HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement => {
    const found = form.elements.namedItem(name);
    if (found instanceof HTMLInputElement || found instanceof HTMLSelectElement || found instanceof HTMLTextAreaElement)
      return found;
    throw new Error(`veld ${name} ontbreekt`);
  };
  const value = (name: string): string | undefined => {
    const text = input(name).value;
    return text.trim() === '' ? undefined : text;
  };
  const received = input('received') as HTMLInputElement;
  const organisation = input('organisation') as HTMLSelectElement;
  const channel = input('channel') as HTMLSelectElement;
  const category = input('category') as HTMLSelectElement;
  const show = (which: string, visible: boolean): void => {
    for (const node of form.querySelectorAll<HTMLElement>(`[data-only="${which}"]`)) node.hidden = !visible;
  };
  const validDate = (date: string | undefined): boolean =>
    date !== undefined && isIsoDate(date) && date >= EARLIEST && date <= LATEST;

  // Errors at their field: aria-invalid, and the message named by aria-describedby.
  const clearErrors = (): void => {
    for (const node of form.querySelectorAll('.field-error')) node.remove();
    for (const field of form.querySelectorAll<HTMLElement>('[aria-invalid]')) {
      field.removeAttribute('aria-invalid');
      const described = (field.getAttribute('aria-describedby') ?? '').replace(/\s*\S+-fout/g, '').trim();
      if (described === '') field.removeAttribute('aria-describedby');
      else field.setAttribute('aria-describedby', described);
    }
  };
  const fieldError = (name: string, message: string): HTMLElement => {
    const field = name === 'form' ? (form.querySelector<HTMLInputElement>('input[name="form"]') as HTMLElement) : input(name);
    const errorId = `${field.id || name}-fout`;
    let error = root.getElementById(errorId);
    if (error) {
      error.textContent = `${error.textContent} ${message}`;
      return field;
    }
    error = root.createElement('p');
    error.className = 'field-error';
    error.id = errorId;
    error.textContent = message;
    field.closest('.field, fieldset')?.append(error);
    field.setAttribute('aria-invalid', 'true');
    field.setAttribute('aria-describedby', `${field.getAttribute('aria-describedby') ?? ''} ${errorId}`.trim());
    return field;
  };

  const version = (): RegulationVersion | undefined =>
    versionInForce(set, organisation.value, validDate(received.value) ? received.value : today);

  // The choices of the regulation in force on the received date: channels, oral, categories, fields.
  const fit = (): void => {
    const current = version();
    if (!current) return;
    const { regulation } = current;
    const options = (
      select: HTMLSelectElement,
      values: readonly string[],
      labels: (v: string) => string,
      empty?: string,
    ): void => {
      const kept = select.value;
      select.replaceChildren(
        ...(empty === undefined ? [] : [new Option(empty, '')]),
        ...values.map((v) => new Option(labels(v), v)),
      );
      if (values.includes(kept)) select.value = kept;
    };
    options(channel, regulation.complaint.channels, (c) => `${page.channels[c as Channel]} (${c})`);
    options(category, regulation.organisation.categories, (c) => c, '(nog geen)');
    show('oral', regulation.complaint.oral);
    const written = form.querySelector<HTMLInputElement>('input[value="written"]');
    if (!regulation.complaint.oral && written) written.checked = true;
    show('dated', regulation.complaint.requiredContents.includes('dated'));
    show('assignment', regulation.complaint.submissionWindow?.from === 'assignmentEnded');
  };

  const answers = (): ComplaintAnswers => {
    const visible = (name: string): string | undefined =>
      input(name).closest<HTMLElement>('[hidden]') ? undefined : value(name);
    const description = value('description');
    return {
      organisation: organisation.value,
      received: received.value,
      channel: channel.value as Channel,
      form: form.querySelector<HTMLInputElement>('input[name="form"]:checked')?.value === 'oral' ? 'oral' : 'written',
      name: value('name')?.trim(),
      email: value('email')?.trim(),
      phone: value('phone')?.trim(),
      address: value('address')?.trim(),
      dated: visible('dated'),
      handler: value('handler')?.trim(),
      involved: value('involved'),
      category: value('category'),
      assignmentEnded: visible('assignmentEnded'),
      description,
    };
  };

  // The deadlines that follow, at once, as the finder shows them.
  const showPlan = (): void => {
    const current = version();
    const ended = value('assignmentEnded');
    if (!current || !validDate(received.value)) {
      planSection.hidden = true;
      return;
    }
    const options = {
      formatDate: formatDateLong,
      ...(ended !== undefined && validDate(ended) ? { assignmentEnded: ended } : {}),
    };
    renderPlan(planProcedure(current, received.value, options), plan);
    planSection.hidden = false;
  };

  /** The form's own checks (dates, what the regulation requires), then the register's; true when the file is good. */
  const check = (): { text: string; year: string } | undefined => {
    clearErrors();
    problems.replaceChildren();
    fileSection.hidden = true;
    const a = answers();
    const first: HTMLElement[] = [];
    const report = (name: string, message: string): void => {
      first.push(fieldError(name, message));
    };
    // A date field holds '' for a date that does not exist (31 February): the browser says badInput.
    const badDate = (name: string, date: string | undefined): boolean =>
      !input(name).closest('[hidden]') &&
      ((input(name) as HTMLInputElement).validity.badInput || (date !== undefined && !validDate(date)));
    if (!validDate(a.received) || badDate('received', a.received)) report('received', DATE_ERROR);
    if (badDate('dated', a.dated)) report('dated', DATE_ERROR);
    if (badDate('assignmentEnded', a.assignmentEnded)) report('assignmentEnded', DATE_ERROR);
    const current = version();
    if (!current) report('received', 'Op deze datum was er nog geen reglement van deze organisatie van kracht.');
    if (current && first.length === 0) {
      const required = current.regulation.complaint.requiredContents;
      if (required.includes('name') && a.name === undefined) report('name', 'Het reglement vraagt de naam van de klager.');
      if (required.includes('address') && a.address === undefined)
        report('address', 'Het reglement vraagt het adres van de klager.');
      if (required.includes('contact') && !a.email && !a.phone && !a.address)
        report('email', 'Het reglement vraagt contactgegevens: een e-mailadres, telefoonnummer of adres.');
      if (required.includes('dated') && a.dated === undefined)
        report('dated', 'Het reglement vraagt de dagtekening van de klacht.');
      if (required.includes('description') && a.description === undefined)
        report('description', 'Het reglement vraagt een omschrijving van de klacht.');
      if (current.regulation.complaint.submissionWindow?.from === 'assignmentEnded' && a.assignmentEnded === undefined)
        report('assignmentEnded', 'Vul het einde van de opdracht in: daarvan telt de termijn om de klacht in te dienen.');
    }
    if (first.length > 0) {
      first[0]?.focus();
      return undefined;
    }
    const year = a.received.slice(0, 4);
    const text = composeComplaint(a, id);
    const result = readComplaint({ file: `${page.register}/complaints/${year}/${id}.md`, text }, set, today);
    const findings = result.diagnostics;
    const loose: Diagnostic[] = [];
    for (const d of findings) {
      const field = d.severity === 'error' ? fieldOfLine(text, d.line) : undefined;
      if (field === undefined) loose.push(d);
      else report(field, d.message);
    }
    if (loose.length > 0) {
      const list = root.createElement('ul');
      for (const d of loose) {
        const item = root.createElement('li');
        item.textContent = `${d.severity === 'error' ? 'Fout' : 'Let op'}: ${d.message}`;
        list.append(item);
      }
      const heading = root.createElement('h2');
      heading.textContent = 'Uit de controle';
      heading.tabIndex = -1;
      problems.replaceChildren(heading, list);
    }
    const errors = findings.filter((d) => d.severity === 'error');
    if (!result.record || errors.length > 0) {
      (first[0] ?? problems.querySelector<HTMLElement>('h2'))?.focus();
      return undefined;
    }
    return { text, year };
  };

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    showPlan();
    const made = check();
    if (!made) return;
    const path = `${page.register}/complaints/${made.year}/${id}.md`;
    pre.textContent = made.text;
    if (page.repository === null) {
      where.textContent = `Kopieer de tekst hieronder naar een nieuw bestand ${path} in de repository van het register (op GitHub: Add file, Create new file) en open een pull request.`;
      copy.textContent = 'Kopieer de tekst';
    } else {
      where.textContent = `De knop kopieert de tekst en opent op GitHub een nieuw bestand ${path}. Plak de tekst daar (Ctrl+V of Cmd+V) en kies Propose new file / Create pull request.`;
      copy.textContent = 'Kopieer en open GitHub';
    }
    copied.textContent = '';
    fileSection.hidden = false;
    root.getElementById('bestand-kop')?.focus();
  });

  copy.addEventListener('click', () => {
    const text = pre.textContent;
    const year = /^received: (\d{4})/m.exec(text)?.[1] ?? today.slice(0, 4);
    // The text goes to the clipboard only, never into the address (an address ends up in history and
    // logs); GitHub opens after the copy, still within the click's user activation.
    const open = (): void => {
      if (page.repository === null) return;
      window.open(
        `https://github.com/${page.repository}/new/main/${page.register}/complaints/${year}?filename=${encodeURIComponent(`${id}.md`)}`,
        '_blank',
        'noopener',
      );
    };
    navigator.clipboard.writeText(text).then(
      () => {
        copied.textContent = 'Gekopieerd naar het klembord.';
        open();
      },
      () => {
        copied.textContent = 'Kopiëren lukte niet: selecteer de tekst hierboven en kopieer hem zelf.';
        open();
      },
    );
  });

  for (const name of ['organisation', 'received', 'assignmentEnded'])
    input(name).addEventListener('change', () => {
      fit();
      showPlan();
    });
  received.value = today;
  form.hidden = false;
  fit();
  showPlan();
}
