import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { allCommands } from '../../cli/main.ts';
import { COMMON_OPTIONS } from '../../cli/lib/command.ts';
import { generatedDocs } from '../../tools/generate-docs.ts';
import { ROOT } from '../builders.ts';
import { klachten } from './run-cli.ts';

const README = readFileSync(join(ROOT, 'README.md'), 'utf8');

/** The README's section of one command: from its `### \`klachten <name>` heading to the next heading. */
function readmeSection(name: string): string {
  const start = README.search(new RegExp(`^### \`klachten ${name}[ \`]`, 'm'));
  if (start === -1) return '';
  const rest = README.slice(start + 4);
  const end = rest.search(/^#{2,3} /m);
  return README.slice(start, end === -1 ? undefined : start + 4 + end);
}

describe('the command reference', () => {
  it('docs/cli.md and docs/error-codes.md are generated from the declarations and up to date', async () => {
    for (const [file, text] of await generatedDocs()) expect(readFileSync(join(ROOT, file), 'utf8'), file).toBe(text);
  });

  it('every command prints the help its declaration generates', async () => {
    for (const command of await allCommands()) {
      const result = klachten([command.name, '--help']);
      expect(result.code, command.name).toBe(0);
      expect(result.stdout).toBe(`${command.help()}\n`);
    }
  });

  it('the README explains every command with every option it declares, and no option it lacks', async () => {
    for (const command of await allCommands()) {
      const section = readmeSection(command.name);
      expect(section, `README has no section for klachten ${command.name}`).not.toBe('');
      const own = Object.keys(command.options).filter((name) => !Object.hasOwn(COMMON_OPTIONS, name));
      for (const option of own) expect(section, `klachten ${command.name} --${option}`).toContain(`--${option}`);
      const heading = section.split('\n')[0] ?? '';
      for (const flag of heading.match(/--[a-z-]+/g) ?? [])
        expect(Object.keys(command.options), `${heading} names ${flag}`).toContain(flag.slice(2));
    }
  });
});

describe('usage errors', () => {
  const cases: [string[], string][] = [
    [['status', '--jsn'], 'klachten status: onbekende optie --jsn; bedoelt u --json?'],
    [['check', '--format'], 'klachten check: optie --format verwacht een waarde'],
    [['check', '--format', 'xml'], "klachten check: --format verwacht een van: text, github, json (niet 'xml')"],
    [['status', '--json=ja'], 'klachten status: optie --json verwacht geen waarde'],
    [['check', 'extra'], "klachten check: onverwacht argument 'extra'"],
    [
      ['status', '--today', '2026-02-30'],
      "klachten status: --today verwacht een bestaande datum als JJJJ-MM-DD, niet '2026-02-30'",
    ],
  ];
  it.each(cases)('%j is refused in Dutch, naming the flag, with exit code 2', (args, message) => {
    const result = klachten(args);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(`${message}\n(zie klachten ${args[0] ?? ''} --help)\n`);
    expect(result.stdout).toBe('');
  });

  it('an unknown command lists the commands', () => {
    const result = klachten(['stats']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("klachten: onbekende opdracht 'stats'");
    expect(result.stderr).toContain('  status     de termijnen van alle klachten');
  });
});
