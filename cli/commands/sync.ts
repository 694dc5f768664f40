import { appendFileSync } from 'node:fs';
import { relative } from 'node:path';
import {
  PROVISIONAL_ID,
  addEvaluationDuties,
  desiredState,
  formatDate,
  planSync,
  SYNC_LABEL,
  writesOf,
  type IsoDate,
  type SyncAction,
  type SyncComplaint,
  type SyncPlan,
  type SyncState,
  formatText,
  safeLines,
  usageError,
} from '../../core/index.ts';
import {
  createGitHub,
  describeError,
  GITHUB_ENV_HELP,
  gitHubTarget,
  isAccessError,
  type GitHub,
  type GitHubTarget,
} from '../../node/github.ts';
import { applyAction, assignableLogins, listIssues } from '../../node/github-issues.ts';
import { evaluationsDir, loadRegister } from '../../node/load-register.ts';
import { defineCommand } from '../lib/command.ts';
import { registerLocation } from '../lib/location.ts';
import { gitHubContext, type Io } from '../lib/io.ts';
import { resolveToday } from '../lib/today.ts';

const VERBS: Record<SyncAction['kind'], string> = {
  create: 'aanmaken',
  update: 'bijwerken',
  reopen: 'heropenen',
  close: 'sluiten',
};

const DONE: Record<SyncAction['kind'], string> = {
  create: 'aangemaakt',
  update: 'bijgewerkt',
  reopen: 'heropend',
  close: 'gesloten',
};

function maxWrites(raw: string): number {
  if (!/^\d+$/.test(raw) || raw === '1')
    throw usageError(
      `--max-writes verwacht 0 of een geheel getal vanaf 2 (sluiten en heropenen zijn twee schrijfacties), niet '${raw}'`,
    );
  return Number(raw);
}

function describe(action: SyncAction): string {
  switch (action.kind) {
    case 'create':
      return `${action.issue.title}${action.issue.assignees.length > 0 ? ` → @${action.issue.assignees.join(', @')}` : ''}`;
    case 'update':
      return `#${action.number} ${action.issue.title} (${action.changes.join(', ')})`;
    case 'reopen':
      return `#${action.number} ${action.issue.title}`;
    case 'close':
      return `#${action.number} ${action.title}: ${action.comment}`;
  }
}

/**
 * A warning per issue whose handler or owner is not an assignable login. It names the issue, never the
 * value: a value that is not a login may be anything (a phone number typed in the wrong field).
 */
function warnUnassignable(state: SyncState, target: GitHubTarget, io: Io): void {
  for (const key of [...state.unassignable].sort())
    io.stderr(
      safeLines(
        `waarschuwing: ${key}: behandelaar niet toewijsbaar (zie het dossier) in ${target.owner}/${target.repo}; het issue blijft zonder toewijzing\n`,
      ),
    );
}

/** Applies the plan in order within `budget` writes; stops early when access is refused. */
async function applyPlan(
  octokit: GitHub,
  target: GitHubTarget,
  plan: SyncPlan,
  budget: number,
  io: Io,
): Promise<{ failures: number; deferred: number; skipped: number }> {
  let failures = 0;
  let written = 0;
  for (const [index, action] of plan.actions.entries()) {
    if (written + writesOf(action) > budget) return { failures, deferred: plan.actions.length - index, skipped: 0 };
    written += writesOf(action);
    try {
      const number = await applyAction(octokit, target, action);
      io.stdout(safeLines(`#${number} ${DONE[action.kind]}: ${action.kind === 'close' ? action.title : action.issue.title}\n`));
    } catch (error) {
      failures += 1;
      const what = action.kind === 'create' ? action.issue.title : `#${action.number}`;
      io.stderr(safeLines(`klachten sync: ${VERBS[action.kind]} van ${what} mislukt: ${describeError(error)}\n`));
      if (isAccessError(error)) return { failures, deferred: 0, skipped: plan.actions.length - index - 1 };
    }
  }
  return { failures, deferred: 0, skipped: 0 };
}

function stepSummary(io: Io, lines: string[]): void {
  const path = io.env.GITHUB_STEP_SUMMARY;
  if (path) appendFileSync(path, safeLines(`${lines.join('\n')}\n`));
}

