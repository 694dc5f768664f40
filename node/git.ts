import { spawnSync } from 'node:child_process';
import { RegisterError } from '../core/index.ts';

/** What one git run returned. */
export interface GitRun {
  /** Exit code; 128 is git's "fatal". */
  status: number;
  stdout: Buffer;
  stderr: string;
}

/**
 * Runs `git -C <dir> <args>` directly, never through a shell; `input` goes to git's stdin.
 * @throws {RegisterError} `git-missing` when git cannot be started, `git` when it is killed.
 */
export function runGit(dir: string, args: readonly string[], input?: string): GitRun {
  const result = spawnSync('git', ['--no-pager', '-C', dir, ...args], {
    input: input ?? '',
    maxBuffer: 512 * 1024 * 1024,
    stdio: ['pipe', 'pipe', 'pipe'],
    windowsHide: true,
  });
  if (result.error) {
    if ((result.error as NodeJS.ErrnoException).code === 'ENOENT')
      throw new RegisterError('git-missing', 'git niet gevonden: installeer git of zet het in het PATH', { cause: result.error });
    throw new RegisterError('git', `git ${args.join(' ')} liep mis: ${result.error.message}`, { cause: result.error });
  }
  if (result.status === null)
    throw new RegisterError('git', `git ${args.join(' ')} werd afgebroken (${result.signal ?? 'onbekend signaal'})`);
  return { status: result.status, stdout: result.stdout, stderr: result.stderr.toString('utf8') };
}

/**
 * Runs git and returns its output as text.
 * @throws {RegisterError} `git` with git's own message when it exits with an error.
 */
export function gitText(dir: string, args: readonly string[]): string {
  const run = runGit(dir, args);
  if (run.status !== 0) {
    const reason = run.stderr.trim().split('\n')[0] ?? '';
    throw new RegisterError('git', `git ${args.join(' ')} mislukte (exitcode ${run.status})${reason ? `: ${reason}` : ''}`);
  }
  return run.stdout.toString('utf8');
}

/**
 * The top folder of the git repository that holds `dir`.
 * @throws {RegisterError} `git-missing` when git is not installed, `not-a-repository` when `dir` is not
 *   inside a repository.
 */
export function repositoryRoot(dir: string): string {
  const run = runGit(dir, ['rev-parse', '--show-toplevel']);
  if (run.status === 0) return run.stdout.toString('utf8').trim();
  const reason = run.stderr.trim().split('\n')[0] ?? '';
  const detail = reason === '' || reason.includes('not a git repository') ? '' : ` (git: ${reason})`;
  throw new RegisterError('not-a-repository', `${dir} is geen git-repository${detail}`);
}
