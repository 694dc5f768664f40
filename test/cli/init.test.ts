import { existsSync, mkdirSync, mkdtempSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { lineDiff, regulationFromPreset, slugOf, workflowFor } from '../../cli/commands/init.ts';
import type { Io } from '../../cli/lib/io.ts';
import { main } from '../../cli/main.ts';
import { loadRegulations } from '../../node/load-register.ts';
import { BrandSchema, brandProblems } from '../../site/lib/brand.ts';
import { ROOT } from '../builders.ts';

/** An Io whose terminal answers `answers` in turn, and that keeps what was written. */
function terminal(answers: string[] | undefined): { io: Io; out: string[]; questions: string[] } {
  const out: string[] = [];
  const questions: string[] = [];
  const io: Io = {
    cwd: tmpdir(),
    stdout: (text) => out.push(text),
    stderr: (text) => out.push(text),
    prompt: answers
      ? (question) => {
          questions.push(question);
          return Promise.resolve(answers.shift() ?? '');
        }
      : undefined,
    now: () => new Date('2026-11-02T10:00:00Z'),
    env: {},
  };
  return { io, out, questions };
}

describe('klachten init', () => {
  it('asks in a terminal what the options leave open, and repeats a question after a wrong answer', async () => {
    const dir = join(mkdtempSync(join(tmpdir(), 'klachten-init-')), 'register');
    const { io, questions } = terminal(['Zorgpunt Noord', '', 'onbekend', 'wkkgz', '']);
    expect(await main(['init', dir], io)).toBe(0);
    expect(questions.map((q) => q.split(' ')[0])).toEqual(['Naam', 'Korte', 'Voorinstelling', 'Voorinstelling', 'Adres']);
    const loaded = loadRegulations(dir, 'regulations');
    expect(loaded.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(loaded.regulations.get('zorgpunt-noord')?.[0]?.regulation.organisation.name).toBe('Zorgpunt Noord');
    expect(existsSync(join(dir, 'regulations', 'zorgpunt-noord', '2026-11-02.md'))).toBe(true);
  });

  it('asks nothing with --yes, and says which flag is missing', async () => {
    const dir = join(mkdtempSync(join(tmpdir(), 'klachten-init-')), 'register');
    const { io, out, questions } = terminal([]);
    expect(await main(['init', dir, '--name', 'Coach Jansen', '--yes'], io)).toBe(2);
    expect(questions).toEqual([]);
    expect(out.join('')).toContain('kies een voorinstelling met --preset');
    expect(await main(['init', dir, '--name', 'Coach Jansen', '--preset', 'pit', '--slug', 'Coach_Jansen', '--yes'], io)).toBe(2);
    expect(out.join('')).toContain("--slug 'Coach_Jansen': gebruik kleine letters");
    // A name with a control character or a line break never reaches a file or the terminal.
    for (const name of ['Zorg\u001b[31mpunt', 'Zorg\npunt', 'Zorg\u202Epunt']) {
      expect(await main(['init', dir, '--name', name, '--preset', 'pit', '--yes'], io)).toBe(2);
      expect(out.join('')).not.toContain(name);
    }
    expect(out.join('')).toContain('--name bevat een stuurteken');
    expect(existsSync(dir)).toBe(false);
  });

  it('writes nothing when one of its files exists, and --add adds an organisation to an umbrella', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'klachten-init-'));
    writeFileSync(join(dir, 'README.md'), 'van de organisatie\n');
    const { io, out } = terminal(undefined);
    expect(await main(['init', dir, '--name', 'Koepel', '--preset', 'awb'], io)).toBe(2);
    expect(out.join('')).toContain('README.md; init overschrijft niets');
    expect(existsSync(join(dir, 'package.json'))).toBe(false);
    expect(readFileSync(join(dir, 'README.md'), 'utf8')).toBe('van de organisatie\n');

    expect(await main(['init', dir, '--add', '--name', 'Coaching Zuid', '--preset', 'coulant'], io)).toBe(0);
    expect(await main(['init', dir, '--add', '--name', 'Coaching Zuid', '--preset', 'pit'], io)).toBe(2);
    expect(loadRegulations(dir, 'regulations').regulations.get('coaching-zuid')?.[0]?.regulation.organisation.name).toBe(
      'Coaching Zuid',
    );
  });

  it('makes a preset the organisation’s own: name everywhere, slug, version 1 from today, no note of the preset’s date', () => {
    const preset = readFileSync(join(ROOT, 'presets', 'mvz', '2020-01-01.md'), 'utf8');
    const text = regulationFromPreset(preset, 'Zorg: "Noord" #1', 'noord', '2026-11-02');
    expect(text).not.toContain('MVZLoopbaancoaching');
    expect(text).not.toContain('effectiveNote');
    expect(text).toContain("version: '1'");
    // A name YAML would misread (colon, quotes, #) stays one value.
    const dir = mkdtempSync(join(tmpdir(), 'klachten-init-'));
    writeFileSync(join(dir, 'r.md'), text);
    mkdirSync(join(dir, 'regulations', 'noord'), { recursive: true });
    renameSync(join(dir, 'r.md'), join(dir, 'regulations', 'noord', '2026-11-02.md'));
    const loaded = loadRegulations(dir, 'regulations');
    expect(loaded.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(loaded.regulations.get('noord')?.[0]?.regulation.organisation.name).toBe('Zorg: "Noord" #1');
  });

  it('turns the product’s workflows into a register’s: the installed command, the package alone for checks', () => {
    const validate = workflowFor(readFileSync(join(ROOT, '.github', 'workflows', 'validate.yml'), 'utf8'), true);
    expect(validate).not.toContain('node cli/klachten.ts');
    expect(validate).toContain('npx klachten check --format github');
    expect(validate).toContain('npm ci --omit=dev');
    expect(validate).toContain("- 'package-lock.json'");
  });

  it('names slugs and differences plainly', () => {
    expect(slugOf('Zorgpunt Noord')).toBe('zorgpunt-noord');
    expect(slugOf('Coöperatie Één & Co.')).toBe('cooperatie-een-co');
    expect(lineDiff('a\nb\nc', 'a\nc\nd')).toBe('- b\n+ d');
  });
});

describe('the site’s options (klachtenregister integration)', () => {
  it('are checked with Dutch messages that name the option', () => {
    const result = BrandSchema.safeParse({ name: '', logo: 'logo.gif', contact: { email: 'geen-adres' }, colour: 'rood' });
    expect(result.success).toBe(false);
    if (result.success) return;
    const problems = brandProblems(result.error).join('\n');
    expect(problems).toContain('name is leeg');
    expect(problems).toContain('logo verwacht een pad naar een .svg');
    expect(problems).toContain('contact.email is geen e-mailadres');
    expect(problems).toContain('onbekende optie colour');
    expect(BrandSchema.parse({ name: 'Zorgpunt Noord' })).toMatchObject({ regulations: 'regulations', register: 'register' });
  });
});
