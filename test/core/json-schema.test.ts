import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
// Ajv 6 comes with ESLint; it speaks draft 7, the draft the schemas are written in.
import Ajv from 'ajv';
import { load } from 'js-yaml';
import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { ComplaintSchema, EvaluationSchema, RegulationSchema } from '../../core/index.ts';
import { splitFrontMatter } from '../../core/register/front-matter.ts';
import {
  generateSchemas,
  PERSONAL_DATA_NOTE,
  run,
  staleFiles,
  TARGETS,
  type GenerateIo,
} from '../../tools/generate-json-schemas.ts';

const ROOT = join(import.meta.dirname, '../..');
/** The tests' copy of the sample project (never the project's own register/ and regulations/). */
const SAMPLE = 'test/fixtures/sample';

function readRepo(file: string): string | undefined {
  try {
    return readFileSync(join(ROOT, file), 'utf8');
  } catch {
    return undefined;
  }
}

type JsonSchema = Record<string, unknown>;

function committed(file: string): JsonSchema {
  return JSON.parse(readRepo(file) ?? '{}') as JsonSchema;
}

const complaint = committed('json-schemas/complaint.schema.json');
const regulation = committed('json-schemas/regulation.schema.json');
const evaluation = committed('json-schemas/evaluation.schema.json');

const ajv = new Ajv({ allErrors: true, format: 'full' });
const validators = {
  complaint: ajv.compile(complaint),
  regulation: ajv.compile(regulation),
  evaluation: ajv.compile(evaluation),
};

/** The front matter of every Markdown file under `dir`, as js-yaml reads it. */
function frontMatters(dir: string): { file: string; data: unknown }[] {
  return readdirSync(join(ROOT, dir), { recursive: true, encoding: 'utf8' })
    .filter((name) => name.endsWith('.md'))
    .sort()
    .map((name) => {
      const file = relative(ROOT, join(ROOT, dir, name));
      return { file, data: load(splitFrontMatter(readRepo(file) ?? '', file).yaml) };
    });
}

function errors(validate: Ajv.ValidateFunction, data: unknown): string[] {
  validate(data);
  return (validate.errors ?? []).map((error) => {
    const field = 'additionalProperty' in error.params ? `: ${error.params.additionalProperty}` : '';
    return `${error.dataPath || '.'} ${error.message ?? ''}${field}`;
  });
}

function memoryIo(files: Record<string, string>): GenerateIo & { out: string[]; written: string[] } {
  const out: string[] = [];
  const written: string[] = [];
  return {
    out,
    written,
    readFile: (file) => files[file] ?? readRepo(file),
    writeFile: (file, text) => {
      files[file] = text;
      written.push(file);
    },
    stdout: (text) => out.push(text),
    stderr: (text) => out.push(text),
  };
}

describe('generated files', () => {
  it('match the committed json-schemas/ (what --check checks)', async () => {
    const expected = await generateSchemas();
    expect([...expected.keys()]).toEqual(TARGETS.map((target) => target.file));
    expect(staleFiles(expected, readRepo)).toEqual([]);
  });

  it('--check exits 1 with a Dutch message when a file is out of date', async () => {
    const io = memoryIo({ 'json-schemas/evaluation.schema.json': '{}\n' });
    expect(await run(['--check'], io)).toBe(1);
    expect(io.written).toEqual([]);
    expect(io.out.join('')).toMatchInlineSnapshot(`
      "json-schemas/evaluation.schema.json komt niet overeen met de zod-schema's in core/schemas/.
      Voer 'npm run schemas' uit en commit het resultaat.
      "
    `);
  });

  it('--check exits 0 silently when the files are current', async () => {
    const io = memoryIo({});
    expect(await run(['--check'], io)).toBe(0);
    expect(io.out).toEqual([]);
  });

  it('writes only the files that changed, and refuses unknown options', async () => {
    const io = memoryIo({ 'json-schemas/complaint.schema.json': 'oud' });
    expect(await run([], io)).toBe(0);
    expect(io.written).toEqual(['json-schemas/complaint.schema.json']);
    expect(await run(['--chek'], io)).toBe(2);
  });

  it('identify themselves in Dutch and say they are generated', () => {
    for (const schema of [complaint, regulation, evaluation]) {
      expect(schema).toMatchObject({
        $schema: 'http://json-schema.org/draft-07/schema#',
        $id: expect.stringMatching(/^[a-z]+\.schema\.json$/) as unknown,
        title: expect.any(String) as unknown,
        description: expect.stringContaining('front matter') as unknown,
        $comment: expect.stringContaining('niet met de hand bewerken') as unknown,
        additionalProperties: false,
      });
    }
  });
});

describe('the register validates against the schemas', () => {
  const cases: [string, string, Ajv.ValidateFunction, z.ZodType][] = [
    ['complaint', `${SAMPLE}/register/complaints`, validators.complaint, ComplaintSchema],
    ['regulation', `${SAMPLE}/regulations`, validators.regulation, RegulationSchema],
    ['evaluation', `${SAMPLE}/register/evaluations`, validators.evaluation, EvaluationSchema],
  ];
  for (const [name, dir, validate, schema] of cases) {
    it(`every ${name} in ${dir}/`, () => {
      const files = frontMatters(dir);
      expect(files.length).toBeGreaterThan(0);
      for (const { file, data } of files) {
        expect(schema.safeParse(data).success, file).toBe(true);
        expect(errors(validate, data), file).toEqual([]);
      }
    });
  }
});

