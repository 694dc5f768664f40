import { appendFileSync, readFileSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { decideComment, DONE_SYNTAX, formatDate, isIsoDate, RegisterError, usageError, type IsoDate } from '../../core/index.ts';
import { createGitHub, describeError, GITHUB_ENV_HELP, gitHubTarget, type GitHubTarget } from '../../node/github.ts';
import { canWrite, replyToIssue } from '../../node/github-comments.ts';
import { defineCommand } from '../lib/command.ts';
import { gitHubContext, type Io } from '../lib/io.ts';
import { recordedStepDate, recordStep, type RecordOutcome } from '../lib/record-step.ts';
import { resolveToday } from '../lib/today.ts';

/** An event payload is a few kilobytes; anything far larger is not GitHub's. */
const MAX_EVENT_BYTES = 1024 * 1024;

/** The replies. Fixed Dutch texts with ids, steps and dates only: never the comment, never a name. */
const REPLY = {
  noWrite:
    'Dank u voor uw reactie. Een stap vastleggen met `/gedaan` kan alleen wie schrijfrechten heeft op deze repository; er is niets vastgelegd. Vraag de behandelaar of een collega met schrijfrechten om het te doen.',
  notAStep:
    'Niet vastgelegd: `/gedaan` werkt alleen bij een issue over een te late stap van een klacht. Leg dit vast in het dossier (zie docs/klacht-registreren.md).',
  syntax: `Niet vastgelegd: \`/gedaan\` verstaat alleen ${DONE_SYNTAX}, alleen op de regel. Er is niets gewijzigd.`,
  notADate:
    'Niet vastgelegd: dat is geen bestaande datum. Schrijf hem als JJJJ-MM-DD, bijvoorbeeld `/gedaan 2026-03-05`; er is niets gewijzigd.',
  future: (on: IsoDate, today: IsoDate) =>
    `Niet vastgelegd: ${formatDate(on)} ligt na vandaag (${formatDate(today)}). Leg een stap vast als hij gedaan is; er is niets gewijzigd.`,
  beforeReceipt: (on: IsoDate) =>
    `Niet vastgelegd: ${formatDate(on)} ligt vóór de ontvangst van de klacht. Controleer de datum; er is niets gewijzigd.`,
  stepOrder: (on: IsoDate) =>
    `Niet vastgelegd: ${formatDate(on)} ligt vóór de stap waar deze stap op volgt. Controleer de datum; er is niets gewijzigd.`,
  wrongStep: (step: string) =>
    `Niet vastgelegd: dit issue gaat over de stap \`${step}\`. Schrijf \`/gedaan JJJJ-MM-DD\` zonder stap, of \`/gedaan JJJJ-MM-DD ${step}\`; er is niets gewijzigd.`,
  already: (step: string, id: string, on: IsoDate) =>
    `Niet vastgelegd: \`${step}\` staat voor ${id} al in het register, op ${formatDate(on)}. Een andere datum wijzigt u in een pull request (\`klachten record\`); dit issue sluit bij de volgende dagelijkse controle.`,
  cannot: (run: string) =>
    `Niet vastgelegd: het dossier kon niet worden bijgewerkt; er is niets gewijzigd. De reden staat in ${run}.`,
  failed: (run: string) =>
    `Niet vastgelegd: de stap kon niet naar GitHub worden gezet; er is niets gewijzigd. De reden staat in ${run}; probeer het later opnieuw.`,
  pullRequest: (step: string, on: IsoDate, id: string, pr: number) =>
    `Vastgelegd: \`${step}\` op ${formatDate(on)} voor ${id}; de pull request #${pr} zet het in het register. Na het samenvoegen sluit de dagelijkse controle dit issue.`,
  commit: (step: string, on: IsoDate, id: string, sha: string) =>
    `Vastgelegd: \`${step}\` op ${formatDate(on)} voor ${id}, direct op main (${sha}). De dagelijkse controle sluit dit issue bij de volgende run.`,
} as const;

function readEvent(io: Io, file: string): unknown {
  const path = resolve(io.cwd, file);
  let text: string;
  try {
    if (statSync(path).size > MAX_EVENT_BYTES) throw usageError(`${file} is te groot voor een gebeurtenis van GitHub`);
    text = readFileSync(path, 'utf8');
  } catch (error) {
    if (error instanceof RegisterError) throw error;
    throw usageError(`${file} is niet te lezen`, { hint: 'geef het bestand van GITHUB_EVENT_PATH' });
  }
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw usageError(`${file} is geen JSON`, { hint: 'geef het bestand van GITHUB_EVENT_PATH' });
  }
}

