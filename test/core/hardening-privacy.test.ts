import { describe, expect, it } from 'vitest';
import {
  anonymisedComplaint,
  ComplaintSchema,
  diffVersions,
  parseFrontMatterFile,
  readVersion,
  retentionState,
  versionInForce,
  type ComplaintVersion,
} from '../../core/index.ts';
import { echoValue } from '../../core/register/suggest.ts';
import { checkSources, complaintText, makeComplaint, makeRegulationSet } from '../builders.ts';

/** Issue 14, privacy points, at the level of the core. All people here are made up. */

const FILE = 'register/complaints/2026/KL-2026-0001.md';
const PERSONAL = ['Jansen', 'jansen', '06-12345678', 'Gebeld', 'Dorpsstraat', 'Voorbeeld'];

function version(overrides: Record<string, unknown>): ComplaintVersion {
  const text = complaintText(overrides);
  const read = readVersion(text, FILE, text.length);
  if (read === undefined) throw new Error(`unreadable test version:\n${text}`);
  return read;
}

describe('retention writes an allowlist (point 2)', () => {
  const set = makeRegulationSet();
  const regulation = versionInForce(set, 'test', '2024-01-01')!;
  const note = { on: '2026-11-22', term: '2 jaar na afsluiting (test@1)' };

  it('keeps only the steps of the regulation', () => {
    const complaint = makeComplaint({
      id: 'KL-2024-0001',
      received: '2024-03-01',
      closed: '2024-05-01',
      steps: { bevestiging: '2024-03-05', 'Gebeld met mw. Jansen 06-12345678': '2024-03-06' },
    });
    const kept = anonymisedComplaint(complaint, regulation, note);
    expect(kept.steps).toEqual({ bevestiging: '2024-03-05' });
    for (const value of PERSONAL) expect(JSON.stringify(kept)).not.toContain(value);
  });

  it('keeps no extension or suspension step that is not a step', () => {
    const complaint = makeComplaint({
      id: 'KL-2024-0001',
      received: '2024-03-01',
      closed: '2024-05-01',
      extensions: [{ step: 'jansen', amount: 1, unit: 'weeks', notified: '2024-03-02' }],
      suspensions: [{ from: '2024-03-02', to: '2024-03-03', steps: ['jansen', 'reactie'] }],
    });
    const kept = anonymisedComplaint(complaint, regulation, note);
    expect(JSON.stringify(kept)).not.toContain('jansen');
  });

  it('does not count an anonymised record with a step key or category it cannot classify as anonymised', () => {
    const base = {
      id: 'KL-2024-0001',
      received: '2024-03-01',
      closed: '2024-05-01',
      complainant: undefined,
      handler: undefined,
      anonymised: { on: '2026-06-01', term: '2 jaar na afsluiting (test@1)' },
    };
    const stepKey = makeComplaint({ ...base, steps: { 'Gebeld met mw. Jansen 06-12345678': '2024-03-06' } });
    expect(retentionState(stepKey, set, '2026-11-22')?.state).toBe('expired');
    const category = makeComplaint({ ...base, category: 'jansen' });
    expect(retentionState(category, set, '2026-11-22')?.state).toBe('expired');
    const extension = makeComplaint({ ...base, extensions: [{ step: 'jansen', amount: 1, unit: 'weeks' }] });
    expect(retentionState(extension, set, '2026-11-22')?.state).toBe('expired');
    expect(retentionState(makeComplaint(base), set, '2026-11-22')?.state).toBe('anonymised');
  });

  it('does not count a record with a free-text term as anonymised', () => {
    const record = makeComplaint({
      id: 'KL-2024-0001',
      received: '2024-03-01',
      closed: '2024-05-01',
      complainant: undefined,
      handler: undefined,
      anonymised: { on: '2026-06-01', term: 'mw. Jansen wil dit bewaren' },
    });
    expect(retentionState(record, set, '2026-11-22')?.state).toBe('expired');
    const proper = makeComplaint({
      ...record,
      complainant: undefined,
      anonymised: { on: '2026-06-01', term: '2 jaar na afsluiting (test@1)' },
    });
    expect(retentionState(proper, set, '2026-11-22')?.state).toBe('anonymised');
  });
});

