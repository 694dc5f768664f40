import { isUtf8 } from 'node:buffer';
import {
  closeSync,
  constants,
  fstatSync,
  lstatSync,
  openSync,
  readdirSync,
  readSync,
  statSync,
  type Dirent,
  type Stats,
} from 'node:fs';
import { relative, sep } from 'node:path';
import { MAX_FILE_BYTES, RegisterError, type RegisterFolder, type SourceFile } from '../core/index.ts';

/** Why a file could not be read as text; see `SourceProblem` in core/register/parse-file.ts. */
export type SourceProblem = NonNullable<SourceFile['problem']>;

/** A Markdown file found below a folder: its path (below the folder as given) and its name. */
export interface MarkdownEntry {
  path: string;
  name: string;
}

/**
 * The Markdown files below `dir` in folder order (not sorted); a README.md is documentation, not data.
 * One `readdir` per folder: the types come with the entries, so no file is stat'ed (a recursive
 * `readdirSync` stats every entry, a third of the time it takes to list 100,000 files).
 *
 * Nothing is left out in silence: a symbolic link (to a folder, or named `*.md`), a folder that cannot
 * be listed and anything else named `*.md` that is not a plain file are listed too, and reading them
 * gives their finding ({@link readSources}). Links are never followed, so a listing never leaves the
 * folder and never loops.
 */
export function listMarkdownEntries(dir: string): MarkdownEntry[] {
  const found: MarkdownEntry[] = [];
  const walk = (folder: string): void => {
    const prefix = folder.endsWith(sep) ? folder : folder + sep;
    let entries: Dirent[];
    try {
      entries = readdirSync(folder, { withFileTypes: true });
    } catch {
      found.push({ path: folder, name: folder.slice(folder.lastIndexOf(sep) + 1) });
      return;
    }
    for (const entry of entries) {
      const { name } = entry;
      if (entry.isDirectory()) walk(prefix + name);
      else if (entry.isFile()) {
        if (name.endsWith('.md') && name !== 'README.md') found.push({ path: prefix + name, name });
      } else if (name.endsWith('.md') || (entry.isSymbolicLink() && leadsToFolder(prefix + name))) {
        found.push({ path: prefix + name, name });
      }
    }
  };
  walk(dir);
  return found;
}