/** `klachten sync`. */
export const sync = defineCommand({
  name: 'sync',
  summary: 'issues voor verstreken termijnen openen, bijwerken en sluiten (GitHub Actions)',
  description: `Zorgt dat er één open issue (label '${SYNC_LABEL}') is per verstreken stap van een open klacht en per
verstreken maatregel, toegewezen aan de behandelaar of uitvoerder, en één issue 'Termijnen deze week'
met wat binnen vijf werkdagen verloopt. Uit de evaluaties (<register>/evaluations/): één issue per
verstreken verbeteractie (toegewezen aan de actienemer) en per jaar waarvan de evaluatie niet op tijd is
goedgekeurd (de termijn volgt uit het reglement). Issues van gedane of vervallen stappen worden gesloten met een
korte reactie; een stap die opnieuw te laat is, opent zijn issue weer. Eerst het plan, dan de uitvoering.
In issues staan alleen klachtnummer, stap, datums, login en bestandspad: niets over de klager.

Een dossier dat niet te lezen is, houdt zijn issues zoals ze zijn; de rest gaat door, het bestand wordt
genoemd en de exitcode is 1.`,
  options: {
    'dry-run': { type: 'boolean', default: false, description: 'alleen het plan tonen; niets schrijven' },
    'max-writes': {
      type: 'string',
      value: 'N',
      default: '100',
      description: 'hoogstens N schrijfacties; de rest volgt bij de volgende run',
    },
  },
  sections: [
    `Exitcode: 0 klaar (of uitgesteld door --max-writes), 1 dossiers met fouten of mislukte schrijfacties,
2 verkeerd aangeroepen.`,
    GITHUB_ENV_HELP,
  ],
  run: async ({ values }, io) => {
    const budget = maxWrites(values['max-writes']);
    const dryRun = values['dry-run'];
    const today: IsoDate = resolveToday(values.today, io.now());
    const target = gitHubTarget(io.env);

    const loaded = await loadRegister({
      ...registerLocation(io, values),
      today,
      withStatus: true,
    });
    const errors = loaded.diagnostics.filter((d) => d.severity === 'error');
    for (const error of errors) io.stderr(`${formatText(error)}\n`);
    const unreadable = [...loaded.invalidFiles].sort();
    const evaluationFiles = `${relative(io.cwd, evaluationsDir(io.cwd, values.register))}/`;
    const brokenRegulations = loaded.invalid.regulations;
    // `<slug>/<year>` of evaluation files with errors: their issues stay as they are.
    const unreadableEvaluations = new Set(
      loaded.invalid.evaluations.map((file) => file.slice(evaluationFiles.length).replace(/\.md$/, '')),
    );
    if (brokenRegulations.length > 0) {
      // Without the right regulation version every deadline could be wrong: change nothing at all.
      io.stderr(
        safeLines(
          `klachten sync: ${brokenRegulations.length === 1 ? 'een reglement heeft' : 'reglementen hebben'} fouten (${brokenRegulations.join(', ')}); er is niets gewijzigd. Herstel eerst (zie klachten check).\n`,
        ),
      );
      return 1;
    }
    if (unreadable.length > 0)
      io.stderr(
        safeLines(
          `${unreadable.length === 1 ? '1 dossier met fouten (zie klachten check); zijn' : `${unreadable.length} dossiers met fouten (zie klachten check); hun`} issues blijven zoals ze zijn:\n${unreadable.map((f) => `  ${f}\n`).join('')}`,
        ),
      );
    const all = loaded.statuses.map((json) => JSON.parse(json) as SyncComplaint).filter((c) => !loaded.invalidFiles.has(c.file));
    // A complaint without its number yet (nieuw-…) gets its issues once `klachten number` has run:
    // an issue is keyed by the complaint's number.
    const provisional = all.filter((c) => PROVISIONAL_ID.test(c.id));
    if (provisional.length > 0)
      io.stderr(
        `${String(provisional.length)} klacht(en) nog zonder klachtnummer (nieuw-…): issues volgen na klachten number (de workflow number)\n`,
      );
    const complaints = all.filter((c) => !PROVISIONAL_ID.test(c.id));
    const blob = `${target.serverUrl}/${target.owner}/${target.repo}/blob/HEAD/`;
    // An empty register is more likely a mistake than the end of every complaint: then nothing closes.
    const links = {
      incomplete: loaded.fileCount === 0,
      file: (path: string) => blob + path.split('/').map(encodeURIComponent).join('/'),
    };
    const years = new Map<string, Set<number>>();
    for (const complaint of complaints) {
      const set = years.get(complaint.organisation) ?? new Set<number>();
      set.add(Number(complaint.received.slice(0, 4)));
      years.set(complaint.organisation, set);
    }
    /** The issues the register asks for, showing and assigning only the logins in `assignable`. */
    const build = (assignable?: ReadonlySet<string>): SyncState => {
      const options = assignable === undefined ? links : { ...links, assignable };
      const built = desiredState(complaints, unreadable, options);
      addEvaluationDuties(
        built,
        { regulations: loaded.regulations, years, evaluations: loaded.evaluations, unreadable: unreadableEvaluations, today },
        options,
      );
      return built;
    };

    const { octokit, count } = createGitHub(target, gitHubContext(io));
    let plan: SyncPlan;
    let state = build();
    try {
      const existing = await listIssues(octokit, target);
      // A handler or owner is shown or assigned only when GitHub says it can be assigned in the repository.
      // Logins already assigned to the sync's open issues were accepted by GitHub: only others are asked.
      const assigned = new Set(
        existing.filter((i) => i.state === 'open').flatMap((i) => i.assignees.map((a) => a.toLowerCase())),
      );
      const known = [...state.logins].every((login) => assigned.has(login.toLowerCase()));
      state = build(known ? assigned : await assignableLogins(octokit, target));
      warnUnassignable(state, target, io);
      plan = planSync(state, existing);
    } catch (error) {
      io.stderr(
        safeLines(`klachten sync: de issues van ${target.owner}/${target.repo} zijn niet te lezen: ${describeError(error)}\n`),
      );
      return 1;
    }

    const planned = plan.actions.reduce((sum, action) => sum + writesOf(action), 0);
    const lines = [
      `Termijnen op ${formatDate(today)} voor ${target.owner}/${target.repo}: ${complaints.length} klachten gelezen, ${state.desired.size} ${state.desired.size === 1 ? 'issue' : 'issues'} nodig.`,
    ];
    if (plan.actions.length === 0) lines.push('Plan: niets te wijzigen.');
    else {
      lines.push(
        `Plan (${plan.actions.length} ${plan.actions.length === 1 ? 'wijziging' : 'wijzigingen'}, ${planned} schrijfacties):`,
      );
      for (const action of plan.actions) lines.push(`  ${VERBS[action.kind].padEnd(10)} ${describe(action)}`);
    }
    if (plan.unchanged > 0) lines.push(`Al in orde: ${plan.unchanged} ${plan.unchanged === 1 ? 'issue' : 'issues'}.`);
    if (plan.kept.length > 0)
      lines.push(`Blijven staan (dossier niet te lezen): ${plan.kept.map((k) => `#${k.number} (${k.key})`).join(', ')}.`);
    io.stdout(safeLines(`${lines.join('\n')}\n`));

    const { failures, deferred, skipped } = dryRun
      ? { failures: 0, deferred: 0, skipped: 0 }
      : await applyPlan(octokit, target, plan, budget, io);
    const requests = `${count.reads + count.writes} verzoeken aan GitHub (${count.reads} lezen, ${count.writes} schrijven)`;
    const outcome = dryRun
      ? `Proefrun: niets geschreven; ${requests}.`
      : `${plan.actions.length - deferred - skipped - failures} van ${plan.actions.length} wijzigingen gedaan${skipped > 0 ? `, ${skipped} niet geprobeerd` : ''}; ${requests}.`;
    io.stdout(`${outcome}\n`);
    if (deferred > 0)
      io.stdout(
        `${deferred} ${deferred === 1 ? 'wijziging volgt' : 'wijzigingen volgen'} bij de volgende run (--max-writes ${budget}).\n`,
      );
    stepSummary(io, [
      '## Termijnen en issues',
      '',
      ...lines.map((line) => (line.startsWith('  ') ? `- ${line.trim().replace(/ {2,}/, ' ')}` : line)),
      '',
      outcome,
    ]);
    return unreadable.length > 0 || failures > 0 ? 1 : 0;
  },
});
