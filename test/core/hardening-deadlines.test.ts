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
