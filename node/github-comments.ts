import type { GitHub, GitHubTarget } from './github.ts';

/** The repository roles that may record a step from an issue. */
const WRITERS = new Set(['admin', 'maintain', 'write']);

/**
 * Whether `login` has write access (write, maintain or admin) to the repository, asked of GitHub
 * (`GET /repos/{owner}/{repo}/collaborators/{username}/permission`). Someone GitHub does not know as a
 * collaborator (404) has none.
 */
export async function canWrite(octokit: GitHub, target: GitHubTarget, login: string): Promise<boolean> {
  try {
    const { data } = await octokit.rest.repos.getCollaboratorPermissionLevel({
      owner: target.owner,
      repo: target.repo,
      username: login,
    });
    // `permission` folds maintain into write and triage into read; `role_name` tells them apart.
    return WRITERS.has(data.permission) || WRITERS.has(data.role_name);
  } catch (error) {
    if (typeof error === 'object' && error !== null && 'status' in error && error.status === 404) return false;
    throw error;
  }
}

/** Adds a comment to an issue; not tried again on a 5xx (GitHub may have made it already). */
export async function replyToIssue(octokit: GitHub, target: GitHubTarget, issue: number, body: string): Promise<void> {
  await octokit.rest.issues.createComment({
    owner: target.owner,
    repo: target.repo,
    issue_number: issue,
    body,
    request: { retries: 0 },
  });
}
