import { getCollection } from 'astro:content';
import { buildRegulationSet, versionInForce } from '../../core/deadlines/regulation-set.ts';
import type { Regulation } from '../../core/schemas/regulation.ts';
import { buildDate } from './build-date.ts';

export { buildDate };

/** One version of a regulation as the site publishes it. */
export interface PublishedVersion {
  /** Collection entry id, `<slug>/<effective>`. */
  id: string;
  regulation: Regulation;
  /** Path of the version's own page, e.g. `/pit/versies/2024-02-01/`, without the base. */
  path: string;
  /** `current`, `previous` (replaced) or `upcoming` (takes effect later). */
  status: 'current' | 'previous' | 'upcoming';
}

/** An organisation with its regulation versions, oldest first. */
export interface PublishedOrganisation {
  slug: string;
  name: string;
  versions: PublishedVersion[];
  /** The version in force on the build date; the oldest one if none is yet. */
  current: PublishedVersion;
}

/** All organisations with their versions, sorted by name. */
export async function organisations(): Promise<PublishedOrganisation[]> {
  const today = buildDate();
  // The register's own grouping and "version in force" rule; the entry id stands in for the file.
  const set = buildRegulationSet(
    (await getCollection('regulations')).map((entry) => ({ file: entry.id, regulation: entry.data })),
  );
  const result: PublishedOrganisation[] = [];
  for (const [slug, list] of set) {
    const inForce = versionInForce(set, slug, today) ?? list[0];
    const versions = list.map((version): PublishedVersion => ({
      id: version.file,
      regulation: version.regulation,
      path: `/${slug}/versies/${version.regulation.effective}/`,
      status: version === inForce ? 'current' : version.regulation.effective > today ? 'upcoming' : 'previous',
    }));
    const current = versions.find((v) => v.status === 'current');
    if (current === undefined) continue;
    result.push({ slug, name: current.regulation.organisation.name, versions, current });
  }
  return result.sort((a, b) => a.name.localeCompare(b.name, 'nl'));
}

/** A path on the site with the configured base, e.g. `/pit/` → `/klachten/pit/`. */
export function href(path: string): string {
  const base = import.meta.env.BASE_URL.replace(/\/$/, '');
  return `${base}${path}`;
}
