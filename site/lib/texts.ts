import { formatDateLong, formatTerm } from '../../core/calendar/dutch.ts';
import type { Regulation } from '../../core/schemas/regulation.ts';

/** "1 februari 2024" without the weekday, for effective dates. */
export function formatDay(date: string): string {
  return formatDateLong(date).replace(/^\S+ /, '');
}

/** The extension rule in a sentence, or null when deadlines cannot be extended. */
export function extensionText(regulation: Regulation): string | null {
  const rule = regulation.extension;
  if (!rule.allowed) return null;
  const limits: string[] = [];
  if (rule.max) limits.push(`met ten hoogste ${formatTerm(rule.max)}`);
  if (rule.times !== undefined) limits.push(rule.times === 1 ? 'één keer' : `${String(rule.times)} keer`);
  const which =
    rule.steps === undefined
      ? 'Een termijn'
      : `De termijn voor ${rule.steps
          .map((id) => `‘${regulation.steps.find((s) => s.id === id)?.title.toLowerCase() ?? id}’`)
          .join(' en ')}`;
  const parts = [`${which} kan worden verlengd${limits.length > 0 ? ` ${limits.join(', ')}` : ''}.`];
  if (rule.noticeBeforeDeadline) parts.push('U hoort dat vóór de oorspronkelijke termijn afloopt.');
  if (rule.reasonRequired) parts.push('De organisatie legt uit waarom.');
  return parts.join(' ');
}
