import { spawn, spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FakeGitHub } from '../github/fake-github.ts';
import { ROOT } from '../builders.ts';

// An organisation adopts the product as its users would: the package as `npm pack` makes it, `klachten
// init` from that package, `npm install` in the new register, the commands through npx, the site with
// `npm run build`, its workflows through actionlint, sync against the local GitHub stand-in; then the
// next version installed over it. Everything in temporary folders; nothing reads the demo.

const TODAY = '2026-11-02';
const work = mkdtempSync(join(tmpdir(), 'klachten-adoption-'));
const NPM_FLAGS = ['--no-audit', '--no-fund', '--prefer-offline', '--loglevel=error'];

function run(command: string, args: readonly string[], cwd: string, env: Record<string, string> = {}): SpawnSyncReturns<string> {
  const result = spawnSync(command, args, {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1', ASTRO_TELEMETRY_DISABLED: '1', npm_config_update_notifier: 'false', ...env },
    maxBuffer: 64 * 1024 * 1024,
  });
  if (result.error) throw result.error;
  return result;
}

function ok(result: SpawnSyncReturns<string>, what: string): string {
  expect(result.status, `${what}\n${result.stdout}\n${result.stderr}`).toBe(0);
  return result.stdout;
}

/** What a command said on either stream, for summaries that go to stderr. */
function said(result: SpawnSyncReturns<string>, what: string): string {
  ok(result, what);
  return `${result.stdout}${result.stderr}`;
}

/** Every file of a register but what npm writes, with its bytes. */
function snapshot(dir: string): Map<string, string> {
  const files = new Map<string, string>();
  const walk = (folder: string): void => {
    for (const name of readdirSync(folder)) {
      if (name === 'node_modules' || name === '.git' || name === 'dist' || name === '.astro') continue;
      const path = join(folder, name);
      if (statSync(path).isDirectory()) walk(path);
      else files.set(relative(dir, path), readFileSync(path, 'utf8'));
    }
  };
  walk(dir);
  return files;
}

let tarball = '';
let tool = '';

beforeAll(() => {
  // The package as it would be published.
  const packed = ok(run('npm', ['pack', '--pack-destination', work, '--json', '--loglevel=error'], ROOT), 'npm pack');
  tarball = join(work, (JSON.parse(packed) as { filename: string }[])[0]?.filename ?? '');
  // `npx klachtenregister init`: the package installed alone, as npx does; it needs no other package.
  tool = join(work, 'tool');
  mkdirSync(tool);
  ok(run('npm', ['install', tarball, ...NPM_FLAGS], tool), 'npm install (tool)');
  expect(readdirSync(join(tool, 'node_modules')).filter((name) => !name.startsWith('.'))).toEqual(['klachtenregister']);
}, 300_000);

const organisations = [
  { preset: 'mvz', name: 'Coaching Oost & Zn', slug: 'coaching-oost', firstStep: 'ontvangstbevestiging', due: '2026-11-17' },
  { preset: 'wkkgz', name: 'Zorgpunt Noord', slug: 'zorgpunt', firstStep: undefined, due: undefined },
] as const;

