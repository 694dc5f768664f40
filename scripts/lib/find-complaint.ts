import { existsSync, readdirSync } from 'node:fs';
import { closestName, COMPLAINT_ID } from '../../core/index.ts';
import { UsageError } from './args.ts';
import { COMPLAINTS_DIR, listMarkdown, requireDir } from './files.ts';

/** The id a complaint file's name gives: `…/KL-2026-0007.md` → `KL-2026-0007`. */
export function idOfFile(file: string): string {
  return (file.split(/[\\/]/).pop() ?? '').replace(/\.md$/, '');
}

/** The file of complaint `id` below the complaints folder. */
export function findComplaintFile(dir: string, id: string): string {
  requireDir(dir, '--register', COMPLAINTS_DIR);
  const files = listMarkdown(dir);
  const match = files.find((file) => idOfFile(file) === id);
  if (match) return match;
  const ids = files.map(idOfFile);
  const suggestion = closestName(id, ids);
  throw new UsageError(`klacht ${id} niet gevonden in ${dir}${suggestion ? `; bedoelt u ${suggestion}?` : ''}`);
}

/** The next free id for a year: one more than the highest number used in that year. */
export function nextComplaintId(dir: string, year: number): string {
  let highest = 0;
  // A register without complaints yet has no folder: the first id is then number 1.
  const names = existsSync(dir) ? readdirSync(dir, { recursive: true }).map(String) : [];
  for (const name of names) {
    const match = COMPLAINT_ID.exec(idOfFile(name));
    if (match && Number(match[1]) === year) highest = Math.max(highest, Number(match[2]));
  }
  return `KL-${year}-${String(highest + 1).padStart(4, '0')}`;
}
