import { describe, expect, it } from 'vitest';
import { computeComplaintStatus, versionInForce } from '../../core/index.ts';
import { checkSources, complaintText, makeComplaint, projectRegulations } from '../builders.ts';

const regulations = projectRegulations();

function acknowledgement(suspension: { from: string; to: string }): string | null | undefined {
  const version = versionInForce(regulations, 're-integratiedienst', '2026-03-02')!;
  const complaint = makeComplaint({
    organisation: 're-integratiedienst',
    received: '2026-03-02',
    channel: 'email',
    suspensions: [{ ...suspension, reason: 'wacht op informatie' }],
  });
  return computeComplaintStatus(complaint, version, '2026-03-20').steps.find((s) => s.id === 'ontvangstbevestiging')?.due;
}

describe('a suspension that starts on the day of receipt', () => {
  it('moves the deadline as a pause from the next day does (issue 14, point 14)', () => {
    // 5 working days after Monday 2 March is 9 March; paused Tuesday 3 to Friday 6 March: 4 working days later.
    expect(acknowledgement({ from: '2026-03-03', to: '2026-03-06' })).toBe('2026-03-13');
    expect(acknowledgement({ from: '2026-03-02', to: '2026-03-06' })).toBe('2026-03-13');
  });

  it('ignores a pause that is over before the term starts counting', () => {
    expect(acknowledgement({ from: '2026-03-02', to: '2026-03-02' })).toBe('2026-03-09');
  });
});

describe('independence as the regulation sets it (issue 14, point 15)', () => {
  const check = (organisation: string, channel: string) =>
    checkSources(
      [
        {
          file: 'register/complaints/2026/KL-2026-0001.md',
          text: complaintText({
            organisation,
            received: '2026-03-02',
            channel,
            handler: 'coach-voorbeeld',
            involved: ['coach-voorbeeld'],
            assignmentEnded: '2026-02-27',
          }),
        },
      ],
      regulations,
      '2026-03-20',
    ).diagnostics.filter((d) => d.code === 'independence');

  it("lets Organize4all's coach concerned handle the complaint first, as its procedure says", () => {
    expect(check('organize4all', 'post')).toEqual([]);
  });

  it('refuses a handler the complaint is about where the regulation excludes them, quoting its rule', () => {
    const [finding] = check('pit', 'email');
    expect(finding?.message).toContain(regulations.get('pit')?.[0]?.regulation.independence ?? '–');
  });
});

describe('what check rejects is not applied (issue 14, point 17)', () => {
  const mvz = versionInForce(regulations, 'mvz', '2026-03-02')!;
  const complaint = (extensions: unknown[]) =>
    makeComplaint({ organisation: 'mvz', received: '2026-03-02', channel: 'email', extensions });

  it('leaves a rejected extension out of the due date, and says so in the status', () => {
    // Only `aanbod` may be extended at MVZ; an extension of the acknowledgement is refused.
    const refused = complaint([
      { step: 'ontvangstbevestiging', amount: 1, unit: 'weeks', reason: 'drukte', notified: '2026-03-05' },
    ]);
    const status = computeComplaintStatus(refused, mvz, '2026-03-20');
    expect(status.steps.find((s) => s.id === 'ontvangstbevestiging')?.due).toBe('2026-03-16');
    expect(status.notApplied).toEqual([{ field: 'extensions', index: 0, code: 'extension' }]);
    // The same extension where it is allowed moves the date, and the status has nothing to say.
    const allowed = complaint([{ step: 'aanbod', amount: 1, unit: 'weeks', reason: 'drukte', notified: '2026-03-05' }]);
    const ok = computeComplaintStatus(allowed, mvz, '2026-03-20');
    expect(ok.steps.find((s) => s.id === 'aanbod')?.due).toBe('2026-04-20');
    expect(ok.notApplied).toBeUndefined();
  });

  it('cites the article that allows the extension, not the one of the step extended', () => {
    const text = complaintText({
      organisation: 'mvz',
      received: '2026-03-02',
      channel: 'email',
      complainant: { name: 'Jan Voorbeeld', address: 'Voorbeeldstraat 1' },
      dated: '2026-03-01',
      extensions: [{ step: 'ontvangstbevestiging', amount: 1, unit: 'weeks', reason: 'drukte', notified: '2026-03-05' }],
    });
    const messages = checkSources([{ file: 'register/complaints/2026/KL-2026-0001.md', text }], regulations, '2026-03-20')
      .diagnostics.filter((d) => d.code === 'extension')
      .map((d) => d.message);
    expect(messages).toEqual(['alleen aanbod mag verlengd worden (mvz@1, artikel-7)']);
  });
});
