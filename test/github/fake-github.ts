import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** An issue (or pull request) as the fake keeps it. */
export interface FakeIssue {
  number: number;
  title: string;
  body: string | null;
  state: 'open' | 'closed';
  state_reason: string | null;
  labels: string[];
  assignees: string[];
  comments: { id: number; body: string }[];
  pull_request: boolean;
  created_at: string;
}

/** One request as received. */
export interface RecordedRequest {
  method: string;
  path: string;
  body: string;
  /** The answer's status. */
  status: number;
}

/** How a request should fail, and how many more times. */
export interface Fault {
  /** Which requests fail, e.g. `POST /repos/o/r/issues`. Matched against `${method} ${path}` with query. */
  match: RegExp;
  kind: 'server-error' | 'secondary-rate-limit' | 'rate-limit' | 'bad-gateway-after-write' | 'forbidden';
  times: number;
  /** Matching requests to let through before the first failure. */
  after?: number;
}

const NOW = '2026-11-21T06:23:00Z';

/**
 * A small GitHub REST server for the endpoints the register's commands use: issues (list with labels,
 * state and Link-header pagination; create; update), assignees, issue comments, and a collaborator's
 * permission. Every answer carries
 * the rate-limit headers; faults answer 5xx or GitHub's primary and secondary rate-limit errors, so
 * Octokit's own retry and throttling code runs against it.
 */
export class FakeGitHub {
  readonly owner: string;
  readonly repo: string;
  readonly token = 'test-token-0000';
  issues: FakeIssue[] = [];
  requests: RecordedRequest[] = [];
  faults: Fault[] = [];
  /** Logins that may be assigned; others make create/update answer 422, as GitHub does. */
  assignable = new Set<string>();
  /**
   * Each collaborator's role, for `GET /collaborators/{login}/permission`; any other login answers
   * `none`, as GitHub does for someone without access to a private repository.
   */
  roles = new Map<string, 'admin' | 'maintain' | 'write' | 'triage' | 'read'>();
  /** Largest page the server hands out, whatever `per_page` asks (GitHub: 100). */
  maxPageSize = 100;
  /** Called after each applied write with the number of writes so far; used to kill a run halfway. */
  onWrite: ((writes: number) => void) | undefined;
  private writes = 0;
  private remaining = 5000;
  private nextComment = 1;
  private server: Server | undefined;
  url = '';

  constructor(repository = 'voorbeeld-bv/klachten') {
    const [owner = '', repo = ''] = repository.split('/');
    this.owner = owner;
    this.repo = repo;
  }

