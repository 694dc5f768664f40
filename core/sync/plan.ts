import { complaintOfKey, DIGEST_KEY, markerKey, type DesiredIssue, type SyncState } from './desired.ts';

/** One of the sync's issues as the tracker holds it. */
export interface ExistingIssue {
  number: number;
  title: string;
  body: string;
  state: 'open' | 'closed';
  assignees: string[];
}

/** What changed in an issue that is updated. */
export type Change = 'titel' | 'tekst' | 'behandelaar';

/** One change to the tracker. Each takes one write, `reopen` and `close` two (a comment). */
export type SyncAction =
  | { kind: 'create'; key: string; issue: DesiredIssue }
  | { kind: 'update'; key: string; number: number; issue: DesiredIssue; changes: Change[]; assignees?: string[] }
  | { kind: 'reopen'; key: string; number: number; issue: DesiredIssue; assignees?: string[]; comment: string }
  | {
      kind: 'close';
      key: string;
      number: number;
      title: string;
      body: string;
      reason: 'completed' | 'not_planned';
      comment: string;
    };

/** The plan: the changes in the order they are applied, and what is already right or left alone. */
export interface SyncPlan {
  actions: SyncAction[];
  /** Issues that already match the register. */
  unchanged: number;
  /** Open issues kept as they are because their complaint's file could not be read. */
  kept: { number: number; key: string }[];
}

/** Writes an action takes. */
export function writesOf(action: SyncAction): number {
  return action.kind === 'reopen' || action.kind === 'close' ? 2 : 1;
}

const ORDER: Record<SyncAction['kind'], number> = { create: 0, reopen: 1, update: 2, close: 3 };

function normalise(text: string): string {
  return text.replaceAll('\r\n', '\n').trimEnd();
}

/** The body of a closed issue: as it was, with the reason above the marker. */
function closedBody(body: string, reason: string): string {
  const lines = normalise(body)
    .split('\n')
    .filter((line) => !line.startsWith('**Gesloten door de controle:**'));
  // The marker is the last line, or there is none (see markerKey).
  const at = markerKey(lines.join('\n')) === undefined ? -1 : lines.length - 1;
  const note = `**Gesloten door de controle:** ${reason}`;
  if (at === -1) return [...lines, '', note].join('\n');
  return [...lines.slice(0, at), note, '', ...lines.slice(at)].join('\n');
}

/** The login the sync assigned before, read from the row of the body it wrote. */
function assignedBefore(body: string, key: string): string | undefined {
  const row = key.includes('/maatregel/') ? 'Uitvoerder' : 'Behandelaar';
  return new RegExp(`^\\| ${row} \\| @([A-Za-z0-9-]+) \\|$`, 'm').exec(body)?.[1];
}

function changesOf(issue: ExistingIssue, desired: DesiredIssue): { changes: Change[]; assignees?: string[] } {
  const changes: Change[] = [];
  if (issue.title !== desired.title) changes.push('titel');
  if (normalise(issue.body) !== normalise(desired.body)) changes.push('tekst');
  // GitHub keeps a login's own spelling; compare without case.
  const current = new Set(issue.assignees.map((login) => login.toLowerCase()));
  if (desired.assignees.every((login) => current.has(login.toLowerCase()))) return { changes };
  changes.push('behandelaar');
  // The previous handler makes way; anyone else someone assigned stays (PATCH replaces the whole list).
  const previous = assignedBefore(issue.body, desired.key)?.toLowerCase();
  const kept = issue.assignees.filter((login) => login.toLowerCase() !== previous);
  const wanted = desired.assignees.filter((login) => !kept.some((k) => k.toLowerCase() === login.toLowerCase()));
  return { changes, assignees: [...kept, ...wanted] };
}

/** The existing issue that stands for a key, and any duplicates of it (open first, then the oldest). */
function pick(issues: ExistingIssue[]): { keep: ExistingIssue; duplicates: ExistingIssue[] } {
  const unique = [...new Map(issues.map((issue) => [issue.number, issue])).values()];
  const sorted = unique.sort((a, b) => (a.state === b.state ? a.number - b.number : a.state === 'open' ? -1 : 1));
  const [keep, ...duplicates] = sorted as [ExistingIssue, ...ExistingIssue[]];
  return { keep, duplicates };
}

