#!/usr/bin/env node
// Writes the JSON Schemas in `schemas/` from the zod schemas in `core/schemas/`, so editors can offer
// completion and validation for front matter. `--check` only compares (for lint and CI).
//
//   node scripts/generate-schemas.ts          write schemas/*.schema.json
//   node scripts/generate-schemas.ts --check  exit 1 when a committed file is out of date
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import * as prettier from 'prettier';
import ts from 'typescript';
import { z } from 'zod';
import { IsoDateSchema, personalData } from '../core/schemas/common.ts';
import { ComplaintSchema } from '../core/schemas/complaint.ts';
import { EvaluationSchema } from '../core/schemas/evaluation.ts';
import { RegulationSchema } from '../core/schemas/regulation.ts';

type JsonSchema = Record<string, unknown>;

/** One generated file: which schema, and the Dutch texts staff see in their editor. */
interface Target {
  /** Path relative to the repository root. */
  file: string;
  schema: z.ZodType;
  title: string;
  description: string;
  /** The module that defines the schema, for the `$comment`. */
  source: string;
}

export const TARGETS: readonly Target[] = [
  {
    file: 'schemas/complaint.schema.json',
    schema: ComplaintSchema,
    title: 'Klachtdossier',
    description:
      'De front matter (de velden tussen de regels ---) van een klachtdossier, register/complaints/<jaar>/<id>.md. Datums zonder aanhalingstekens, bijvoorbeeld 2026-03-05.',
    source: 'core/schemas/complaint.ts',
  },
  {
    file: 'schemas/regulation.schema.json',
    schema: RegulationSchema,
    title: 'Klachtenreglement',
    description:
      'De front matter van een klachtenreglement, regulations/<organisatie>/<ingangsdatum>.md: de procedure als data. De tekst van het reglement staat eronder.',
    source: 'core/schemas/regulation.ts',
  },
  {
    file: 'schemas/evaluation.schema.json',
    schema: EvaluationSchema,
    title: 'Jaarevaluatie',
    description:
      'De front matter van een jaarevaluatie van de directie, register/evaluations/<organisatie>/<jaar>.md. Alleen goedgekeurde evaluaties komen op de site.',
    source: 'core/schemas/evaluation.ts',
  },
];

/** The files whose `/** … *\/` field comments become descriptions. */
export const SCHEMA_SOURCES = [
  'core/schemas/common.ts',
  'core/schemas/complaint.ts',
  'core/schemas/regulation.ts',
  'core/schemas/evaluation.ts',
];

/** Opening words of every personal-data field's description. */
export const PERSONAL_DATA_NOTE = 'Persoonsgegeven';

const DATE_PATTERN = '^\\d{4}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\\d|3[01])$';

const ROOT = join(import.meta.dirname, '..');

/**
 * The text of every generated file, by path, formatted as Prettier would. `readSource` reads a
 * repository file (the schema sources, for the field descriptions).
 */
export async function generateSchemas(readSource: (file: string) => string): Promise<Map<string, string>> {
  const docs = fieldDocs(SCHEMA_SOURCES.map((file) => ({ file, text: readSource(file) })));
  const files = await Promise.all(
    TARGETS.map(async (target): Promise<[string, string]> => {
      const options = (await prettier.resolveConfig(join(ROOT, target.file))) ?? {};
      return [target.file, await prettier.format(render(target, docs), { ...options, filepath: target.file })];
    }),
  );
  return new Map(files);
}

/** The generated files whose committed text differs or is missing. */
export function staleFiles(expected: ReadonlyMap<string, string>, readFile: (file: string) => string | undefined): string[] {
  return [...expected].filter(([file, text]) => readFile(file) !== text).map(([file]) => file);
}

