import { join, relative, resolve } from 'node:path';
import {
  codeOrText,
  COMPLAINT_ID,
  PROVISIONAL_ID,
  COMPLAINT_STATE_NAMES,
  countSeverities,
  escapeMarkdown,
  LOGIN_PATTERN,
  NOT_ASSIGNABLE,
  safeLines,
  formatDate,
  RegisterError,
  STEP_STATUS_NAMES,
  usageError,
  type SyncComplaint,
} from '../../core/index.ts';
import { gitText, repositoryRoot } from '../../node/git.ts';
import { createGitHub, describeError, GITHUB_ENV_HELP, gitHubTarget } from '../../node/github.ts';
import { assignableLogins } from '../../node/github-issues.ts';
import { loadRegister } from '../../node/load-register.ts';
import { defineCommand } from '../lib/command.ts';
import { registerLocation } from '../lib/location.ts';
import { gitHubContext } from '../lib/io.ts';
import { resolveToday } from '../lib/today.ts';

const MARKER = '<!-- klachtenregister: pr-report -->';

interface ChangedFile {
  status: 'toegevoegd' | 'gewijzigd' | 'verwijderd';
  path: string;
}

/** Files changed between the merge base of `base` and HEAD, below the given folders. */
function changedFiles(cwd: string, base: string, folders: string[]): ChangedFile[] {
  let output: string;
  try {
    output = gitText(cwd, ['diff', '--name-status', '--no-renames', '-z', `${base}...HEAD`, '--', ...folders]);
  } catch (error) {
    if (!(error instanceof RegisterError) || error.code !== 'git') throw error;
    // A base git cannot find is how the command was called: a usage error, with how to fetch it.
    throw usageError(`git kan '${base}' niet met HEAD vergelijken: ${error.message}`, {
      hint: 'haal de geschiedenis op met fetch-depth: 0',
      cause: error,
    });
  }
  const parts = output.split('\0').filter(Boolean);
  const files: ChangedFile[] = [];
  for (let i = 0; i + 1 < parts.length; i += 2) {
    const code = parts[i] ?? '';
    const path = parts[i + 1] ?? '';
    if (!path.endsWith('.md') || path.endsWith('README.md')) continue;
    files.push({ status: code.startsWith('A') ? 'toegevoegd' : code.startsWith('D') ? 'verwijderd' : 'gewijzigd', path });
  }
  return files;
}

/**
 * A handler or owner in the report: in a code span, without the `@` that would notify, and only when it
 * is an assignable login of the repository (with `--comment`, GitHub is asked), or else has GitHub's
 * login syntax and a letter (digits and hyphens alone look more like a phone number than a login).
 */
function person(value: string | null, none: string, assignable: ReadonlySet<string> | undefined): string {
  if (value === null) return none;
  const shown =
    LOGIN_PATTERN.test(value) && (assignable === undefined ? /[A-Za-z]/.test(value) : assignable.has(value.toLowerCase()));
  return shown ? `\`${value}\`` : NOT_ASSIGNABLE;
}

/** Whether a changed complaint file is named `<id>.md`. */
function namedById(path: string): boolean {
  const name = (path.split('/').pop() ?? '').replace(/\.md$/, '');
  // A complaint registered in this pull request has its provisional id until it is on main.
  return COMPLAINT_ID.test(name) || PROVISIONAL_ID.test(name);
}

