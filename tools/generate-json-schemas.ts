#!/usr/bin/env node
// Writes the JSON Schemas in `json-schemas/` from the zod schemas in `core/schemas/`, so editors can offer
// completion and validation for front matter. Field descriptions are the zod schemas' own
// `.meta({ description })`. `--check` only compares (for lint and CI).
//
//   node tools/generate-json-schemas.ts          write json-schemas/*.schema.json
//   node tools/generate-json-schemas.ts --check  exit 1 when a committed file is out of date
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import * as prettier from 'prettier';
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
    file: 'json-schemas/complaint.schema.json',
    schema: ComplaintSchema,
    title: 'Klachtdossier',
    description:
      'De front matter (de velden tussen de regels ---) van een klachtdossier, register/complaints/<jaar>/<id>.md. Datums zonder aanhalingstekens, bijvoorbeeld 2026-03-05.',
    source: 'core/schemas/complaint.ts',
  },
  {
    file: 'json-schemas/regulation.schema.json',
    schema: RegulationSchema,
    title: 'Klachtenreglement',
    description:
      'De front matter van een klachtenreglement, regulations/<organisatie>/<ingangsdatum>.md: de procedure als data. De tekst van het reglement staat eronder.',
    source: 'core/schemas/regulation.ts',
  },
  {
    file: 'json-schemas/evaluation.schema.json',
    schema: EvaluationSchema,
    title: 'Jaarevaluatie',
    description:
      'De front matter van een jaarevaluatie van de directie, register/evaluations/<organisatie>/<jaar>.md. Alleen goedgekeurde evaluaties komen op de site.',
    source: 'core/schemas/evaluation.ts',
  },
];

/** Opening words of every personal-data field's description. */
export const PERSONAL_DATA_NOTE = 'Persoonsgegeven';

const DATE_PATTERN = '^\\d{4}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\\d|3[01])$';

const ROOT = join(import.meta.dirname, '..');

/** The text of every generated file, by path, formatted as Prettier would. */
export async function generateSchemas(): Promise<Map<string, string>> {
  const files = await Promise.all(
    TARGETS.map(async (target): Promise<[string, string]> => {
      const options = (await prettier.resolveConfig(join(ROOT, target.file))) ?? {};
      return [target.file, await prettier.format(render(target), { ...options, filepath: target.file })];
    }),
  );
  return new Map(files);
}

/** The generated files whose committed text differs or is missing. */
export function staleFiles(expected: ReadonlyMap<string, string>, readFile: (file: string) => string | undefined): string[] {
  return [...expected].filter(([file, text]) => readFile(file) !== text).map(([file]) => file);
}

function render(target: Target): string {
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
  const root: JsonSchema = {
    ...generated,
    $id: basename(target.file),
    title: target.title,
    description: target.description,
    $comment: `Gegenereerd uit ${target.source} door tools/generate-json-schemas.ts; niet met de hand bewerken.`,
  };
  return JSON.stringify(canonical(root), null, 2);
}

/**
 * Adds what zod cannot express itself: date formats, Dutch pattern messages, personal-data notes. Runs
 * for every schema, also for the copies `.meta()` makes: a copy has the same definition (checks and
 * all) and its original as `_zod.parent`.
 */
function annotate(schema: z.core.$ZodType, json: JsonSchema): void {
  if (derivesFrom(schema, IsoDateSchema)) {
    // The date check is a refinement, which JSON Schema cannot see: give editors a pattern and format.
    json.format = 'date';
    json.pattern = DATE_PATTERN;
    const message = errorMessage(IsoDateSchema._zod.def.error, { code: 'invalid_type', expected: 'string', input: '' });
    if (message !== undefined) json.patternErrorMessage = message;
  }
  const message = formatMessage(schema);
  if (message !== undefined && json.patternErrorMessage === undefined) json.patternErrorMessage = message;
  // `has`, not `get` (which also answers for a copy of a registered schema): what `stripPersonal` strips.
  const personal = personalData.has(schema) ? personalData.get(schema) : undefined;
  if (personal !== undefined) {
    const note = `${PERSONAL_DATA_NOTE} (${personal.description}): blijft in het register en komt niet in issues, logboeken, de site of rapportages.`;
    const own = json.description;
    json.description = typeof own === 'string' && own !== '' ? `${note}\n\n${own}` : note;
  }
}

/** Whether `schema` is `base` or a copy of it made by `.meta()` or `.describe()`. */
function derivesFrom(schema: z.core.$ZodType, base: z.core.$ZodType): boolean {
  for (let current: z.core.$ZodType | undefined = schema; current !== undefined; current = current._zod.parent) {
    if (current === base) return true;
  }
  return false;
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
    io.stderr(
      `generate-json-schemas: onbekende optie ${unknown.join(' ')}\nGebruik: node tools/generate-json-schemas.ts [--check]\n`,
    );
    return 2;
  }
  const expected = await generateSchemas();
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