  async start(): Promise<this> {
    this.server = createServer((req, res) => {
      void this.handle(req, res);
    });
    await new Promise<void>((resolve) => this.server?.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this;
  }

  async close(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) =>
      this.server?.close(() => {
        resolve();
      }),
    );
  }

  /** Environment for a `klachten` run against this server. */
  env(extra: Record<string, string> = {}): Record<string, string> {
    return {
      GITHUB_TOKEN: this.token,
      GITHUB_REPOSITORY: `${this.owner}/${this.repo}`,
      GITHUB_API_URL: this.url,
      GITHUB_SERVER_URL: 'https://github.example',
      KLACHTEN_WRITE_INTERVAL_MS: '0',
      GITHUB_STEP_SUMMARY: '',
      ...extra,
    };
  }

  /** Requests that changed something. */
  writeRequests(): RecordedRequest[] {
    return this.requests.filter((r) => r.method !== 'GET');
  }

  /** Adds an issue as if someone had opened it. */
  addIssue(fields: Partial<FakeIssue> & { title: string }): FakeIssue {
    const issue: FakeIssue = {
      number: this.issues.length + 1,
      body: '',
      state: 'open',
      state_reason: null,
      labels: [],
      assignees: [],
      comments: [],
      pull_request: false,
      created_at: NOW,
      ...fields,
    };
    this.issues.push(issue);
    return issue;
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const body = Buffer.concat(chunks).toString('utf8');
    const method = req.method ?? 'GET';
    const url = new URL(req.url ?? '/', this.url);
    const recorded: RecordedRequest = { method, path: `${url.pathname}${url.search}`, body, status: 0 };
    this.requests.push(recorded);
    const send = (status: number, data: unknown, headers: Record<string, string> = {}): void => {
      recorded.status = status;
      this.remaining = Math.max(0, this.remaining - 1);
      res.writeHead(status, {
        'content-type': 'application/json; charset=utf-8',
        'x-ratelimit-limit': '5000',
        'x-ratelimit-remaining': String(this.remaining),
        'x-ratelimit-reset': String(Math.floor(Date.now() / 1000) + 3600),
        'x-ratelimit-used': String(5000 - this.remaining),
        'x-ratelimit-resource': 'core',
        'x-github-api-version-selected': '2022-11-28',
        ...headers,
      });
      res.end(status === 204 ? undefined : JSON.stringify(data));
    };

    if (req.headers.authorization !== `token ${this.token}` && req.headers.authorization !== `Bearer ${this.token}`) {
      send(401, { message: 'Bad credentials', documentation_url: 'https://docs.github.com/rest', status: '401' });
      return;
    }
    let fault: Fault | undefined;
    for (const f of this.faults) {
      if (f.times <= 0 || !f.match.test(`${method} ${recorded.path}`)) continue;
      if ((f.after ?? 0) > 0) f.after = (f.after ?? 0) - 1;
      else if (!fault) {
        fault = f;
        f.times -= 1;
      }
    }
    if (fault) {
      if (fault.kind === 'server-error') {
        send(502, { message: 'Server Error' });
        return;
      }
      if (fault.kind === 'forbidden') {
        send(403, { message: 'Resource not accessible by integration' });
        return;
      }
      if (fault.kind === 'secondary-rate-limit') {
        send(
          403,
          { message: 'You have exceeded a secondary rate limit. Please wait a few minutes before you try again.' },
          { 'retry-after': '1' },
        );
        return;
      }
      if (fault.kind === 'rate-limit') {
        send(
          403,
          { message: 'API rate limit exceeded for installation ID 1.' },
          { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': String(Math.floor(Date.now() / 1000) + 1) },
        );
        return;
      }
    }
    const base = `/repos/${this.owner}/${this.repo}`;
    const path = url.pathname;
    let parsed: Record<string, unknown> = {};
    if (body !== '') {
      try {
        parsed = JSON.parse(body) as Record<string, unknown>;
      } catch {
        send(400, { message: 'Problems parsing JSON' });
        return;
      }
    }
    const answer = this.route(method, path, base, url, parsed);
    if (method !== 'GET' && answer.status < 300) {
      this.writes += 1;
      this.onWrite?.(this.writes);
    }
    // The write was done, but the answer is lost on its way back.
    if (fault?.kind === 'bad-gateway-after-write') {
      send(502, { message: 'Server Error' });
      return;
    }
    send(answer.status, answer.data, answer.headers);
  }

  private route(
    method: string,
    path: string,
    base: string,
    url: URL,
    body: Record<string, unknown>,
  ): { status: number; data: unknown; headers?: Record<string, string> } {
    if (!path.startsWith(`${base}/`)) return notFound();
    const rest = path.slice(base.length);
    if (method === 'GET' && rest === '/issues') {
      const labels = (url.searchParams.get('labels') ?? '').split(',').filter(Boolean);
      const state = url.searchParams.get('state') ?? 'open';
      const found = this.issues
        .filter((i) => labels.every((l) => i.labels.includes(l)) && (state === 'all' || i.state === state))
        .sort((a, b) => b.number - a.number);
      return this.page(
        url,
        found.map((i) => this.json(i)),
      );
    }
    if (method === 'GET' && rest === '/assignees')
      return this.page(
        url,
        [...this.assignable].sort().map((login, id) => ({ login, id: id + 1, type: 'User' })),
      );
    const permission = /^\/collaborators\/([^/]+)\/permission$/.exec(rest);
    if (method === 'GET' && permission) {
      const login = decodeURIComponent(permission[1] ?? '');
      const role = this.roles.get(login) ?? 'none';
      // GitHub's `permission` folds maintain into write and triage into read; `role_name` is the role.
      const level = role === 'maintain' ? 'write' : role === 'triage' ? 'read' : role;
      return { status: 200, data: { permission: level, role_name: role, user: { login, type: 'User' } } };
    }
    if (method === 'POST' && rest === '/issues') {
      if (typeof body.title !== 'string' || body.title === '') return invalid('Issue', 'title', 'missing_field');
      const assignees = strings(body.assignees);
      if (!assignees.every((a) => this.assignable.has(a))) return invalid('Issue', 'assignees', 'invalid');
      const issue = this.addIssue({
        title: body.title,
        body: typeof body.body === 'string' ? body.body : null,
        labels: strings(body.labels),
        assignees,
      });
      return { status: 201, data: this.json(issue) };
    }
    const one = /^\/issues\/(\d+)$/.exec(rest);
    if (one) {
      const issue = this.issues.find((i) => i.number === Number(one[1]));
      if (!issue) return notFound();
      if (method === 'GET') return { status: 200, data: this.json(issue) };
      if (method !== 'PATCH') return notFound();
      if (body.assignees !== undefined) {
        const assignees = strings(body.assignees);
        if (!assignees.every((a) => this.assignable.has(a))) return invalid('Issue', 'assignees', 'invalid');
        issue.assignees = assignees;
      }
      if (typeof body.title === 'string') issue.title = body.title;
      if (typeof body.body === 'string') issue.body = body.body;
      if (body.state === 'open' || body.state === 'closed') {
        issue.state = body.state;
        issue.state_reason =
          body.state === 'closed' ? (typeof body.state_reason === 'string' ? body.state_reason : 'completed') : 'reopened';
      }
      return { status: 200, data: this.json(issue) };
    }
    const comments = /^\/issues\/(\d+)\/comments$/.exec(rest);
    if (comments) {
      const issue = this.issues.find((i) => i.number === Number(comments[1]));
      if (!issue) return notFound();
      if (method === 'GET')
        return this.page(
          url,
          issue.comments.map((c) => ({ id: c.id, body: c.body, user: { login: 'github-actions[bot]', type: 'Bot' } })),
        );
      if (method !== 'POST') return notFound();
      if (typeof body.body !== 'string' || body.body === '') return invalid('IssueComment', 'body', 'missing_field');
      const comment = { id: this.nextComment++, body: body.body };
      issue.comments.push(comment);
      return { status: 201, data: { ...comment, user: { login: 'github-actions[bot]', type: 'Bot' } } };
    }
    const comment = /^\/issues\/comments\/(\d+)$/.exec(rest);
    if (comment && method === 'PATCH') {
      const found = this.issues.flatMap((i) => i.comments).find((c) => c.id === Number(comment[1]));
      if (!found) return notFound();
      if (typeof body.body === 'string') found.body = body.body;
      return { status: 200, data: { ...found, user: { login: 'github-actions[bot]', type: 'Bot' } } };
    }
    return notFound();
  }

  /** One page of a listing, with GitHub's Link header. */
  private page(url: URL, items: unknown[]): { status: number; data: unknown; headers: Record<string, string> } {
    const perPage = Math.min(Number(url.searchParams.get('per_page') ?? 30) || 30, 100, this.maxPageSize);
    const page = Math.max(1, Number(url.searchParams.get('page') ?? 1) || 1);
    const last = Math.max(1, Math.ceil(items.length / perPage));
    const link = (n: number, rel: string): string => {
      const target = new URL(url);
      target.searchParams.set('page', String(n));
      return `<${target.toString()}>; rel="${rel}"`;
    };
    const links: string[] = [];
    if (page < last) links.push(link(page + 1, 'next'), link(last, 'last'));
    if (page > 1) links.push(link(1, 'first'), link(page - 1, 'prev'));
    return {
      status: 200,
      data: items.slice((page - 1) * perPage, page * perPage),
      headers: links.length > 0 ? { link: links.join(', ') } : {},
    };
  }

  private json(issue: FakeIssue): Record<string, unknown> {
    return {
      id: 1000 + issue.number,
      number: issue.number,
      title: issue.title,
      body: issue.body,
      state: issue.state,
      state_reason: issue.state_reason,
      labels: issue.labels.map((name, id) => ({ id, name })),
      assignee: issue.assignees[0] === undefined ? null : { login: issue.assignees[0] },
      assignees: issue.assignees.map((login) => ({ login })),
      comments: issue.comments.length,
      user: { login: 'github-actions[bot]', type: 'Bot' },
      html_url: `https://github.example/${this.owner}/${this.repo}/issues/${issue.number}`,
      created_at: issue.created_at,
      updated_at: NOW,
      ...(issue.pull_request
        ? { pull_request: { url: `${this.url}/repos/${this.owner}/${this.repo}/pulls/${issue.number}` } }
        : {}),
    };
  }
}

function strings(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
}

function notFound(): { status: number; data: unknown } {
  return { status: 404, data: { message: 'Not Found', documentation_url: 'https://docs.github.com/rest' } };
}

function invalid(resource: string, field: string, code: string): { status: number; data: unknown } {
  return { status: 422, data: { message: 'Validation Failed', errors: [{ resource, field, code }] } };
}
