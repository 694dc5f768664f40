import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { isMap, parseDocument, visit } from 'yaml';
import { splitFrontMatter, usageError } from '../../core/index.ts';
import { runGit } from '../../node/git.ts';
import { loadRegulations } from '../../node/load-register.ts';
import { defineCommand } from '../lib/command.ts';
import type { Io } from '../lib/io.ts';
import { ownPackage } from '../lib/package.ts';
import { resolveToday } from '../lib/today.ts';

/**
 * The presets in the package's presets/ folder: the statutory templates awb and wkkgz, and the five
 * regulations of the demo (copies: the demo's own regulations/ is not part of the package).
 */
const PRESET_FOLDERS: Record<string, string> = {
  awb: 'presets/awb',
  wkkgz: 'presets/wkkgz',
  coulant: 'presets/coulant',
  mvz: 'presets/mvz',
  organize4all: 'presets/organize4all',
  pit: 'presets/pit',
  're-integratiedienst': 'presets/re-integratiedienst',
};
const PRESET_NAMES = Object.keys(PRESET_FOLDERS);

/** The workflows an organisation's register runs; those that only check install the package alone. */
const WORKFLOWS: Record<string, { checkOnly: boolean }> = {
  validate: { checkOnly: true },
  overdue: { checkOnly: true },
  retention: { checkOnly: true },
  number: { checkOnly: true },
  'step-comment': { checkOnly: true },
  site: { checkOnly: false },
  'internal-site': { checkOnly: false },
};

const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

function template(name: string): string {
  return readFileSync(join(ownPackage().root, 'templates', name), 'utf8');
}

/** Fills `{{key}}` in a template; every key must be given (a typo is a bug, not an empty field). */
function fill(text: string, values: Record<string, string>): string {
  return text.replace(/\{\{(\w+)\}\}/g, (_, key: string) => {
    const value = values[key];
    if (value === undefined) throw new Error(`sjabloon: geen waarde voor {{${key}}}`);
    return value;
  });
}

