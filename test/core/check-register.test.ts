import { describe, expect, it } from 'vitest';
import type { Diagnostic, SourceFile } from '../../core/index.ts';
import { checkSources, complaintText, makeRegulationSet } from '../builders.ts';

const regulations = makeRegulationSet();
const TODAY = '2026-06-01';

function check(...sources: SourceFile[]): Diagnostic[] {
  return checkSources(sources, regulations, TODAY).diagnostics;
}

function file(id: string, text: string): SourceFile {
  return { file: `register/complaints/2026/${id}.md`, text };
}

const valid = file('KL-2026-0002', complaintText({ id: 'KL-2026-0002' }));

function only(diagnostics: Diagnostic[]): Diagnostic {
  expect(diagnostics).toHaveLength(1);
  return diagnostics[0]!;
}

describe('bad input', () => {
  it('accepts a valid file', () => {
    expect(check(valid)).toEqual([]);
  });

  it('reports invalid YAML with its line, and still checks the other files', () => {
    const broken = file('KL-2026-0001', '---\nid: KL-2026-0001\nreceived: [2026-04-01\nchannel: email\n---\n');
    const invalid = { ...file('KL-2026-0003', complaintText({ id: 'KL-2026-0003', channel: 'fax' })) };
    const diagnostics = check(broken, valid, invalid);
    expect(diagnostics.map((d) => `${d.file}:${d.line}: ${d.code}`)).toEqual([
      'register/complaints/2026/KL-2026-0001.md:4: yaml',
      'register/complaints/2026/KL-2026-0003.md:5: schema',
    ]);
    // 'fax' is close to no channel, so it is not repeated: only a value close to a known code word is.
    expect(diagnostics[1]!.message).toBe(
      'channel: deze waarde is niet toegestaan; kies uit email, post, in-person, phone, web-form',
    );
  });

  it.each(['js', 'javascript', 'coffee'])('refuses ---%s front matter without evaluating it', (language) => {
    const globals = globalThis as { pwned?: boolean };
    const text = `---${language}\n{ id: (globalThis.pwned = true, 'KL-2026-0001') }\n---\n`;
    const d = only(check(file('KL-2026-0001', text)));
    expect(d).toMatchObject({ code: 'front-matter-language', line: 1 });
    expect(d.message).toContain('nooit uitgevoerd');
    expect(globals.pwned).toBeUndefined();
  });

  it('refuses aliases, so an alias bomb cannot expand', () => {
    const bomb = [
      '---',
      'a: &a ["x","x","x","x","x","x","x","x","x"]',
      'b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]',
      'c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]',
      'd: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]',
      '---',
      '',
    ].join('\n');
    const d = only(check(file('KL-2026-0001', bomb)));
    expect(d).toMatchObject({ code: 'yaml', line: 3 });
    expect(d.message).toContain('ankers en aliassen');
  });

  it('refuses YAML tags', () => {
    const d = only(check(file('KL-2026-0001', '---\nid: !!js/function "function () {}"\n---\n')));
    expect(d).toMatchObject({ code: 'yaml', line: 2 });
  });

  it('refuses oversized files without parsing them', () => {
    const d = only(check({ file: 'register/complaints/2026/KL-2026-0001.md', text: '', size: 5_000_000 }));
    expect(d.code).toBe('too-large');
    const big = only(check(file('KL-2026-0001', `---\nid: KL-2026-0001\n---\n${'x'.repeat(300_000)}`)));
    expect(big.code).toBe('too-large');
  });

  it('refuses impossible dates, at their line', () => {
    const d = only(check(file('KL-2026-0001', complaintText({ received: '2026-02-30' }))));
    expect(d).toMatchObject({
      code: 'schema',
      line: 4,
      message: 'received: geen bestaande datum: 2026-02-30 (gebruik JJJJ-MM-DD)',
    });
  });

  it('suggests the right name for a misspelled field', () => {
    const [missing, unknown] = check(file('KL-2026-0001', complaintText({ recieved: '2026-04-01', received: undefined })));
    expect(unknown).toMatchObject({
      code: 'unknown-field',
      line: 10,
      message: "onbekend veld 'recieved'; bedoelt u 'received'?",
    });
    expect(missing).toMatchObject({ code: 'schema', message: 'received: verplicht veld ontbreekt' });
    const nested = only(check(file('KL-2026-0001', complaintText({ complainant: { naam: 'Test Verzonnen' } }))));
    expect(nested.message).toBe("complainant: onbekend veld 'naam'; bedoelt u 'name'?");
  });

  it('names a missing field', () => {
    const d = only(check(file('KL-2026-0001', complaintText({ channel: undefined }))));
    expect(d.message).toBe('channel: verplicht veld ontbreekt (email, post, in-person, phone, web-form)');
  });

  it('never echoes the value of a personal field', () => {
    const d = only(check(file('KL-2026-0001', complaintText({ complainant: { name: 'Test Verzonnen', phone: 612345678 } }))));
    expect(d.message).toBe('complainant.phone: verwacht tekst, maar kreeg een getal; zet de waarde tussen aanhalingstekens');
    expect(d.message).not.toContain('612345678');
  });

  it('reports duplicate ids on every file that has them', () => {
    const a = file('KL-2026-0001', complaintText());
    const b = { file: 'register/complaints/2027/KL-2026-0001.md', text: complaintText() };
    expect(check(a, b).map((d) => `${d.file} ${d.code} ${d.message}`)).toEqual([
      'register/complaints/2026/KL-2026-0001.md duplicate-id id KL-2026-0001 komt ook voor in register/complaints/2027/KL-2026-0001.md; geef elke klacht een eigen nummer',
      'register/complaints/2027/KL-2026-0001.md duplicate-id id KL-2026-0001 komt ook voor in register/complaints/2026/KL-2026-0001.md; geef elke klacht een eigen nummer',
    ]);
  });
});

