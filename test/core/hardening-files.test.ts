// Issue 14, "nothing is silently lost": the core's part (the edit `klachten record` makes, locating findings).
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { readComplaint, readEvaluation, readRegulations, setStepInText } from '../../core/index.ts';
import { projectRegulations } from '../builders.ts';
import { createLocator, type LocateWork } from '../../core/register/locate.ts';
import { parseFrontMatterFile } from '../../core/register/parse-file.ts';

const FILE = 'register/complaints/2026/KL-2026-0001.md';

describe('setStepInText: only the bytes it means to change', () => {
  it('ends an added line as the file ends its lines', () => {
    const crlf = '---\r\nid: x\r\nsteps:\r\n  a: 2026-04-02\r\n---\r\nTekst\r\n';
    expect(setStepInText(crlf, FILE, 'b', { on: '2026-04-05' }).text).toBe(
      '---\r\nid: x\r\nsteps:\r\n  a: 2026-04-02\r\n  b: 2026-04-05\r\n---\r\nTekst\r\n',
    );
    expect(setStepInText('---\r\nid: x\r\nsteps:\r\nclosed: 2026-04-09\r\n---\r\n', FILE, 'b', { on: '2026-04-05' }).text).toBe(
      '---\r\nid: x\r\nsteps:\r\n  b: 2026-04-05\r\nclosed: 2026-04-09\r\n---\r\n',
    );
    expect(setStepInText('---\r\nid: x\r\n---\r\n', FILE, 'b', { on: '2026-04-05' }).text).toBe(
      '---\r\nid: x\r\nsteps:\r\n  b: 2026-04-05\r\n---\r\n',
    );
  });

  it('edits a flow map in place, keeping its quoting and key order', () => {
    const flow = `---\nsteps: { 'b': "2026-04-02", a: { on: '2026-04-01', note: "x: y" } } # commentaar\n---\n`;
    expect(setStepInText(flow, FILE, 'c', { on: '2026-04-03' }).text).toBe(
      `---\nsteps: { 'b': "2026-04-02", a: { on: '2026-04-01', note: "x: y" }, c: 2026-04-03 } # commentaar\n---\n`,
    );
    expect(setStepInText(flow, FILE, 'b', { on: '2026-04-04' }).text).toBe(
      `---\nsteps: { 'b': 2026-04-04, a: { on: '2026-04-01', note: "x: y" } } # commentaar\n---\n`,
    );
    expect(setStepInText('---\nsteps: {}\n---\n', FILE, 'a', { on: '2026-04-03' }).text).toBe(
      '---\nsteps: { a: 2026-04-03 }\n---\n',
    );
  });

  it('says whether the value it replaces had a note', () => {
    const text =
      '---\nsteps:\n  a: { on: 2026-04-01, note: "gebeld" }\n  b:\n    on: 2026-04-02\n    note: x\n  c: 2026-04-03\n---\n';
    expect(setStepInText(text, FILE, 'a', { on: '2026-04-05' }).hadNote).toBe(true);
    expect(setStepInText(text, FILE, 'b', { on: '2026-04-05' }).hadNote).toBe(true);
    expect(setStepInText(text, FILE, 'c', { on: '2026-04-05' }).hadNote).toBe(false);
    expect(setStepInText(text, FILE, 'd', { on: '2026-04-05' }).hadNote).toBe(false);
  });

  it('fills a step written without a value instead of adding it twice', () => {
    expect(setStepInText('---\nsteps:\n  a:\n  b: 2026-04-02\n---\n', FILE, 'a', { on: '2026-04-01' }).text).toBe(
      '---\nsteps:\n  a: 2026-04-01\n  b: 2026-04-02\n---\n',
    );
  });
});

describe('locating findings: linear in the size of the file', () => {
  const N = 20_000;

  it('parses the YAML once and looks at each key a bounded number of times, for 20,000 unknown fields', () => {
    const yaml = `id: KL-2026-0001\n${Array.from({ length: N }, (_, i) => `k${i}: 1\n`).join('')}`;
    const work: LocateWork = { parses: 0, pairs: 0 };
    const locate = createLocator(yaml, 2, work);
    for (let i = 0; i < N; i++) expect(locate([`k${i}`], true)).toEqual({ line: 3 + i, column: 1 });
    expect(work.parses).toBe(1);
    expect(work.pairs).toBeLessThanOrEqual(4 * (N + 1));
  });

  it('does the same for 20,000 steps', () => {
    const yaml = `steps:\n${Array.from({ length: N }, (_, i) => `  s${i}: 2026-03-01\n`).join('')}`;
    const work: LocateWork = { parses: 0, pairs: 0 };
    const locate = createLocator(yaml, 2, work);
    for (let i = N - 1; i >= 0; i--) expect(locate(['steps', `s${i}`], true)).toEqual({ line: 3 + i, column: 3 });
    expect(work.parses).toBe(1);
    expect(work.pairs).toBeLessThanOrEqual(4 * (N + 1));
  });

  it('reports every one of 20,000 unknown fields of one file, each on its own line', () => {
    const text = `---\nid: KL-2026-0001\n${Array.from({ length: N }, (_, i) => `k${i}: 1\n`).join('')}---\n`;
    const result = parseFrontMatterFile(FILE, text, z.strictObject({ id: z.string() }));
    const unknown = result.diagnostics.filter((d) => d.code === 'unknown-field');
    expect(unknown).toHaveLength(N);
    expect(unknown[N - 1]).toMatchObject({ line: N + 2, column: 1 });
  });
});

describe('a file the adapter could not read as text', () => {
  it('is one finding with the problem code and line, for complaints, regulations and evaluations alike', () => {
    const problem = {
      code: 'encoding',
      message: 'geen geldige UTF-8-tekst op deze regel; sla het bestand op als UTF-8',
      line: 7,
    } as const;
    const regulations = projectRegulations();
    expect(readComplaint({ file: FILE, text: '', problem }, regulations, '2026-11-21').diagnostics).toEqual([
      { severity: 'error', code: 'encoding', file: FILE, line: 7, column: 1, message: problem.message },
    ]);
    const unreadable = { code: 'unreadable', message: 'niet te lezen: geen leesrechten' } as const;
    expect(
      readEvaluation({ file: 'register/evaluations/pit/2025.md', text: '', problem: unreadable }, regulations).diagnostics,
    ).toMatchObject([{ code: 'unreadable', line: 1, column: 1 }]);
    expect(readRegulations([{ file: 'regulations/pit/2024-02-01.md', text: '', problem: unreadable }]).diagnostics).toMatchObject(
      [{ code: 'unreadable', file: 'regulations/pit/2024-02-01.md', line: 1 }],
    );
  });
});
