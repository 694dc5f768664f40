import { closeSync, fstatSync, openSync, readdirSync, readSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import {
  checkRegister,
  MAX_FILE_BYTES,
  readRegulations,
  type Diagnostic,
  type IsoDate,
  type RegulationSet,
  type SourceFile,
} from '../../core/index.ts';
import { UsageError } from './args.ts';

/** Markdown files below `dir`, sorted, as absolute paths. */
export function listMarkdown(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.md') && entry.name !== 'README.md')
    .map((entry) => join(entry.parentPath, entry.name))
    .sort();
}

function requireDir(dir: string, flag: string, what: string): void {
  if (!statSync(dir, { throwIfNoEntry: false })?.isDirectory())
    throw new UsageError(`${what} niet gevonden: ${dir} (geef de map op met ${flag})`);
}

/** Reads a file unless it is over the size limit; one open, fstat and read, as readFileSync does. */
function readLimited(path: string, file: string): SourceFile {
  const fd = openSync(path, 'r');
  try {
    const size = fstatSync(fd).size;
    // An oversized file is never read: the parser reports it from its size alone.
    if (size > MAX_FILE_BYTES) return { file, text: '', size };
    const buffer = Buffer.allocUnsafe(size);
    let read = 0;
    while (read < size) {
      const n = readSync(fd, buffer, read, size - read, read);
      if (n === 0) break;
      read += n;
    }
    return { file, text: buffer.toString('utf8', 0, read) };
  } finally {
    closeSync(fd);
  }
}

/** Reads files lazily, so a large register is never held in memory as text all at once. */
function* readSources(paths: readonly string[], cwd: string): Generator<SourceFile> {
  for (const path of paths) {
    const file = relative(cwd, path) || path;
    yield readLimited(path, file);
  }
}

/** The complaints folder of a register. */
export function complaintsDir(cwd: string, register: string): string {
  return resolve(cwd, register, 'complaints');
}

/** Reads and checks the regulations. */
export function loadRegulations(cwd: string, dir: string): { regulations: RegulationSet; diagnostics: Diagnostic[] } {
  const root = resolve(cwd, dir);
  requireDir(root, '--regulations', 'map met reglementen');
  return readRegulations([...readSources(listMarkdown(root), cwd)]);
}

/** Reads and checks regulations and every complaint file. */
export function loadRegister(options: { cwd: string; register: string; regulations: string; today: IsoDate }) {
  const { regulations, diagnostics: regulationDiagnostics } = loadRegulations(options.cwd, options.regulations);
  const dir = complaintsDir(options.cwd, options.register);
  requireDir(dir, '--register', 'map met klachtdossiers (<register>/complaints)');
  const paths = listMarkdown(dir);
  const checked = checkRegister(readSources(paths, options.cwd), regulations, options.today);
  return { regulations, fileCount: paths.length, ...checked, diagnostics: [...regulationDiagnostics, ...checked.diagnostics] };
}
