import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { ROOT } from '../builders.ts';
import { klachten } from './run-cli.ts';

interface Step {
  id?: string;
  if?: string;
  uses?: string;
  run?: string;
  with?: Record<string, unknown>;
}
interface Workflow {
  on: Record<string, unknown>;
  permissions?: Record<string, string>;
  concurrency?: { group: string };
  jobs: Record<string, { permissions?: Record<string, string>; steps?: Step[]; 'timeout-minutes'?: number }>;
}

const DIR = join(ROOT, '.github/workflows');
const FILES = readdirSync(DIR).filter((name) => name.endsWith('.yml'));
const TEXT = Object.fromEntries(FILES.map((name) => [name, readFileSync(join(DIR, name), 'utf8')]));
const WORKFLOWS = Object.fromEntries(FILES.map((name) => [name, parse(TEXT[name] ?? '') as Workflow]));

describe('the workflows', () => {
  it('are the eight the register needs', () => {
    expect(FILES.sort()).toEqual([
      'ci.yml',
      'internal-site.yml',
      'number.yml',
      'overdue.yml',
      'retention.yml',
      'site.yml',
      'step-comment.yml',
      'validate.yml',
    ]);
  });

  it.each(FILES)('%s grants nothing by default and least privilege per job, with a concurrency group', (name) => {
    const workflow = WORKFLOWS[name];
    expect(workflow?.permissions).toEqual({});
    expect(workflow?.concurrency?.group).toBeTruthy();
    for (const job of Object.values(workflow?.jobs ?? {})) {
      expect(job.permissions).toBeDefined();
      expect(job['timeout-minutes']).toBeGreaterThan(0);
      const writes = Object.entries(job.permissions ?? {}).filter(([, level]) => level === 'write');
      for (const [scope] of writes)
        expect(['issues', 'pull-requests', 'pages', 'id-token']).toContain(
          // retention pushes its branch; number commits the numbers to main (only ids, see its workflow);
          // step-comment pushes the branch of a step recorded with /gedaan (or main, when allowed).
          scope === 'contents' && ['retention.yml', 'number.yml', 'step-comment.yml'].includes(name) ? 'pull-requests' : scope,
        );
    }
  });

  it.each(FILES)(
    '%s runs no untrusted code with secrets: no pull_request_target, no expressions in scripts, no stored token',
    (name) => {
      const workflow = WORKFLOWS[name];
      expect(Object.keys(workflow?.on ?? {})).not.toContain('pull_request_target');
      expect(Object.keys(workflow?.on ?? {})).not.toContain('workflow_run');
      for (const job of Object.values(workflow?.jobs ?? {})) {
        for (const step of job.steps ?? []) {
          // Values reach scripts through env, so a branch name or title can never become shell code.
          if (step.run !== undefined) expect(step.run).not.toContain('${{');
          if (step.uses?.startsWith('actions/checkout@')) expect(step.with?.['persist-credentials']).toBe(false);
        }
      }
    },
  );

  it.each(FILES)('%s pins every action to a commit with its version in a comment, and sets up the project Node', (name) => {
    const uses = [...(TEXT[name] ?? '').matchAll(/uses: (\S+)(.*)$/gm)];
    expect(uses.length).toBeGreaterThan(0);
    for (const [, action = '', comment = ''] of uses) {
      expect(action).toMatch(/^[\w.-]+\/[\w.-]+@[0-9a-f]{40}$/);
      expect(comment).toMatch(/^ # v\d+\.\d+\.\d+$/);
    }
    for (const job of Object.values(WORKFLOWS[name]?.jobs ?? {}))
      for (const step of job.steps ?? [])
        if (step.uses?.startsWith('actions/setup-node@')) expect(step.with?.['node-version-file']).toBe('.node-version');
  });

  it('set up the Node version that npm scripts, npx and .ci/run get from the node package', () => {
    const version = readFileSync(join(ROOT, '.node-version'), 'utf8').trim();
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { devDependencies: Record<string, string> };
    expect(pkg.devDependencies.node).toMatch(new RegExp(`^\\^${version}\\.`));
    // A register made by klachten init has the same in its own .node-version.
    expect(readFileSync(join(ROOT, 'templates', 'node-version'), 'utf8').trim()).toBe(version);
  });

  it('run klachten commands and flags that exist', () => {
    const calls = FILES.flatMap((name) => [...(TEXT[name] ?? '').matchAll(/node cli\/klachten\.ts ([\w-]+)((?: --[\w-]+)*)/g)]);
    expect(calls.map((c) => c[1])).toEqual(expect.arrayContaining(['check', 'pr-report', 'sync']));
    for (const [, command = '', flags = ''] of calls) {
      const help = klachten([command, '--help']);
      expect(help.code, command).toBe(0);
      for (const flag of flags.trim().split(' ').filter(Boolean)) expect(help.stdout, `${command} ${flag}`).toContain(flag);
    }
  });

  it('schedule the overdue check on working days, off the hour, and the site nightly', () => {
    const schedule = (name: string) => (WORKFLOWS[name]?.on.schedule as { cron: string }[] | undefined)?.map((s) => s.cron);
    const [overdue] = schedule('overdue.yml') ?? [];
    expect(overdue).toMatch(/^([1-9]|[1-5]\d) [4-6] \* \* 1-5$/);
    expect(WORKFLOWS['overdue.yml']?.on).toHaveProperty('workflow_dispatch.inputs.dry-run.type', 'boolean');
    expect(schedule('site.yml')).toHaveLength(1);
    // The internal site: on main, and once a year when the past year's evaluations are due.
    expect(schedule('internal-site.yml')).toEqual([expect.stringMatching(/^\d+ \d+ \d+ 1 \*$/)]);
    expect(TEXT['internal-site.yml']).toContain('npm run build:internal');
    expect(TEXT['internal-site.yml']).toContain('path: dist-internal');
    expect(WORKFLOWS['validate.yml']?.on).toEqual({ pull_request: { paths: ['register/**', 'regulations/**'] } });
    expect(schedule('retention.yml')).toEqual([expect.stringMatching(/^\d+ \d+ 1 \* \*$/)]);
  });

  it('anonymise monthly, check the result, and propose it as a pull request', () => {
    const steps = WORKFLOWS['retention.yml']?.jobs.retention?.steps ?? [];
    const runs = steps.map((step) => step.run ?? '');
    const apply = runs.findIndex((run) => run.includes('node cli/klachten.ts retention --apply --markdown'));
    const check = runs.findIndex((run) => run.includes('node cli/klachten.ts check'));
    const propose = runs.findIndex((run) => run.includes('gh pr create'));
    expect(apply).toBeGreaterThan(-1);
    expect(check).toBeGreaterThan(apply);
    expect(propose).toBeGreaterThan(check);
    expect(runs[propose]).toContain('git add register');
    expect(WORKFLOWS['retention.yml']?.jobs.retention?.permissions).toEqual({ contents: 'write', 'pull-requests': 'write' });
  });

  it('retention: a broken file elsewhere does not block the pull request; the job fails after it, naming the file', () => {
    const steps = WORKFLOWS['retention.yml']?.jobs.retention?.steps ?? [];
    const runs = steps.map((step) => step.run ?? '');
    const check = steps.findIndex((step) => (step.run ?? '').includes('node cli/klachten.ts check'));
    const propose = runs.findIndex((run) => run.includes('gh pr create'));
    // The check records its outcome instead of stopping the job.
    expect(steps[check]?.id).toBe('check');
    expect(runs[check]).toMatch(/^set \+e$/m);
    expect(runs[check]).toContain('echo "check=$?" >> "$GITHUB_OUTPUT"');
    // Nothing between the check and the pull request can be skipped because of it.
    for (const step of steps.slice(check + 1, propose + 1)) expect(step.if, step.run).toBeUndefined();
    // After the pull request, a step fails the job and runs the check again in text, which names each broken file.
    const fail = steps.findIndex((step, index) => index > propose && step.if === "steps.check.outputs.check != '0'");
    expect(fail).toBeGreaterThan(propose);
    expect(runs[fail]).toContain('node cli/klachten.ts check');
    expect(runs[fail]).toMatch(/exit 1\s*$/);
  });

  it('step-comment: only a new comment starting with /gedaan on an issue, one run per issue, and a reply either way', () => {
    const workflow = WORKFLOWS['step-comment.yml'];
    expect(workflow?.on).toEqual({ issue_comment: { types: ['created'] } });
    expect(workflow?.concurrency?.group).toBe('step-comment-${{ github.event.issue.number }}');
    const job = (workflow?.jobs.record ?? {}) as { if?: string; permissions?: Record<string, string>; steps?: Step[] };
    expect(job.if).toContain('!github.event.issue.pull_request');
    expect(job.if).toContain("startsWith(github.event.comment.body, '/gedaan')");
    expect(job.permissions).toEqual({ contents: 'write', 'pull-requests': 'write', issues: 'write' });
    const steps = job.steps ?? [];
    const runs = steps.map((step) => step.run ?? '');
    const record = runs.findIndex((run) => run === 'node cli/klachten.ts comment "$GITHUB_EVENT_PATH"');
    const publish = runs.findIndex((run) => run.includes('gh pr create'));
    expect(record).toBeGreaterThan(-1);
    expect(publish).toBeGreaterThan(record);
    expect(steps[publish]?.if).toBe("steps.comment.outputs.changed == 'true'");
    // Straight to main only when the organisation says so.
    expect(runs[publish]).toContain('if [ "$DIRECT" = "ja" ]; then');
    expect(TEXT['step-comment.yml']).toContain('DIRECT: ${{ vars.KLACHTEN_STAPPEN_DIRECT }}');
    // The reply with the link after publishing; a failed publication is said on the issue too.
    expect(runs.slice(publish + 1).join('\n')).toContain('--pull-request "$PULL_REQUEST"');
    expect(runs.slice(publish + 1).join('\n')).toContain('--commit "$COMMIT"');
    expect(runs.at(-1)).toBe('node cli/klachten.ts comment "$GITHUB_EVENT_PATH" --failed');
  });

  it('have management own the regulations and evaluations, colleagues the routine complaint records, and a pull request template', () => {
    const rules = readFileSync(join(ROOT, '.github/CODEOWNERS'), 'utf8')
      .split('\n')
      .filter((line) => line.trim() !== '' && !line.startsWith('#'))
      .map((line) => line.trim().split(/\s+/));
    const owners = (path: string): string[] =>
      // The last matching line wins.
      rules
        .filter(([pattern = '']) => path.startsWith(pattern.replace(/^\//, '')))
        .at(-1)
        ?.slice(1) ?? [];
    const management = owners('regulations/mvz/2020-01-01.md');
    expect(management.length).toBeGreaterThan(0);
    expect(owners('register/evaluations/mvz/2025.md')).toEqual(management);
    // Recording a step is routine: a colleague reviews it, not necessarily management.
    const staff = owners('register/complaints/2026/KL-2026-0001.md');
    expect(staff.length).toBeGreaterThan(0);
    expect(staff).not.toEqual(management);
    expect(owners('.github/workflows/retention.yml').length).toBeGreaterThan(0);
    const template = readFileSync(join(ROOT, '.github/pull_request_template.md'), 'utf8');
    expect(template).toContain('docs/klacht-registreren.md');
    expect(template).toMatch(/- \[ \] .*persoonsgegevens/);
  });
});
