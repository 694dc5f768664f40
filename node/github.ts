import { retry } from '@octokit/plugin-retry';
import { throttling } from '@octokit/plugin-throttling';
import { Octokit } from '@octokit/rest';
import Bottleneck from 'bottleneck';
import { RegisterError } from '../core/index.ts';

/** The environment variables this adapter reads. */
export type Env = Readonly<Record<string, string | undefined>>;

/** What the adapter needs of its caller: the environment and where warnings go. */
export interface GitHubContext {
  env: Env;
  /** Prints a warning line (the CLI: stderr). */
  warn: (line: string) => void;
}

function configError(message: string): RegisterError {
  return new RegisterError('config', message);
}

/** The repository and credentials, from the variables GitHub Actions sets. */
export interface GitHubTarget {
  owner: string;
  repo: string;
  token: string;
  /** REST API root: `https://api.github.com`, or `https://<host>/api/v3` on GitHub Enterprise Server. */
  apiUrl: string;
  /** Web root, for links in issues: `https://github.com`. */
  serverUrl: string;
}

/** Help lines for the variables every GitHub command reads. */
export const GITHUB_ENV_HELP = `Omgevingsvariabelen (GitHub Actions zet ze zelf):
  GITHUB_TOKEN        token met schrijfrecht op issues (in een workflow: \${{ github.token }})
  GITHUB_REPOSITORY   eigenaar/repository, bijvoorbeeld voorbeeld-bv/klachten
  GITHUB_API_URL      de REST API (standaard https://api.github.com; GitHub Enterprise: https://<host>/api/v3)
  GITHUB_SERVER_URL   voor links in issues (standaard https://github.com)
  KLACHTEN_WRITE_INTERVAL_MS  minimale tijd tussen schrijfacties (standaard 1000, zoals GitHub aanraadt;
                      issues en reacties wachten drie keer zo lang)`;

/** Reads the target from the environment; a missing or malformed variable is a usage error. */
export function gitHubTarget(env: Env): GitHubTarget {
  const token = env.GITHUB_TOKEN ?? '';
  const repository = env.GITHUB_REPOSITORY ?? '';
  if (repository === '')
    throw configError('GITHUB_REPOSITORY ontbreekt: zet eigenaar/repository, bijvoorbeeld voorbeeld-bv/klachten');
  const [owner, repo, ...rest] = repository.split('/');
  if (!owner || !repo || rest.length > 0)
    throw configError(`GITHUB_REPOSITORY moet eigenaar/repository zijn, niet '${repository}'`);
  if (token === '') throw configError('GITHUB_TOKEN ontbreekt: zet een token met schrijfrecht op issues');
  const apiUrl = (env.GITHUB_API_URL ?? '').replace(/\/+$/, '') || 'https://api.github.com';
  const serverUrl = (env.GITHUB_SERVER_URL ?? '').replace(/\/+$/, '') || 'https://github.com';
  for (const [name, url] of [
    ['GITHUB_API_URL', apiUrl],
    ['GITHUB_SERVER_URL', serverUrl],
  ] as const) {
    if (!URL.canParse(url)) throw configError(`${name} is geen geldig adres: '${url}'`);
  }
  return { owner, repo, token, apiUrl, serverUrl };
}

/** Requests sent, counted per HTTP attempt (retries included). */
export interface RequestCount {
  reads: number;
  writes: number;
}

/** Waits longer than this are not sat out: the next run continues. */
const MAX_WAIT_SECONDS = 120;

function writeInterval(env: Env): number {
  const raw = env.KLACHTEN_WRITE_INTERVAL_MS;
  if (raw === undefined || raw === '') return 1000;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 0)
    throw configError(`KLACHTEN_WRITE_INTERVAL_MS verwacht milliseconden, niet '${raw}'`);
  return value;
}

const KlachtenOctokit = Octokit.plugin(throttling, retry);
export type GitHub = InstanceType<typeof KlachtenOctokit>;

/**
 * An Octokit for `target` with the throttling plugin (writes spaced out, `retry-after` and the rate-limit
 * reset honoured) and the retry plugin (5xx answers tried again). Warnings go to stderr in Dutch.
 */
export function createGitHub(target: GitHubTarget, io: GitHubContext): { octokit: GitHub; count: RequestCount } {
  const count: RequestCount = { reads: 0, writes: 0 };
  const interval = writeInterval(io.env);
  const countingFetch: typeof fetch = (input, init) => {
    const method = (init?.method ?? 'GET').toUpperCase();
    if (method === 'GET' || method === 'HEAD') count.reads += 1;
    else count.writes += 1;
    return fetch(input, init);
  };
  const wait =
    (kind: string) => (retryAfter: number, options: { method: string; url: string }, _octokit: unknown, retryCount: number) => {
      const sat = retryAfter <= MAX_WAIT_SECONDS && retryCount < 3;
      io.warn(
        sat
          ? `GitHub: ${kind} bij ${options.method} ${options.url}; over ${retryAfter} s opnieuw`
          : `GitHub: ${kind} bij ${options.method} ${options.url}; wachten (${retryAfter} s) duurt te lang, de volgende run gaat verder`,
      );
      return sat;
    };
  const octokit = new KlachtenOctokit({
    auth: target.token,
    baseUrl: target.apiUrl,
    userAgent: 'klachtenregister-sync',
    request: { fetch: countingFetch },
    log: {
      debug: () => undefined,
      info: () => undefined,
      warn: (message: string) => {
        io.warn(`GitHub: ${message}`);
      },
      error: (message: string) => {
        io.warn(`GitHub: ${message}`);
      },
    },
    throttle: {
      onRateLimit: wait('limiet van het aantal verzoeken bereikt'),
      onSecondaryRateLimit: wait('secundaire limiet bereikt'),
      write: new Bottleneck.Group({ maxConcurrent: 1, minTime: interval }),
      notifications: new Bottleneck.Group({ maxConcurrent: 1, minTime: interval * 3 }),
    },
    retry: { retries: 3 },
  });
  return { octokit, count };
}

function httpStatus(error: unknown): number | undefined {
  return typeof error === 'object' && error !== null && 'status' in error && typeof error.status === 'number'
    ? error.status
    : undefined;
}

/** Whether a failure means no access (or a rate limit too long to wait for): every next write fails alike. */
export function isAccessError(error: unknown): boolean {
  return [401, 403, 404, 410].includes(httpStatus(error) ?? 0);
}

/** A failed request in plain Dutch, with what to do about it. */
export function describeError(error: unknown): string {
  const status = httpStatus(error);
  if (status !== undefined && typeof error === 'object' && error !== null) {
    const message =
      'message' in error && typeof error.message === 'string'
        ? error.message.replace(/ - https:\/\/docs\.github\.com\S*$/, '')
        : '';
    switch (status) {
      case 401:
        return `GITHUB_TOKEN wordt niet geaccepteerd (401: ${message})`;
      case 403:
        return `geen toestemming (403: ${message}); geef de workflow 'issues: write' of wacht tot de limiet voorbij is`;
      case 404:
        return `niet gevonden (404: ${message}); klopt GITHUB_REPOSITORY, en mag het token erbij?`;
      case 410:
        return `issues staan uit in deze repository (410: ${message})`;
      case 422:
        return `GitHub weigert de gegevens (422: ${message})`;
      default:
        return `GitHub antwoordt ${status}: ${message}`;
    }
  }
  const cause = error instanceof Error && error.cause instanceof Error ? ` (${error.cause.message})` : '';
  return `${error instanceof Error ? error.message : String(error)}${cause}`;
}
