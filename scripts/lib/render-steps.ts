import { formatDate, type ComplaintStatus } from '../../core/index.ts';
import { renderTable } from './table.ts';

const NAMES: Record<string, string> = {
  done: 'gedaan',
  'done-late': 'te laat gedaan',
  open: 'open',
  'due-soon': 'binnenkort',
  overdue: 'TE LAAT',
  'not-applicable': 'n.v.t.',
};

/** The steps of one complaint with their deadlines, as a table for the terminal. */
export function renderSteps(status: ComplaintStatus): string {
  const rows = status.steps
    .filter((step) => step.status !== 'not-applicable' || step.done !== null)
    .map((step) => [
      step.id,
      step.due === null ? '-' : formatDate(step.due),
      step.done ?? '-',
      NAMES[step.status] ?? step.status,
      step.explanation,
    ]);
  return renderTable(['Stap', 'Uiterlijk', 'Gedaan', 'Status', 'Toelichting'], rows);
}