function complaintSection(complaint: SyncComplaint, assignable: ReadonlySet<string> | undefined): string[] {
  const rows = complaint.steps
    .filter((step) => step.status !== 'not-applicable' || step.done !== null)
    .map(
      (step) =>
        `| ${escapeMarkdown(step.title)} (${codeOrText(step.id)}) | ${step.due === null ? '–' : formatDate(step.due)} | ${step.done === null ? '–' : formatDate(step.done)} | ${step.status === 'overdue' ? '**te laat**' : STEP_STATUS_NAMES[step.status]} | ${escapeMarkdown(step.explanation)} |`,
    );
  const measures = complaint.measures.map(
    (m) =>
      `| maatregel ${m.number} | ${m.due === null ? '–' : formatDate(m.due)} | ${m.done === null ? '–' : formatDate(m.done)} | ${m.status === 'overdue' ? '**te laat**' : STEP_STATUS_NAMES[m.status]} | uitvoerder ${person(m.owner, 'nog niet bekend', assignable)} |`,
  );
  const state = COMPLAINT_STATE_NAMES[complaint.state];
  return [
    `### ${escapeMarkdown(complaint.id)} (${state})`,
    '',
    `${codeOrText(complaint.file)} · reglement ${codeOrText(complaint.regulation)} · ontvangen ${formatDate(complaint.received)} · behandelaar ${person(complaint.handler, 'nog niet toegewezen', assignable)}`,
    '',
    '| Stap | Uiterlijk | Gedaan | Stand | Berekening |',
    '|---|---|---|---|---|',
    ...rows,
    ...measures,
    '',
  ];
}

