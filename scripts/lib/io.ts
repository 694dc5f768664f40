/** What a command may touch of the outside world; tests pass their own. */
export interface Io {
  /** Working directory that relative paths start from. */
  cwd: string;
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  /** Asks a question in a terminal; undefined when not interactive. */
  prompt: ((question: string) => Promise<string>) | undefined;
  /** The current instant, for today's Amsterdam date. */
  now: () => Date;
  /** Environment variables (GITHUB_TOKEN, GITHUB_REPOSITORY, …). */
  env: Readonly<Record<string, string | undefined>>;
}
