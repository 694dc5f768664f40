import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { closestName, COMPLAINT_ID } from '../../core/index.ts';
import { UsageError } from './args.ts';
import { listMarkdown } from './files.ts';

/** The file of complaint `id` below the complaints folder. */
export function findComplaintFile(dir: string, id: string): string {
  if (!existsSync(dir))
    throw new UsageError(`map met klachtdossiers niet gevonden: ${dir} (geef het register op met --register)`);
  const files = listMarkdown(dir);
  const match = files.find((file) => file.endsWith(`/${id}.md`) || file.endsWith(`\\${id}.md`));
  if (match) return match;
  const ids = files.map((file) => (file.split(/[\\/]/).pop() ?? '').replace(/\.md$/, ''));
  const suggestion = closestName(id, ids);
  throw new UsageError(`klacht ${id} niet gevonden in ${dir}${suggestion ? `; bedoelt u ${suggestion}?` : ''}`);
}

/** The next free id for a year: one more than the highest number used in that year. */
export function nextComplaintId(dir: string, year: number): string {
  let highest = 0;
  // A register without complaints yet has no folder: the first id is then number 1.
  const names = existsSync(dir) ? readdirSync(dir, { recursive: true }).map(String) : [];
  for (const name of names) {
    const match = COMPLAINT_ID.exec((join(name).split(/[\\/]/).pop() ?? '').replace(/\.md$/, ''));
    if (match && Number(match[1]) === year) highest = Math.max(highest, Number(match[2]));
  }
  return `KL-${year}-${String(highest + 1).padStart(4, '0')}`;
}
