import { closestName, usageError } from '../../core/index.ts';
import type { Io } from './io.ts';

/** One option of a command. Descriptions are Dutch: staff read them. */
export interface OptionSpec {
  type: 'string' | 'boolean';
  /** What it does; further lines are indented under the first. */
  description: string;
  /** How the value is written in the help, e.g. `JJJJ-MM-DD` or `<slug>` (strings only). */
  value?: string;
  /** The value when the option is not given. */
  default?: string | boolean;
  /** A one-letter alias, e.g. `h` for `-h`. */
  short?: string;
  /** The allowed values, each with what it means. */
  choices?: Readonly<Record<string, string>>;
}

/** One positional argument. */
export interface PositionalSpec {
  name: string;
  description: string;
}

/** The options every command of the register takes. */
export const COMMON_OPTIONS = {
  register: { type: 'string', value: '<map>', default: 'register', description: 'map van het register' },
  regulations: { type: 'string', value: '<map>', default: 'regulations', description: 'map met reglementen' },
  today: {
    type: 'string',
    value: 'JJJJ-MM-DD',
    description: 'rekenen alsof het vandaag deze datum is (standaard: vandaag in Amsterdam)',
  },
  help: { type: 'boolean', short: 'h', default: false, description: 'deze uitleg' },
} as const satisfies Record<string, OptionSpec>;

type Value<S extends OptionSpec> = S['type'] extends 'boolean'
  ? boolean
  : S extends { default: string }
    ? S extends { choices: Readonly<Record<infer K extends string, string>> }
      ? K
      : string
    : S extends { choices: Readonly<Record<infer K extends string, string>> }
      ? K | undefined
      : string | undefined;

/** The parsed values of a command's options (its own and the common ones). */
export type Values<O extends Record<string, OptionSpec>> = {
  -readonly [K in keyof (O & typeof COMMON_OPTIONS)]: Value<(O & typeof COMMON_OPTIONS)[K]>;
};

/** A command, declared once: its help, its usage errors and its option parsing all come from this. */
export interface CommandSpec<O extends Record<string, OptionSpec>> {
  name: string;
  /** One line, for the command list. */
  summary: string;
  /** Usage lines after `Gebruik:`; generated from the options when absent. */
  usage?: readonly string[];
  /** What the command does, in a paragraph or two. */
  description: string;
  options: O;
  positionals?: readonly PositionalSpec[];
  /** More help after the options: exit codes, examples, environment variables. */
  sections?: readonly string[];
  run: (input: { values: Values<O>; positionals: string[] }, io: Io) => number | Promise<number>;
}

/** A declared command (its option types erased, for the registry). */
export interface Command {
  name: string;
  summary: string;
  /** The whole `--help` text. */
  help: () => string;
  /** Parses `args` (usage errors throw, code `usage`) and runs the command; `--help` prints the help. */
  main: (args: readonly string[], io: Io) => Promise<number>;
  /** Every option, the common ones included, for the README test. */
  options: Readonly<Record<string, OptionSpec>>;
}

/** Declares a command. */
export function defineCommand<const O extends Record<string, OptionSpec>>(spec: CommandSpec<O>): Command {
  const options: Record<string, OptionSpec> = { ...spec.options, ...COMMON_OPTIONS };
  return {
    name: spec.name,
    summary: spec.summary,
    options,
    help: () => renderHelp(spec),
    main: async (args, io) => {
      const parsed = parseOptions(args, options, spec.positionals !== undefined);
      if (parsed.values.help === true) {
        io.stdout(`${renderHelp(spec)}\n`);
        return 0;
      }
      return spec.run(parsed as unknown as { values: Values<O>; positionals: string[] }, io);
    },
  };
}

/**
 * Parses `--name value`, `--name=value`, `-h` and positionals; `--` ends the options. Every mistake is
 * a Dutch usage error that names the option.
 */
