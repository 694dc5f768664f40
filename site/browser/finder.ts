// The deadline finder (termijnenwijzer) in the browser. It uses the register's own deadline engine,
// so a date here is the date `klachten status` would compute.
import { amsterdamDate } from '../../core/calendar/amsterdam.ts';
import { formatDateLong } from '../../core/calendar/dutch.ts';
import { isIsoDate } from '../../core/calendar/iso-date.ts';
import { createWorkingCalendar } from '../../core/calendar/working-calendar.ts';
import { planProcedure, type ProcedurePlan, type ProcedureRegulation } from '../../core/deadlines/plan.ts';

// The range of dates the finder accepts: wide, but four-digit years only.
const EARLIEST = '1900-01-01';
const LATEST = '2199-12-31';

function element<K extends keyof HTMLElementTagNameMap>(tag: K, text?: string, className?: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (text !== undefined) node.textContent = text;
  if (className !== undefined) node.className = className;
  return node;
}

/** Shows a plan as the finder does: per step the latest date and how it was counted. */
export function renderPlan(plan: ProcedurePlan, target: HTMLElement): void {
  const heading = element('h3', `Bij ontvangst op ${formatDateLong(plan.received)}`);
  heading.tabIndex = -1;
  const list = element('ol', undefined, 'result-list');
  for (const step of plan.steps) {
    const item = element('li');
    item.append(element('strong', step.title));
    if (step.due === null) {
      item.append(document.createTextNode(`: ${step.explanation}.`));
    } else {
      // A step with a term has a latest date; the receipt itself has a date.
      item.append(
        document.createTextNode(step.rule === null ? ': op ' : ': uiterlijk '),
        element('span', formatDateLong(step.due), 'result-date'),
      );
    }
    const details: string[] = [];
    if (step.due !== null && step.rule !== null) details.push(step.explanation);
    if (step.chained)
      details.push('als de stap ervoor de hele termijn gebruikt; gaat die sneller, dan komt deze datum ook eerder');
    if (step.condition !== null) details.push(step.condition);
    details.push(`wie: ${step.actor}`);
    item.append(element('br'), element('span', details.join('; ') + '.', 'hint'));
    list.append(item);
  }
  const parts: HTMLElement[] = [heading];
  if (plan.submission) {
    const submission = element('p');
    submission.append(
      document.createTextNode('Laatste dag om de klacht in te dienen: '),
      element('span', formatDateLong(plan.submission.last), 'result-date'),
      element('br'),
      element('span', `${plan.submission.explanation}.`, 'hint'),
    );
    parts.push(submission);
  }
  parts.push(list);
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
      renderPlan(planProcedure(version, date, ended && isIsoDate(ended) ? { assignmentEnded: ended } : {}), result);
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
