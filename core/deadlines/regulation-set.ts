import type { IsoDate } from '../calendar/iso-date.ts';
import { createWorkingCalendar, type WorkingCalendar } from '../calendar/working-calendar.ts';
import type { Regulation } from '../schemas/regulation.ts';

/** One version of a regulation, ready for deadline computation. */
export interface RegulationVersion {
  /** `<slug>@<version>`, e.g. `pit@1`: the `regulation` field of the status output. */
  key: string;
  /** The file it came from. */
  file: string;
  regulation: Regulation;
  /** The working-day calendar built from the regulation's calendar settings. */
  calendar: WorkingCalendar;
}

/** All versions of all regulations, by organisation slug, oldest first. */
export type RegulationSet = ReadonlyMap<string, readonly RegulationVersion[]>;

/**
 * Groups regulation versions by organisation and orders them by effective date.
 * @example buildRegulationSet([{ file, regulation }]).get('pit')?.[0]?.key // 'pit@1'
 */
export function buildRegulationSet(entries: readonly { file: string; regulation: Regulation }[]): RegulationSet {
  const set = new Map<string, RegulationVersion[]>();
  for (const { file, regulation } of entries) {
    const version: RegulationVersion = {
      key: `${regulation.organisation.slug}@${regulation.version}`,
      file,
      regulation,
      calendar: createWorkingCalendar({ closingDays: regulation.calendar.closingDays }),
    };
    const list = set.get(regulation.organisation.slug) ?? [];
    list.push(version);
    set.set(regulation.organisation.slug, list);
  }
  for (const list of set.values()) list.sort((a, b) => (a.regulation.effective < b.regulation.effective ? -1 : 1));
  return set;
}

/**
 * The version in force on `date`: the latest whose effective date is on or before it.
 * @example versionInForce(set, 'pit', '2024-03-01')?.key // 'pit@1'
 */
export function versionInForce(set: RegulationSet, slug: string, date: IsoDate): RegulationVersion | undefined {
  const versions = set.get(slug) ?? [];
  let found: RegulationVersion | undefined;
  for (const version of versions) if (version.regulation.effective <= date) found = version;
  return found;
}
