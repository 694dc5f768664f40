/** What a command may touch of the outside world; tests pass their own. */
export interface Io {
  /** Working directory that relative paths start from. */
  cwd: string;
  stdout: (text: string) => void;
  /** Bytes to stdout as they are (UTF-8 already); without it they go through `stdout` as text. */
  stdoutBytes?: (bytes: Uint8Array) => void;
  stderr: (text: string) => void;
  /** Asks a question in a terminal; undefined when not interactive. */
  prompt: ((question: string) => Promise<string>) | undefined;
  /** The current instant, for today's Amsterdam date. */
  now: () => Date;
  /** Environment variables (GITHUB_TOKEN, GITHUB_REPOSITORY, …). */
  env: Readonly<Record<string, string | undefined>>;
}

/** What the GitHub adapter needs of a command: the environment, and stderr for its warnings. */
export function gitHubContext(io: Io): { env: Io['env']; warn: (line: string) => void } {
  return {
    env: io.env,
    warn: (line) => {
      io.stderr(`${line}\n`);
    },
  };
}
