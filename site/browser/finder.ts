// The deadline finder (termijnenwijzer) in the browser. It uses the register's own deadline engine,
// so a date here is the date `klachten status` would compute.
import { amsterdamDate } from '../../core/calendar/amsterdam.ts';
import { formatDateLong } from '../../core/calendar/dutch.ts';
import { isIsoDate, type IsoDate } from '../../core/calendar/iso-date.ts';
import { createWorkingCalendar } from '../../core/calendar/working-calendar.ts';
import {
  planProcedure,
  type PlannedStep,
  type PlannedSubmission,
  type ProcedurePlan,
  type ProcedureRegulation,
} from '../../core/deadlines/plan.ts';

// The range of dates the finder accepts: wide, but four-digit years only.
const EARLIEST = '1900-01-01';
const LATEST = '2199-12-31';

function element<K extends keyof HTMLElementTagNameMap>(tag: K, text?: string, className?: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (text !== undefined) node.textContent = text;
  if (className !== undefined) node.className = className;
  return node;
}

/** A date for the timeline: `<time datetime>` in full Dutch, "vandaag, …" when it is today. */
function dateNode(date: IsoDate, today: IsoDate | undefined): (Node | string)[] {
  const time = element('time', formatDateLong(date), 'result-date');
  time.dateTime = date;
  return date === today ? ['vandaag, ', time] : [time];
}

/** "6 weken na ontvangst …" as a sentence: a capital and a full stop. */
function sentence(text: string): string {
  return `${text.charAt(0).toUpperCase()}${text.slice(1)}.`;
}

/** When a step happens at the latest: its date, and its date with every extension allowed. */
function when(step: PlannedStep, today: IsoDate | undefined): HTMLElement {
  const line = element('p', undefined, 'finder-when');
  if (step.due === null) {
    // The term counts from an event without a date: say so in one sentence.
    line.append(`uiterlijk ${step.explanation}`);
    return line;
  }
  if (step.rule !== null) line.append('uiterlijk ');
  line.append(...dateNode(step.due, today));
  const extension = step.extension;
  if (extension?.latest === null) {
    line.append(extension.own ? ', of later als de termijn wordt verlengd' : ', of later als een eerdere termijn wordt verlengd');
  } else if (extension !== undefined && extension.latest !== step.due) {
    line.append('; met verlenging uiterlijk ', ...dateNode(extension.latest, today));
  }
  return line;
}

/** What else a visitor should know of a dated step: the condition, how it was counted, extensions, who acts. */
function details(step: PlannedStep): string {
  const sentences: string[] = [];
  if (step.condition !== null) sentences.push(sentence(step.condition));
  if (step.due !== null && step.rule !== null) {
    sentences.push(sentence(step.explanation));
    if (step.chained)
      sentences.push(
        'Deze datum geldt als de stap ervoor de hele termijn gebruikt; gaat die sneller, dan komt deze datum ook eerder.',
      );
  }
  const extension = step.extension;
  if (extension?.own) {
    sentences.push(`De organisatie mag deze termijn verlengen${extension.reasoned ? ' en legt dan uit waarom' : ''}.`);
    if (extension.latest === null) sentences.push('Het reglement noemt geen grens voor de verlenging.');
    if (extension.noticeBy !== undefined)
      sentences.push(`Een verlenging hoort u uiterlijk ${formatDateLong(extension.noticeBy)}.`);
  } else if (extension) {
    sentences.push('Deze datum schuift mee als een eerdere termijn wordt verlengd.');
  }
  sentences.push(sentence(`wie: ${step.actor}`));
  return sentences.join(' ');
}

/** Whether the complaint falls inside the window to submit it, or what the visitor should fill in to know. */
function verdict(submission: PlannedSubmission): HTMLElement[] {
  const deadline = submission.deadline;
  if (deadline === undefined)
    return [
      element(
        'p',
        `Een klacht indienen kan tot ${submission.rule}. Vul het einde van de opdracht in, dan ziet u of uw klacht binnen de termijn valt.`,
      ),
    ];
  const line = element('p', undefined, `finder-verdict ${deadline.inTime ? 'finder-verdict--in' : 'finder-verdict--out'}`);
  const last = element('time', formatDateLong(deadline.last));
  last.dateTime = deadline.last;
  line.append(
    element('strong', deadline.inTime ? 'Uw klacht valt binnen de termijn:' : 'Uw klacht valt buiten de termijn:'),
    deadline.inTime ? ' indienen kan tot en met ' : ' indienen kon tot en met ',
    last,
    '.',
  );
  return [line, element('p', sentence(deadline.explanation), 'hint')];
}

