import { parseArgs, type ParseArgsConfig } from 'node:util';

/** A mistake in how a command was called: exit code 2. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}

/** Options every command takes. */
export const COMMON_OPTIONS = {
  register: { type: 'string', default: 'register' },
  regulations: { type: 'string', default: 'regulations' },
  today: { type: 'string' },
  help: { type: 'boolean', short: 'h', default: false },
} as const satisfies ParseArgsConfig['options'];

/** Help lines for the common options. */
export const COMMON_HELP = `Algemene opties:
  --register <map>      map van het register (standaard: register)
  --regulations <map>   map met reglementen (standaard: regulations)
  --today JJJJ-MM-DD    rekenen alsof het vandaag deze datum is (standaard: vandaag in Amsterdam)
  -h, --help            deze uitleg`;

/** Parses a command's arguments; unknown flags and wrong values become {@link UsageError}s. */
export function parseCommand<const O extends NonNullable<ParseArgsConfig['options']>>(
  args: string[],
  options: O,
  allowPositionals = false,
) {
  try {
    return parseArgs({ args, options: { ...COMMON_OPTIONS, ...options }, allowPositionals, strict: true });
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    throw new UsageError(translate(message), { cause: error });
  }
}

function translate(message: string): string {
  const unknown = /Unknown option '([^']+)'/.exec(message);
  if (unknown) return `onbekende optie ${unknown[1] ?? ''}`;
  const missing = /Option '([^']+)' argument missing/.exec(message);
  if (missing) return `optie ${missing[1] ?? ''} verwacht een waarde`;
  const positional = /Unexpected argument '([^']+)'/.exec(message);
  if (positional) return `onverwacht argument '${positional[1] ?? ''}'`;
  return message;
}

/** Checks a value against a list of choices. */
export function oneOf<T extends string>(flag: string, value: string, choices: readonly T[]): T {
  if ((choices as readonly string[]).includes(value)) return value as T;
  throw new UsageError(`${flag} verwacht een van: ${choices.join(', ')} (niet '${value}')`);
}
