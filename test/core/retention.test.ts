import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  anonymisedComplaint,
  anonymisedFileText,
  applicableTerm,
  buildRegulationSet,
  complaintFacts,
  ComplaintSchema,
  personalPaths,
  readComplaint,
  retentionState,
  retentionTermText,
  versionInForce,
} from '../../core/index.ts';
import {
  complaintText,
  makeComplaint,
  makeRegulation,
  makeRegulationSet,
  projectRegulations,
  SAMPLE_REGISTER,
} from '../builders.ts';

const set = makeRegulationSet({
  escalation: [{ name: 'Nationale ombudsman', when: 'Na de interne klachtbehandeling.' }],
});
const version = versionInForce(set, 'test', '2024-01-01')!;

/** A closed complaint with a value in every personal field, and something in each kept field. */
const FULL = {
  id: 'KL-2024-0001',
  received: '2024-03-01',
  dated: '2024-02-27',
  complainant: {
    name: 'Zeno Verzinsel',
    email: 'zeno.verzinsel@voorbeeld.example',
    phone: '06-00000999',
    address: 'Verzonnenstraat 1, Nergensdorp',
    representative: 'Mr. Fictief Advocaat',
  },
  handler: 'behandelaar-a',
  involved: ['medewerker-b'],
  category: 'bejegening',
  admissible: true,
  outcome: 'deels-gegrond',
  steps: {
    bevestiging: { on: '2024-03-05', note: 'Gebeld met Zeno op het privénummer' },
    opgelost: '2024-04-20',
    reactie: '2024-04-22',
  },
  extensions: [{ step: 'reactie', amount: 2, unit: 'weeks', reason: 'Zeno was op vakantie', notified: '2024-03-20' }],
  suspensions: [{ from: '2024-04-01', to: '2024-04-05', reason: 'wachten op stukken van Zeno', steps: ['reactie'] }],
  measures: [
    {
      kind: 'corrective',
      description: 'Excuses aan Zeno Verzinsel',
      owner: 'behandelaar-a',
      due: '2024-05-01',
      done: '2024-04-25',
      satisfied: false,
    },
    { kind: 'preventive', description: 'Training bejegening', due: '2024-09-01' },
  ],
  escalation: [
    { body: 'nationale ombudsman', on: '2024-06-01', outcome: 'ongegrond' },
    { body: 'De buurman van Zeno', on: '2024-06-02' },
  ],
  closed: '2024-05-10',
};

