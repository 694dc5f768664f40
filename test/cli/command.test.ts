import { describe, expect, it } from 'vitest';
import { RegisterError } from '../../core/index.ts';
import { COMMON_OPTIONS, defineCommand, parseOptions, type OptionSpec } from '../../cli/lib/command.ts';
import type { Io } from '../../cli/lib/io.ts';

const OPTIONS = {
  ...COMMON_OPTIONS,
  json: { type: 'boolean', default: false, description: 'als JSON' },
  on: { type: 'string', value: 'JJJJ-MM-DD', description: 'datum' },
  format: { type: 'string', default: 'text', description: 'vorm', choices: { text: 'tekst', json: 'JSON' } },
} as const satisfies Record<string, OptionSpec>;

function usage(args: string[], positionals = false): string {
  try {
    parseOptions(args, OPTIONS, positionals);
  } catch (error) {
    if (error instanceof RegisterError && error.code === 'usage') return `${error.message}${error.hint ? `; ${error.hint}` : ''}`;
    throw error;
  }
  return 'geen fout';
}

describe('parseOptions', () => {
  it('takes --name value, --name=value, booleans, -h and defaults', () => {
    expect(parseOptions(['--on', '2026-01-02', '--json', '-h'], OPTIONS, false).values).toMatchObject({
      on: '2026-01-02',
      json: true,
      help: true,
      format: 'text',
      register: 'register',
    });
    expect(parseOptions(['--on=2026-01-02', '--format=json'], OPTIONS, false).values).toMatchObject({
      on: '2026-01-02',
      format: 'json',
    });
  });

  it('keeps positionals in order, and everything after -- as positionals', () => {
    expect(parseOptions(['KL-1', '--json', 'stap', '--', '--on'], OPTIONS, true)).toMatchObject({
      positionals: ['KL-1', 'stap', '--on'],
      values: { json: true, on: undefined },
    });
  });

  it('accepts a value that starts with one dash (a note such as "-5 dagen")', () => {
    expect(parseOptions(['--on', '-5'], OPTIONS, false).values.on).toBe('-5');
  });

  it('refuses mistakes in Dutch, naming the option', () => {
    expect(usage(['--jsn'])).toBe('onbekende optie --jsn; bedoelt u --json?');
    expect(usage(['-x'])).toBe('onbekende optie -x');
    expect(usage(['--on'])).toBe('optie --on verwacht een waarde');
    expect(usage(['--on', '--json'])).toBe('optie --on verwacht een waarde');
    expect(usage(['--json=ja'])).toBe('optie --json verwacht geen waarde');
    expect(usage(['--format', 'xml'])).toBe("--format verwacht een van: text, json (niet 'xml')");
    expect(usage(['los'])).toBe("onverwacht argument 'los'");
    expect(usage(['--constructor'])).toBe('onbekende optie --constructor');
  });
});

describe('defineCommand', () => {
  const output: string[] = [];
  const io: Io = {
    cwd: '/',
    stdout: (text) => output.push(text),
    stderr: (text) => output.push(text),
    prompt: undefined,
    now: () => new Date(0),
    env: {},
  };
  const command = defineCommand({
    name: 'voorbeeld',
    summary: 'een voorbeeld',
    description: 'Doet niets.',
    positionals: [{ name: 'id', description: 'een klachtnummer' }],
    options: { json: { type: 'boolean', default: false, description: 'als JSON' } },
    sections: ['Exitcode: 0.'],
    run: ({ values, positionals }) => (values.json && positionals[0] === 'KL-1' ? 0 : 1),
  });

  it('runs with parsed values, or prints the help its declaration generates', async () => {
    expect(await command.main(['KL-1', '--json'], io)).toBe(0);
    expect(await command.main(['--help'], io)).toBe(0);
    expect(output.join('')).toBe(`${command.help()}\n`);
    expect(command.help()).toMatchInlineSnapshot(`
      "klachten voorbeeld: een voorbeeld

      Gebruik: klachten voorbeeld <id> [--json] [opties]

      Doet niets.

      Argumenten:
        <id>  een klachtnummer

      Opties:
        --json  als JSON

      Exitcode: 0.

      Algemene opties:
        --register <map>     map van het register (standaard: register)
        --regulations <map>  map met reglementen (standaard: regulations)
        --today JJJJ-MM-DD   rekenen alsof het vandaag deze datum is (standaard: vandaag in Amsterdam)
        -h, --help           deze uitleg"
    `);
  });
});
