import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ROOT, SAMPLE_REGULATIONS } from '../builders.ts';

const GOOD = `---
id: KL-2026-0101
organisation: pit
received: 2026-03-02
channel: email
form: written
---
Een klacht zonder fouten.
`;

// No `form` (reported on the opening ---); line 4: a badly written date; line 5: a channel the schema
// lacks; lines 6 and 7: unknown fields, the second a name typed as a key, which must not reach the
// output (it ends up in CI logs).
const BAD = `---
id: KL-2026-0102
organisation: pit
received: 2-3-2026
channel: fax
urgentie: hoog
Hendrikus Lekvrij: x
---
Een klacht met fouten.
`;

// Not a complaint, and invalid as one: the globs leave README.md out, as `klachten check` does.
const README = `---
title: Uitleg
---
# Klachtdossiers
`;

let output = '';
let status: number | null = null;

beforeAll(() => {
  // The plugin resolves schema paths and globs from the folder of the nearest .remarkrc.*, so the
  // scratch folder gets its own copy of the config and the schemas, and the repository's packages.
  const dir = mkdtempSync(join(tmpdir(), 'klachten-frontmatter-'));
  try {
    cpSync(join(ROOT, '.remarkrc.mjs'), join(dir, '.remarkrc.mjs'));
    cpSync(join(ROOT, 'json-schemas'), join(dir, 'json-schemas'), { recursive: true });
    cpSync(SAMPLE_REGULATIONS, join(dir, 'regulations'), { recursive: true });
    symlinkSync(join(ROOT, 'node_modules'), join(dir, 'node_modules'), 'junction');
    mkdirSync(join(dir, 'register/complaints/2026'), { recursive: true });
    writeFileSync(join(dir, 'register/complaints/2026/KL-2026-0101.md'), GOOD);
    writeFileSync(join(dir, 'register/complaints/2026/KL-2026-0102.md'), BAD);
    writeFileSync(join(dir, 'register/complaints/README.md'), README);

    // The arguments of `npm run lint:frontmatter`, run with the real remark CLI.
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> };
    const [command, ...args] = (pkg.scripts['lint:frontmatter'] ?? '').split(' ');
    expect(command).toBe('remark');
    const cli = join(ROOT, 'node_modules/remark-cli/cli.js');
    // remark colours its report even when it goes to a pipe.
    const result = spawnSync(process.execPath, [cli, ...args, '--no-color'], { cwd: dir, encoding: 'utf8' });
    output = result.stdout + result.stderr;
    status = result.status;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

describe('npm run lint:frontmatter', () => {
  it('fails and reports each error of the bad complaint on its line', () => {
    expect(status).toBe(1);
    expect(output).toContain('register/complaints/2026/KL-2026-0102.md\n');
    expect(output).toMatch(/^1:1-1:4 +error Must have required property 'form' /m);
    expect(output).toMatch(/^4:11-4:19 +error Must match pattern /m);
    expect(output).toMatch(/^5:10-5:13 +error Must be equal to one of the allowed values: `email`, `post`/m);
    expect(output).toMatch(/^6:1-6:9 +error Onbekend veld 'urgentie' /m);
    expect(output).toMatch(/^7:1-7:18 +error Onbekend veld op deze regel /m);
  });

  it('does not name a value that could be personal', () => {
    expect(output).not.toContain('Hendrikus');
    expect(output).not.toContain('Lekvrij');
  });

  it('passes the good complaint, the README and the regulations', () => {
    expect(output).not.toContain('KL-2026-0101');
    expect(output).not.toContain('README');
    expect(output).not.toContain('regulations/');
  });
});
