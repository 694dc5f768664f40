import { createInterface } from 'node:readline/promises';
import { RegisterError } from '../core/index.ts';
import { check } from './commands/check.ts';
import { evaluate } from './commands/evaluate.ts';
import { exportPerson } from './commands/export.ts';
import { history } from './commands/history.ts';
import { newComplaint } from './commands/new.ts';
import { prReport } from './commands/pr-report.ts';
import { record } from './commands/record.ts';
import { retention } from './commands/retention.ts';
import { status } from './commands/status.ts';
import { sync } from './commands/sync.ts';
import { UsageError } from './lib/args.ts';
import type { Io } from './lib/io.ts';

const HELP = `klachten: het klachtenregister op git

Gebruik: klachten <opdracht> [opties]

Opdrachten:
  check      controleer reglementen en klachtdossiers (ook in CI)
  status     de termijnen van alle klachten
  new        een nieuwe klacht registreren
  record     een gedane stap vastleggen
  sync       issues voor verstreken termijnen openen, bijwerken en sluiten (GitHub Actions)
  pr-report  de termijnen van de klachten die een pull request wijzigt (GitHub Actions)
  evaluate   de geanonimiseerde jaarcijfers voor de evaluatie, en een concept voor de directie
  export     alles wat het register over één persoon bevat (inzageverzoek)
  history    wie wat wanneer aan een klachtdossier veranderde (uit git)
  retention  dossiers over hun bewaartermijn tonen en (met --apply) anonimiseren

'klachten <opdracht> --help' geeft de uitleg per opdracht.`;

type Command = (args: string[], io: Io) => number | Promise<number>;

const COMMANDS: Record<string, Command> = {
  check,
  status,
  new: newComplaint,
  record,
  sync,
  'pr-report': prReport,
  evaluate,
  retention,
  export: exportPerson,
  history,
};

/** Runs the CLI with `argv` (without node and script) and returns the exit code. */
export async function main(argv: string[], io: Io): Promise<number> {
  const [name, ...args] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    io.stdout(`${HELP}\n`);
    return name === undefined ? 2 : 0;
  }
  const command = COMMANDS[name];
  if (!command) {
    io.stderr(`klachten: onbekende opdracht '${name}'\n\n${HELP}\n`);
    return 2;
  }
  try {
    return await command(args, io);
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr(`klachten ${name}: ${error.message}\n(zie klachten ${name} --help)\n`);
      return 2;
    }
    if (error instanceof RegisterError) {
      const where = error.file === undefined ? '' : `${error.file}:${error.line ?? 1}:${error.column ?? 1}: `;
      io.stderr(`${where}${error.message}\n`);
      return 1;
    }
    throw error;
  }
}

/** Runs the CLI on this process's arguments and streams; sets the exit code. */
export async function run(): Promise<void> {
  const readline = process.stdin.isTTY ? createInterface({ input: process.stdin, output: process.stderr }) : undefined;
  const io: Io = {
    cwd: process.cwd(),
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
    prompt: readline ? (question) => readline.question(question) : undefined,
    now: () => new Date(),
    env: process.env,
  };
  try {
    process.exitCode = await main(process.argv.slice(2), io);
  } finally {
    readline?.close();
  }
}
