import { SYNC_LABEL, type ExistingIssue, type SyncAction } from '../core/index.ts';
import type { GitHub, GitHubTarget } from './github.ts';

/** The sync's issues, open and closed, in one paginated listing by label. */
export async function listIssues(octokit: GitHub, target: GitHubTarget): Promise<ExistingIssue[]> {
  const issues = await octokit.paginate(octokit.rest.issues.listForRepo, {
    owner: target.owner,
    repo: target.repo,
    labels: SYNC_LABEL,
    state: 'all',
    // Oldest first: an issue made while the pages are read lands on the last page, not in between.
    sort: 'created',
    direction: 'asc',
    per_page: 100,
  });
  const unique = new Map(issues.map((issue) => [issue.number, issue]));
  return [...unique.values()]
    .filter((issue) => issue.pull_request === undefined)
    .map((issue) => ({
      number: issue.number,
      title: issue.title,
      body: issue.body ?? '',
      state: issue.state === 'closed' ? 'closed' : 'open',
      assignees: (issue.assignees ?? []).map((user) => user.login),
    }));
}

/** The logins that can be assigned issues in the repository, in lower case. */
export async function assignableLogins(octokit: GitHub, target: GitHubTarget): Promise<Set<string>> {
  const users = await octokit.paginate(octokit.rest.issues.listAssignees, {
    owner: target.owner,
    repo: target.repo,
    per_page: 100,
  });
  return new Set(users.map((user) => user.login.toLowerCase()));
}

/**
 * Carries out one planned action: one or two writes (a close or reopen also comments).
 * @returns the issue's number.
 */
export async function applyAction(octokit: GitHub, target: GitHubTarget, action: SyncAction): Promise<number> {
  const repo = { owner: target.owner, repo: target.repo };
  // Not tried again on a 5xx: GitHub may have made it already, and a comment twice is noise.
  const comment = (number: number, body: string) =>
    octokit.rest.issues.createComment({ ...repo, issue_number: number, body, request: { retries: 0 } });
  switch (action.kind) {
    case 'create': {
      const { data } = await octokit.rest.issues.create({
        ...repo,
        title: action.issue.title,
        body: action.issue.body,
        labels: [SYNC_LABEL],
        assignees: action.issue.assignees,
        // A 5xx may come after GitHub made the issue: not tried again, the next run finds it by its marker.
        request: { retries: 0 },
      });
      return data.number;
    }
    case 'update':
    case 'reopen':
      await octokit.rest.issues.update({
        ...repo,
        issue_number: action.number,
        ...(action.kind === 'reopen' ? { state: 'open' as const } : {}),
        title: action.issue.title,
        body: action.issue.body,
        ...(action.assignees === undefined ? {} : { assignees: action.assignees }),
      });
      if (action.kind === 'reopen') await comment(action.number, action.comment);
      return action.number;
    case 'close':
      // Closed first, with the reason in the body: a run stopped before the comment loses nothing.
      await octokit.rest.issues.update({
        ...repo,
        issue_number: action.number,
        state: 'closed',
        state_reason: action.reason,
        body: action.body,
      });
      await comment(action.number, action.comment);
      return action.number;
  }
}
