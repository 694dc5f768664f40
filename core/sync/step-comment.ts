import { z } from 'zod';
import { LOGIN_PATTERN } from './escape.ts';
import { markerKey, SYNC_LABEL } from './desired.ts';

/** The command a comment starts with to record the step of its issue. */
export const DONE_COMMAND = '/gedaan';

/** The forms `/gedaan` accepts, for replies and help. */
export const DONE_SYNTAX = '`/gedaan` (vandaag), `/gedaan JJJJ-MM-DD` of `/gedaan JJJJ-MM-DD <stap>`';

/**
 * The parts of GitHub's `issue_comment` event payload the register reads. Everything else in the
 * payload is left alone.
 */
const EventSchema = z.object({
  action: z.string(),
  comment: z.object({
    body: z.string().nullish(),
    user: z.object({ login: z.string(), type: z.string().optional() }),
  }),
  issue: z.object({
    number: z.number().int().positive(),
    body: z.string().nullish(),
    labels: z.array(z.union([z.string(), z.object({ name: z.string() })])).optional(),
    pull_request: z.unknown().optional(),
  }),
  repository: z.object({ full_name: z.string() }).optional(),
});

/** What a `/gedaan` comment asks, once its form is known to be right. */
export interface DoneRequest {
  /** The date written, `undefined` for today; checked to be a calendar date later. */
  on: string | undefined;
  /** The step named after the date, if any. */
  step: string | undefined;
}

/** What to do with an `issue_comment` event. */
export type CommentDecision =
  | { kind: 'ignore'; reason: string }
  | {
      kind: 'command';
      issue: number;
      login: string;
      /** The issue's marker key, e.g. `KL-2026-0007/stap/ontvangstbevestiging`. */
      key: string;
      /** The complaint and step of the issue, when it is an overdue step's issue. */
      target: { id: string; step: string } | undefined;
      /** The request, or `undefined` when the comment starts with /gedaan but has another form. */
      request: DoneRequest | undefined;
    };

const STEP_KEY = /^(KL-\d{4}-\d{4,})\/stap\/([a-z0-9]+(?:-[a-z0-9]+)*)$/;
const DONE_FORM = /^\/gedaan(?: (\d{4}-\d{2}-\d{2})(?: ([a-z0-9]+(?:-[a-z0-9]+)*))?)?$/;

/**
 * Reads a comment body: `not-ours` unless its first word is /gedaan; otherwise the request, or
 * `undefined` when anything else is on the line (or on another line).
 */
export function parseDoneComment(body: string): { ours: false } | { ours: true; request: DoneRequest | undefined } {
  const text = body.trim();
  if (!text.startsWith(DONE_COMMAND) || /^\/gedaan[^\s]/.test(text)) return { ours: false };
  const match = DONE_FORM.exec(text);
  return { ours: true, request: match ? { on: match[1], step: match[2] } : undefined };
}

/** The complaint and step an issue's marker key names, if it is an overdue step's key. */
export function stepOfKey(key: string): { id: string; step: string } | undefined {
  const match = STEP_KEY.exec(key);
  return match?.[1] !== undefined && match[2] !== undefined ? { id: match[1], step: match[2] } : undefined;
}

/**
 * Decides from an `issue_comment` payload whether the comment is a /gedaan command on one of the
 * register's issues. Anything else (another action, a pull request, an issue without the label or the
 * marker, a bot, another repository, another comment) is ignored, with the reason for the log; the
 * reason never repeats the comment.
 */
export function decideComment(payload: unknown, repository: string): CommentDecision {
  const parsed = EventSchema.safeParse(payload);
  if (!parsed.success) return { kind: 'ignore', reason: 'geen issue_comment-gebeurtenis' };
  const event = parsed.data;
  if (event.repository !== undefined && event.repository.full_name.toLowerCase() !== repository.toLowerCase())
    return { kind: 'ignore', reason: 'de gebeurtenis hoort bij een andere repository' };
  if (event.action !== 'created')
    return {
      kind: 'ignore',
      reason: `actie '${event.action === 'edited' ? 'edited' : 'anders'}', alleen een nieuwe reactie telt`,
    };
  if (event.issue.pull_request !== undefined && event.issue.pull_request !== null)
    return { kind: 'ignore', reason: 'een reactie bij een pull request' };
  const parsedBody = parseDoneComment(event.comment.body ?? '');
  if (!parsedBody.ours) return { kind: 'ignore', reason: 'de reactie is geen /gedaan' };
  const labels = (event.issue.labels ?? []).map((label) => (typeof label === 'string' ? label : label.name));
  if (!labels.includes(SYNC_LABEL)) return { kind: 'ignore', reason: `het issue heeft het label ${SYNC_LABEL} niet` };
  const key = markerKey(event.issue.body);
  if (key === undefined) return { kind: 'ignore', reason: 'het issue heeft geen markering van het register' };
  const login = event.comment.user.login;
  if (event.comment.user.type === 'Bot' || !LOGIN_PATTERN.test(login))
    return { kind: 'ignore', reason: 'de reactie komt van een bot' };
  return {
    kind: 'command',
    issue: event.issue.number,
    login,
    key,
    target: stepOfKey(key),
    request: parsedBody.request,
  };
}
