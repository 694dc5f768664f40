import { closeSync, fstatSync, openSync, readdirSync, readSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { MAX_FILE_BYTES, RegisterError, type RegisterFolder, type SourceFile } from '../core/index.ts';

/** Markdown files below `dir`, sorted, as absolute paths; a README.md is documentation, not data. */
export function listMarkdown(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.md') && entry.name !== 'README.md')
    .map((entry) => join(entry.parentPath, entry.name))
    .sort();
}

/** How messages name the register's folders. */
export const FOLDER_NAMES: Record<RegisterFolder, string> = {
  regulations: 'map met reglementen',
  register: 'map van het register',
  complaints: 'map met klachtdossiers (<register>/complaints)',
};

/** Whether `dir` is a folder. */
export function isDir(dir: string): boolean {
  return statSync(dir, { throwIfNoEntry: false })?.isDirectory() === true;
}

/**
 * Stops when `dir` is not a folder.
 * @throws {RegisterError} `folder-missing` naming the folder; each caller adds how to point at it.
 */
export function requireDir(dir: string, folder: RegisterFolder): void {
  if (!isDir(dir)) throw new RegisterError('folder-missing', `${FOLDER_NAMES[folder]} niet gevonden: ${dir}`, { folder });
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

/**
 * Reads files lazily, so a large register is never held in memory as text all at once. Each file is
 * named relative to `cwd`, as messages show it.
 */
export function* readSources(paths: readonly string[], cwd: string): Generator<SourceFile> {
  for (const path of paths) yield readLimited(path, relative(cwd, path) || path);
}
