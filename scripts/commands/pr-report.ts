import { execFileSync } from 'node:child_process';
import { join, relative, resolve } from 'node:path';
import { formatDate, type SyncComplaint } from '../../core/index.ts';
import { COMMON_HELP, parseCommand, UsageError } from '../lib/args.ts';
import { loadStatuses } from '../lib/files.ts';
import { countSeverities } from '../lib/format-diagnostics.ts';
import { createGitHub, describeError, GITHUB_ENV_HELP, gitHubTarget } from '../lib/github.ts';
import type { Io } from '../lib/io.ts';
import { STEP_STATUS_NAMES } from '../lib/render-steps.ts';
import { resolveToday } from '../lib/today.ts';

export const PR_REPORT_HELP = `klachten pr-report: de termijnen van de klachten die een pull request wijzigt

Gebruik: klachten pr-report [--base <git-ref>] [--comment <nummer>] [opties]

Zoekt met git welke klachtdossiers en reglementen sinds --base gewijzigd zijn, en schrijft in Markdown
per gewijzigde klacht de stappen met hun uiterste datum en stand, plus de uitkomst van de controle.
Zonder persoonsgegevens: klachtnummer, pad, stappen, datums en login. In GitHub Actions gaat de uitvoer
naar de job summary (>> "$GITHUB_STEP_SUMMARY").

  --base <git-ref>     vergelijk met deze commit of branch (standaard: origin/main)
  --comment <nummer>   zet dezelfde tabel als één reactie in pull request <nummer>: de eerste keer
                       nieuw, daarna wordt die reactie bijgewerkt (leest de GITHUB_-variabelen hieronder)

${GITHUB_ENV_HELP}

${COMMON_HELP}`;

const MARKER = '<!-- klachtenregister: pr-report -->';

interface ChangedFile {
  status: 'toegevoegd' | 'gewijzigd' | 'verwijderd';
  path: string;
}

/** Files changed between the merge base of `base` and HEAD, below the given folders. */
function changedFiles(cwd: string, base: string, folders: string[]): ChangedFile[] {
  let output: string;
  try {
    output = execFileSync('git', ['diff', '--name-status', '--no-renames', '-z', `${base}...HEAD`, '--', ...folders], {
      cwd,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
    });
  } catch (error) {
    const stderr = typeof error === 'object' && error !== null && 'stderr' in error ? String(error.stderr).trim() : '';
    throw new UsageError(
      `git kan '${base}' niet met HEAD vergelijken: ${stderr || String(error)} (haal de geschiedenis op met fetch-depth: 0)`,
    );
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

function gitRoot(cwd: string): string {
  try {
    return execFileSync('git', ['rev-parse', '--show-toplevel'], {
      cwd,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
    }).trim();
  } catch {
    throw new UsageError(`${cwd} is geen git-repository`);
  }
}

function complaintSection(complaint: SyncComplaint): string[] {
  const rows = complaint.steps
    .filter((step) => step.status !== 'not-applicable' || step.done !== null)
    .map(
      (step) =>
        `| ${step.title} (\`${step.id}\`) | ${step.due === null ? '–' : formatDate(step.due)} | ${step.done === null ? '–' : formatDate(step.done)} | ${step.status === 'overdue' ? '**te laat**' : STEP_STATUS_NAMES[step.status]} | ${step.explanation} |`,
    );
  const measures = complaint.measures.map(
    (m) =>
      `| maatregel ${m.number} | ${m.due === null ? '–' : formatDate(m.due)} | ${m.done === null ? '–' : formatDate(m.done)} | ${m.status === 'overdue' ? '**te laat**' : STEP_STATUS_NAMES[m.status]} | uitvoerder ${m.owner === null ? 'nog niet bekend' : `@${m.owner}`} |`,
  );
  const state = { open: 'open', closed: 'afgesloten', withdrawn: 'ingetrokken' }[complaint.state];
  return [
    `### ${complaint.id} (${state})`,
    '',
    `\`${complaint.file}\` · reglement \`${complaint.regulation}\` · ontvangen ${formatDate(complaint.received)} · behandelaar ${complaint.handler === null ? 'nog niet toegewezen' : `@${complaint.handler}`}`,
    '',
    '| Stap | Uiterlijk | Gedaan | Stand | Berekening |',
    '|---|---|---|---|---|',
    ...rows,
    ...measures,
    '',
  ];
}

/** `klachten pr-report`. */
export async function prReport(args: string[], io: Io): Promise<number> {
  const { values } = parseCommand(args, { base: { type: 'string', default: 'origin/main' }, comment: { type: 'string' } });
  if (values.help) {
    io.stdout(`${PR_REPORT_HELP}\n`);
    return 0;
  }
  if (values.comment !== undefined && !/^[1-9]\d*$/.test(values.comment))
    throw new UsageError(`--comment verwacht het nummer van de pull request, niet '${values.comment}'`);
  const target = values.comment === undefined ? undefined : gitHubTarget(io.env);
  const today = resolveToday(values.today, io.now());
  const root = gitRoot(io.cwd);
  const fromRoot = (path: string): string => relative(root, resolve(io.cwd, path));
  const complaintsDir = fromRoot(join(values.register, 'complaints')) || '.';
  const regulationsDir = fromRoot(values.regulations) || '.';
  const changed = changedFiles(root, values.base, [complaintsDir, regulationsDir]);

  const loaded = await loadStatuses(io, values, today);
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
  const complaints = changed.filter((f) => f.path.startsWith(`${complaintsDir}/`));
  const regulations = changed.filter((f) => f.path.startsWith(`${regulationsDir}/`));
  if (complaints.length === 0) lines.push('Deze pull request wijzigt geen klachtdossiers.', '');
  for (const file of complaints) {
    const status = byFile.get(file.path);
    const errorCount = problems.get(file.path) ?? 0;
    if (file.status === 'verwijderd') lines.push(`### \`${file.path}\` (verwijderd)`, '');
    else if (status && errorCount === 0) lines.push(...complaintSection(status));
    else
      lines.push(
        `### \`${file.path}\` (${file.status})`,
        '',
        `❌ ${errorCount} ${errorCount === 1 ? 'fout' : 'fouten'}; de termijnen volgen als het bestand klopt (zie de meldingen in "Files changed").`,
        '',
      );
  }
  if (regulations.length > 0) {
    lines.push('### Reglementen', '');
    for (const file of regulations) {
      const count = problems.get(file.path) ?? 0;
      lines.push(`- \`${file.path}\` (${file.status})${count > 0 ? `: ❌ ${count} ${count === 1 ? 'fout' : 'fouten'}` : ''}`);
    }
    lines.push('');
  }
  const report = `${lines.join('\n').trimEnd()}\n`;
  io.stdout(report);

  if (target === undefined || values.comment === undefined) return 0;
  const { octokit } = createGitHub(target, io);
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
}
