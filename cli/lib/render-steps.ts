import { formatDate, type ComplaintStatus, type StepStatus } from '../../core/index.ts';
import { renderTable } from './table.ts';

/** Dutch names of step statuses, as shown in tables. */
export const STEP_STATUS_NAMES: Record<StepStatus['status'], string> = {
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
      STEP_STATUS_NAMES[step.status],
      step.explanation,
    ]);
  return renderTable(['Stap', 'Uiterlijk', 'Gedaan', 'Status', 'Toelichting'], rows);
}