/**
 * Compares the register's wishes with the sync's issues. Open issues of complaints that could not be
 * read stay as they are; issues whose key the sync does not know (another tool's) are never touched.
 * @example planSync(desiredState(complaints, [], links), []).actions[0].kind // 'create'
 */
export function planSync(state: SyncState, existing: readonly ExistingIssue[]): SyncPlan {
  const byKey = new Map<string, ExistingIssue[]>();
  for (const issue of existing) {
    const key = markerKey(issue.body);
    if (key === undefined) continue;
    byKey.set(key, [...(byKey.get(key) ?? []), issue]);
  }
  const actions: SyncAction[] = [];
  const kept: SyncPlan['kept'] = [];
  let unchanged = 0;

  for (const [key, issue] of state.desired) {
    const found = byKey.get(key);
    if (!found) {
      actions.push({ kind: 'create', key, issue });
      continue;
    }
    const { keep, duplicates } = pick(found);
    const { changes, assignees } = changesOf(keep, issue);
    const assign = assignees === undefined ? {} : { assignees };
    if (keep.state === 'closed') {
      const comment =
        key === DIGEST_KEY ? 'Er verlopen weer termijnen in de komende vijf werkdagen.' : `Weer open: ${issue.title}.`;
      actions.push({ kind: 'reopen', key, number: keep.number, issue, comment, ...assign });
    } else if (changes.length > 0) actions.push({ kind: 'update', key, number: keep.number, issue, changes, ...assign });
    else unchanged += 1;
    for (const duplicate of duplicates.filter((d) => d.state === 'open'))
      actions.push(closeAction(duplicate, key, `Dubbel issue: zie #${keep.number}.`, 'not_planned'));
  }

  for (const [key, issues] of byKey) {
    if (state.desired.has(key)) continue;
    const open = issues.filter((issue) => issue.state === 'open');
    if (open.length === 0) continue;
    const reason = closingReason(state, key);
    for (const issue of open) {
      if (reason === 'keep') kept.push({ number: issue.number, key });
      else if (reason !== 'unknown') actions.push(closeAction(issue, key, reason.close, 'completed'));
    }
  }
  actions.sort((a, b) => ORDER[a.kind] - ORDER[b.kind] || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  return { actions, unchanged, kept };
}

function closeAction(issue: ExistingIssue, key: string, reason: string, stateReason: 'completed' | 'not_planned'): SyncAction {
  return {
    kind: 'close',
    key,
    number: issue.number,
    title: issue.title,
    body: closedBody(issue.body, reason),
    reason: stateReason,
    comment: reason,
  };
}

/** Why an open issue that is no longer wanted closes, or whether it is kept or not the sync's to close. */
function closingReason(state: SyncState, key: string): { close: string } | 'keep' | 'unknown' {
  const settled = state.settled.get(key);
  if (settled !== undefined) return { close: settled };
  const evaluation = /^evaluatie\/([a-z0-9-]+\/\d{4})\//.exec(key)?.[1];
  if (evaluation !== undefined) {
    // An action or year the readable evaluation no longer has; otherwise its file may have failed.
    return state.readableEvaluations?.has(evaluation) === true
      ? { close: 'De evaluatie heeft deze verbeteractie of dit jaar niet (meer).' }
      : 'keep';
  }
  const complaint = complaintOfKey(key);
  if (complaint === undefined) return key === DIGEST_KEY ? 'keep' : 'unknown';
  // When some file failed, it may be this complaint's: its issues stay until the file reads again.
  if (!state.readable.has(complaint))
    return state.incomplete ? 'keep' : { close: `Klacht ${complaint} staat niet meer in het register.` };
  // A readable complaint without this step or measure: the regulation or the measures list changed.
  return { close: `Klacht ${complaint} heeft deze stap of maatregel niet (meer).` };
}
