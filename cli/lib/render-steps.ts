import { formatDate, STEP_STATUS_NAMES, type ComplaintStatus } from '../../core/index.ts';
import { renderTable } from './table.ts';

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
