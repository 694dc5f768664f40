import { formatDateLong, formatTerm } from '../../core/calendar/dutch.ts';
import type { Channel } from '../../core/schemas/common.ts';
import type { Regulation, RequiredContent } from '../../core/schemas/regulation.ts';

/** What a complaint must contain, as a complainant reads it. */
export const REQUIRED_CONTENT: Record<RequiredContent, string> = {
  name: 'uw naam',
  contact: 'hoe wij u kunnen bereiken (e-mailadres of telefoonnummer)',
  address: 'uw adres',
  description: 'een omschrijving van de klacht: waarover u klaagt en wat er is gebeurd',
  dated: 'de datum',
};

/** How to hand in a complaint per channel, in plain Dutch. */
export const CHANNEL_ACTION: Record<Channel, string> = {
  email: 'per e-mail',
  post: 'per post',
  'in-person': 'persoonlijk (mondeling)',
  phone: 'telefonisch',
  'web-form': 'via het webformulier',
};

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