/** A slug from a name: "Zorgpunt Noord" → "zorgpunt-noord". */
export function slugOf(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/** The newest regulation file of a preset folder. */
function presetFile(preset: string): string {
  const folder = join(ownPackage().root, PRESET_FOLDERS[preset] ?? '');
  const files = readdirSync(folder)
    .filter((file) => /^\d{4}-\d{2}-\d{2}\.md$/.test(file))
    .sort();
  const last = files.at(-1);
  if (last === undefined) throw new Error(`voorinstelling ${preset}: geen reglement in ${folder}`);
  return join(folder, last);
}

/**
 * A preset made the organisation's own: its name wherever the preset names its organisation, its slug,
 * version 1 in force from `today`. The rest of the text is the preset's, to be read and adapted.
 */
export function regulationFromPreset(text: string, name: string, slug: string, today: string): string {
  const parts = splitFrontMatter(text, 'preset');
  const doc = parseDocument(parts.yaml);
  const organisation = doc.get('organisation');
  const oldName = isMap(organisation) ? String(organisation.get('name')) : '';
  if (oldName !== '')
    visit(doc, {
      Scalar(_, node) {
        if (typeof node.value === 'string' && node.value.includes(oldName)) node.value = node.value.replaceAll(oldName, name);
      },
    });
  doc.setIn(['organisation', 'name'], name);
  doc.setIn(['organisation', 'slug'], slug);
  const version = doc.createNode('1');
  version.type = 'QUOTE_SINGLE';
  doc.set('version', version);
  doc.set('effective', today);
  // The preset's own note on its start date does not hold for the copy.
  doc.delete('effectiveNote');
  const body = oldName === '' ? parts.body : parts.body.replaceAll(oldName, name);
  return `---\n${doc.toString({ lineWidth: 0, flowCollectionPadding: false })}---\n${body}`;
}

/** A workflow of the product as an organisation's register runs it: the installed command. */
export function workflowFor(text: string, checkOnly: boolean): string {
  let out = text.replaceAll('node cli/klachten.ts', 'npx klachten');
  if (checkOnly) out = out.replaceAll('npm ci --no-audit --no-fund', 'npm ci --omit=dev --no-audit --no-fund');
  // An update of the package (Dependabot's pull request) is checked too: a new version may judge the
  // register differently.
  return out.replace(
    "      - 'regulations/**'\n",
    "      - 'regulations/**'\n      - 'package.json'\n      - 'package-lock.json'\n",
  );
}

/** The files that come from the package's templates and that `--update` keeps current. */
function templateFiles(): Map<string, string> {
  const files = new Map<string, string>();
  for (const [name, { checkOnly }] of Object.entries(WORKFLOWS))
    files.set(
      `.github/workflows/${name}.yml`,
      workflowFor(readFileSync(join(ownPackage().root, '.github', 'workflows', `${name}.yml`), 'utf8'), checkOnly),
    );
  files.set(
    '.github/pull_request_template.md',
    readFileSync(join(ownPackage().root, '.github', 'pull_request_template.md'), 'utf8').replaceAll(
      '../blob/main/docs/',
      '../blob/main/docs/klachtenregister/',
    ),
  );
  files.set('.github/dependabot.yml', template('dependabot.yml'));
  files.set('.gitignore', template('gitignore'));
  files.set('.node-version', template('node-version'));
  for (const doc of readdirSync(join(ownPackage().root, 'docs'))
    .filter((file) => file.endsWith('.md'))
    .sort())
    files.set(`docs/klachtenregister/${doc}`, readFileSync(join(ownPackage().root, 'docs', doc), 'utf8'));
  return files;
}

interface Answers {
  name: string;
  slug: string;
  preset: string;
  siteUrl: string | undefined;
}

/** The organisation's own files, written once. */
function ownFiles(answers: Answers, today: string): Map<string, string> {
  const pkg = ownPackage();
  const devDependencies: Record<string, string> = {};
  const node = pkg.devDependencies?.node;
  if (node !== undefined) devDependencies.node = node;
  for (const [name, range] of Object.entries(pkg.siteDependencies ?? {})) devDependencies[name] = range;
  const json = (value: unknown): string => JSON.stringify(value);
  const files = new Map<string, string>();
  files.set(
    'package.json',
    `${JSON.stringify(
      JSON.parse(
        fill(template('package.json'), {
          packageName: json(`${answers.slug}-klachtenregister`),
          description: json(`Klachtenregister van ${answers.name}`),
          version: json(pkg.version),
          devDependencies: json(Object.fromEntries(Object.entries(devDependencies).sort())),
        }),
      ),
      null,
      2,
    )}\n`,
  );
  files.set(
    'astro.config.mjs',
    fill(template('astro.config.mjs'), {
      siteUrl: answers.siteUrl === undefined ? 'undefined' : json(answers.siteUrl),
      name: json(answers.name),
      today: json(today),
      accessibilityContact: json(`mail naar het adres onder ‘Een klacht indienen’ op de pagina van het reglement`),
    }),
  );
  files.set(
    `regulations/${answers.slug}/${today}.md`,
    regulationFromPreset(readFileSync(presetFile(answers.preset), 'utf8'), answers.name, answers.slug, today),
  );
  files.set('register/complaints/.gitkeep', '');
  files.set('register/evaluations/.gitkeep', '');
  files.set('.github/CODEOWNERS', readFileSync(join(ownPackage().root, '.github', 'CODEOWNERS'), 'utf8'));
  files.set('README.md', fill(template('README.md'), { name: answers.name, slug: answers.slug, version: pkg.version }));
  return files;
}

/** A short difference between two texts: the lines only in one of them, in order. */
export function lineDiff(before: string, after: string): string {
  const a = before.split('\n');
  const b = after.split('\n');
  // Longest common subsequence, line by line (template files are small): common(i, j) is its length
  // for a[i…] and b[j…].
  const width = b.length + 1;
  const table = new Uint32Array((a.length + 1) * width);
  const common = (i: number, j: number): number => table[i * width + j] ?? 0;
  for (let i = a.length - 1; i >= 0; i -= 1)
    for (let j = b.length - 1; j >= 0; j -= 1)
      table[i * width + j] = a[i] === b[j] ? common(i + 1, j + 1) + 1 : Math.max(common(i + 1, j), common(i, j + 1));
  const lines: string[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    if (i < a.length && j < b.length && a[i] === b[j]) {
      i += 1;
      j += 1;
    } else if (j < b.length && (i === a.length || common(i, j + 1) >= common(i + 1, j))) lines.push(`+ ${b[j++] ?? ''}`);
    else lines.push(`- ${a[i++] ?? ''}`);
  }
  return lines.join('\n');
}

function writeAll(dir: string, files: Map<string, string>): void {
  for (const [file, text] of files) {
    const path = join(dir, file);
    mkdirSync(dirname(path), { recursive: true });
    // `wx`: never over a file that appeared since the check.
    writeFileSync(path, text, { flag: 'wx' });
  }
}

async function ask(io: Io, question: string, fallback?: string): Promise<string | undefined> {
  if (!io.prompt) return fallback;
  const answer = (await io.prompt(`${question}${fallback === undefined ? '' : ` (${fallback})`}: `)).trim();
  return answer === '' ? fallback : answer;
}

async function answersFrom(
  io: Io,
  values: {
    name?: string | undefined;
    slug?: string | undefined;
    preset?: string | undefined;
    'site-url'?: string | undefined;
    yes: boolean;
  },
): Promise<Answers> {
  const interactive = io.prompt !== undefined && !values.yes;
  let name = values.name?.trim();
  while (interactive && !name) name = (await ask(io, 'Naam van de organisatie'))?.trim();
  if (!name) throw usageError('geef de naam van de organisatie met --name "Naam"');
  // The name goes into files and onto the terminal: no control or format characters, no line breaks.
  if (/[\p{Cc}\p{Cf}\u2028\u2029]/u.test(name)) throw usageError('--name bevat een stuurteken of regeleinde; typ de naam zonder');
  let slug = values.slug ?? (interactive ? await ask(io, 'Korte naam voor adressen en bestanden', slugOf(name)) : slugOf(name));
  while (interactive && (slug === undefined || !SLUG.test(slug))) {
    io.stderr('  gebruik kleine letters, cijfers en streepjes, bijvoorbeeld zorgpunt-noord\n');
    slug = await ask(io, 'Korte naam voor adressen en bestanden', slugOf(name));
  }
  if (slug === undefined || !SLUG.test(slug))
    throw usageError(
      `--slug '${slug ?? ''}': gebruik kleine letters, cijfers en streepjes, bijvoorbeeld ${slugOf(name) || 'zorgpunt'}`,
    );
  let preset = values.preset;
  while (interactive && (preset === undefined || !PRESET_NAMES.includes(preset))) {
    if (preset !== undefined) io.stderr(`  kies uit: ${PRESET_NAMES.join(', ')}\n`);
    preset = await ask(io, `Voorinstelling voor het reglement [${PRESET_NAMES.join('/')}]`, 'awb');
  }
  if (preset === undefined) throw usageError(`kies een voorinstelling met --preset (${PRESET_NAMES.join(', ')})`);
  if (!PRESET_NAMES.includes(preset))
    throw usageError(`onbekende voorinstelling '${preset}' bij --preset; kies uit ${PRESET_NAMES.join(', ')}`);
  let siteUrl = values['site-url'] ?? (interactive ? await ask(io, 'Adres van de openbare site (leeg: later)') : undefined);
  if (siteUrl !== undefined && !/^https?:\/\/[^\s/]+/.test(siteUrl))
    throw usageError(`--site-url '${siteUrl}' is geen webadres; bijvoorbeeld https://klachten.example.nl`);
  if (siteUrl === '') siteUrl = undefined;
  return { name, slug, preset, siteUrl };
}

function existing(dir: string, files: Iterable<string>): string[] {
  return [...files].filter((file) => existsSync(join(dir, file)));
}

/** `klachten init`. */
export const init = defineCommand({
  name: 'init',
  summary: 'een nieuw klachtenregister opzetten (of bijwerken)',
  usage: [
    'klachten init <map> [--name "Naam"] [--slug <slug>] [--preset <voorinstelling>] [--site-url <adres>] [--yes]',
    'klachten init <map> --add --name "Naam" --preset <voorinstelling>',
    'klachten init <map> --update [--yes]',
  ],
  description: `Maakt in <map> de repository van een klachtenregister: package.json (met dit pakket in precies deze
versie), astro.config.mjs met de gegevens van de organisatie, het reglement uit een voorinstelling,
de mappen van het register, de workflows voor GitHub, CODEOWNERS, het sjabloon voor pull requests,
Dependabot, .gitignore, .node-version, een README en de handleidingen. Een bestaand bestand wordt
nooit overschreven; is <map> geen git-repository, dan volgt git init. In een terminal stelt het de
vragen die de opties niet beantwoorden; met --yes geen enkele.
Voorinstellingen: awb (Awb hoofdstuk 9), wkkgz (Wkkgz art. 17), en de vijf reglementen van het
voorbeeld: coulant, mvz, organize4all, pit, re-integratiedienst.`,
  positionals: [{ name: 'map', description: 'de map van het nieuwe register (standaard: de huidige map)' }],
  options: {
    name: { type: 'string', value: '"Naam"', description: 'naam van de organisatie' },
    slug: { type: 'string', value: '<slug>', description: 'korte naam voor adressen en bestanden (standaard: uit de naam)' },
    preset: { type: 'string', value: '<voorinstelling>', description: 'het reglement om mee te beginnen' },
    'site-url': {
      type: 'string',
      value: '<adres>',
      description: 'adres van de openbare site, bijvoorbeeld https://klachten.example.nl',
    },
    add: { type: 'boolean', default: false, description: 'alleen het reglement van nog een organisatie toevoegen (een koepel)' },
    update: {
      type: 'boolean',
      default: false,
      description: 'de bestanden uit de sjablonen (workflows, sjablonen, handleidingen) vergelijken met deze versie',
    },
    yes: { type: 'boolean', default: false, description: 'niets vragen; met --update: alle verschillen schrijven' },
  },
  sections: ['Voorbeeld: npx klachtenregister init zorgpunt --name "Zorgpunt Noord" --slug zorgpunt --preset wkkgz --yes'],
  run: async ({ values, positionals }, io) => {
    if (positionals.length > 1) throw usageError('gebruik: klachten init <map> [opties]');
    const dir = resolve(io.cwd, positionals[0] ?? '.');
    const shown = relative(io.cwd, dir) || '.';
    const today = resolveToday(values.today, io.now());
    if (values.update) return update(io, dir, values.yes);
    const answers = await answersFrom(io, values);

    if (values.add) {
      const file = `regulations/${answers.slug}/${today}.md`;
      if (existsSync(join(dir, 'regulations', answers.slug)))
        throw usageError(`er is al een reglement voor '${answers.slug}' in ${join(shown, 'regulations', answers.slug)}`);
      writeAll(
        dir,
        new Map([
          [file, regulationFromPreset(readFileSync(presetFile(answers.preset), 'utf8'), answers.name, answers.slug, today)],
        ]),
      );
      io.stdout(`geschreven: ${join(shown, file)}\nlees het reglement na en pas aan wat voor ${answers.name} anders is\n`);
      return 0;
    }

    const files = new Map([...ownFiles(answers, today), ...templateFiles()]);
    const taken = existing(dir, files.keys());
    if (taken.length > 0)
      throw usageError(
        `${shown} heeft al ${taken.length === 1 ? 'het bestand' : 'de bestanden'} ${taken.join(', ')}; init overschrijft niets`,
        { hint: 'kies een lege map, of werk een bestaand register bij met klachten init --update' },
      );
    if (existsSync(dir) && !statSync(dir).isDirectory()) throw usageError(`${shown} is geen map`);
    mkdirSync(dir, { recursive: true });
    writeAll(dir, files);
    // The regulation as written must load: a preset that no longer fits the schema is a bug to report.
    const loaded = loadRegulations(dir, 'regulations');
    const errors = loaded.diagnostics.filter((d) => d.severity === 'error');
    if (errors.length > 0)
      io.stderr(
        `let op: het reglement heeft ${String(errors.length)} fout(en); klachten check --regulations ${join(shown, 'regulations')} toont ze\n`,
      );

    let git = 'al een git-repository';
    if (runGit(dir, ['rev-parse', '--git-dir']).status !== 0) {
      const made = runGit(dir, ['init', '--initial-branch=main']);
      git = made.status === 0 ? 'git init gedaan (tak main)' : `git init mislukte: ${made.stderr.trim()}`;
    }
    io.stdout(
      [
        `klachtenregister voor ${answers.name} in ${shown} (${git}):`,
        ...[...files.keys()].map((file) => `  ${file}`),
        '',
        'Verder:',
        `  cd ${shown}`,
        '  npm install',
        '  npx klachten check',
        `  lees regulations/${answers.slug}/${today}.md na en pas aan wat voor ${answers.name} anders is`,
        '  vul astro.config.mjs aan (contact, logo) en zet de teams in .github/CODEOWNERS',
        '  de stappen in GitHub: docs/klachtenregister/register-opzetten.md',
        '',
      ].join('\n'),
    );
    return 0;
  },
});

/** `--update`: the template files against this version's templates; written with `--yes` or on request. */
async function update(io: Io, dir: string, yes: boolean): Promise<number> {
  if (!existsSync(join(dir, 'package.json')))
    throw usageError(
      `${dir} heeft geen package.json: is dit een klachtenregister? (een nieuw register: klachten init zonder --update)`,
    );
  let changed = 0;
  let written = 0;
  for (const [file, text] of templateFiles()) {
    const path = join(dir, file);
    const before = existsSync(path) ? readFileSync(path, 'utf8') : undefined;
    if (before === text) continue;
    changed += 1;
    io.stdout(before === undefined ? `nieuw: ${file}\n` : `gewijzigd: ${file}\n${lineDiff(before, text)}\n`);
    let write = yes;
    if (!yes && io.prompt) write = /^j(a)?$/i.test((await io.prompt(`  ${file} schrijven? [j/n]: `)).trim());
    if (write) {
      mkdirSync(dirname(path), { recursive: true });
      writeFileSync(path, text);
      written += 1;
    }
  }
  io.stdout(
    changed === 0
      ? 'alle sjabloonbestanden zijn bij\n'
      : `${String(changed)} sjabloonbestand(en) anders dan in deze versie; ${String(written)} geschreven${written < changed ? ' (schrijven: --yes)' : ''}\n`,
  );
  return 0;
}