/** Whether a link leads to a folder (which could hold complaints); false when it leads nowhere. */
function leadsToFolder(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
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

/** Opens without following a link (a link is refused, ELOOP) and without waiting on a pipe (Windows has neither flag). */
const OPEN_FLAGS =
  process.platform === 'win32' ? constants.O_RDONLY : constants.O_RDONLY | constants.O_NOFOLLOW | constants.O_NONBLOCK;

/** The Dutch reason for a failed `open` or `readdir`, by its code; never the path or a value. */
export function unreadableReason(code: string | undefined): string {
  switch (code) {
    case 'EACCES':
    case 'EPERM':
      return 'geen leesrechten';
    case 'ENAMETOOLONG':
      return 'het pad is te lang';
    case 'ENOENT':
    case 'ENOTDIR':
      return 'het bestaat niet (meer)';
    case 'EISDIR':
      return 'het is een map';
    default:
      return code === undefined ? 'onbekende fout' : `fout ${code}`;
  }
}

const LINK_MESSAGE =
  'is een symbolische link; het register volgt geen links (zo leest het niets buiten het register en loopt het nooit rond): zet het bestand of de map zelf hier';

/** The finding for a path that could not be opened or is not a plain file. */
function problemAt(path: string, error: NodeJS.ErrnoException | undefined, stats?: Stats): SourceProblem {
  let kind: Stats | undefined = stats;
  try {
    kind ??= lstatSync(path);
  } catch {
    // Nothing more to learn: the error's code says why.
  }
  if (kind?.isSymbolicLink() || error?.code === 'ELOOP') return { code: 'link', message: LINK_MESSAGE };
  if (kind?.isDirectory()) {
    let reason = error ? unreadableReason(error.code) : undefined;
    if (reason === undefined) {
      try {
        readdirSync(path);
        reason = 'het is een map';
      } catch (listing) {
        reason = unreadableReason((listing as NodeJS.ErrnoException).code);
      }
    }
    return { code: 'unreadable', message: `map niet te lezen: ${reason}; de dossiers erin tellen niet mee` };
  }
  if (error) return { code: 'unreadable', message: `niet te lezen: ${unreadableReason(error.code)}; het bestand telt niet mee` };
  return {
    code: 'unreadable',
    message: 'niet te lezen: het is geen gewoon bestand (een pipe, socket of apparaat); het telt niet mee',
  };
}

/**
 * The 1-based line of the first byte sequence that is not valid UTF-8 (`bytes` is known not to be).
 * @example invalidUtf8Line(Buffer.from('a\nb\xff\n', 'latin1')) // 2
 */
export function invalidUtf8Line(bytes: Uint8Array): number {
  let line = 1;
  let start = 0;
  for (let i = 0; i <= bytes.length; i++) {
    if (i < bytes.length && bytes[i] !== 0x0a) continue;
    if (!isUtf8(bytes.subarray(start, i))) return line;
    line++;
    start = i + 1;
  }
  return line;
}

/** A file as read: its source, and its bytes when it was read whole as valid UTF-8. */
export interface ReadFile {
  source: SourceFile;
  bytes?: Buffer;
}

/**
 * Where files are read into before they are decoded: one buffer per thread, kept for the next file and
 * grown up to one byte past the size limit.
 */
let readBuffer = Buffer.allocUnsafeSlow(64 * 1024);

/**
 * Reads an opened file into {@link readBuffer}, stopping one byte past the size limit; the bytes read.
 * `readSync` at the file's position: a pipe or a device has no positions.
 */
function readUpToLimit(fd: number): number {
  let read = 0;
  for (;;) {
    if (read === readBuffer.length) {
      if (read > MAX_FILE_BYTES) return read;
      const bigger = Buffer.allocUnsafeSlow(Math.min(2 * readBuffer.length, MAX_FILE_BYTES + 1));
      readBuffer.copy(bigger, 0, 0, read);
      readBuffer = bigger;
    }
    const n = readSync(fd, readBuffer, read, readBuffer.length - read, null);
    if (n === 0) return read;
    read += n;
  }
}

/**
 * Reads a file up to the size limit with one open, one or more reads and a close; never throws for the
 * file itself. A plain file gives its bytes; only when it gives none, too many or an error is `fstat`
 * asked what it is: a folder (read fails), a pipe (O_NONBLOCK: nothing, or EAGAIN) or an oversized
 * file. A pipe something is writing to is read as it comes, as a file would be (O_NONBLOCK: it is
 * never waited for). `bytes` is a view of {@link readBuffer}, valid until the next file is read.
 */
function readChecked(path: string, file: string): ReadFile {
  let fd: number;
  try {
    fd = openSync(path, OPEN_FLAGS);
  } catch (error) {
    return { source: { file, text: '', problem: problemAt(path, error as NodeJS.ErrnoException) } };
  }
  try {
    let read: number;
    let failure: NodeJS.ErrnoException | undefined;
    try {
      read = readUpToLimit(fd);
    } catch (error) {
      read = 0;
      failure = error as NodeJS.ErrnoException;
    }
    if (read === 0 || read > MAX_FILE_BYTES) {
      const stats = fstatSync(fd);
      if (!stats.isFile()) return { source: { file, text: '', problem: problemAt(path, undefined, stats) } };
      if (failure) return { source: { file, text: '', problem: problemAt(path, failure) } };
      // An oversized file is read no further: the parser reports it from its size alone.
      if (read > MAX_FILE_BYTES) return { source: { file, text: '', size: stats.size } };
    }
    const bytes = readBuffer.subarray(0, read);
    // Decoding would turn each bad byte into U+FFFD without a word, and `record` would write those back.
    if (!isUtf8(bytes)) {
      const message = 'geen geldige UTF-8-tekst op deze regel; sla het bestand op als UTF-8 (de rest wordt niet gelezen)';
      return { source: { file, text: '', size: read, problem: { code: 'encoding', message, line: invalidUtf8Line(bytes) } } };
    }
    return { source: { file, text: bytes.toString('utf8') }, bytes };
  } catch (error) {
    return { source: { file, text: '', problem: problemAt(path, error as NodeJS.ErrnoException) } };
  } finally {
    closeSync(fd);
  }
}

/**
 * Reads a file unless it is over the size limit (see readChecked). Never throws for the file itself: a
 * file that cannot be opened, a link, a folder, a pipe or text that is not UTF-8 comes back with its
 * `problem`; `bytes` are the file's own, for a caller that compares them before writing.
 */
export function readFileChecked(path: string, file: string): ReadFile {
  const { source, bytes } = readChecked(path, file);
  return bytes ? { source, bytes: Buffer.from(bytes) } : { source };
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
  for (const path of paths) yield readChecked(path, nameOf(path)).source;
}
