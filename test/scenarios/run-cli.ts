import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { cpSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT, SAMPLE, SAMPLE_REGISTER, SAMPLE_REGULATIONS } from '../builders.ts';

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/**
 * Runs the real `klachten` command in a child process, as a user would: from the sources, or from
 * `entry` (the compiled CLI of tools/build-cli.ts). Without `cwd` it runs in the tests' copy of the
 * sample project (test/fixtures/sample), so its default folders are the sample's, never the project's.
 */
export function klachten(
  args: string[],
  options: { cwd?: string; env?: Record<string, string>; entry?: string; input?: string } = {},
): CliResult {
  const result = spawnSync(process.execPath, [options.entry ?? join(ROOT, 'cli/klachten.ts'), ...args], {
    ...(options.input === undefined ? {} : { input: options.input }),
    cwd: options.cwd ?? SAMPLE,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1', ...options.env },
    stdio: [options.input === undefined ? 'ignore' : 'pipe', 'pipe', 'pipe'],
    maxBuffer: 256 * 1024 * 1024,
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

/**
 * Runs `klachten` in a child process without blocking, so a server in this process can answer it.
 * `started` receives the child, e.g. to kill it halfway.
 */
export function klachtenAsync(
  args: string[],
  options: { cwd?: string; env?: Record<string, string>; started?: (child: ChildProcess) => void } = {},
): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [join(ROOT, 'cli/klachten.ts'), ...args], {
      cwd: options.cwd ?? SAMPLE,
      env: { ...process.env, NO_COLOR: '1', ...options.env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.once('error', reject);
    child.once('close', (code) => {
      resolve({ code, stdout, stderr });
    });
    options.started?.(child);
  });
}

/** A scratch copy of the sample register and regulations (test/fixtures/sample), to write in. */
export function scratchProject(): string {
  const dir = mkdtempSync(join(tmpdir(), 'klachten-'));
  cpSync(SAMPLE_REGISTER, join(dir, 'register'), { recursive: true });
  cpSync(SAMPLE_REGULATIONS, join(dir, 'regulations'), { recursive: true });
  return dir;
}
