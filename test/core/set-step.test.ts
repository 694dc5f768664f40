import { describe, expect, it } from 'vitest';
import { ComplaintSchema, setStepInText, stripPersonal } from '../../core/index.ts';
import { makeComplaint } from '../builders.ts';

const FILE = 'register/complaints/2026/KL-2026-0001.md';
const TEXT = `---
# Verzonnen voorbeeld
id: KL-2026-0001
organisation: test   # staat in regulations/
received: 2026-04-01
steps: # gedane stappen
  bevestiging: 2026-04-02 # per e-mail
  reactie:
    on: 2026-04-20
    note: "telefonisch toegelicht"
closed: 2026-04-21
---
De tekst blijft   precies zoals hij was.
---
Ook na een tweede streepjeslijn.
`;

describe('setStepInText', () => {
  it('adds a step on its own line and changes nothing else', () => {
    const { text, previous } = setStepInText(TEXT, FILE, 'opgelost', { on: '2026-04-21' });
    expect(previous).toBeUndefined();
    expect(text).toBe(
      TEXT.replace('    note: "telefonisch toegelicht"\n', '    note: "telefonisch toegelicht"\n  opgelost: 2026-04-21\n'),
    );
  });

  it('replaces an existing step, keeping its comment', () => {
    const { text, previous } = setStepInText(TEXT, FILE, 'bevestiging', { on: '2026-04-03', note: 'per post' });
    expect(previous).toBe('2026-04-02');
    expect(text).toBe(
      TEXT.replace('bevestiging: 2026-04-02 # per e-mail', 'bevestiging: { on: 2026-04-03, note: "per post" } # per e-mail'),
    );
  });

  it('replaces a step written as a block', () => {
    const { text } = setStepInText(TEXT, FILE, 'reactie', { on: '2026-04-19' });
    expect(text).toContain('  reactie: 2026-04-19\nclosed: 2026-04-21\n');
    expect(text.endsWith('---\nDe tekst blijft   precies zoals hij was.\n---\nOok na een tweede streepjeslijn.\n')).toBe(true);
  });

  it('creates steps when the file has none', () => {
    const bare = '---\nid: KL-2026-0001 # nummer\n---\nTekst\n';
    expect(setStepInText(bare, FILE, 'bevestiging', { on: '2026-04-02' }).text).toBe(
      '---\nid: KL-2026-0001 # nummer\nsteps:\n  bevestiging: 2026-04-02\n---\nTekst\n',
    );
  });

  it('fills an empty steps key and a flow map', () => {
    expect(setStepInText('---\nid: x\nsteps:\nclosed: 2026-04-02\n---\n', FILE, 'a', { on: '2026-04-02' }).text).toBe(
      '---\nid: x\nsteps:\n  a: 2026-04-02\nclosed: 2026-04-02\n---\n',
    );
    expect(setStepInText('---\nsteps: { a: 2026-04-02 }\n---\n', FILE, 'b', { on: '2026-04-03' }).text).toBe(
      '---\nsteps: { a: 2026-04-02, b: 2026-04-03 }\n---\n',
    );
  });

  it('keeps Windows line endings and a byte-order mark outside the edit', () => {
    const crlf = '\uFEFF---\r\nid: x\r\nsteps:\r\n  a: 2026-04-02\r\n---\r\nTekst\r\n';
    const { text } = setStepInText(crlf, FILE, 'a', { on: '2026-04-05' });
    expect(text).toBe('\uFEFF---\r\nid: x\r\nsteps:\r\n  a: 2026-04-05\r\n---\r\nTekst\r\n');
  });
});

describe('stripPersonal', () => {
  it('removes every field marked as personal data, without changing the input', () => {
    const complaint = makeComplaint({
      steps: { bevestiging: { on: '2026-04-02', note: 'gebeld met de klager' } },
      extensions: [{ step: 'reactie', amount: 1, unit: 'weeks', reason: 'ziekte klager', notified: '2026-04-20' }],
      suspensions: [{ from: '2026-04-03', to: '2026-04-04', reason: 'stukken klager' }],
      measures: [{ kind: 'corrective', description: 'excuses aan de klager', owner: 'behandelaar-a' }],
    });
    const stripped = stripPersonal(ComplaintSchema, complaint);
    expect(stripped.complainant).toBeUndefined();
    expect(stripped.steps).toEqual({ bevestiging: { on: '2026-04-02' } });
    expect(stripped.extensions[0]).toEqual({ step: 'reactie', amount: 1, unit: 'weeks', notified: '2026-04-20' });
    expect(stripped.suspensions[0]).toEqual({ from: '2026-04-03', to: '2026-04-04' });
    expect(stripped.measures[0]).toEqual({ kind: 'corrective', owner: 'behandelaar-a' });
    expect(JSON.stringify(stripped)).not.toMatch(/klager|Verzonnen|voorbeeld\.example/);
    expect(complaint.complainant?.name).toBe('Test Verzonnen');
  });
});
