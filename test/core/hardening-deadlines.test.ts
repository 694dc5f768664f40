import { describe, expect, it } from 'vitest';
import { computeComplaintStatus, versionInForce } from '../../core/index.ts';
import { makeComplaint, projectRegulations } from '../builders.ts';

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