/**
 * Shows a plan as the finder does: whether the complaint is in time, then the steps with a date as a
 * timeline (with `today` marked), then the steps without a term folded under 'Overige stappen'.
 */
export function renderPlan(plan: ProcedurePlan, target: HTMLElement, today?: IsoDate): void {
  const heading = element('h3', `Bij ontvangst op ${formatDateLong(plan.received)}`);
  heading.tabIndex = -1;
  const parts: HTMLElement[] = [heading];
  if (plan.submission) parts.push(...verdict(plan.submission));

  // Dated steps in the order of their dates, then the terms that count from an event without a date.
  const dated = plan.steps.filter((step) => step.due !== null);
  dated.sort((a, b) => (a.due === b.due ? 0 : (a.due ?? '') < (b.due ?? '') ? -1 : 1));
  const counted = [...dated, ...plan.steps.filter((step) => step.due === null && step.rule !== null)];
  const list = element('ol', undefined, 'result-list finder-timeline');
  for (const step of counted) {
    const what = element('p', undefined, 'finder-what');
    what.append(element('strong', step.title));
    const item = element('li');
    item.append(when(step, today), what, element('p', details(step), 'hint'));
    list.append(item);
  }
  parts.push(list);

  const rest = plan.steps.filter((step) => step.rule === null && step.due === null);
  if (rest.length > 0) {
    const folded = element('details', undefined, 'finder-other');
    const steps = element('ul');
    for (const step of rest) {
      const item = element('li');
      const about = [step.condition === null ? undefined : sentence(step.condition), sentence(`wie: ${step.actor}`)];
      item.append(element('strong', step.title), element('br'), element('span', about.filter(Boolean).join(' '), 'hint'));
      steps.append(item);
    }
    folded.append(
      element('summary', `Overige stappen (${String(rest.length)})`),
      element('p', 'Voor deze stappen noemt het reglement geen termijn.'),
      steps,
    );
    parts.push(folded);
  }
  target.replaceChildren(...parts);
}

function showError(message: string, target: HTMLElement, input: HTMLInputElement): void {
  const error = element('p', message, 'notice');
  error.id = `${input.id}-fout`;
  input.setAttribute('aria-invalid', 'true');
  input.setAttribute('aria-describedby', `${input.id}-hint ${error.id}`);
  target.replaceChildren(error);
}

/** Wires every finder on the page: shows the form, fills in today and computes on submit and change. */
export function initFinders(root: Document): void {
  for (const section of root.querySelectorAll<HTMLElement>('[data-finder]')) {
    const form = section.querySelector<HTMLFormElement>('[data-finder-form]');
    const result = section.querySelector<HTMLElement>('[data-finder-result]');
    const data = section.querySelector('[data-procedure]');
    const received = form?.querySelector<HTMLInputElement>('input[name="ontvangen"]');
    if (!form || !result || !data?.textContent || !received) continue;
    const regulation = JSON.parse(data.textContent) as ProcedureRegulation;
    const version = { regulation, calendar: createWorkingCalendar({ closingDays: regulation.calendar.closingDays }) };
    const assignment = form.querySelector<HTMLInputElement>('input[name="opdrachtEinde"]');
    const compute = (report: boolean): void => {
      const date = received.value;
      // While a visitor types the year, the field briefly holds dates such as 0002-04-01: wait for a real one.
      if (!isIsoDate(date) || date < EARLIEST || date > LATEST) {
        if (report) showError('Vul een bestaande datum in, bijvoorbeeld 01-04-2026.', result, received);
        return;
      }
      received.removeAttribute('aria-invalid');
      received.setAttribute('aria-describedby', `${received.id}-hint`);
      const ended = assignment?.value;
      if (ended && (!isIsoDate(ended) || ended < EARLIEST || ended > LATEST)) return;
      // Dates in full, as everywhere on the site.
      const plan = planProcedure(version, date, {
        formatDate: formatDateLong,
        ...(ended && isIsoDate(ended) ? { assignmentEnded: ended } : {}),
      });
      renderPlan(plan, result, amsterdamDate(new Date()));
    };
    received.value = amsterdamDate(new Date());
    form.hidden = false;
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      compute(true);
      result.querySelector<HTMLElement>('h3, .notice')?.focus();
    });
    form.addEventListener('change', () => {
      compute(false);
    });
    compute(false);
  }
}