describe('the schemas reject what the register rejects', () => {
  const valid = frontMatters(`${SAMPLE}/register/complaints`)[0]!.data as Record<string, unknown>;

  it('unknown fields, at the top and nested', () => {
    expect(errors(validators.complaint, { ...valid, behandelaar: 'x' })).toEqual([
      '. should NOT have additional properties: behandelaar',
    ]);
    expect(errors(validators.complaint, { ...valid, complainant: { naam: 'X' } })).toEqual([
      '.complainant should NOT have additional properties: naam',
    ]);
  });

  it('values outside the lists of channel, form and outcome', () => {
    expect(errors(validators.complaint, { ...valid, channel: 'fax', form: 'sung', outcome: 'half' })).toEqual([
      '.channel should be equal to one of the allowed values',
      '.form should be equal to one of the allowed values',
      '.outcome should be equal to one of the allowed values',
    ]);
  });

  it('missing required fields', () => {
    const withoutReceived = { ...valid };
    delete withoutReceived.received;
    expect(errors(validators.complaint, withoutReceived)).toEqual([". should have required property 'received'"]);
  });

  it('dates that are not JJJJ-MM-DD, but accepts unquoted YAML dates as text', () => {
    expect(load('received: 2026-03-05')).toEqual({ received: '2026-03-05' });
    expect(errors(validators.complaint, { ...valid, received: '2026-3-5' })).toContain('.received should match format "date"');
    expect(errors(validators.complaint, { ...valid, closed: '2026-02-30' })).toContain('.closed should match format "date"');
  });

  it('a version written as a number', () => {
    const pit = frontMatters(`${SAMPLE}/regulations`).find(({ file }) => file.includes('pit'))!.data as Record<string, unknown>;
    expect(errors(validators.regulation, { ...pit, version: 1 })).toEqual(['.version should be string']);
  });
});

/** The schema node at a `/`-separated path of keywords and names. */
function at(schema: JsonSchema, path: string): JsonSchema {
  return path.split('/').reduce<JsonSchema>((node, key) => node[key] as JsonSchema, schema);
}

/** Every description in `schema`, wherever it is. */
function descriptions(schema: unknown): string[] {
  if (typeof schema !== 'object' || schema === null) return [];
  return Object.entries(schema).flatMap(([key, value]) => [
    ...(key === 'description' && typeof value === 'string' ? [value] : []),
    ...descriptions(value),
  ]);
}

describe('personal data', () => {
  it('is marked as such in the description of every field that holds it', () => {
    const personal = [
      'properties/dated',
      'properties/complainant',
      'properties/steps/additionalProperties/anyOf/1/properties/note',
      'properties/extensions/items/properties/reason',
      'properties/suspensions/items/properties/reason',
      'properties/measures/items/properties/description',
    ];
    for (const path of personal) {
      expect(at(complaint, path).description, path).toMatch(
        new RegExp(`^${PERSONAL_DATA_NOTE} \\(.+\\): blijft in het register`),
      );
    }
    expect(descriptions(complaint).filter((text) => text.startsWith(PERSONAL_DATA_NOTE))).toHaveLength(personal.length);
    expect(
      descriptions(regulation)
        .concat(descriptions(evaluation))
        .filter((text) => text.startsWith(PERSONAL_DATA_NOTE)),
    ).toEqual([]);
  });

  it('keeps the field description from the zod schema after the note', () => {
    expect(at(complaint, 'properties/dated').description).toMatchInlineSnapshot(`
      "Persoonsgegeven (dagtekening van de klachtbrief): blijft in het register en komt niet in issues, logboeken, de site of rapportages.

      The date on the complainant's letter (dagtekening), where the regulation asks for one."
    `);
  });
});

describe('editor help', () => {
  it('gives every top-level field a description from the zod schemas', () => {
    for (const schema of [complaint, regulation, evaluation]) {
      const properties = schema.properties as Record<string, JsonSchema>;
      const bare = Object.keys(properties).filter((name) => typeof properties[name]!.description !== 'string');
      expect(bare).toEqual([]);
    }
  });

  it('gives dates a format and pattern, with the Dutch message', () => {
    expect(at(complaint, 'properties/received')).toMatchObject({
      type: 'string',
      format: 'date',
      pattern: expect.any(String) as unknown,
      patternErrorMessage: 'verwacht een datum als JJJJ-MM-DD',
    });
    expect(at(regulation, 'properties/calendar/properties/closingDays/items/properties/date')).toMatchObject({ format: 'date' });
  });

  it('describes the input: fields with a default are optional, transforms show what is written', () => {
    expect(complaint.required).toEqual(['id', 'organisation', 'received', 'channel', 'form']);
    expect(at(complaint, 'properties/involved')).toMatchObject({ type: 'array', default: [] });
    expect(at(complaint, 'properties/escalation/anyOf').length).toBe(2);
  });
});