function render(target: Target, docs: FieldDocs): string {
  const generated = z.toJSONSchema(target.schema, {
    // Draft 7, not zod's default 2020-12: the schemas use no newer keyword, and draft 7 is what every
    // consumer reads (Ajv's default class rejects a 2020-12 `$schema`; yaml-language-server before 1.20 too).
    target: 'draft-07',
    io: 'input',
    unrepresentable: 'throw',
    override: ({ zodSchema, jsonSchema }) => {
      annotate(zodSchema, jsonSchema);
    },
  }) as JsonSchema;
  describeFields(generated, docs);
  const root: JsonSchema = {
    ...generated,
    $id: target.file.replace('schemas/', ''),
    title: target.title,
    description: target.description,
    $comment: `Gegenereerd uit ${target.source} door scripts/generate-schemas.ts; niet met de hand bewerken.`,
  };
  return JSON.stringify(canonical(root), null, 2);
}

/** Adds what zod cannot express itself: date formats, Dutch pattern messages, personal-data notes. */
function annotate(schema: z.core.$ZodType, json: JsonSchema): void {
  if (schema === IsoDateSchema) {
    // The date check is a refinement, which JSON Schema cannot see: give editors a pattern and format.
    json.format = 'date';
    json.pattern = DATE_PATTERN;
    const message = errorMessage(IsoDateSchema._zod.def.error, { code: 'invalid_type', expected: 'string', input: '' });
    if (message !== undefined) json.patternErrorMessage = message;
  }
  const message = formatMessage(schema);
  if (message !== undefined && json.patternErrorMessage === undefined) json.patternErrorMessage = message;
  const personal = personalData.get(schema);
  if (personal !== undefined) {
    json.description = `${PERSONAL_DATA_NOTE} (${personal.description}): blijft in het register en komt niet in issues, logboeken, de site of rapportages.`;
  }
}

/** The Dutch message of a string format or regex check (`z.email({ error })`, `.regex(re, { error })`). */
function formatMessage(schema: z.core.$ZodType): string | undefined {
  const def = schema._zod.def as { check?: string; error?: unknown; checks?: z.core.$ZodCheck[] };
  const formats = [def, ...(def.checks ?? []).map((check) => check._zod.def as { check?: string; error?: unknown })];
  for (const format of formats) {
    if (format.check !== 'string_format') continue;
    const message = errorMessage(format.error, { code: 'invalid_format', input: '' });
    if (message !== undefined) return message;
  }
  return undefined;
}

function errorMessage(error: unknown, issue: Record<string, unknown>): string | undefined {
  if (typeof error !== 'function') return undefined;
  const result = (error as (issue: Record<string, unknown>) => unknown)(issue);
  if (typeof result === 'string') return result;
  if (typeof result === 'object' && result !== null && 'message' in result && typeof result.message === 'string')
    return result.message;
  return undefined;
}

/** Field comments by object shape: the sorted field names of an object literal → each field's comment. */
type FieldDocs = Map<string, Record<string, string>>;

/** One field of an object literal in the sources. */
interface Field {
  /** Its own `/** … *\/` comment. */
  doc: string | undefined;
  /** The schema variable it names (`complainant: ComplainantSchema.optional()`), if any. */
  names: string | undefined;
}

interface Literal {
  fields: Record<string, Field>;
  /** For `Base.extend({...})`: the variable whose fields come first. */
  base?: string;
}

const OBJECT_FACTORIES = new Set(['object', 'strictObject', 'looseObject']);
const WRAPPERS = new Set(['optional', 'default', 'nullable', 'prefault', 'readonly', 'register', 'describe', 'meta']);

/**
 * Reads the `/** … *\/` comment of every field in the object literals of the schema sources. zod keeps
 * no comments at run time, so an object schema is matched to its literal by its field names. A field
 * without a comment of its own takes the comment of the schema variable it names.
 */
