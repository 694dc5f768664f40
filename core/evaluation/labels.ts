import { CHANNEL_NAMES } from '../schemas/common.ts';
import type { Cell } from './anonymise.ts';

/** Dutch names of the cells of every breakdown, for the CLI, the draft and the pages. */
export const CELL_NAMES: Record<string, Record<string, string>> = {
  byQuarter: { K1: '1e kwartaal', K2: '2e kwartaal', K3: '3e kwartaal', K4: '4e kwartaal' },
  byChannel: CHANNEL_NAMES,
  byForm: { written: 'schriftelijk', oral: 'mondeling' },
  byCategory: { overig: 'overig', geen: 'geen categorie' },
  admissibility: { admissible: 'in behandeling genomen', inadmissible: 'niet in behandeling genomen' },
  outcomes: {
    gegrond: 'gegrond',
    'deels-gegrond': 'deels gegrond',
    ongegrond: 'ongegrond',
    ingetrokken: 'ingetrokken',
    'opgelost-in-overleg': 'opgelost in overleg',
    'niet-ontvankelijk': 'niet-ontvankelijk',
    'nog-geen': 'nog geen uitkomst',
  },
  escalationOutcomes: {
    gegrond: 'gegrond',
    'deels-gegrond': 'deels gegrond',
    ongegrond: 'ongegrond',
    ingetrokken: 'ingetrokken',
    schikking: 'schikking',
    'niet-ontvankelijk': 'niet-ontvankelijk',
    onbekend: 'uitspraak nog niet bekend',
  },
  states: { onTime: 'op tijd', late: 'te laat gedaan', open: 'loopt nog', overdue: 'termijn verstreken, nog open' },
  satisfaction: { satisfied: 'klager tevreden', notSatisfied: 'klager niet tevreden', unknown: 'niet vastgelegd' },
};

/** The Dutch name of a cell in a group of {@link CELL_NAMES}; categories and bodies keep their own name. */
export function cellName(group: string, key: string): string {
  return CELL_NAMES[group]?.[key] ?? key;
}

/** A published cell as text: "12", "< 3" or "verborgen". */
export function cellText(cell: Cell): string {
  return typeof cell === 'number' ? String(cell) : cell;
}

/** A share as text: "83%", or "–" when withheld. */
export function percentText(value: number | null): string {
  return value === null ? '–' : `${String(value)}%`;
}
