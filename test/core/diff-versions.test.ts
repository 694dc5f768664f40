import { describe, expect, it } from 'vitest';
import { diffVersions, mergeOwnChanges, readVersion, type ComplaintVersion } from '../../core/index.ts';
import { complaintText } from '../builders.ts';

const FILE = 'register/complaints/2026/KL-2026-0001.md';
const BODY = 'Verzonnen klachttekst.\n';

/** A readable version of a complaint file built from {@link complaintText}. */
function version(overrides: Record<string, unknown> = {}, body = BODY): ComplaintVersion {
  const text = complaintText(overrides, body);
  const read = readVersion(text, FILE, text.length);
  if (read === undefined) throw new Error(`unreadable test version:\n${text}`);
  return read;
}

/** The changes as `field change` lines, values left out. */
function summary(before: ComplaintVersion | undefined, after: ComplaintVersion): string[] {
  return diffVersions(before, after).map((c) => `${c.field} ${c.change}${c.hidden ? ` (${c.hidden})` : ''}`);
}

describe('readVersion', () => {
  it('reads the front matter, the body and where the personal data is, without validating', () => {
    const read = version({ received: 'not a date', geheim: 'x' });
    expect(read.data).toMatchObject({ id: 'KL-2026-0001', received: 'not a date', geheim: 'x' });
    expect(read.body).toBe(BODY);
    expect(read.personal).toEqual([['complainant']]);
  });

  it('keeps dates as text', () => {
    expect(version({ steps: { ontvangst: '2026-04-02' } }).data.steps).toEqual({ ontvangst: '2026-04-02' });
  });

  it.each([
    ['no front matter', 'id: KL-2026-0001\n'],
    ['front matter that is not closed', '---\nid: KL-2026-0001\n'],
    ['broken YAML', '---\nid: [\n---\n'],
    ['a list instead of fields', '---\n- id\n---\n'],
    ['empty front matter', '---\n---\nTekst\n'],
    ['an alias', '---\nid: &a KL-2026-0001\nhandler: *a\n---\n'],
    ['a custom tag', '---\nid: !!js/undefined x\n---\n'],
    ['JavaScript front matter', '---js\n{ id: "KL-2026-0001" }\n---\n'],
    ['nesting deeper than the register reads', `---\nid: ${'['.repeat(30)}${']'.repeat(30)}\n---\n`],
  ])('returns undefined for %s', (_, text) => {
    expect(readVersion(text, FILE, text.length)).toBeUndefined();
  });

  it('returns undefined for a file larger than the register reads', () => {
    expect(readVersion('---\nid: KL-2026-0001\n---\n', FILE, 10 * 1024 * 1024)).toBeUndefined();
  });

  it('reads the JSDoc example', () => {
    expect(readVersion('---\nid: KL-2026-0001\n---\nTekst\n', 'KL-2026-0001.md', 32)?.data).toEqual({ id: 'KL-2026-0001' });
  });
});