describe('messages echo a value only when close to a known code word (point 3)', () => {
  it('echoValue', () => {
    expect(echoValue('comunicatie', ['communicatie', 'bejegening'])).toEqual({ shown: "'comunicatie'", meant: 'communicatie' });
    expect(echoValue('jansen', ['communicatie', 'bejegening'])).toBeUndefined();
    expect(echoValue('Gebeld met mw. Jansen', ['ontvangstbevestiging'])).toBeUndefined();
    expect(echoValue('reactie', ['bevestiging'], ['reactie'])).toEqual({ shown: "'reactie'", meant: undefined });
  });

  it('schema messages leave out a step key, a mistyped date and an unknown lower-case key', () => {
    const text = complaintText({
      dated: '06-12345678',
      jansen: 'x',
      steps: { 'Gebeld met mw. Jansen op 06-12345678, Dorpsstraat 1': { on: '2026-04-02', notitie: 'x' } },
    });
    const { diagnostics } = parseFrontMatterFile(FILE, text, ComplaintSchema);
    expect(diagnostics.length).toBeGreaterThanOrEqual(3);
    const messages = diagnostics.map((d) => d.message).join('\n');
    for (const value of PERSONAL) expect(messages).not.toContain(value);
    expect(messages).toContain('dated: geen bestaande datum (gebruik JJJJ-MM-DD)');
    expect(messages).toContain('steps.…: onbekend veld op deze regel');
  });

  it('rule messages leave out an unknown step key, category and organisation', () => {
    const set = makeRegulationSet();
    const texts = [
      complaintText({ category: 'jansen', steps: { 'Gebeld met mw. Jansen 06-12345678': '2026-04-02' } }),
      complaintText({ organisation: 'jansen' }),
      complaintText({ extensions: [{ step: 'jansen', amount: 1, unit: 'weeks', reason: 'x', notified: '2026-04-02' }] }),
    ];
    for (const text of texts) {
      const { diagnostics } = checkSources([{ file: FILE, text }], set, '2026-06-01');
      expect(diagnostics.length).toBeGreaterThan(0);
      for (const value of PERSONAL) expect(diagnostics.map((d) => d.message).join('\n')).not.toContain(value);
    }
  });

  it('history hides the values of mistyped fields and a step key that could be text', () => {
    const before = version({ received: '2026-04-01', channel: 'email', category: 'bejegening' });
    const after = version({
      received: 'Jan Voorbeeld',
      channel: 'jansen',
      category: 'Dorpsstraat 1',
      steps: { 'Gebeld met mw. Jansen 06-12345678': '2026-04-02' },
    });
    const changes = diffVersions(before, after);
    expect(JSON.stringify(changes)).not.toMatch(/Jansen|jansen|Voorbeeld|Dorpsstraat|06-12345678|Gebeld/);
    expect(changes.find((c) => c.field === 'received')).toEqual({ field: 'received', change: 'changed', hidden: 'invalid' });
    expect(changes.find((c) => c.field === 'channel')?.hidden).toBe('invalid');
    expect(changes.map((c) => c.field)).toContain('steps.…');
  });
});

describe('__proto__, constructor and prototype keys (point 4)', () => {
  it.each([
    ['steps:\n  __proto__: { on: 2026-04-02, note: "Geheime notitie" }\n', 9, 3],
    ['constructor: x\n', 8, 1],
    ['complainant:\n  prototype: Jan Voorbeeld\n', 9, 3],
  ])('%s is an error at its line', (yaml, line, column) => {
    const base = complaintText({ complainant: undefined }).replace(/^---\n/, '');
    const text = `---\n${base.replace(/---\n[\s\S]*$/, '')}${yaml}---\nTekst.\n`;
    const parsed = parseFrontMatterFile(FILE, text, ComplaintSchema);
    expect(parsed.data).toBeUndefined();
    expect(parsed.diagnostics).toEqual([expect.objectContaining({ code: 'forbidden-key', line, column })]);
    expect(parsed.diagnostics[0]?.message).not.toContain('Geheime');
    expect(readVersion(text, FILE, text.length)).toBeUndefined();
  });
});
