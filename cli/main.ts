import { ERROR_CODES, RegisterError, type RegisterFolder } from '../core/index.ts';
import type { Command } from './lib/command.ts';
import { ownPackage } from './lib/package.ts';
import type { Interface } from 'node:readline/promises';
import type { Io } from './lib/io.ts';

/**
 * The commands in the order the help lists them, each loaded only when it runs: `klachten status` never
 * loads Octokit.
 */
export const COMMANDS: Readonly<Record<string, () => Promise<Command>>> = {
  check: async () => (await import('./commands/check.ts')).check,
  status: async () => (await import('./commands/status.ts')).status,
  new: async () => (await import('./commands/new.ts')).newComplaint,
  number: async () => (await import('./commands/number.ts')).number,
  record: async () => (await import('./commands/record.ts')).record,
  comment: async () => (await import('./commands/comment.ts')).comment,
  outcome: async () => (await import('./commands/outcome.ts')).outcome,
  close: async () => (await import('./commands/close.ts')).close,
  extend: async () => (await import('./commands/extend.ts')).extend,
  suspend: async () => (await import('./commands/suspend.ts')).suspend,
  measure: async () => (await import('./commands/measure.ts')).measure,
  escalate: async () => (await import('./commands/escalate.ts')).escalate,
  sync: async () => (await import('./commands/sync.ts')).sync,
  'pr-report': async () => (await import('./commands/pr-report.ts')).prReport,
  evaluate: async () => (await import('./commands/evaluate.ts')).evaluate,
  export: async () => (await import('./commands/export.ts')).exportPerson,
  history: async () => (await import('./commands/history.ts')).history,
  retention: async () => (await import('./commands/retention.ts')).retention,
  init: async () => (await import('./commands/init.ts')).init,
};

/** Every command, loaded (for the overall help and the README test). */
export async function allCommands(): Promise<Command[]> {
  return Promise.all(Object.values(COMMANDS).map((load) => load()));
}

/** The overall help: the commands with their one-line summaries, from their declarations. */
export async function mainHelp(): Promise<string> {
  const commands = await allCommands();
  const width = Math.max(...commands.map((c) => c.name.length));
  return [
    'klachten: het klachtenregister op git',
    '',
    'Gebruik: klachten <opdracht> [opties]',
    '',
    'Opdrachten:',
    ...commands.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
    '',
    "'klachten <opdracht> --help' geeft de uitleg per opdracht, 'klachten --version' de versie.",
  ].join('\n');
}

/** How the CLI points at each folder. */
const FOLDER_HINTS: Record<RegisterFolder, string> = {
  regulations: 'geef de map op met --regulations',
  register: 'geef de map op met --register',
  complaints: 'geef de map op met --register',
};

/** Exit code 2 for a wrong call (the codes ERROR_CODES marks "usage"), 1 for everything else that went wrong. */
function exitCode(error: RegisterError): number {
  return ERROR_CODES[error.code].startsWith('usage:') ? 2 : 1;
}

/** Runs the CLI with `argv` (without node and script) and returns the exit code. */
export async function main(argv: readonly string[], io: Io): Promise<number> {
  const [name, ...args] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    io.stdout(`${await mainHelp()}\n`);
    return name === undefined ? 2 : 0;
  }
  if (name === '--version' || name === '-v') {
    io.stdout(`${ownPackage().version}\n`);
    return 0;
  }
  const load = Object.hasOwn(COMMANDS, name) ? COMMANDS[name] : undefined;
  if (!load) {
    io.stderr(`klachten: onbekende opdracht '${name}'\n\n${await mainHelp()}\n`);
    return 2;
  }
  const command = await load();
  try {
    return await command.main(args, io);
  } catch (error) {
    if (!(error instanceof RegisterError)) throw error;
    const hint = error.hint ?? (error.code === 'folder-missing' && error.folder ? FOLDER_HINTS[error.folder] : undefined);
    if (error.code === 'usage') {
      io.stderr(`klachten ${name}: ${error.message}${hint ? `; ${hint}` : ''}\n(zie klachten ${name} --help)\n`);
    } else {
      const where = error.file === undefined ? '' : `${error.file}:${error.line ?? 1}:${error.column ?? 1}: `;
      io.stderr(`${where}${error.message}${hint ? ` (${hint})` : ''}\n`);
    }
    return exitCode(error);
  }
}

/** Runs the CLI on this process's arguments and streams; sets the exit code. */
export async function run(): Promise<void> {
  // In a terminal, questions go through readline, started at the first question: a command that asks
  // none neither loads it nor has the terminal in its hands.
  let readline: Promise<Interface> | undefined;
  const ask = async (question: string): Promise<string> => {
    readline ??= import('node:readline/promises').then(({ createInterface }) =>
      createInterface({ input: process.stdin, output: process.stderr }),
    );
    return (await readline).question(question);
  };
  // A reader that stops early (`klachten status --json | head`) closes the pipe: the rest is not
  // wanted, which is no error of ours.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') throw error;
    process.exit(process.exitCode ?? 0);
  });
  const io: Io = {
    cwd: process.cwd(),
    stdout: (text) => process.stdout.write(text),
    stdoutBytes: (bytes) => process.stdout.write(bytes),
    stderr: (text) => process.stderr.write(text),
    prompt: process.stdin.isTTY ? ask : undefined,
    now: () => new Date(),
    env: process.env,
  };
  try {
    process.exitCode = await main(process.argv.slice(2), io);
  } finally {
    (await readline)?.close();
  }
}