/** Lines for the workflow's next steps (`steps.<id>.outputs.*`), when it runs in GitHub Actions. */
function setOutputs(io: Io, outputs: Record<string, string>): void {
  const lines = Object.entries(outputs).map(([name, value]) => `${name}=${value}\n`);
  for (const line of lines) io.stdout(line);
  const path = io.env.GITHUB_OUTPUT;
  if (path) appendFileSync(path, lines.join(''));
}

/** A link to this workflow run, or words for it outside GitHub Actions. */
function runLink(io: Io, target: GitHubTarget): string {
  const id = io.env.GITHUB_RUN_ID ?? '';
  return /^\d+$/.test(id)
    ? `de log van de workflow (${target.serverUrl}/${target.owner}/${target.repo}/actions/runs/${id})`
    : 'de log van de workflow';
}

/** The reply for a record that did not write, and whether that is the comment's doing (exit 0) or not. */
function refusal(outcome: Exclude<RecordOutcome, { kind: 'written' }>, on: IsoDate, run: string, id: string, step: string) {
  switch (outcome.kind) {
    case 'already':
      return { reply: REPLY.already(step, id, outcome.on), code: 0 };
    case 'refused': {
      const codes = new Set(outcome.added.map((d) => d.code));
      if (codes.has('step-before-receipt')) return { reply: REPLY.beforeReceipt(on), code: 0 };
      if (codes.has('step-order')) return { reply: REPLY.stepOrder(on), code: 0 };
      return { reply: REPLY.cannot(run), code: 1 };
    }
    case 'unreadable':
    case 'changed-meanwhile':
      return { reply: REPLY.cannot(run), code: 1 };
  }
}

