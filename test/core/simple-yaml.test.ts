import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { load } from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { generateRegister } from '../../bench/generate.ts';
import { splitFrontMatter } from '../../core/register/front-matter.ts';
import { loadSimpleYaml } from '../../core/register/simple-yaml.ts';
import { SAMPLE_REGISTER, SAMPLE_REGULATIONS } from '../builders.ts';

/** What js-yaml makes of a text (with the options loadYaml gives it), or the error it throws. */
function jsYaml(text: string): unknown {
  try {
    return { value: load(text, { maxAliases: 0, maxDepth: 20, filename: 'x.md' }) };
  } catch (error) {
    return { error: (error as Error).message };
  }
}

/** The reader's result where it reads the text: js-yaml's, exactly (types, key order, no error). */
function agrees(text: string): boolean {
  const simple = loadSimpleYaml(text);
  if (simple === undefined) return true;
  expect(jsYaml(text)).toStrictEqual({ value: simple });
  expect(Object.keys(simple)).toEqual(Object.keys(load(text) as object));
  return true;
}

describe('loadSimpleYaml (core/register/simple-yaml.ts)', () => {
  it('reads the block shape: words, dates, numbers, core words, quotes, nested mappings and lists, comments', () => {
    const text = [
      '# Bewaartermijn verstreken: een opmerking boven de velden (€, ë, “quotes”).',
      'id: KL-2026-000123',
      'organisation: pit',
      'received: 2026-03-05',
      'complainant: # persoonsgegevens: blijven in het register',
      '  name: Synthetische Klager 7',
      "  address: Teststraat 1, 1234 AB Dorp (achterom) o'Neill",
      '  email: synthetisch.7@voorbeeld.example',
      'involved:',
      '  - coach-1',
      '  - coach-2',
      'steps:',
      '  geregistreerd: 2026-03-06',
      '  gebeld: { on: 2026-03-07, note: "Gebeld: geen gehoor, {later} opnieuw" }',
      "  gesproken: { on: 2026-03-08, note: 'kort', door: coach-1, uren: 2, klaar: true }",
      '',
      '  # nog niet gedaan: ontvangstbevestiging',
      'measures:',
      '- kind: corrective',
      '  description: "Telefoon: voortaan terugbellen #1"',
      '  due: 2026-04-01',
      '  satisfied: TRUE',
      "- kind: 'preventive'",
      'admissible: false',
      'handler:',
      'extensions: []',
      'tags: [a, b-c]',
      'count: 0',
      'amount: 12',
      'city: Den Haag-Ypenburg é',
      'anonymised:',
      '    on: 2026-11-01',
      '    term: 2 jaar na afsluiting (coulant@1)',
      '',
    ].join('\n');
    expect(loadSimpleYaml(text)).toStrictEqual({
      id: 'KL-2026-000123',
      organisation: 'pit',
      received: '2026-03-05',
      complainant: {
        name: 'Synthetische Klager 7',
        address: "Teststraat 1, 1234 AB Dorp (achterom) o'Neill",
        email: 'synthetisch.7@voorbeeld.example',
      },
      involved: ['coach-1', 'coach-2'],
      steps: {
        geregistreerd: '2026-03-06',
        gebeld: { on: '2026-03-07', note: 'Gebeld: geen gehoor, {later} opnieuw' },
        gesproken: { on: '2026-03-08', note: 'kort', door: 'coach-1', uren: 2, klaar: true },
      },
      measures: [
        { kind: 'corrective', description: 'Telefoon: voortaan terugbellen #1', due: '2026-04-01', satisfied: true },
        { kind: 'preventive' },
      ],
      admissible: false,
      handler: null,
      extensions: [],
      tags: ['a', 'b-c'],
      count: 0,
      amount: 12,
      city: 'Den Haag-Ypenburg é',
      anonymised: { on: '2026-11-01', term: '2 jaar na afsluiting (coulant@1)' },
    });
    agrees(text);
  });

  it('leaves every other shape to js-yaml', () => {
    for (const text of [
      '',
      '\n',
      '# alleen een opmerking\n',
      'id: KL-2026-0001', // no final newline
      'id: KL-2026-0001 # nummer\n',
      'id: "KL-2026-0001" # nummer\n',
      'id: x\r\n',
      'id:\tx\n',
      'id: x \n',
      'id: \n',
      'id:  x\n',
      'id:x\n',
      'id : x\n',
      'url: https://voorbeeld.example\n',
      'id: a#b\n',
      "id: 'it''s'\n",
      'id: "a\\"b"\n',
      'id: "a\\nb"\n',
      'id: "open\n  dicht"\n',
      'id: x\nid: y\n',
      'steps:\n  a: 2026-01-01\n  a: 2026-01-02\n',
      'steps:\n  a: 2026-01-01\n   b: 2026-01-02\n',
      'steps:\n   a: 2026-01-01\n  b: 2026-01-02\n',
      'id: x\n  a: 1\n',
      'id: dit is\n  meer tekst\n',
      '  a: 1\n',
      '- a\n',
      'lijst:\n  - a\n  b: 1\n',
      'lijst:\n  -  a\n',
      'lijst:\n  - - a\n',
      'lijst:\n  -\n',
      'lijst:\n  - # leeg\n',
      'id: 010\n',
      'id: -1\n',
      'id: 1.5\n',
      'id: 0x1F\n',
      'id: ~\n',
      'id: .inf\n',
      'id: [a,b]\n',
      'id: [null]\n',
      'id: [1]\n',
      'id: {a: 1}\n',
      'steps:\n  a: {on: 2026-01-01}\n',
      'steps:\n  a: { on: 2026-01-01,note: x }\n',
      'steps:\n  a: { on: 2026-01-01, note: "a\\"b" }\n',
      'steps:\n  a: { on: 2026-01-01, on: 2026-01-02 }\n',
      'steps:\n  a: { on: [b] }\n',
      'steps:\n  a: { on: { b: 1 } }\n',
      'steps:\n  a: { null: 1 }\n',
      'steps:\n  a: { on: b c }\n',
      'steps:\n  a: { on: 010 }\n',
      'steps:\n  a: { }\n',
      'steps:\n  a: { on: x } # opmerking\n',
      'steps:\n  a: { on: x, }\n',
      'id: |\n  tekst\n',
      'id: >-\n  tekst\n',
      'id: &a x\n',
      'id: *a\n',
      'id: !tag x\n',
      'null: 1\n',
      'True: 1\n',
      'constructor: x\n',
      '__proto__: x\n',
      'a_b: x\n',
      'naam: Ω\n',
      'naam: x\u00ad\n',
      'naam: x\u202ey\n',
      'naam: "\u{1F600}"\n',
      '# bel\x07\nid: x\n',
      'id: # bel\x07\n  a: 1\n',
      'a:\n  b:\n    c:\n      d:\n        e:\n          f:\n            g:\n              h:\n                i: 1\n',
    ]) {
      expect(loadSimpleYaml(text), JSON.stringify(text)).toBeUndefined();
      agrees(text);
    }
  });

  it('reads hostile and personal values as js-yaml does, and leaves indicators to it', () => {
    const text = [
      "handler: '::error file=x.md::boem'",
      'organisation: "<!-- verborgen --> <script>alert(1)</script>"',
      "category: '@everyone'",
      'channel: Jan de Vries, 06-12345678',
      'steps:',
      '  gebeld: { on: 2026-03-07, note: "::add-mask::geheim" }',
      '',
    ].join('\n');
    expect(loadSimpleYaml(text)).toStrictEqual({
      handler: '::error file=x.md::boem',
      organisation: '<!-- verborgen --> <script>alert(1)</script>',
      category: '@everyone',
      channel: 'Jan de Vries, 06-12345678',
      steps: { gebeld: { on: '2026-03-07', note: '::add-mask::geheim' } },
    });
    agrees(text);
    for (const hostile of [
      'a: @everyone\n',
      'a: ::error\n',
      'a: <!-- x -->\n',
      'a: x\u001b[31m\n',
      'a: "x\u0007"\n',
      'a: "\u202e"\n',
    ]) {
      agrees(hostile);
      if (!hostile.includes('\u202e')) expect(loadSimpleYaml(hostile), JSON.stringify(hostile)).toBeUndefined();
    }
  });

  it('agrees with js-yaml on the bench register’s complaints, and reads every one without an escape', () => {
    const dir = mkdtempSync(join(tmpdir(), 'klachten-yaml-'));
    generateRegister(dir, 1000, '2026-11-21');
    const files = readdirSync(join(dir, 'complaints'), { recursive: true, encoding: 'utf8' }).filter((name) =>
      name.endsWith('.md'),
    );
    expect(files).toHaveLength(1000);
    let notes = 0;
    let escaped = 0;
    for (const name of files) {
      const { yaml } = splitFrontMatter(readFileSync(join(dir, 'complaints', name), 'utf8'), name);
      agrees(yaml);
      if (yaml.includes('{ on: ')) notes += 1;
      // A note with escaped quotes is js-yaml's to read; every other file is read here.
      if (yaml.includes('\\"')) escaped += 1;
      else expect(loadSimpleYaml(yaml), name).toBeDefined();
    }
    expect(notes).toBeGreaterThan(50);
    expect(escaped).toBeGreaterThan(2);
  });

  it('agrees with js-yaml on the sample’s complaints, evaluations and regulations, and reads every complaint', () => {
    const yamlOf = (dir: string): [string, string][] =>
      readdirSync(dir, { recursive: true, encoding: 'utf8' })
        .filter((name) => name.endsWith('.md') && !name.endsWith('README.md'))
        .map((name) => [name, splitFrontMatter(readFileSync(join(dir, name), 'utf8'), name).yaml]);
    const complaints = yamlOf(join(SAMPLE_REGISTER, 'complaints'));
    expect(complaints.length).toBeGreaterThan(20);
    for (const [name, yaml] of complaints) {
      agrees(yaml);
      expect(loadSimpleYaml(yaml), name).toBeDefined();
    }
    for (const [, yaml] of [...yamlOf(join(SAMPLE_REGISTER, 'evaluations')), ...yamlOf(SAMPLE_REGULATIONS)]) agrees(yaml);
  });

  it('agrees with js-yaml on generated documents full of near misses, and reads a good share of them', () => {
    type Node = { scalar: string } | { map: [string, Node][] } | { list: Node[] };
    const key = fc.oneof(
      { weight: 8, arbitrary: fc.stringMatching(/^[a-z][a-zA-Z0-9-]{0,5}$/) },
      {
        weight: 1,
        arbitrary: fc.constantFrom('null', 'Null', 'TRUE', 'false', 'constructor', '__proto__', 'x y', '1a', 'a_b', 'yes', '"q"'),
      },
    );
    const plainScalar = fc.oneof(
      fc.constantFrom(
        'null',
        'True',
        'false',
        '0',
        '17',
        '2026-03-05',
        '[]',
        '[coach-1, b]',
        'Ab cd',
        'ë',
        "'a: b'",
        '"c # d"',
        '2 jaar',
        '1 2',
        '06-1234',
        '1-',
        '12--3',
      ),
      fc.stringMatching(/^[A-Za-z][A-Za-z0-9 .,@/_+'()ë-]{0,8}$/),
      // A step with a note, as record --note writes it, and its neighbours.
      fc
        .array(
          fc.tuple(
            fc.constantFrom('on', 'note', 'a', 'b-c', 'null'),
            fc.constantFrom('2026-03-05', 'x', 'True', '7', '07', '"a, b }"', "'c: d'", 'e-f', 'g h'),
          ),
          {
            minLength: 1,
            maxLength: 3,
          },
        )
        .map((entries) => `{ ${entries.map(([k, v]) => `${k}: ${v}`).join(', ')} }`),
    );
    const nearMiss = fc.oneof(
      fc.constantFrom(
        ...['', ' ', '~', 'yes', 'No', '00', '010', '-1', '+1', '1.5', '1e3', '0x1F', '0o7', '1_000', '.inf', '.NaN'],
        ...[
          '2026-3-5',
          '2026-03-05 ',
          '-06-1',
          '1e-5',
          '06-1 ',
          '0-x',
          '2026-03-05T10:00:00Z',
          '12:30',
          '123456789012345',
          '1234567890123456',
        ],
        ...['{on: x}', '{ on: x,note: y }', '{ on: a b }', '{ a: [b] }', '{ a: { b: 1 } }', '{ }', '{ a: x, }', '{ a: "\\"" }'],
        ...['a: b', 'a #b', 'a#b', "it''s", '"a\\"b"', '"a\\tb"', '[a,b]', '[ a ]', '[null]', '[1]', '[a, ]', '{a: 1}'],
        ...['|', '>-', '&a x', '*a', '!x y', 'x ', 'a\tb', '- a', '@x', '`x', '%x', '"\u0085"', "'\u2028'", '"\u{1F600}"'],
      ),
      fc.stringMatching(/^[A-Za-z0-9 .,@/_+'()ëé:#[\]{}"&*!|>~-]{0,10}$/),
    );
    const scalar = fc
      .oneof({ weight: 8, arbitrary: plainScalar }, { weight: 1, arbitrary: nearMiss })
      .map((text): Node => ({ scalar: text }));
    const { node } = fc.letrec<{ node: Node; map: Node; list: Node }>((tie) => ({
      node: fc.oneof(
        { depthSize: 'small' },
        { weight: 5, arbitrary: scalar },
        { weight: 2, arbitrary: tie('map') },
        { weight: 1, arbitrary: tie('list') },
      ),
      map: fc.array(fc.tuple(key, tie('node')), { minLength: 1, maxLength: 4 }).map((entries): Node => ({ map: entries })),
      list: fc.array(tie('node'), { minLength: 1, maxLength: 3 }).map((items): Node => ({ list: items })),
    }));
    const style = fc.record({
      unit: fc.constantFrom(2, 2, 2, 4, 1, 3),
      compact: fc.boolean(),
      opener: fc.constantFrom('', '', '', ' # opmerking', '  #x', ' #\x07'),
    });
    // Lines of a few kinds, now and then put in or changed: a comment, a blank line, a shifted indent.
    const mutation = fc.tuple(
      fc.nat(),
      fc.constantFrom('comment', 'blank', 'bell', 'indent', 'outdent', 'twice', 'drop', 'trail'),
    );
    const render = (value: Node, indent: number, how: { unit: number; compact: boolean; opener: string }): string[] => {
      const pad = ' '.repeat(indent);
      if ('scalar' in value) return [pad + value.scalar];
      if ('map' in value) {
        return value.map.flatMap(([k, v]) => {
          if ('scalar' in v) return [`${pad}${k}: ${v.scalar}`];
          const inner = 'list' in v && how.compact ? indent : indent + how.unit;
          return [`${pad}${k}:${how.opener}`, ...render(v, inner, how)];
        });
      }
      return value.list.flatMap((item) => {
        const lines = 'scalar' in item ? [`${' '.repeat(indent + 2)}${item.scalar}`] : render(item, indent + 2, how);
        const [first = '', ...rest] = lines;
        return [`${pad}- ${first.slice(indent + 2)}`, ...rest];
      });
    };
    const document = fc.tuple(
      fc.array(fc.tuple(key, node), { minLength: 1, maxLength: 5 }),
      style,
      fc.array(mutation, { maxLength: 2 }),
    );
    let read = 0;
    let runs = 0;
    fc.assert(
      fc.property(document, ([entries, how, mutations]) => {
        const lines = render({ map: entries }, 0, how);
        for (const [at, kind] of mutations) {
          const index = at % lines.length;
          const line = lines[index] ?? '';
          if (kind === 'comment') lines.splice(index, 0, '  # opmerking');
          else if (kind === 'blank') lines.splice(index, 0, '');
          else if (kind === 'bell') lines.splice(index, 0, '# \x07');
          else if (kind === 'indent') lines[index] = ` ${line}`;
          else if (kind === 'outdent') lines[index] = line.replace(/^ /, '');
          else if (kind === 'twice') lines.splice(index, 0, line);
          else if (kind === 'drop') lines.splice(index, 1);
          else lines[index] = `${line} # x`;
        }
        const text = lines.length === 0 ? '' : `${lines.join('\n')}\n`;
        runs += 1;
        if (loadSimpleYaml(text) !== undefined) read += 1;
        return agrees(text);
      }),
      { numRuns: 20_000, seed: 20261201 },
    );
    // The property says something only where the reader reads: make sure it often does.
    expect(read / runs).toBeGreaterThan(0.05);
  });
});
