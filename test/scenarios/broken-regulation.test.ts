import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { klachten, scratchProject } from './run-cli.ts';

const TODAY = ['--today', '2026-11-21'];
/** Where the broken regulation's own finding stands: its unknown field, on line 2. */
const FINDING = /regulations\/pit\/2024-02-01\.md:2:1: onbekend veld 'reactietermijn'/;

// A regulation with a mistake drops out of the set; the commands that work on a few complaints
// used to say "onbekende organisatie" then. They show the regulation's own finding instead.
describe('commands with a broken regulation', () => {
  let dir = '';
  beforeAll(() => {
    dir = scratchProject();
    const file = join(dir, 'regulations/pit/2024-02-01.md');
    writeFileSync(file, readFileSync(file, 'utf8').replace(/^---\n/, '---\nreactietermijn: 5\n'));
  });
  const run = (args: string[]) => klachten([...args, ...TODAY], { cwd: dir });

  it('new names the regulation finding, not an unknown organisation', () => {
    const result = run(['new', '--organisation', 'pit', '--channel', 'email', '--description', 'Verzonnen testklacht.']);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(FINDING);
    expect(result.stderr).toContain('het reglement van pit heeft fouten (hierboven)');
    expect(result.stderr).not.toContain('verwacht een van');
  });

  it('new still says which organisations exist when the slug is simply wrong', () => {
    const result = run(['new', '--organisation', 'mvzz', '--channel', 'email']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(
      "--organisation verwacht een van: coulant, mvz, organize4all, re-integratiedienst (niet 'mvzz'); bedoelt u mvz?",
    );
  });

  it('record names the regulation finding', () => {
    const result = run(['record', 'KL-2026-0001', 'behandeling', '--on', '2026-01-22']);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(FINDING);
    expect(result.stderr).not.toContain('geen reglement van kracht');
  });

  it('retention and export report it before their own output', () => {
    const retention = run(['retention']);
    expect(retention.stderr).toMatch(FINDING);
    expect(retention.code).toBe(1);
    const exported = run(['export', '--id', 'KL-2026-0001']);
    expect(exported.stderr).toMatch(FINDING);
  });
});
