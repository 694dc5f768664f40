import { describe, expect, it } from 'vitest';
import type { ComplaintStatus } from '../../core/index.ts';
import { personalValues, SAMPLE_REGISTER } from '../builders.ts';
import { klachten } from './run-cli.ts';

const TODAY = '2026-11-21';

function statusJson(args: string[] = []): { today: string; complaints: ComplaintStatus[] } {
  const result = klachten(['status', '--json', '--today', TODAY, ...args]);
  expect(result.stderr).toBe('');
  expect(result.code).toBe(0);
  return JSON.parse(result.stdout) as { today: string; complaints: ComplaintStatus[] };
}

function step(complaints: ComplaintStatus[], id: string, stepId: string) {
  return complaints.find((c) => c.id === id)?.steps.find((s) => s.id === stepId);
}

describe('the sample register', () => {
  it('passes check, with the late submission as the only warning', () => {
    const result = klachten(['check', '--today', TODAY]);
    expect(result.code).toBe(0);
    expect(result.stdout).toBe(
      'register/complaints/2025/KL-2025-0008.md:4:11: waarschuwing: ingediend na de indieningstermijn: 30 werkdagen na afronding van de opdracht (vr 1 aug 2025), dus uiterlijk vr 12 sep 2025\n',
    );
    expect(result.stderr).toBe('71 klachtdossiers en 10 evaluaties gecontroleerd: 0 fouten, 1 waarschuwing\n');
  });

  it('has at least 30 complaints across the five organisations and every path', () => {
    const { complaints, today } = statusJson();
    expect(today).toBe(TODAY);
    expect(complaints.length).toBeGreaterThanOrEqual(30);
    expect(new Set(complaints.map((c) => c.organisation))).toEqual(
      new Set(['pit', 're-integratiedienst', 'coulant', 'organize4all', 'mvz']),
    );
    const statuses = new Set(complaints.flatMap((c) => c.steps.map((s) => s.status)));
    expect(statuses).toEqual(new Set(['done', 'done-late', 'open', 'due-soon', 'overdue', 'not-applicable']));
    expect(new Set(complaints.map((c) => c.state))).toEqual(new Set(['open', 'closed', 'withdrawn']));
  });

  it('lists exactly the overdue steps', () => {
    const { complaints } = statusJson();
    const overdue = complaints.flatMap((c) =>
      c.steps.filter((s) => s.status === 'overdue').map((s) => `${c.id} ${s.id} ${s.due ?? ''}`),
    );
    expect(overdue).toEqual([
      'KL-2026-0002 behandeling 2026-11-16',
      'KL-2026-0006 ontvangstbevestiging 2026-11-17',
      'KL-2026-0011 acties-uitgevoerd 2026-11-12',
      'KL-2026-0014 schriftelijke-afhandeling 2026-11-09',
      'KL-2026-0018 aanbod 2026-11-02',
      'KL-2026-0019 verslag 2026-11-13',
    ]);
  });

  it('computes extended, suspended and dependent deadlines', () => {
    const { complaints } = statusJson();
    // Suspended 10–19 Sep 2025 (8 working days): the progress report moved from 15 to 25 Sep and was on time.
    expect(step(complaints, 'KL-2025-0004', 'voortgangsbericht')).toMatchObject({
      due: '2025-09-25',
      done: '2025-09-24',
      status: 'done',
    });
    // Extended by two weeks, notified before the original six weeks ended.
    expect(step(complaints, 'KL-2025-0010', 'aanbod')).toMatchObject({ due: '2025-11-10', status: 'done' });
    // A suspension still running keeps the reply deadline moving.
    expect(step(complaints, 'KL-2026-0007', 'schriftelijke-reactie')?.explanation).toContain('(loopt nog)');
    // Two weeks after "opgelost".
    expect(step(complaints, 'KL-2026-0019', 'verslag')).toMatchObject({ due: '2026-11-13', status: 'overdue' });
    // The example from the issue.
    expect(step(complaints, 'KL-2026-0009', 'ontvangstbevestiging')?.explanation).toBe(
      '5 werkdagen na ontvangst op wo 1 apr 2026; Goede Vrijdag en Tweede Paasdag tellen niet mee',
    );
    // Inadmissible: the notice applies, the handling steps do not.
    expect(step(complaints, 'KL-2026-0013', 'kennisgeving-niet-in-behandeling')?.status).toBe('done-late');
    expect(step(complaints, 'KL-2026-0013', 'acties-uitgevoerd')?.status).toBe('not-applicable');
  });

  it('filters by organisation and prints a readable table by default', () => {
    expect(statusJson(['--organisation', 'mvz']).complaints.every((c) => c.organisation === 'mvz')).toBe(true);
    const table = klachten(['status', '--today', TODAY]);
    expect(table.code).toBe(0);
    expect(table.stdout).toContain('Termijnen op za 21 nov 2026');
    expect(table.stdout).toContain('71 klachten, 13 open, 6 verstreken termijnen.');
    expect(table.stdout).toMatch(/KL-2026-0002 +pit +2026-11-02 +open +behandeling +2026-11-16 +TE LAAT +behandelaar-a/);
  });

  it('keeps every personal value out of status and check output', () => {
    const outputs = [
      klachten(['status', '--json', '--today', TODAY]),
      klachten(['status', '--today', TODAY]),
      klachten(['check', '--format', 'json', '--today', TODAY]),
    ];
    const personal = personalValues(SAMPLE_REGISTER);
    expect(personal.length).toBeGreaterThan(100);
    for (const output of outputs) {
      const text = output.stdout + output.stderr;
      for (const value of personal) expect(text).not.toContain(value);
    }
  });
});