function fieldDocs(sources: readonly { file: string; text: string }[]): FieldDocs {
  const literals: Literal[] = [];
  const variables = new Map<string, { literal: Literal | undefined; doc: string | undefined }>();
  for (const { file, text } of sources) {
    const visit = (node: ts.Node): void => {
      if (ts.isVariableDeclaration(node) && ts.isIdentifier(node.name)) {
        const before = literals.length;
        ts.forEachChild(node, visit);
        variables.set(node.name.text, { literal: literals[before], doc: jsDoc(node) });
        return;
      }
      const literal = objectLiteral(node);
      if (literal) literals.push(literal);
      ts.forEachChild(node, visit);
    };
    visit(ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true));
  }
  const withBase = (literal: Literal): Record<string, Field> => {
    const base = literal.base === undefined ? undefined : variables.get(literal.base)?.literal;
    return { ...(base ? withBase(base) : {}), ...literal.fields };
  };
  const docs: FieldDocs = new Map();
  for (const literal of literals) {
    const fields = withBase(literal);
    const key = Object.keys(fields).sort().join(',');
    const known = docs.get(key) ?? {};
    for (const [name, field] of Object.entries(fields)) {
      const doc = field.doc ?? (field.names === undefined ? undefined : variables.get(field.names)?.doc);
      if (doc === undefined) continue;
      if (known[name] !== undefined && known[name] !== doc) {
        throw new Error(`twee objecten met de velden ${key} beschrijven '${name}' verschillend; maak de uitleg gelijk`);
      }
      known[name] = doc;
    }
    docs.set(key, known);
  }
  return docs;
}

/** The literal of `z.strictObject({…})`, `z.object({…})` or `Base.extend({…})`. */
function objectLiteral(node: ts.Node): Literal | undefined {
  if (!ts.isCallExpression(node) || !ts.isPropertyAccessExpression(node.expression)) return undefined;
  const [argument] = node.arguments;
  const { name, expression } = node.expression;
  if (argument === undefined || !ts.isObjectLiteralExpression(argument) || !ts.isIdentifier(expression)) return undefined;
  const isFactory = OBJECT_FACTORIES.has(name.text) && expression.text === 'z';
  if (!isFactory && name.text !== 'extend') return undefined;
  const fields: Record<string, Field> = {};
  for (const property of argument.properties) {
    if (!ts.isPropertyAssignment(property)) continue;
    if (!ts.isIdentifier(property.name) && !ts.isStringLiteral(property.name)) continue;
    fields[property.name.text] = { doc: jsDoc(property), names: namedSchema(property.initializer) };
  }
  return isFactory ? { fields } : { fields, base: expression.text };
}

/** The variable in `X`, `X.optional()`, `X.optional().register(…)` and the like. */
function namedSchema(expression: ts.Expression): string | undefined {
  let current = expression;
  while (
    ts.isCallExpression(current) &&
    ts.isPropertyAccessExpression(current.expression) &&
    WRAPPERS.has(current.expression.name.text)
  ) {
    current = current.expression.expression;
  }
  return ts.isIdentifier(current) ? current.text : undefined;
}

function jsDoc(node: ts.Node): string | undefined {
  const text = ts
    .getJSDocCommentsAndTags(node)
    .filter(ts.isJSDoc)
    .map((doc) => ts.getTextOfJSDocComment(doc.comment) ?? '')
    .join('\n')
    .trim();
  return text === '' ? undefined : text.replace(/\s*\n\s*/g, ' ');
}

/** Gives every field of every object in `schema` its source comment, after any description zod set. */
function describeFields(schema: unknown, docs: FieldDocs): void {
  if (Array.isArray(schema)) {
    for (const item of schema) describeFields(item, docs);
    return;
  }
  if (typeof schema !== 'object' || schema === null) return;
  const node = schema as JsonSchema;
  const properties = node.properties as Record<string, JsonSchema> | undefined;
  if (properties !== undefined) {
    const fields = docs.get(Object.keys(properties).sort().join(',')) ?? {};
    for (const [name, property] of Object.entries(properties)) {
      const doc = fields[name];
      if (doc === undefined) continue;
      const own = property.description;
      property.description = typeof own === 'string' && own !== doc ? `${own}\n\n${doc}` : doc;
    }
  }
  for (const value of Object.values(node)) describeFields(value, docs);
}

