import { linkSync, mkdirSync, unlinkSync } from 'node:fs';
import { basename, dirname, join, relative } from 'node:path';
import { COMPLAINT_ID, PROVISIONAL_ID, readComplaint } from '../../core/index.ts';
import { idOfFile } from '../../node/find-complaint.ts';
import { complaintsDir, existingComplaintsDir } from '../../node/load-register.ts';
import { listMarkdownEntries, readFileChecked } from '../../node/read-sources.ts';
import { replaceFile } from '../../node/write-file.ts';
import { defineCommand } from '../lib/command.ts';
import { commandRegulations } from '../lib/regulations.ts';
import { resolveToday } from '../lib/today.ts';

/** The `id:` line of a provisional complaint, with its quoting and a comment after it kept. */
const ID_LINE = /^id:([ \t]*)(['"]?)(nieuw-[a-z0-9]+)\2([ \t]*(?:#[^\n]*)?)$/m;

/**
 * The text with its provisional id replaced by `id`, nothing else changed; undefined when the front
 * matter has no single plain `id: nieuw-…` line to replace.
 */
export function withNumber(text: string, provisional: string, id: string): string | undefined {
  const match = ID_LINE.exec(text);
  if (match?.[3] !== provisional) return undefined;
  return text.replace(
    ID_LINE,
    (_, space: string, quote: string, __: string, rest: string) => `id:${space}${quote}${id}${quote}${rest}`,
  );
}

/** `klachten number`. */
export const number = defineCommand({
  name: 'number',
  summary: 'klachten met een voorlopig id (nieuw-…) hun klachtnummer geven',
  description: `Geeft elke klacht met een voorlopig id (nieuw-…, geschreven door klachten new) het volgende vrije
klachtnummer van het jaar van ontvangst, in volgorde van ontvangst: het id in het bestand wordt het
nummer (de rest blijft byte voor byte gelijk) en het bestand heet voortaan <nummer>.md. De workflow
number doet dit na elke samenvoeging in main, één run tegelijk: zo zijn de nummers op main zonder gaten
of dubbelen, wat er ook tegelijk in andere branches gebeurde. Een bestand met fouten krijgt geen
nummer; klachten check zegt wat eraan schort.`,
  options: {
    'dry-run': { type: 'boolean', default: false, description: 'alleen tonen welke nummers het zou geven' },
  },
  sections: ['Exitcode: 0 ook als er niets te nummeren is; 1 als een voorlopige klacht fouten heeft.'],
  run: ({ values }, io) => {
    const today = resolveToday(values.today, io.now());
    const { regulations } = commandRegulations(io, values.regulations);
    const dir = existingComplaintsDir(io.cwd, values.register);
    const entries = listMarkdownEntries(dir);
    // The highest number per year on disk, counting on from there.
    const highest = new Map<string, number>();
    for (const entry of entries) {
      const match = COMPLAINT_ID.exec(idOfFile(entry.name));
      if (match?.[1] !== undefined) highest.set(match[1], Math.max(highest.get(match[1]) ?? 0, Number(match[2])));
    }
    const provisional = entries
      .filter((entry) => PROVISIONAL_ID.test(idOfFile(entry.name)))
      .map((entry) => {
        const file = relative(io.cwd, entry.path);
        const { source, bytes } = readFileChecked(entry.path, file);
        const read = readComplaint(source, regulations, today);
        const errors = read.diagnostics.filter((d) => d.severity === 'error');
        return { entry, file, text: source.text, bytes, complaint: errors.length === 0 ? read.record?.complaint : undefined };
      })
      .sort((a, b) =>
        (a.complaint?.received ?? '') < (b.complaint?.received ?? '')
          ? -1
          : (a.complaint?.received ?? '') > (b.complaint?.received ?? '')
            ? 1
            : a.entry.name < b.entry.name
              ? -1
              : 1,
      );
    if (provisional.length === 0) {
      io.stdout('geen klachten met een voorlopig id: niets te nummeren\n');
      return 0;
    }
    let failed = 0;
    const given: string[] = [];
    for (const item of provisional) {
      const provisionalId = idOfFile(item.entry.name);
      const complaint = item.complaint;
      if (complaint?.id !== provisionalId) {
        io.stderr(`${item.file}: heeft fouten of een ander id dan de bestandsnaam; geen nummer (zie klachten check)\n`);
        failed += 1;
        continue;
      }
      const year = complaint.received.slice(0, 4);
      const next = (highest.get(year) ?? 0) + 1;
      const id = `KL-${year}-${String(next).padStart(4, '0')}`;
      const text = withNumber(item.text, provisionalId, id);
      if (text === undefined) {
        io.stderr(`${item.file}: het id staat niet als één regel 'id: ${provisionalId}' in het bestand; geen nummer\n`);
        failed += 1;
        continue;
      }
      const target = join(complaintsDir(io.cwd, values.register), year, `${id}.md`);
      const shown = relative(io.cwd, target);
      if (values['dry-run']) {
        io.stdout(`${provisionalId} → ${id} (${shown})\n`);
        highest.set(year, next);
        continue;
      }
      // The content first (atomically, and only over the bytes just read), then the name: a second
      // name for the same file, the old one removed. Never over another file.
      if (replaceFile(item.entry.path, text, item.bytes) !== 'written') {
        io.stderr(`${item.file}: is intussen gewijzigd; geen nummer, probeer het opnieuw\n`);
        failed += 1;
        continue;
      }
      if (dirname(target) !== dirname(item.entry.path) && basename(dirname(item.entry.path)) !== year)
        io.stderr(`${item.file}: staat niet in de map van ${year}; het genummerde bestand komt in ${shown}\n`);
      try {
        mkdirSync(dirname(target), { recursive: true });
        linkSync(item.entry.path, target);
      } catch (error) {
        // Put the provisional id back: the file keeps its name and its id agrees with it.
        replaceFile(item.entry.path, item.text);
        throw error;
      }
      unlinkSync(item.entry.path);
      highest.set(year, next);
      given.push(id);
      io.stdout(`${provisionalId} → ${id} (${shown})\n`);
    }
    if (given.length > 0) io.stdout(`${String(given.length)} klachtnummer(s) gegeven: ${given.join(', ')}\n`);
    return failed > 0 ? 1 : 0;
  },
});