describe('retention term', () => {
  it('words the term in Dutch', () => {
    expect(retentionTermText({ amount: 2, unit: 'years' })).toBe('2 jaar na afsluiting');
    expect(retentionTermText({ amount: 1, unit: 'months' })).toBe('1 maand na afsluiting');
    expect(retentionTermText({ amount: 18, unit: 'months' })).toBe('18 maanden na afsluiting');
  });

  it('expires on the day the term has run, counted from closure', () => {
    const complaint = makeComplaint({ received: '2024-03-01', closed: '2024-05-10' });
    expect(retentionState(complaint, set, '2026-05-09')).toMatchObject({ state: 'kept', expires: '2026-05-10' });
    expect(retentionState(complaint, set, '2026-05-10')).toMatchObject({
      state: 'expired',
      expires: '2026-05-10',
      term: '2 jaar na afsluiting (test@1)',
    });
  });

  it('counts months and clamps a leap day', () => {
    const months = makeRegulationSet({ retention: { amount: 18, unit: 'months' } });
    expect(retentionState(makeComplaint({ received: '2024-01-02', closed: '2024-02-29' }), months, '2025-08-28')?.expires).toBe(
      '2025-08-29',
    );
    expect(retentionState(makeComplaint({ received: '2024-01-02', closed: '2024-02-29' }), set, '2026-03-01')?.expires).toBe(
      '2026-02-28',
    );
  });

  it('runs no term while a complaint is open, but flags one open longer than the term', () => {
    const open = makeComplaint({ received: '2024-03-01' });
    expect(retentionState(open, set, '2026-02-28')).toMatchObject({ state: 'open', expires: null, staleOpen: false });
    expect(retentionState(open, set, '2026-03-01')).toMatchObject({ state: 'open', staleOpen: true });
  });

  it('takes a shorter term from a later version, never a longer one', () => {
    const versions = (later: { amount: number; unit: string }) =>
      buildRegulationSet([
        { file: 'regulations/test/1.md', regulation: makeRegulation() },
        {
          file: 'regulations/test/2.md',
          regulation: makeRegulation({ version: '2', effective: '2025-01-01', retention: later }),
        },
      ]);
    const complaint = makeComplaint({ received: '2024-03-01', closed: '2024-05-10' });
    const shorter = versions({ amount: 6, unit: 'months' });
    expect(applicableTerm(shorter, complaint, '2026-01-01')?.version.key).toBe('test@2');
    expect(retentionState(complaint, shorter, '2026-01-01')).toMatchObject({ state: 'expired', expires: '2024-11-10' });
    const longer = versions({ amount: 5, unit: 'years' });
    expect(applicableTerm(longer, complaint, '2026-01-01')?.version.key).toBe('test@1');
  });

  it('sees an anonymised record as done, unless personal data came back', () => {
    const done = makeComplaint({
      ...FULL,
      complainant: undefined,
      dated: undefined,
      steps: {},
      extensions: [],
      suspensions: [],
      measures: [],
      // As retention writes them: a body the regulation does not name is 'overig', never the typed text.
      escalation: [
        { body: 'Nationale ombudsman', on: '2024-06-01', outcome: 'ongegrond' },
        { body: 'overig', on: '2024-06-02' },
      ],
      anonymised: { on: '2026-06-01', term: '2 jaar na afsluiting' },
    });
    expect(retentionState(done, set, '2026-11-22')?.state).toBe('anonymised');
    // A free-text escalation body ('De buurman van Zeno') may name someone: not anonymised (issue 14).
    const typedBody = makeComplaint({ ...done, complainant: undefined, escalation: FULL.escalation });
    expect(retentionState(typedBody, set, '2026-11-22')?.state).toBe('expired');
    const again = makeComplaint({ ...FULL, anonymised: { on: '2026-06-01', term: '2 jaar na afsluiting' } });
    expect(retentionState(again, set, '2026-11-22')?.state).toBe('expired');
  });
});