describe('diffVersions', () => {
  it('lists every field of the first version as added, in file order, the body last as tekst', () => {
    expect(diffVersions(undefined, version({ involved: ['medewerker-b'] }))).toEqual([
      { field: 'id', change: 'added', hidden: undefined, to: 'KL-2026-0001' },
      { field: 'organisation', change: 'added', hidden: undefined, to: 'test' },
      { field: 'received', change: 'added', hidden: undefined, to: '2026-04-01' },
      { field: 'channel', change: 'added', hidden: undefined, to: 'email' },
      { field: 'form', change: 'added', hidden: undefined, to: 'written' },
      { field: 'complainant.name', change: 'added', hidden: 'personal' },
      { field: 'complainant.email', change: 'added', hidden: 'personal' },
      { field: 'handler', change: 'added', hidden: undefined, to: 'behandelaar-a' },
      { field: 'involved.0', change: 'added', hidden: undefined, to: 'medewerker-b' },
      { field: 'tekst', change: 'added', hidden: 'personal' },
    ]);
  });

  it('finds nothing between equal versions', () => {
    const fields = { steps: { ontvangst: '2026-04-01' }, involved: [], measures: [{ kind: 'corrective', due: '2026-05-01' }] };
    expect(diffVersions(version(fields), version(fields))).toEqual([]);
  });

  it('shows added, changed and removed fields with their values', () => {
    expect(
      diffVersions(version({ category: 'bejegening' }), version({ handler: 'behandelaar-b', closed: '2026-05-01' })),
    ).toEqual([
      { field: 'handler', change: 'changed', hidden: undefined, from: 'behandelaar-a', to: 'behandelaar-b' },
      { field: 'closed', change: 'added', hidden: undefined, to: '2026-05-01' },
      { field: 'category', change: 'removed', hidden: undefined, from: 'bejegening' },
    ]);
  });

  it('places a new field after the field before it in the new version', () => {
    const before = version({ steps: { ontvangst: '2026-04-01', reactie: '2026-04-20' } });
    const after = version({ steps: { ontvangst: '2026-04-01', bevestiging: '2026-04-03', reactie: '2026-04-20' } });
    expect(summary(before, after)).toEqual(['steps.bevestiging added']);
    expect(diffVersions(before, after)[0]).toMatchObject({ to: '2026-04-03' });
  });

  it('names nested fields by dotted path: steps and measures', () => {
    const measure = { kind: 'corrective', owner: 'directie-a', due: '2026-05-01' };
    const before = version({ steps: { ontvangst: '2026-04-01' }, measures: [measure] });
    const after = version({ steps: { ontvangst: '2026-04-02' }, measures: [{ ...measure, done: '2026-04-30' }] });
    expect(diffVersions(before, after)).toEqual([
      { field: 'steps.ontvangst', change: 'changed', hidden: undefined, from: '2026-04-01', to: '2026-04-02' },
      { field: 'measures.0.done', change: 'added', hidden: undefined, to: '2026-04-30' },
    ]);
  });

  it('matches the JSDoc example', () => {
    const at = (yaml: string) => readVersion(`---\n${yaml}---\n`, 'KL-2026-0001.md', 100)!;
    expect(diffVersions(at('steps:\n  ontvangst: 2026-01-13\n'), at('steps:\n  ontvangst: 2026-01-14\n'))).toEqual([
      { field: 'steps.ontvangst', change: 'changed', hidden: undefined, from: '2026-01-13', to: '2026-01-14' },
    ]);
  });

  describe('personal data', () => {
    it('hides the complainant, whether added, changed or removed', () => {
      const before = version({ complainant: { name: 'Test Verzonnen', email: 'oud@voorbeeld.example' } });
      const after = version({ complainant: { email: 'nieuw@voorbeeld.example', phone: '0600000000' } });
      expect(diffVersions(before, after)).toEqual([
        { field: 'complainant.name', change: 'removed', hidden: 'personal' },
        { field: 'complainant.email', change: 'changed', hidden: 'personal' },
        { field: 'complainant.phone', change: 'added', hidden: 'personal' },
      ]);
    });

    it('hides a step note, but shows the step date beside it', () => {
      const before = version({ steps: { ontvangst: '2026-04-01' } });
      const after = version({ steps: { ontvangst: { on: '2026-04-02', note: 'telefonisch' } } });
      expect(diffVersions(before, after)).toEqual([
        { field: 'steps.ontvangst.on', change: 'added', hidden: undefined, to: '2026-04-02' },
        { field: 'steps.ontvangst.note', change: 'added', hidden: 'personal' },
        { field: 'steps.ontvangst', change: 'removed', hidden: undefined, from: '2026-04-01' },
      ]);
      const edited = version({ steps: { ontvangst: { on: '2026-04-02', note: 'per brief' } } });
      expect(summary(after, edited)).toEqual(['steps.ontvangst.note changed (personal)']);
    });

    it('hides a measure description, the letter date and reasons', () => {
      const before = version({ measures: [{ kind: 'corrective', description: 'Oud' }] });
      const after = version({
        dated: '2026-03-30',
        extensions: [{ step: 'reactie', amount: 2, unit: 'weeks', reason: 'gemiste afspraak' }],
        measures: [{ kind: 'corrective', description: 'Nieuw' }],
      });
      expect(diffVersions(before, after)).toEqual([
        { field: 'dated', change: 'added', hidden: 'personal' },
        { field: 'extensions.0.step', change: 'added', hidden: undefined, to: 'reactie' },
        { field: 'extensions.0.amount', change: 'added', hidden: undefined, to: 2 },
        { field: 'extensions.0.unit', change: 'added', hidden: undefined, to: 'weeks' },
        { field: 'extensions.0.reason', change: 'added', hidden: 'personal' },
        { field: 'measures.0.description', change: 'changed', hidden: 'personal' },
      ]);
    });

    it('hides a personal field that holds a value where the schema expects fields', () => {
      const before = version({ complainant: 'Test Verzonnen' });
      const after = version({ complainant: 'Ander' });
      expect(summary(before, after)).toEqual(['complainant changed (personal)']);
    });

    it('shows the body only as tekst: added, changed, removed, never its words', () => {
      const empty = version({}, '\n');
      const first = version({}, 'Eerste tekst.\n');
      const second = version({}, 'Tweede tekst.\n');
      expect(diffVersions(empty, first)).toEqual([{ field: 'tekst', change: 'added', hidden: 'personal' }]);
      expect(diffVersions(first, second)).toEqual([{ field: 'tekst', change: 'changed', hidden: 'personal' }]);
      expect(diffVersions(second, empty)).toEqual([{ field: 'tekst', change: 'removed', hidden: 'personal' }]);
      expect(diffVersions(first, version({}, 'Eerste tekst.\n'))).toEqual([]);
    });
  });

  describe('fields the schema does not know', () => {
    it('hides their values at any depth, under the unknown field itself', () => {
      const before = version({ geheim: 'oud', escalation: { body: 'Ombudsman', on: '2026-05-01' } });
      const after = version({
        geheim: 'nieuw',
        extra: { a: 1 },
        escalation: { body: 'Ombudsman', on: '2026-05-01', dossier: 'X-1' },
        steps: { ontvangst: { on: '2026-04-01', door: 'Iemand' } },
        measures: [{ kind: 'corrective', bijlage: 'brief.pdf' }],
      });
      expect(diffVersions(before, after)).toEqual([
        { field: 'geheim', change: 'changed', hidden: 'unknown' },
        { field: 'extra.a', change: 'added', hidden: 'unknown' },
        { field: 'escalation.dossier', change: 'added', hidden: 'unknown' },
        { field: 'steps.ontvangst.on', change: 'added', hidden: undefined, to: '2026-04-01' },
        { field: 'steps.ontvangst.door', change: 'added', hidden: 'unknown' },
        { field: 'measures.0.kind', change: 'added', hidden: undefined, to: 'corrective' },
        { field: 'measures.0.bijlage', change: 'added', hidden: 'unknown' },
      ]);
    });

    it('shows any step name, since steps are named by the regulation', () => {
      expect(diffVersions(version(), version({ steps: { 'eigen-stap': '2026-04-03' } }))).toEqual([
        { field: 'steps.eigen-stap', change: 'added', hidden: undefined, to: '2026-04-03' },
      ]);
    });

    it('hides a removed unknown field too', () => {
      expect(summary(version({ geheim: 'x' }), version())).toEqual(['geheim removed (unknown)']);
    });
  });

  describe('lists', () => {
    it('shows items added at the end of a growing list', () => {
      expect(diffVersions(version({ involved: ['a-b'] }), version({ involved: ['a-b', 'c-d'] }))).toEqual([
        { field: 'involved.1', change: 'added', hidden: undefined, to: 'c-d' },
      ]);
    });

    it('shows the fields of items gone from a shrinking list', () => {
      const one = { kind: 'corrective', description: 'Eén', owner: 'directie-a' };
      const two = { kind: 'preventive', description: 'Twee', owner: 'directie-b' };
      expect(diffVersions(version({ measures: [one, two] }), version({ measures: [two] }))).toEqual([
        { field: 'measures.0.kind', change: 'changed', hidden: undefined, from: 'corrective', to: 'preventive' },
        { field: 'measures.0.description', change: 'changed', hidden: 'personal' },
        { field: 'measures.0.owner', change: 'changed', hidden: undefined, from: 'directie-a', to: 'directie-b' },
        { field: 'measures.1.kind', change: 'removed', hidden: undefined, from: 'preventive' },
        { field: 'measures.1.description', change: 'removed', hidden: 'personal' },
        { field: 'measures.1.owner', change: 'removed', hidden: undefined, from: 'directie-b' },
      ]);
    });

    it('counts an empty list as a value of its own; what replaces a field comes before its removal', () => {
      expect(diffVersions(version({ involved: [] }), version({ involved: ['a-b'] }))).toEqual([
        { field: 'involved.0', change: 'added', hidden: undefined, to: 'a-b' },
        { field: 'involved', change: 'removed', hidden: undefined, from: [] },
      ]);
      // A list where the schema wants steps by id is a mistyped value: that it changed is shown, not the value.
      expect(summary(version({ steps: {} }), version({ steps: [] }))).toEqual(['steps changed (invalid)']);
      expect(summary(version({ steps: {} }), version({ steps: {} }))).toEqual([]);
    });
  });

  it('compares with nothing for a deleted file: every field removed', () => {
    const nothing: ComplaintVersion = { data: {}, body: '', personal: [] };
    expect(summary(version(), nothing)).toEqual([
      'id removed',
      'organisation removed',
      'received removed',
      'channel removed',
      'form removed',
      'complainant.name removed (personal)',
      'complainant.email removed (personal)',
      'handler removed',
      'tekst removed (personal)',
    ]);
  });

  it('does not change its inputs', () => {
    const before = version({ involved: ['a-b'] });
    const after = version({ involved: ['a-b', 'c-d'] });
    const copies = structuredClone([before, after]);
    diffVersions(before, after);
    expect([before, after]).toEqual(copies);
  });
});

