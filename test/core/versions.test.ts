import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { buildRegulationSet, computeComplaintStatus, readRegulations, versionInForce } from '../../core/index.ts';
import { checkSources, complaintText, makeComplaint, makeRegulation } from '../builders.ts';

const v1 = makeRegulation({ version: '1', effective: '2024-01-01' });
const v2 = makeRegulation({
  version: '2',
  effective: '2026-01-01',
  changes: 'Ontvangstbevestiging binnen 3 werkdagen; geen verlenging meer.',
  extension: { allowed: false },
  steps: [
    { id: 'ontvangst', title: 'Ontvangen', actor: 'team', auto: 'received' },
    {
      id: 'bevestiging',
      title: 'Bevestigd',
      actor: 'behandelaar',
      deadline: { amount: 3, unit: 'workingDays', from: 'received' },
    },
  ],
});
const set = buildRegulationSet([
  { file: 'regulations/test/2026-01-01.md', regulation: v2 },
  { file: 'regulations/test/2024-01-01.md', regulation: v1 },
]);

describe('regulation versions', () => {
  it('applies the version in force on the receipt date', () => {
    expect(versionInForce(set, 'test', '2023-12-31')).toBeUndefined();
    expect(versionInForce(set, 'test', '2024-01-01')?.key).toBe('test@1');
    expect(versionInForce(set, 'test', '2025-12-31')?.key).toBe('test@1');
    expect(versionInForce(set, 'test', '2026-01-01')?.key).toBe('test@2');
  });

  it('computes a complaint under its own version', () => {
    const before = makeComplaint({ received: '2025-12-30', id: 'KL-2025-0001' });
    const after = makeComplaint({ received: '2026-01-05', id: 'KL-2026-0001' });
    const due = (c: typeof before) =>
      computeComplaintStatus(c, versionInForce(set, 'test', c.received)!, '2026-01-05').steps.find((s) => s.id === 'bevestiging')
        ?.due;
    expect(due(before)).toBe('2026-01-07'); // 5 working days, Nieuwjaarsdag skipped
    expect(due(after)).toBe('2026-01-08'); // 3 working days
  });

  it('checks steps against the version in force: a step removed in version 2 is unknown there', () => {
    const text = complaintText({ received: '2026-01-05', steps: { reactie: '2026-01-06' } });
    const [d] = checkSources([{ file: 'register/complaints/2026/KL-2026-0001.md', text }], set, '2026-02-01').diagnostics;
    expect(d?.message).toBe("onbekende stap 'reactie' in test@2; stappen: ontvangst, bevestiging");
  });

  it('warns on the version line when a later version does not say what changed', () => {
    const text = (regulation: object): string => `---\n${stringify(regulation)}---\n\n## Artikel 1. Doel\n`;
    const silent: Partial<typeof v2> = { ...v2 };
    delete silent.changes;
    const { diagnostics } = readRegulations([
      { file: 'regulations/test/2024-01-01.md', text: text(v1) },
      { file: 'regulations/test/2026-01-01.md', text: text(silent) },
    ]);
    expect(diagnostics).toEqual([
      expect.objectContaining({ severity: 'warning', code: 'version-changes', file: 'regulations/test/2026-01-01.md' }),
    ]);
    const versionLine = text(silent)
      .split('\n')
      .findIndex((line) => line.startsWith('version:'));
    expect(diagnostics[0]?.line).toBe(versionLine + 1);
  });
});
