import { closestName, COMPLAINT_ID, RegisterError } from '../core/index.ts';
import { isDir, listMarkdown, listMarkdownEntries, requireDir } from './read-sources.ts';

/** The id a complaint file's name gives: `…/KL-2026-0007.md` → `KL-2026-0007`. */
export function idOfFile(file: string): string {
  return (file.split(/[\\/]/).pop() ?? '').replace(/\.md$/, '');
}

/**
 * The file of complaint `id` below the complaints folder.
 * @throws {RegisterError} `folder-missing` or `not-found` (with the nearest id as hint).
 */
export function findComplaintFile(dir: string, id: string): string {
  requireDir(dir, 'complaints');
  const files = listMarkdown(dir);
  const match = files.find((file) => idOfFile(file) === id);
  if (match) return match;
  const suggestion = closestName(id, files.map(idOfFile));
  throw new RegisterError('not-found', `klacht ${id} niet gevonden in ${dir}`, {
    ...(suggestion === undefined ? {} : { hint: `bedoelt u ${suggestion}?` }),
  });
}

/** The next free id for a year: one more than the highest number used in that year. */
export function nextComplaintId(dir: string, year: number): string {
  let highest = 0;
  // A register without complaints yet has no folder: the first id is then number 1. The listing
  // follows no links, so a link to a folder above never makes it loop.
  const names = isDir(dir) ? listMarkdownEntries(dir).map((entry) => entry.name) : [];
  for (const name of names) {
    const match = COMPLAINT_ID.exec(idOfFile(name));
    if (match && Number(match[1]) === year) highest = Math.max(highest, Number(match[2]));
  }
  return `KL-${year}-${String(highest + 1).padStart(4, '0')}`;
}
