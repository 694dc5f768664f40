import { EXACT_THRESHOLD, smallLabel, type Cell } from './anonymise.ts';

/** A published cell as text: "12", "< 3" or "verborgen". */
export function cellText(cell: Cell): string {
  return typeof cell === 'number' ? String(cell) : cell;
}

/** A share as text: "83%", or "–" when withheld. */
export function percentText(value: number | null): string {
  return value === null ? '–' : `${String(value)}%`;
}

/** The counts a threshold hides behind "< threshold", in words: "1 of 2" below 3, "1 tot en met 4" below 5. */
export function smallCountsText(threshold: number): string {
  const largest = threshold - 1;
  return largest === 2 ? '1 of 2' : `1 tot en met ${String(largest)}`;
}

/** What every output with exact figures says first. */
export const INTERNAL_NOTICE = 'intern: niet publiceren';

/** What the figures leave out below the threshold, in a sentence for the readers of the figures. */
export function suppressionNote(threshold: number): string {
  if (threshold <= EXACT_THRESHOLD)
    return `Exacte aantallen, ook de kleine, voor de directie (${INTERNAL_NOTICE}): een klager of medewerker kan erin te herkennen zijn.`;
  return `Alleen aantallen. Een aantal van ${smallCountsText(threshold)} staat er als "${smallLabel(threshold)}"; "verborgen" is een aantal dat anders via het totaal te herleiden zou zijn.`;
}
