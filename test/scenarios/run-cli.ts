import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT } from '../builders.ts';

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the real `klachten` command in a child process, as a user would. */
export function klachten(args: string[], options: { cwd?: string; env?: Record<string, string> } = {}): CliResult {
  const result = spawnSync(process.execPath, [join(ROOT, 'scripts/klachten.ts'), ...args], {
    cwd: options.cwd ?? ROOT,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1', ...options.env },
    stdio: ['ignore', 'pipe', 'pipe'],
    maxBuffer: 256 * 1024 * 1024,
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** A scratch copy of the sample register and the regulations, to write in. */
export function scratchProject(): string {
  const dir = mkdtempSync(join(tmpdir(), 'klachten-'));
  cpSync(join(ROOT, 'register'), join(dir, 'register'), { recursive: true });
  cpSync(join(ROOT, 'regulations'), join(dir, 'regulations'), { recursive: true });
  return dir;
}
