import { describe, expect, it } from 'vitest';
import { decideComment, marker, parseDoneComment, stepOfKey } from '../../core/index.ts';

const BODY = `Stap te laat.\n\n${marker('KL-2026-0006/stap/ontvangstbevestiging')}`;

function event(
  overrides: {
    action?: string;
    body?: string;
    issueBody?: string;
    labels?: unknown[];
    pr?: boolean;
    login?: string;
    type?: string;
  } = {},
) {
  return {
    action: overrides.action ?? 'created',
    comment: {
      body: overrides.body ?? '/gedaan 2026-11-20',
      user: { login: overrides.login ?? 'behandelaar-b', type: overrides.type ?? 'User' },
    },
    issue: {
      number: 7,
      body: overrides.issueBody ?? BODY,
      labels: overrides.labels ?? [{ name: 'klachtenregister' }],
      ...(overrides.pr === true ? { pull_request: { url: 'https://api.github.example/repos/o/r/pulls/7' } } : {}),
    },
    repository: { full_name: 'voorbeeld-bv/klachten' },
  };
}

describe('parseDoneComment', () => {
  it.each([
    ['/gedaan', { on: undefined, step: undefined }],
    ['  /gedaan \r\n', { on: undefined, step: undefined }],
    ['/gedaan 2026-03-05', { on: '2026-03-05', step: undefined }],
    ['/gedaan 2026-03-05 ontvangstbevestiging', { on: '2026-03-05', step: 'ontvangstbevestiging' }],
    // The form is checked here, the calendar later.
    ['/gedaan 2026-02-30', { on: '2026-02-30', step: undefined }],
  ])('reads %j', (body, request) => {
    expect(parseDoneComment(body)).toEqual({ ours: true, request });
  });

  it.each([
    '/gedaan morgen',
    '/gedaan 2026-03-05 rm -rf /',
    '/gedaan 2026-03-05\ntoelichting',
    '/gedaan  2026-03-05',
    '/gedaan\t2026-03-05',
    '/gedaan 5-3-2026',
    '/gedaan 2026-03-05 Ontvangst',
    '/gedaan 2026-03-05 stap;ls',
  ])('knows %j is meant for it, and refuses its form', (body) => {
    expect(parseDoneComment(body)).toEqual({ ours: true, request: undefined });
  });

  it.each(['gedaan', '/gedaanx', 'Ik schreef /gedaan', '/Gedaan', ''])('leaves %j alone', (body) => {
    expect(parseDoneComment(body)).toEqual({ ours: false });
  });
});

describe('decideComment', () => {
  it('acts on a new /gedaan on an issue with the label and a step marker', () => {
    expect(decideComment(event(), 'voorbeeld-bv/klachten')).toEqual({
      kind: 'command',
      issue: 7,
      login: 'behandelaar-b',
      key: 'KL-2026-0006/stap/ontvangstbevestiging',
      target: { id: 'KL-2026-0006', step: 'ontvangstbevestiging' },
      request: { on: '2026-11-20', step: undefined },
    });
    // A measure's issue is the register's, but not a step: the command says so.
    const measure = decideComment(event({ issueBody: marker('KL-2026-0011/maatregel/1') }), 'voorbeeld-bv/klachten');
    expect(measure).toMatchObject({ kind: 'command', target: undefined });
  });

  it.each([
    ['an edited comment', event({ action: 'edited' })],
    ['a pull request', event({ pr: true })],
    ['an issue without the label', event({ labels: [] })],
    ['an issue without the marker', event({ issueBody: 'Vraag' })],
    ['a marker that is not the last line', event({ issueBody: `${BODY}\nmeer` })],
    ['a bot', event({ login: 'github-actions[bot]', type: 'Bot' })],
    ['another comment', event({ body: 'Dank!' })],
    ['not an event', { hello: 'world' }],
  ])('ignores %s', (_, payload) => {
    expect(decideComment(payload, 'voorbeeld-bv/klachten').kind).toBe('ignore');
  });

  it('ignores an event of another repository', () => {
    expect(decideComment(event(), 'ander/register')).toMatchObject({ kind: 'ignore' });
  });

  it('finds the complaint and step of a step key only', () => {
    expect(stepOfKey('KL-2026-0006/stap/ontvangstbevestiging')).toEqual({ id: 'KL-2026-0006', step: 'ontvangstbevestiging' });
    expect(stepOfKey('KL-2026-0011/maatregel/1')).toBeUndefined();
    expect(stepOfKey('termijnen-deze-week')).toBeUndefined();
    expect(stepOfKey('evaluatie/mvz/2024/actie/2')).toBeUndefined();
  });
});