/** Keywords in reading order; others follow alphabetically. Field names keep the schema's order. */
const KEYWORD_ORDER = [
  '$schema',
  '$id',
  'title',
  'description',
  '$comment',
  'type',
  'enum',
  'const',
  'format',
  'pattern',
  'patternErrorMessage',
  'minLength',
  'maxLength',
  'minimum',
  'exclusiveMinimum',
  'maximum',
  'exclusiveMaximum',
  'minItems',
  'maxItems',
  'default',
  'properties',
  'required',
  'propertyNames',
  'additionalProperties',
  'items',
  'anyOf',
  'oneOf',
  'allOf',
];

/** Keywords whose value is data, not a schema: copied as they are. */
const DATA_KEYWORDS = new Set(['default', 'const', 'enum', 'examples']);

/**
 * A copy with keywords in a fixed order, whatever order zod emits them in, and without zod's
 * safe-integer bounds on `z.int()`, which only add noise to a hover.
 */
function canonical(value: unknown, inProperties = false): unknown {
  if (Array.isArray(value)) return value.map((item) => canonical(item));
  if (typeof value !== 'object' || value === null) return value;
  if (inProperties) return Object.fromEntries(Object.entries(value).map(([name, schema]) => [name, canonical(schema)]));
  const entries = Object.entries(value)
    .filter(
      ([key, item]) =>
        !(key === 'maximum' && item === Number.MAX_SAFE_INTEGER) && !(key === 'minimum' && item === Number.MIN_SAFE_INTEGER),
    )
    .sort(([a], [b]) => rank(a) - rank(b) || (a < b ? -1 : a > b ? 1 : 0));
  return Object.fromEntries(
    entries.map(([key, item]) => [key, DATA_KEYWORDS.has(key) ? item : canonical(item, key === 'properties' || key === '$defs')]),
  );
}

function rank(keyword: string): number {
  const index = KEYWORD_ORDER.indexOf(keyword);
  return index === -1 ? KEYWORD_ORDER.length : index;
}

/** What `run` may touch; tests pass their own. */
export interface GenerateIo {
  readFile: (file: string) => string | undefined;
  writeFile: (file: string, text: string) => void;
  stdout: (text: string) => void;
  stderr: (text: string) => void;
}

/** Runs the generator with `argv` (without node and script) and returns the exit code. */
export async function run(argv: readonly string[], io: GenerateIo): Promise<number> {
  const unknown = argv.filter((arg) => arg !== '--check');
  if (unknown.length > 0) {
    io.stderr(`generate-schemas: onbekende optie ${unknown.join(' ')}\nGebruik: node scripts/generate-schemas.ts [--check]\n`);
    return 2;
  }
  const expected = await generateSchemas((file) => {
    const text = io.readFile(file);
    if (text === undefined) throw new Error(`${file} ontbreekt`);
    return text;
  });
  if (argv.includes('--check')) {
    const stale = staleFiles(expected, io.readFile);
    if (stale.length === 0) return 0;
    io.stderr(
      `${stale.join(', ')} ${stale.length === 1 ? 'komt' : 'komen'} niet overeen met de zod-schema's in core/schemas/.\n` +
        `Voer 'npm run schemas' uit en commit het resultaat.\n`,
    );
    return 1;
  }
  for (const [file, text] of expected) {
    if (io.readFile(file) === text) continue;
    io.writeFile(file, text);
    io.stdout(`${file} bijgewerkt\n`);
  }
  return 0;
}

if (import.meta.main) {
  process.exitCode = await run(process.argv.slice(2), {
    readFile: (file) => {
      try {
        return readFileSync(join(ROOT, file), 'utf8');
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
        throw error;
      }
    },
    writeFile: (file, text) => {
      mkdirSync(dirname(join(ROOT, file)), { recursive: true });
      writeFileSync(join(ROOT, file), text);
    },
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
  });
}