/** `klachten comment`. */
export const comment = defineCommand({
  name: 'comment',
  summary: 'een stap vastleggen vanuit zijn issue: de reactie /gedaan (GitHub Actions)',
  usage: [
    'klachten comment <gebeurtenis.json> [opties]',
    'klachten comment <gebeurtenis.json> --pull-request <nummer|adres> | --commit <sha> | --failed',
  ],
  description: `Leest de gebeurtenis issue_comment van GitHub (het bestand van GITHUB_EVENT_PATH). Is het een nieuwe
reactie bij een issue van de dagelijkse controle over een te late stap, en is de reactie precies
'/gedaan' (vandaag), '/gedaan JJJJ-MM-DD' of '/gedaan JJJJ-MM-DD <stap>', dan vraagt de opdracht GitHub of
de schrijver schrijfrechten heeft (write, maintain of admin) en legt de stap vast zoals klachten record
dat doet. Al het andere wordt genegeerd. Wie geen schrijfrechten heeft, een verkeerde vorm of datum
gebruikt (vóór de ontvangst, na vandaag, geen datum) of een stap die al is vastgelegd, krijgt een korte
reactie waarom er niets is vastgelegd.

Na het vastleggen zet de opdracht changed=true, id, step, date en branch in GITHUB_OUTPUT; de workflow
zet de wijziging in een pull request of op main en roept de opdracht daarna opnieuw aan met
--pull-request of --commit, voor de reactie met de link. Reacties en log noemen alleen klachtnummer,
stap en datums: nooit de tekst van de reactie of iets uit het dossier.`,
  positionals: [{ name: 'gebeurtenis.json', description: 'de gebeurtenis van GitHub (GITHUB_EVENT_PATH)' }],
  options: {
    'pull-request': {
      type: 'string',
      value: '<nummer|adres>',
      description: 'de stap staat in deze pull request: de reactie met de link plaatsen',
    },
    commit: { type: 'string', value: '<sha>', description: 'de stap staat in deze commit op main: de reactie plaatsen' },
    failed: { type: 'boolean', default: false, description: 'de workflow liep vast na het vastleggen: dat melden bij het issue' },
  },
  sections: [
    `Exitcode: 0 vastgelegd, genegeerd of met een reactie geweigerd; 1 het dossier of GitHub liet het niet toe;
2 verkeerd aangeroepen.`,
    GITHUB_ENV_HELP,
  ],
  run: async ({ values, positionals }, io) => {
    const [eventFile, ...rest] = positionals;
    if (eventFile === undefined || rest.length > 0)
      throw usageError('gebruik: klachten comment <gebeurtenis.json> [--pull-request <nummer> | --commit <sha> | --failed]');
    const followUps = [values['pull-request'] !== undefined, values.commit !== undefined, values.failed].filter(Boolean);
    if (followUps.length > 1) throw usageError('geef hoogstens één van --pull-request, --commit en --failed');
    const pr = values['pull-request'];
    const prNumber = pr === undefined ? undefined : /^(?:\d+|https?:\/\/\S+\/pull\/(\d+))$/.exec(pr);
    if (pr !== undefined && !prNumber)
      throw usageError('--pull-request verwacht het nummer of het adres van de pull request (…/pull/<nummer>)');
    if (values.commit !== undefined && !/^[0-9a-f]{40}$/.test(values.commit))
      throw usageError('--commit verwacht de volledige sha van de commit (40 tekens 0-9 a-f)');
    const today = resolveToday(values.today, io.now());
    const target = gitHubTarget(io.env);
    const decision = decideComment(readEvent(io, eventFile), `${target.owner}/${target.repo}`);
    if (decision.kind === 'ignore') {
      io.stdout(`genegeerd: ${decision.reason}\n`);
      setOutputs(io, { changed: 'false' });
      return 0;
    }
    const { octokit } = createGitHub(target, gitHubContext(io));
    const issue = decision.issue;
    const run = runLink(io, target);
    const say = async (reply: string, code: number, changed = false): Promise<number> => {
      if (!changed) setOutputs(io, { changed: 'false' });
      try {
        await replyToIssue(octokit, target, issue, reply);
        io.stdout(`reactie geplaatst bij #${issue}\n`);
        return code;
      } catch (error) {
        io.stderr(`klachten comment: reageren bij #${issue} mislukt: ${describeError(error)}\n`);
        return 1;
      }
    };
    const { target: step } = decision;
    const location = { register: values.register, regulations: values.regulations, today };

    // After the workflow put the change on GitHub: the reply with its link, or that it failed.
    if (followUps.length === 1) {
      if (step === undefined) throw usageError(`#${issue} gaat niet over een stap van een klacht`);
      if (values.failed) return say(REPLY.failed(run), 0, true);
      const on = recordedStepDate(io, { id: step.id, stepId: step.step, ...location });
      if (on === undefined) {
        io.stderr(`klachten comment: ${step.step} staat niet vastgelegd voor ${step.id}; geen reactie geplaatst\n`);
        return 1;
      }
      if (prNumber) return say(REPLY.pullRequest(step.step, on, step.id, Number(prNumber[1] ?? pr)), 0, true);
      return say(REPLY.commit(step.step, on, step.id, values.commit ?? ''), 0, true);
    }

    let allowed: boolean;
    try {
      allowed = await canWrite(octokit, target, decision.login);
    } catch (error) {
      io.stderr(`klachten comment: de rechten zijn niet op te vragen: ${describeError(error)}\n`);
      setOutputs(io, { changed: 'false' });
      return 1;
    }
    if (!allowed) {
      io.stdout(`geweigerd: geen schrijfrechten (#${issue})\n`);
      return say(REPLY.noWrite, 0);
    }
    if (step === undefined) {
      io.stdout(`geweigerd: #${issue} gaat niet over een stap van een klacht\n`);
      return say(REPLY.notAStep, 0);
    }
    const { request } = decision;
    if (request === undefined) {
      io.stdout(`geweigerd: de reactie heeft niet de vorm van /gedaan (#${issue})\n`);
      return say(REPLY.syntax, 0);
    }
    const on = request.on ?? today;
    if (!isIsoDate(on)) {
      io.stdout(`geweigerd: geen bestaande datum (#${issue})\n`);
      return say(REPLY.notADate, 0);
    }
    if (on > today) {
      io.stdout(`geweigerd: ${on} ligt na vandaag (#${issue})\n`);
      return say(REPLY.future(on, today), 0);
    }
    if (request.step !== undefined && request.step !== step.step) {
      io.stdout(`geweigerd: een andere stap dan die van #${issue}\n`);
      return say(REPLY.wrongStep(step.step), 0);
    }

    let outcome: RecordOutcome;
    try {
      outcome = recordStep(io, { id: step.id, stepId: step.step, on, ...location, keepRecorded: true });
    } catch (error) {
      if (!(error instanceof RegisterError)) throw error;
      io.stderr(`${error.message}${error.hint ? ` (${error.hint})` : ''}\n`);
      return say(REPLY.cannot(run), 1);
    }
    if (outcome.kind === 'written') {
      setOutputs(io, {
        changed: 'true',
        id: step.id,
        step: step.step,
        date: on,
        branch: `stap-${step.id}-${step.step}`,
      });
      return 0;
    }
    const { reply, code } = refusal(outcome, on, run, step.id, step.step);
    return say(reply, code);
  },
});
