import { randomBytes } from 'node:crypto';
import { closeSync, fsyncSync, openSync, readFileSync, renameSync, rmSync, statSync, writeSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

/**
 * What {@link replaceFile} did: `written`; `changed` when the file no longer held the bytes the caller
 * read (someone else wrote it in between); `busy` when another writer held the file's lock.
 */
export type ReplaceResult = 'written' | 'changed' | 'busy';

/** The lock file next to `path` that writers hold while they compare and rename: `.<name>.lock`. */
export function lockPathOf(path: string): string {
  return join(dirname(path), `.${basename(path)}.lock`);
}

function writeTemporary(path: string, data: string | Uint8Array, mode: number | undefined): string {
  const temporary = join(dirname(path), `.${basename(path)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  const fd = openSync(temporary, 'wx', mode);
  try {
    const bytes = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
    let written = 0;
    while (written < bytes.length) written += writeSync(fd, bytes, written, bytes.length - written);
    fsyncSync(fd);
  } catch (error) {
    closeSync(fd);
    rmSync(temporary, { force: true });
    throw error;
  }
  closeSync(fd);
  return temporary;
}

/**
 * Replaces a file's content atomically: the data goes to a temporary file in the same folder, which is
 * renamed over the file, so a reader sees the old content or the new, never half of it, and a crash
 * leaves the old file. The file keeps its permissions.
 *
 * With `expected` (the bytes the caller read), the file is replaced only if it still holds exactly
 * those bytes: two writers that read the same version never both win. Writers hold a lock file
 * (`.<name>.lock`, see {@link lockPathOf}) while they compare and rename, so the check and the rename
 * are one step for every writer that uses this function.
 */
export function replaceFile(path: string, data: string | Uint8Array, expected?: Uint8Array): ReplaceResult {
  const mode = statSync(path, { throwIfNoEntry: false })?.mode;
  const temporary = writeTemporary(path, data, mode === undefined ? undefined : mode & 0o7777);
  let lock: number | undefined;
  try {
    if (expected !== undefined) {
      try {
        lock = openSync(lockPathOf(path), 'wx');
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'EEXIST') return 'busy';
        throw error;
      }
      const current = readFileSync(path, { flag: 'r' });
      if (!current.equals(expected)) return 'changed';
    }
    renameSync(temporary, path);
    return 'written';
  } finally {
    rmSync(temporary, { force: true });
    if (lock !== undefined) {
      closeSync(lock);
      rmSync(lockPathOf(path), { force: true });
    }
  }
}