describe.each(organisations)('a register made with klachten init --preset $preset', (org) => {
  const dir = join(work, org.slug);
  let github: FakeGitHub;

  beforeAll(async () => {
    ok(
      run(
        join(tool, 'node_modules', '.bin', 'klachten'),
        [
          'init',
          dir,
          '--name',
          org.name,
          '--slug',
          org.slug,
          '--preset',
          org.preset,
          '--site-url',
          'https://klachten.example.test',
          '--yes',
          '--today',
          TODAY,
        ],
        work,
      ),
      'klachten init',
    );
    ok(run('npm', ['install', tarball, ...NPM_FLAGS], dir), 'npm install');
    github = await new FakeGitHub().start();
  }, 600_000);

  afterAll(async () => {
    await github.close();
  });

  it('writes the files of a register, and git init', () => {
    for (const file of [
      'package.json',
      'astro.config.mjs',
      `regulations/${org.slug}/${TODAY}.md`,
      'register/complaints/.gitkeep',
      'register/evaluations/.gitkeep',
      '.github/workflows/validate.yml',
      '.github/CODEOWNERS',
      '.github/dependabot.yml',
      '.gitignore',
      '.node-version',
      'README.md',
      '.git/HEAD',
    ])
      expect(existsSync(join(dir, file)), file).toBe(true);
    const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { devDependencies: Record<string, string> };
    expect(Object.keys(pkg.devDependencies)).toEqual(expect.arrayContaining(['astro', 'node']));
    // The pull-request check's install (npm ci --omit=dev in the workflows) brings the package alone:
    // neither Node 24 nor Astro's hundreds of packages.
    const checkOnly = mkdtempSync(join(work, 'check-'));
    for (const file of ['package.json']) writeFileSync(join(checkOnly, file), readFileSync(join(dir, file)));
    ok(run('npm', ['install', tarball, '--omit=dev', ...NPM_FLAGS], checkOnly), 'npm install --omit=dev');
    expect(readdirSync(join(checkOnly, 'node_modules')).filter((name) => !name.startsWith('.'))).toEqual(['klachtenregister']);
    // Init refuses to write over a register.
    const again = run(
      join(tool, 'node_modules', '.bin', 'klachten'),
      ['init', dir, '--name', org.name, '--preset', org.preset, '--yes'],
      work,
    );
    expect(again.status).toBe(2);
    expect(again.stderr).toContain('overschrijft niets');
  });

  it('checks the empty register, records a complaint and computes its deadlines (npx klachten)', () => {
    expect(said(run('npx', ['--no-install', 'klachten', 'check', '--today', TODAY], dir), 'check')).toContain('0 fouten');
    ok(
      run(
        'npx',
        [
          '--no-install',
          'klachten',
          'new',
          '--organisation',
          org.slug,
          '--received',
          '2026-11-03',
          '--channel',
          'email',
          '--name',
          'Voorbeeld Klager',
          '--email',
          'klager@example.test',
          '--address',
          'Voorbeeldstraat 1, 1234 AB Voorbeeld',
          '--dated',
          '2026-11-02',
          '--description',
          'Een verzonnen klacht om het register te proberen.',
          '--today',
          '2026-11-03',
        ],
        dir,
      ),
      'new',
    );
    const status = JSON.parse(
      ok(run('npx', ['--no-install', 'klachten', 'status', '--json', '--today', '2026-11-04'], dir), 'status'),
    ) as {
      complaints: { id: string; organisation: string; steps: { id: string; due: string | null }[] }[];
    };
    expect(status.complaints).toHaveLength(1);
    const [complaint] = status.complaints;
    expect(complaint?.organisation).toBe(org.slug);
    if (org.firstStep !== undefined) expect(complaint?.steps.find((s) => s.id === org.firstStep)?.due).toBe(org.due);
    // Every preset has at least one deadline.
    expect(complaint?.steps.some((s) => s.due !== null)).toBe(true);
    expect(said(run('npx', ['--no-install', 'klachten', 'check', '--today', '2026-11-04'], dir), 'check')).toContain('0 fouten');
  });

  it('builds a site that carries the organisation and its regulation (npm run build)', () => {
    ok(run('npm', ['run', 'build'], dir, { KLACHTEN_TODAY: '2026-11-04' }), 'npm run build');
    const home = readFileSync(join(dir, 'dist', 'index.html'), 'utf8');
    const escaped = org.name.replaceAll('&', '&amp;');
    expect(home).toContain(escaped);
    const page = readFileSync(join(dir, 'dist', org.slug, 'index.html'), 'utf8');
    expect(page).toContain(escaped);
    expect(page).not.toContain('MVZLoopbaancoaching');
    expect(existsSync(join(dir, 'dist', 'pagefind'))).toBe(true);
    // Nothing of the complaint reaches the public site.
    expect(home + page).not.toContain('Voorbeeld Klager');
  });

  it('has workflows that pass actionlint and call the installed command', () => {
    const lint = run(
      process.execPath,
      [join(ROOT, 'node_modules', '@tktco', 'node-actionlint', 'bin', 'node-actionlint.js')],
      dir,
    );
    expect(lint.status, `${lint.stdout}${lint.stderr}`).toBe(0);
    const validate = readFileSync(join(dir, '.github', 'workflows', 'validate.yml'), 'utf8');
    expect(validate).toContain('npx klachten check');
    expect(validate).toContain('npm ci --omit=dev');
    expect(validate).not.toContain('cli/klachten.ts');
    expect(readFileSync(join(dir, '.github', 'workflows', 'number.yml'), 'utf8')).toContain('npx klachten number');
  });

  it('opens the overdue issues with klachten sync against GitHub, once the complaint has its number', async () => {
    // What the workflow number does after the merge: the provisional id becomes the year's next number.
    expect(ok(run('npx', ['--no-install', 'klachten', 'number', '--today', '2026-11-04'], dir), 'number')).toContain(
      '→ KL-2026-0001',
    );
    // Not spawnSync: the GitHub stand-in answers from this process.
    const result = await new Promise<{ status: number | null; output: string }>((done, fail) => {
      const child = spawn('npx', ['--no-install', 'klachten', 'sync', '--today', '2027-03-01'], {
        cwd: dir,
        env: { ...process.env, ...github.env() },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let output = '';
      child.stdout.setEncoding('utf8').on('data', (text: string) => (output += text));
      child.stderr.setEncoding('utf8').on('data', (text: string) => (output += text));
      child.once('error', fail);
      child.once('close', (status) => {
        done({ status, output });
      });
    });
    expect(result.status, result.output).toBe(0);
    const open = github.issues.filter((issue) => issue.state === 'open');
    expect(open.length).toBeGreaterThan(0);
    for (const issue of open) expect(`${issue.title}\n${issue.body}`).not.toMatch(/Voorbeeld Klager|klager@example/);
  });
});

describe('the next version installed over a register', () => {
  it('leaves the organisation’s files as they were and brings the new behaviour and templates', () => {
    const dir = join(work, organisations[0].slug);
    const before = snapshot(dir);
    // The next version: the same package with a new number and a changed workflow template.
    const next = join(work, 'next');
    mkdirSync(next);
    ok(run('tar', ['-xzf', tarball, '-C', next], work), 'tar');
    const source = join(next, 'package');
    const pkgPath = join(source, 'package.json');
    writeFileSync(pkgPath, readFileSync(pkgPath, 'utf8').replace(/"version": "[^"]+"/, '"version": "99.0.0"'));
    const workflow = join(source, '.github', 'workflows', 'validate.yml');
    writeFileSync(workflow, readFileSync(workflow, 'utf8').replace('name: validate\n', 'name: validate\n# Nieuw in 99.0.0.\n'));
    const packed = ok(
      run('npm', ['pack', '--ignore-scripts', '--pack-destination', next, '--json', '--loglevel=error'], source),
      'npm pack',
    );
    const nextTarball = join(next, (JSON.parse(packed) as { filename: string }[])[0]?.filename ?? '');
    ok(run('npm', ['install', nextTarball, ...NPM_FLAGS], dir), 'npm install (next version)');

    expect(ok(run('npx', ['--no-install', 'klachten', '--version'], dir), 'version').trim()).toBe('99.0.0');
    const after = snapshot(dir);
    for (const [file, text] of before)
      if (file !== 'package.json' && file !== 'package-lock.json') expect(after.get(file), file).toBe(text);

    // The changed template: shown, not written, until asked.
    const shown = ok(run('npx', ['--no-install', 'klachten', 'init', '.', '--update'], dir), 'init --update');
    expect(shown).toContain('gewijzigd: .github/workflows/validate.yml');
    expect(shown).toContain('+ # Nieuw in 99.0.0.');
    expect(readFileSync(join(dir, '.github', 'workflows', 'validate.yml'), 'utf8')).not.toContain('Nieuw in 99.0.0');
    ok(run('npx', ['--no-install', 'klachten', 'init', '.', '--update', '--yes'], dir), 'init --update --yes');
    expect(readFileSync(join(dir, '.github', 'workflows', 'validate.yml'), 'utf8')).toContain('Nieuw in 99.0.0');
    expect(readFileSync(join(dir, `regulations/${organisations[0].slug}/${TODAY}.md`), 'utf8')).toBe(
      before.get(`regulations/${organisations[0].slug}/${TODAY}.md`),
    );
  }, 300_000);
});
