import { closeSync, fstatSync, openSync, readdirSync, readSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { MAX_FILE_BYTES, RegisterError, type RegisterFolder, type SourceFile } from '../core/index.ts';

/** A Markdown file found below a folder: its path (below the folder as given) and its name. */
export interface MarkdownEntry {
  path: string;
  name: string;
}

/** Whether `path` leads to a folder, following a symbolic link; false when it cannot be read. */
function isFolderBehind(path: string): boolean {
  try {
    return statSync(path, { throwIfNoEntry: false })?.isDirectory() === true;
  } catch {
    return false;
  }
}

/**
 * The Markdown files below `dir` in folder order (not sorted); a README.md is documentation, not data.
 * One `readdir` per folder, whose entries come with their types: Node's recursive `readdirSync` stats
 * every entry to find links to folders, a third of the time it takes to list 100,000 files; here only
 * a link is looked behind. Paths come out as `join` makes them.
 */
export function listMarkdownEntries(dir: string): MarkdownEntry[] {
  const found: MarkdownEntry[] = [];
  const walk = (folder: string): void => {
    // What join(folder, name) starts with, worked out once per folder.
    const prefix = join(folder, '_').slice(0, -1);
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      const { name } = entry;
      const path = prefix + name;
      if (entry.isDirectory() || (entry.isSymbolicLink() && isFolderBehind(path))) walk(path);
      else if (entry.isFile() && name.endsWith('.md') && name !== 'README.md') found.push({ path, name });
    }
  };
  walk(dir);
  return found;
}

/** Markdown files below `dir`, sorted, as absolute paths; a README.md is documentation, not data. */
export function listMarkdown(dir: string): string[] {
  return listMarkdownEntries(dir)
    .map((entry) => entry.path)
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
 * `relative(cwd, path) || path` for many paths, working out each folder once: for a file in a folder,
 * the relative path is the folder's relative path and the file's name.
 */
export function relativeNamer(cwd: string): (path: string) => string {
  let folder: string | undefined;
  let folderName = '';
  return (path) => {
    const cut = path.lastIndexOf(sep);
    const name = path.slice(cut + 1);
    // Anything but a plain name after the last separator goes the long way.
    if (
      cut <= 0 ||
      path[cut - 1] === ':' ||
      name === '' ||
      name === '.' ||
      name === '..' ||
      (sep === '\\' && name.includes('/'))
    ) {
      return relative(cwd, path) || path;
    }
    const dir = path.slice(0, cut);
    if (dir !== folder) {
      folder = dir;
      folderName = relative(cwd, dir);
    }
    return folderName === '' ? name : folderName + sep + name;
  };
}

/**
 * Reads files lazily, so a large register is never held in memory as text all at once. Each file is
 * named relative to `cwd`, as messages show it.
 */
export function* readSources(paths: readonly string[], cwd: string): Generator<SourceFile> {
  const nameOf = relativeNamer(cwd);
  for (const path of paths) yield readLimited(path, nameOf(path));
}