export function parseOptions(
  args: readonly string[],
  options: Readonly<Record<string, OptionSpec>>,
  allowPositionals: boolean,
): { values: Record<string, string | boolean | undefined>; positionals: string[] } {
  const values: Record<string, string | boolean | undefined> = {};
  for (const [name, spec] of Object.entries(options)) values[name] = spec.default;
  const positionals: string[] = [];
  const shorts = new Map(Object.entries(options).flatMap(([name, spec]) => (spec.short ? [[spec.short, name]] : [])));
  let onlyPositionals = false;
  for (let i = 0; i < args.length; i += 1) {
    const arg = args[i] ?? '';
    if (onlyPositionals || arg === '-' || !arg.startsWith('-')) {
      if (!allowPositionals) throw usageError(`onverwacht argument '${arg}'`);
      positionals.push(arg);
      continue;
    }
    if (arg === '--') {
      onlyPositionals = true;
      continue;
    }
    const long = arg.startsWith('--');
    const eq = arg.indexOf('=');
    const key = long ? arg.slice(2, eq === -1 ? undefined : eq) : arg.slice(1, eq === -1 ? undefined : eq);
    const name = long ? key : shorts.get(key);
    // Own properties only: `--constructor` is not an option.
    const spec = name === undefined || !Object.hasOwn(options, name) ? undefined : options[name];
    if (name === undefined || spec === undefined) {
      const suggestion = long ? closestName(key, Object.keys(options)) : undefined;
      throw usageError(`onbekende optie ${long ? '--' : '-'}${key}`, {
        ...(suggestion === undefined ? {} : { hint: `bedoelt u --${suggestion}?` }),
      });
    }
    const inline = eq === -1 ? undefined : arg.slice(eq + 1);
    if (spec.type === 'boolean') {
      if (inline !== undefined) throw usageError(`optie --${name} verwacht geen waarde`);
      values[name] = true;
      continue;
    }
    let value = inline;
    if (value === undefined) {
      const next = args[i + 1];
      if (next === undefined || next.startsWith('--')) throw usageError(`optie --${name} verwacht een waarde`);
      value = next;
      i += 1;
    }
    if (spec.choices !== undefined && !Object.hasOwn(spec.choices, value))
      throw usageError(`--${name} verwacht een van: ${Object.keys(spec.choices).join(', ')} (niet '${value}')`);
    values[name] = value;
  }
  return { values, positionals };
}

/** Help lines for options: the flag, then the description aligned beside it. */
function optionLines(options: Readonly<Record<string, OptionSpec>>): string[] {
  const entries = Object.entries(options).map(([name, spec]) => {
    const value =
      spec.type === 'string' ? ` ${spec.choices ? Object.keys(spec.choices).join('|') : (spec.value ?? '<waarde>')}` : '';
    const flag = `${spec.short ? `-${spec.short}, ` : ''}--${name}${value}`;
    const extra: string[] = [];
    if (spec.choices) for (const [choice, meaning] of Object.entries(spec.choices)) extra.push(`${choice}: ${meaning}`);
    const shown = typeof spec.default === 'string' ? ` (standaard: ${spec.default})` : '';
    return { flag, text: [...`${spec.description}${shown}`.split('\n'), ...extra] };
  });
  const width = Math.min(30, Math.max(...entries.map((e) => e.flag.length)));
  return entries.flatMap(({ flag, text }) => {
    const [first = '', ...rest] = text;
    const head = flag.length > width ? [`  ${flag}`, `  ${' '.repeat(width)}  ${first}`] : [`  ${flag.padEnd(width)}  ${first}`];
    return [...head, ...rest.map((line) => `  ${' '.repeat(width)}  ${line}`)];
  });
}

/** The usage line generated from the declaration. */
function usageLine(spec: CommandSpec<Record<string, OptionSpec>>): string {
  const positionals = (spec.positionals ?? []).map((p) => ` <${p.name}>`).join('');
  const options = Object.entries(spec.options)
    .map(([name, option]) => {
      if (option.type === 'boolean') return ` [--${name}]`;
      const value = option.choices ? Object.keys(option.choices).join('|') : (option.value ?? '<waarde>');
      return ` [--${name} ${value}]`;
    })
    .join('');
  return `klachten ${spec.name}${positionals}${options} [opties]`;
}

/** The `--help` text of a command. */
export function renderHelp<O extends Record<string, OptionSpec>>(spec: CommandSpec<O>): string {
  const generic = spec as unknown as CommandSpec<Record<string, OptionSpec>>;
  const usage = spec.usage ?? [usageLine(generic)];
  const parts = [`klachten ${spec.name}: ${spec.summary}`, `Gebruik: ${usage.join('\n         ')}`, spec.description.trim()];
  if (spec.positionals !== undefined && spec.positionals.length > 0) {
    const width = Math.max(...spec.positionals.map((p) => p.name.length + 2));
    parts.push(['Argumenten:', ...spec.positionals.map((p) => `  ${`<${p.name}>`.padEnd(width)}  ${p.description}`)].join('\n'));
  }
  if (Object.keys(spec.options).length > 0) parts.push(['Opties:', ...optionLines(spec.options)].join('\n'));
  for (const section of spec.sections ?? []) parts.push(section.trim());
  parts.push(['Algemene opties:', ...optionLines(COMMON_OPTIONS)].join('\n'));
  return parts.join('\n\n');
}