describe('rules', () => {
  function codes(overrides: Record<string, unknown>, body?: string): string[] {
    return check(file('KL-2026-0001', complaintText(overrides, body))).map((d) => `${d.severity}:${d.code}`);
  }

  it('file name equals id', () => {
    expect(check(file('KL-2026-0009', complaintText())).map((d) => d.code)).toEqual(['file-name']);
  });

  it('needs a known organisation and a version in force', () => {
    const d = only(check(file('KL-2026-0001', complaintText({ organisation: 'tset' }))));
    expect(d.message).toBe("geen reglement voor organisatie 'tset'; bedoelt u 'test'?");
    expect(codes({ received: '2019-12-31', id: 'KL-2019-0001' })).toContain('error:no-version');
  });

  it('allows only the regulation’s channels and forms', () => {
    expect(codes({ channel: 'phone' })).toEqual(['error:channel']);
    expect(codes({ form: 'oral' })).toEqual(['error:form']);
  });

  it('requires the contents the regulation asks for', () => {
    expect(codes({ complainant: { email: 'x@voorbeeld.example' } })).toEqual(['error:required-content']);
  });

  it('keeps the handler out of the people involved', () => {
    expect(codes({ involved: ['behandelaar-a'] })).toEqual(['error:independence']);
  });

  it('checks categories against the organisation’s list, with a suggestion', () => {
    const d = only(check(file('KL-2026-0001', complaintText({ category: 'comunicatie' }))));
    expect(d.message).toBe("onbekende categorie 'comunicatie'; bedoelt u 'communicatie'?");
  });

  it('dates no step before receipt or after today', () => {
    expect(codes({ steps: { bevestiging: '2026-03-31' } })).toEqual(['error:step-before-receipt']);
    expect(codes({ steps: { bevestiging: '2026-06-02' } })).toEqual(['error:future-date']);
  });

  it('records steps only after the steps they depend on', () => {
    expect(codes({ steps: { verslag: '2026-05-01' } })).toEqual(['error:step-order']);
    expect(codes({ steps: { opgelost: '2026-05-04', verslag: '2026-05-01' } })).toEqual(['error:step-order']);
    expect(codes({ steps: { opgelost: '2026-05-01', verslag: '2026-05-04' } })).toEqual([]);
  });

  it('suggests the right step id', () => {
    const d = only(check(file('KL-2026-0001', complaintText({ steps: { bevestigin: '2026-04-02' } }))));
    expect(d.message).toBe("onbekende stap 'bevestigin' in test@1; bedoelt u 'bevestiging'?");
  });

  it('allows extensions only as the regulation does', () => {
    const ok = { step: 'reactie', amount: 2, unit: 'weeks', reason: 'wacht op stukken', notified: '2026-04-20' };
    expect(codes({ extensions: [ok] })).toEqual([]);
    expect(codes({ extensions: [{ ...ok, reason: undefined }] })).toEqual(['error:extension-reason']);
    expect(codes({ extensions: [{ ...ok, notified: '2026-05-01' }] })).toEqual(['error:extension-notice']);
    expect(codes({ extensions: [{ ...ok, notified: undefined }] })).toEqual(['error:extension-notice']);
    expect(codes({ extensions: [{ ...ok, amount: 5 }] })).toEqual(['error:extension-max']);
    expect(codes({ extensions: [ok, { ...ok }] })).toEqual(['error:extension-times']);
    // Not an extendable step, and notified after that step's own deadline (10 April).
    expect(codes({ extensions: [{ ...ok, step: 'bevestiging' }] })).toEqual(['error:extension', 'error:extension-notice']);
  });

  it('refuses extensions and suspensions where the regulation has none', () => {
    const strict = makeRegulationSet({ extension: { allowed: false }, suspension: { allowed: false } });
    const text = complaintText({
      extensions: [{ step: 'reactie', amount: 1, unit: 'weeks', reason: 'x', notified: '2026-04-02' }],
      suspensions: [{ from: '2026-04-02', to: '2026-04-03' }],
    });
    const diagnostics = checkSources([file('KL-2026-0001', text)], strict, TODAY).diagnostics;
    expect(diagnostics.map((d) => d.code)).toEqual(['extension', 'suspension']);
  });

  it('warns about a late submission, naming the last allowed date', () => {
    const windowed = makeRegulationSet({
      complaint: {
        channels: ['email'],
        oral: false,
        submissionWindow: { amount: 30, unit: 'workingDays', from: 'assignmentEnded' },
      },
    });
    const text = complaintText({ assignmentEnded: '2026-02-02' });
    const d = only(checkSources([file('KL-2026-0001', text)], windowed, TODAY).diagnostics);
    expect(d).toMatchObject({ severity: 'warning', code: 'late-submission' });
    expect(d.message).toBe(
      'ingediend na de indieningstermijn: 30 werkdagen na afronding van de opdracht (ma 2 feb 2026), dus uiterlijk ma 16 mrt 2026',
    );
  });
});