/** `klachten pr-report`. */
export const prReport = defineCommand({
  name: 'pr-report',
  summary: 'de termijnen van de klachten die een pull request wijzigt (GitHub Actions)',
  description: `Zoekt met git welke klachtdossiers en reglementen sinds --base gewijzigd zijn, en schrijft in Markdown
per gewijzigde klacht de stappen met hun uiterste datum en stand, plus de uitkomst van de controle.
Zonder persoonsgegevens: klachtnummer, pad, stappen, datums en login. In GitHub Actions gaat de uitvoer
naar de job summary (>> "$GITHUB_STEP_SUMMARY").`,
  options: {
    base: { type: 'string', value: '<git-ref>', default: 'origin/main', description: 'vergelijk met deze commit of branch' },
    comment: {
      type: 'string',
      value: '<nummer>',
      description: `zet dezelfde tabel als één reactie in pull request <nummer>: de eerste keer
nieuw, daarna wordt die reactie bijgewerkt (leest de GITHUB_-variabelen hieronder)`,
    },
  },
  sections: [GITHUB_ENV_HELP],
  run: async ({ values }, io) => {
    if (values.comment !== undefined && !/^[1-9]\d*$/.test(values.comment))
      throw usageError(`--comment verwacht het nummer van de pull request, niet '${values.comment}'`);
    const target = values.comment === undefined ? undefined : gitHubTarget(io.env);
    const today = resolveToday(values.today, io.now());
    const root = repositoryRoot(io.cwd);
    const fromRoot = (path: string): string => relative(root, resolve(io.cwd, path));
    const complaintsDir = fromRoot(join(values.register, 'complaints')) || '.';
    const regulationsDir = fromRoot(values.regulations) || '.';
    const changed = changedFiles(root, values.base, [complaintsDir, regulationsDir]);

    const loaded = await loadRegister({
      ...registerLocation(io, values),
      today,
      withStatus: true,
    });
    const { errors, warnings } = countSeverities(loaded.diagnostics);
    const byFile = new Map<string, SyncComplaint>();
    for (const json of loaded.statuses) {
      const status = JSON.parse(json) as SyncComplaint;
      byFile.set(fromRoot(status.file), status);
    }
    const problems = new Map<string, number>();
    for (const d of loaded.diagnostics) {
      const path = fromRoot(d.file);
      if (d.severity === 'error') problems.set(path, (problems.get(path) ?? 0) + 1);
    }

    const github = target === undefined ? undefined : createGitHub(target, gitHubContext(io)).octokit;
    let assignable: Set<string> | undefined;
    if (github !== undefined && target !== undefined) assignable = await assignableLogins(github, target).catch(() => undefined);

    const lines = [
      MARKER,
      '## Klachtdossiers in deze pull request',
      '',
      errors > 0
        ? `❌ De controle vond ${errors} ${errors === 1 ? 'fout' : 'fouten'} en ${warnings} ${warnings === 1 ? 'waarschuwing' : 'waarschuwingen'} in ${loaded.fileCount} dossiers; zie de meldingen bij de regels in "Files changed".`
        : `✅ De controle vond geen fouten in ${loaded.fileCount} dossiers${warnings > 0 ? ` (${warnings} ${warnings === 1 ? 'waarschuwing' : 'waarschuwingen'})` : ''}.`,
      '',
      `Termijnen op ${formatDate(today)}.`,
      '',
    ];
    const inComplaints = changed.filter((f) => f.path.startsWith(`${complaintsDir}/`));
    // A file not named `<id>.md` is an error; its name (which could say anything) is not repeated.
    const misnamed = inComplaints.filter((f) => f.status !== 'verwijderd' && !namedById(f.path));
    const complaints = inComplaints.filter((f) => !misnamed.includes(f));
    const regulations = changed.filter((f) => f.path.startsWith(`${regulationsDir}/`));
    if (inComplaints.length === 0) lines.push('Deze pull request wijzigt geen klachtdossiers.', '');
    if (misnamed.length > 0)
      lines.push(
        `❌ ${misnamed.length === 1 ? '1 bestand in deze pull request heet' : `${misnamed.length} bestanden in deze pull request heten`} niet <id>.md (KL-JJJJ-NNNN.md): hernoem ${misnamed.length === 1 ? 'het' : 'ze'}; \`klachten check\` noemt ${misnamed.length === 1 ? 'het' : 'ze'}.`,
        '',
      );
    for (const file of complaints) {
      const status = byFile.get(file.path);
      const errorCount = problems.get(file.path) ?? 0;
      if (file.status === 'verwijderd') lines.push(`### ${codeOrText(file.path)} (verwijderd)`, '');
      else if (status && errorCount === 0) lines.push(...complaintSection(status, assignable));
      else
        lines.push(
          `### ${codeOrText(file.path)} (${file.status})`,
          '',
          `❌ ${errorCount} ${errorCount === 1 ? 'fout' : 'fouten'}; de termijnen volgen als het bestand klopt (zie de meldingen in "Files changed").`,
          '',
        );
    }
    if (regulations.length > 0) {
      lines.push('### Reglementen', '');
      for (const file of regulations) {
        const count = problems.get(file.path) ?? 0;
        lines.push(
          `- ${codeOrText(file.path)} (${file.status})${count > 0 ? `: ❌ ${count} ${count === 1 ? 'fout' : 'fouten'}` : ''}`,
        );
      }
      lines.push('');
    }
    const report = safeLines(`${lines.join('\n').trimEnd()}\n`);
    io.stdout(report);

    if (target === undefined || github === undefined || values.comment === undefined) return 0;
    const octokit = github;
    const where = { owner: target.owner, repo: target.repo, issue_number: Number(values.comment) };
    try {
      const comments = await octokit.paginate(octokit.rest.issues.listComments, { ...where, per_page: 100 });
      // Only the bot's own comment: a person who pasted the report keeps theirs.
      const mine = comments.find((c) => c.user?.type === 'Bot' && c.body?.startsWith(MARKER));
      if (mine === undefined) {
        await octokit.rest.issues.createComment({ ...where, body: report, request: { retries: 0 } });
        io.stderr(`reactie geplaatst in #${values.comment}\n`);
      } else if (mine.body?.trimEnd() !== report.trimEnd()) {
        await octokit.rest.issues.updateComment({ owner: target.owner, repo: target.repo, comment_id: mine.id, body: report });
        io.stderr(`reactie in #${values.comment} bijgewerkt\n`);
      } else io.stderr(`reactie in #${values.comment} was al bij\n`);
    } catch (error) {
      // A pull request from a fork gets a read-only token: the summary still holds the table.
      io.stderr(`waarschuwing: geen reactie in #${values.comment}: ${describeError(error)}\n`);
    }
    return 0;
  },
});
