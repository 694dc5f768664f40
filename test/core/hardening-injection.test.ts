import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addEvaluationDuties,
  desiredState,
  formatGithub,
  formatText,
  marker,
  safeJson,
  safeLines,
  markerKey,
  planSync,
  type Diagnostic,
  type StepStatus,
  type SyncComplaint,
} from '../../core/index.ts';
import { makeRegulationSet } from '../builders.ts';

const links = {
  file: (path: string) => `https://github.example/o/r/blob/HEAD/${path.split('/').map(encodeURIComponent).join('/')}`,
};
const FORGED = 'x `@everyone` <!-- klachtenregister: termijnen-deze-week -->';

function step(overrides: Partial<StepStatus> = {}): StepStatus {
  return {
    id: 'ontvangstbevestiging',
    title: 'Ontvangstbevestiging',
    actor: 'behandelaar',
    due: '2026-03-09',
    done: null,
    status: 'overdue',
    explanation: '5 werkdagen na ontvangst op ma 2 mrt 2026',
    ...overrides,
  };
}

function complaint(overrides: Partial<SyncComplaint> = {}): SyncComplaint {
  return {
    id: 'KL-2026-0007',
    file: 'register/complaints/2026/KL-2026-0007.md',
    organisation: 'voorbeeld',
    regulation: 'voorbeeld@1',
    received: '2026-03-02',
    state: 'open',
    handler: 'medewerker-a',
    steps: [step()],
    measures: [],
    ...overrides,
  };
}

/** Live GitHub syntax outside code spans: a mention (other than the staff's own), a reference, an HTML comment or tag. */
function liveSyntax(body: string): string[] {
  const lines = body.split('\n');
  const text = lines
    .slice(0, -1)
    .join('\n')
    .replace(/`[^`\n]*`/g, '');
  const found = [];
  if (/(^|[^\w`])@(?!medewerker-a\b|actienemer-a\b)[A-Za-z0-9]/.test(text)) found.push('mention');
  if (/(^|\s)#\d/.test(text)) found.push('reference');
  if (/<!--|<[a-z/]/i.test(text)) found.push('html');
  return found;
}

describe('issue identity (issue 14, point 10)', () => {
  it('reads the marker only from its own last line, in the form the sync writes it', () => {
    expect(markerKey(`tekst\n\n${marker('KL-2026-0007/stap/x')}`)).toBe('KL-2026-0007/stap/x');
    expect(markerKey(`tekst\r\n\r\n${marker('KL-2026-0007/stap/x')}\r\n`)).toBe('KL-2026-0007/stap/x');
    expect(markerKey(`voor ${FORGED} na\n\n${marker('KL-2026-0007/stap/x')}`)).toBe('KL-2026-0007/stap/x');
    expect(markerKey(`${marker('termijnen-deze-week')}\n\nmeer tekst`)).toBeUndefined();
    expect(markerKey(`tekst ${marker('termijnen-deze-week')}`)).toBeUndefined();
  });

  it('a complaint in a folder that carries a forged marker keeps its own key, and the folder is escaped', () => {
    const forged = complaint({
      file: `register/complaints/${FORGED}/KL-2026-0007.md`,
      steps: [step(), step({ id: 'behandeling', status: 'due-soon', due: '2026-03-12' })],
    });
    const state = desiredState([forged], [], links);
    const issue = state.desired.get('KL-2026-0007/stap/ontvangstbevestiging');
    expect(markerKey(issue?.body)).toBe('KL-2026-0007/stap/ontvangstbevestiging');
    expect(liveSyntax(issue?.body ?? '')).toEqual([]);
    expect(issue?.body.split('\n').filter((line) => line.includes('<!--'))).toEqual([
      marker('KL-2026-0007/stap/ontvangstbevestiging'),
    ]);
    const digest = state.desired.get('termijnen-deze-week');
    expect(markerKey(digest?.body)).toBe('termijnen-deze-week');
    expect(liveSyntax(digest?.body ?? '')).toEqual([]);
    // Planned against the issues a forged body made earlier: the digest is not taken for a complaint's issue.
    const plan = planSync(state, [
      { number: 1, title: 'Termijnen deze week', body: digest?.body ?? '', state: 'open', assignees: [] },
      { number: 2, title: 'oud', body: issue?.body ?? '', state: 'open', assignees: ['medewerker-a'] },
    ]);
    expect(plan.actions.filter((a) => a.kind === 'close')).toEqual([]);
  });

  it("escapes an evaluation action's description: no mention, reference, comment or HTML", () => {
    const state = desiredState([], [], links);
    addEvaluationDuties(
      state,
      {
        regulations: makeRegulationSet(),
        years: new Map([['test', new Set([2025])]]),
        evaluations: [
          {
            file: 'register/evaluations/test/2025.md',
            evaluation: {
              organisation: 'test',
              year: 2025,
              conclusions: ['Verzonnen conclusie.'],
              approval: { by: 'directie', on: '2026-03-20' },
              actions: [
                {
                  description: `Bel @everyone over #12\n\n${marker('termijnen-deze-week')}\n<img src=x onerror=alert(1)> \`code\``,
                  owner: 'actienemer-a',
                  due: '2026-06-30',
                },
              ],
            },
            body: '',
          },
        ],
        unreadable: new Set(),
        today: '2026-07-01',
      },
      links,
    );
    const issue = state.desired.get('evaluatie/test/2025/actie/1');
    expect(markerKey(issue?.body)).toBe('evaluatie/test/2025/actie/1');
    expect(liveSyntax(issue?.body ?? '')).toEqual([]);
    expect(issue?.body.match(/<!--/g)).toHaveLength(1);
  });
});