describe('mergeOwnChanges', () => {
  const main = version({ handler: 'behandelaar-a', category: 'bejegening' });
  const branch = version({ handler: 'behandelaar-b', category: 'bejegening' }, 'Tekst van de zijtak.\n');

  it('drops what the merge took from another parent, keeps what it chose itself', () => {
    const merged = version({ handler: 'behandelaar-b', category: 'communicatie' }, 'Tekst van de zijtak.\n');
    const changes = diffVersions(main, merged);
    expect(changes.map((c) => c.field)).toEqual(['handler', 'category', 'tekst']);
    expect(mergeOwnChanges(changes, merged, [branch])).toEqual([
      { field: 'category', change: 'changed', hidden: undefined, from: 'bejegening', to: 'communicatie' },
    ]);
  });

  it('keeps a body that differs from every other parent, and a field no other parent has', () => {
    const merged = version({ handler: 'behandelaar-b', category: 'bejegening', closed: '2026-06-01' }, 'Samengevoegd.\n');
    expect(mergeOwnChanges(diffVersions(main, merged), merged, [branch]).map((c) => c.field)).toEqual(['closed', 'tekst']);
  });

  it('keeps a removal that no other parent made', () => {
    const merged = version({ handler: 'behandelaar-b', category: undefined }, 'Tekst van de zijtak.\n');
    expect(mergeOwnChanges(diffVersions(main, merged), merged, [branch])).toEqual([
      { field: 'category', change: 'removed', hidden: undefined, from: 'bejegening' },
    ]);
  });

  it('keeps every change when there are no other parents to compare with', () => {
    const changes = diffVersions(main, branch);
    expect(mergeOwnChanges(changes, branch, [])).toEqual(changes);
  });
});