describe('anonymisedComplaint', () => {
  const complaint = makeComplaint(FULL);
  const note = { on: '2026-11-22', term: '2 jaar na afsluiting (test@1)' };
  const kept = anonymisedComplaint(complaint, version, note);
  const text = anonymisedFileText(kept, note);

  it('keeps no personal field, no staff login and no text', () => {
    for (const value of [
      'Zeno',
      'Verzinsel',
      'voorbeeld.example',
      '06-00000999',
      'Verzonnenstraat',
      'Fictief',
      'privénummer',
      'vakantie',
      'stukken',
      'Excuses',
      'Training',
      'buurman',
      'behandelaar-a',
      'medewerker-b',
      '2024-02-27',
    ]) {
      expect(text).not.toContain(value);
    }
    const read = readComplaint({ file: 'register/complaints/2024/KL-2024-0001.md', text }, set, '2026-11-22');
    expect(read.record).toBeDefined();
    expect(personalPaths(ComplaintSchema, read.record!.complaint)).toEqual([]);
    expect(read.record!.body).toBe('');
    expect(read.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  });

  it('keeps what the figures count: dates, terms, outcomes and the escalation bodies the regulation names', () => {
    expect(kept).toEqual({
      id: 'KL-2024-0001',
      organisation: 'test',
      received: '2024-03-01',
      channel: 'email',
      form: 'written',
      category: 'bejegening',
      admissible: true,
      outcome: 'deels-gegrond',
      steps: { bevestiging: '2024-03-05', opgelost: '2024-04-20', reactie: '2024-04-22' },
      extensions: [{ step: 'reactie', amount: 2, unit: 'weeks', notified: '2024-03-20' }],
      suspensions: [{ from: '2024-04-01', to: '2024-04-05', steps: ['reactie'] }],
      measures: [
        { kind: 'corrective', due: '2024-05-01', done: '2024-04-25', satisfied: false },
        { kind: 'preventive', due: '2024-09-01' },
      ],
      escalation: [
        { body: 'Nationale ombudsman', on: '2024-06-01', outcome: 'ongegrond' },
        { body: 'overig', on: '2024-06-02' },
      ],
      closed: '2024-05-10',
      anonymised: note,
    });
  });

  it('keeps assignmentEnded only where a deadline counts from it', () => {
    const withEnd = makeComplaint({ ...FULL, assignmentEnded: '2024-02-01' });
    expect(anonymisedComplaint(withEnd, version, note)).not.toHaveProperty('assignmentEnded');
    const counting = makeRegulation({
      steps: [
        ...makeRegulation().steps,
        { id: 'nazorg', title: 'Nazorg', actor: 'behandelaar', deadline: { amount: 4, unit: 'weeks', from: 'assignmentEnded' } },
      ],
    });
    expect(anonymisedComplaint(withEnd, { regulation: counting }, note)).toHaveProperty('assignmentEnded', '2024-02-01');
  });

  it('gives every sample complaint the same facts for the evaluation, on any day', () => {
    const regulations = projectRegulations();
    const dir = join(SAMPLE_REGISTER, 'complaints');
    const files = readdirSync(dir, { recursive: true })
      .map(String)
      .filter((f) => f.endsWith('.md'));
    expect(files.length).toBeGreaterThan(60);
    for (const name of files) {
      const file = `register/complaints/${name}`;
      const original = readComplaint({ file, text: readFileSync(join(dir, name), 'utf8') }, regulations, '2026-11-22').record!
        .complaint;
      const at = versionInForce(regulations, original.organisation, original.received)!;
      const anonymised = ComplaintSchema.parse(anonymisedComplaint(original, at, note));
      for (const asOf of [original.received, original.closed ?? '2026-11-22', '2026-11-22', '2030-01-01']) {
        expect(complaintFacts(anonymised, at, asOf), `${file} op ${asOf}`).toEqual(complaintFacts(original, at, asOf));
      }
    }
  });

  it('writes a file whose comment says when and under which term', () => {
    expect(text.split('\n')[1]).toBe(
      '# Bewaartermijn verstreken: op 2026-11-22 zijn volgens de termijn van 2 jaar na afsluiting (test@1) de gegevens van de klager, de klachttekst, notities, redenen en omschrijvingen verwijderd. Wat overblijft telt mee in de jaarlijkse evaluatie.',
    );
    expect(text.endsWith('---\n')).toBe(true);
  });

  it('lets check refuse an anonymised record that still holds personal data, at the field', () => {
    const leaky = complaintText({ ...FULL, anonymised: note });
    const diagnostics = readComplaint(
      { file: 'register/complaints/2024/KL-2024-0001.md', text: leaky },
      set,
      '2026-11-22',
    ).diagnostics;
    const anonymisedErrors = diagnostics.filter((d) => d.code === 'anonymised').map((d) => d.message);
    expect(anonymisedErrors).toEqual([
      expect.stringContaining('dated'),
      expect.stringContaining('complainant'),
      expect.stringContaining('steps.bevestiging.note'),
      expect.stringContaining('extensions.0.reason'),
      expect.stringContaining('suspensions.0.reason'),
      expect.stringContaining('measures.0.description'),
      expect.stringContaining('measures.1.description'),
      expect.stringContaining('klachttekst'),
    ]);
    for (const message of anonymisedErrors) expect(message).not.toContain('Zeno');
  });

  it('still requires a measure description while the record is not anonymised', () => {
    const text = complaintText({ measures: [{ kind: 'preventive', due: '2026-06-01' }] });
    const diagnostics = readComplaint({ file: 'register/complaints/2026/KL-2026-0001.md', text }, set, '2026-11-22').diagnostics;
    expect(diagnostics).toContainEqual(expect.objectContaining({ code: 'measure-description', line: 12 }));
  });
});
