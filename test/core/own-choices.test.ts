import { describe, expect, it } from 'vitest';
import { readRegulations } from '../../core/index.ts';
import { projectRegulations } from '../builders.ts';
import { stringify } from 'yaml';

const regulation = (ownChoices: unknown) =>
  `---\n${stringify({
    title: 'Klachtenreglement Test',
    summary: 'Een verzonnen reglement.',
    organisation: { name: 'Test', slug: 'test' },
    version: '1',
    effective: '2026-01-01',
    complaint: { channels: ['email'], oral: false, requiredContents: [] },
    independence: 'Een onafhankelijke behandelaar.',
    steps: [{ id: 'ontvangst', title: 'Ontvangen', actor: 'test', auto: 'received' }],
    extension: { allowed: true, noticeBeforeDeadline: true },
    evaluation: { cadence: 'periodic', dueMonthsAfterYearEnd: 3 },
    retention: { amount: 2, unit: 'years' },
    ownChoices,
  })}---\nTekst.\n`;

describe("the register's own choices in a regulation", () => {
  it('name a setting the regulation has, with a reason', () => {
    const good = readRegulations([
      {
        file: 'regulations/test/2026-01-01.md',
        text: regulation([{ setting: 'extension.noticeBeforeDeadline', reason: 'Omdat.' }]),
      },
    ]);
    expect(good.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    const bad = readRegulations([
      { file: 'regulations/test/2026-01-01.md', text: regulation([{ setting: 'extension.bestaatNiet', reason: 'Omdat.' }]) },
    ]);
    expect(bad.diagnostics.map((d) => d.message)).toEqual([
      'ownChoices[0].setting: deze instelling staat niet in dit reglement; noem een veld dat er wel staat',
    ]);
  });

  it('mark every evaluation due date and MVZ’s extension notice, which no source states (issue 14, point 16)', () => {
    for (const [slug, versions] of projectRegulations()) {
      for (const { regulation } of versions) {
        const settings = regulation.ownChoices.map((c) => c.setting);
        // No source sets a date: where the register sets one, it says so; a periodic evaluation has none.
        if (regulation.evaluation.dueMonthsAfterYearEnd !== undefined)
          expect(settings, slug).toContain('evaluation.dueMonthsAfterYearEnd');
        else expect(regulation.evaluation.cadence, slug).toBe('periodic');
        if (regulation.extension.noticeBeforeDeadline && regulation.extension.allowed && slug === 'mvz')
          expect(regulation.ownChoices.find((c) => c.setting === 'extension.noticeBeforeDeadline')?.basis).toBe(
            'Awb art. 9:11 lid 2',
          );
      }
    }
    expect(projectRegulations().get('mvz')?.[0]?.regulation.evaluation.cadence).toBe('periodic');
    expect(projectRegulations().get('coulant')?.[0]?.regulation.evaluation).toEqual({
      cadence: 'yearly',
      dueMonthsAfterYearEnd: 3,
    });
  });
});