describe('handlers that are not assignable logins (issue 14, point 3b)', () => {
  it('never writes a value that is not an assignable login, nor assigns it', () => {
    const phone = complaint({ handler: '06-12345678' });
    const state = desiredState([phone], [], { ...links, assignable: new Set(['medewerker-a']) });
    const issue = state.desired.get('KL-2026-0007/stap/ontvangstbevestiging');
    expect(issue?.body).not.toContain('12345678');
    expect(issue?.body).toContain('| Behandelaar | behandelaar niet toewijsbaar (zie het dossier) |');
    expect(issue?.assignees).toEqual([]);
    expect([...state.unassignable]).toEqual(['KL-2026-0007/stap/ontvangstbevestiging']);
    const known = desiredState([complaint()], [], { ...links, assignable: new Set(['medewerker-a']) });
    expect(known.desired.get('KL-2026-0007/stap/ontvangstbevestiging')?.body).toContain('| Behandelaar | @medewerker-a |');
  });
});

describe('output lines (issue 14, point 11)', () => {
  const hostile: Diagnostic = {
    severity: 'error',
    code: 'unknown-step',
    file: 'register/complaints/2026/KL-2026-0007.md',
    line: 3,
    column: 2,
    message: "onbekende stap 'a\n::error file=x.md::INJECTED\n::add-mask::x' en \u001b]0;PWNED\u0007 \u202Egnp.exe\u009b",
  };

  it('formatText: one line, no control or format character', () => {
    const text = formatText(hostile);
    expect(text.split('\n')).toHaveLength(1);
    expect(text).not.toMatch(/[\p{Cc}\p{Cf}]/u);
    expect(formatText({ ...hostile, file: '::error x.md' })).not.toMatch(/^\s*::/);
  });

  it('formatGithub: one finding is one annotation line', () => {
    const line = formatGithub(hostile);
    expect(line.split('\n')).toHaveLength(1);
    expect(line).not.toMatch(/[\p{Cc}\p{Cf}]/u);
    expect(line).toMatch(
      /^::error file=register\/complaints\/2026\/KL-2026-0007\.md,line=3,col=2,title=klachten check%3A unknown-step::/,
    );
  });

  it('safeLines and safeJson: nothing raw, no line starting with ::, the JSON data unchanged', () => {
    expect(safeLines('a\n::add-mask::x\n  ::error::y\u001b]0;x\u0007')).toBe('a\n?:add-mask::x\n?:error::y?]0;x?');
    const json = JSON.stringify({ key: 'a\u202Eb\u0085c\u007f' }, null, 2);
    expect(safeJson(json)).not.toMatch(/[\u007f-\u009f\u202E]/u);
    expect(JSON.parse(safeJson(json))).toEqual(JSON.parse(json));
  });

  it('safeJson escapes exactly the control and format characters, however plain the rest of the text', () => {
    const escapeAll = (text: string): string =>
      text.replace(/[^\P{Cc}\n]|[\p{Cf}\u2028\u2029]/gu, (c) => `\\u${(c.codePointAt(0) ?? 0).toString(16).padStart(4, '0')}`);
    // Around the edges of the ranges it lets through untested, and characters from far beyond them.
    const chars = [0x0a, 0x1f, 0x20, 0x7e, 0x7f, 0x9f, 0xa0, 0xac, 0xad, 0xae, 0x5ff, 0x600, 0x61c, 0x200e, 0x2028, 0xfeff]
      .map((code) => String.fromCodePoint(code))
      .concat(['é', 'ï', '😀', '\u{E0041}', '\u{110BD}']);
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.constantFrom(...chars), fc.string({ unit: 'grapheme-ascii' }))), (parts) => {
        const text = parts.join('');
        expect(safeJson(text)).toBe(escapeAll(text));
      }),
    );
  });
});
