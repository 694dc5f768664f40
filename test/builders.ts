import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseYaml, stringify } from 'yaml';
import {
  buildRegulationSet,
  ComplaintSchema,
  createLocator,
  mergeScans,
  scanComplaints,
  splitFrontMatter,
  type Diagnostic,
  type IsoDate,
  readRegulations,
  RegulationSchema,
  stripPersonal,
  type Complaint,
  type Regulation,
  type RegulationSet,
  type SourceFile,
} from '../core/index.ts';

export const ROOT = join(import.meta.dirname, '..');

/**
 * The tests' own copy of the sample project (register/ and regulations/ as shipped). The product's tests
 * never read the project's register/ and regulations/: an organisation replaces those with its own data,
 * and `npm test` stays green (.ci/run proves it).
 */
export const SAMPLE = join(ROOT, 'test/fixtures/sample');
export const SAMPLE_REGISTER = join(SAMPLE, 'register');
export const SAMPLE_REGULATIONS = join(SAMPLE, 'regulations');

/**
 * Checks complaint files as `loadRegister` does, in memory: each file on its own (the core's
 * scanComplaints), then the rules across files (mergeScans).
 */
export function checkSources(
  sources: readonly SourceFile[],
  regulations: RegulationSet,
  today: IsoDate,
): { diagnostics: Diagnostic[]; invalidFiles: Set<string> } {
  const scan = scanComplaints(sources, regulations, today, { withStatus: false, withFacts: false });
  const text = new Map(sources.map((source) => [source.file, source.text]));
  return mergeScans([scan], (file) => {
    const parts = splitFrontMatter(text.get(file) ?? '', file);
    return createLocator(parts.yaml, parts.yamlLine);
  });
}

/** The sample project's regulations (test/fixtures/sample/regulations). */
export function projectRegulations(): RegulationSet {
  const dir = SAMPLE_REGULATIONS;
  const sources: SourceFile[] = readdirSync(dir, { recursive: true })
    .map(String)
    .filter((f) => f.endsWith('.md'))
    .map((f) => ({ file: `regulations/${f}`, text: readFileSync(join(dir, f), 'utf8') }));
  const { regulations, diagnostics } = readRegulations(sources);
  if (diagnostics.length > 0) throw new Error(JSON.stringify(diagnostics));
  return regulations;
}

const BASE_REGULATION = {
  title: 'Testreglement',
  summary: 'Een verzonnen reglement voor tests.',
  organisation: { name: 'Testorganisatie', slug: 'test', categories: ['communicatie', 'bejegening'] },
  version: '1',
  effective: '2020-01-01',
  complaint: { channels: ['email', 'post'], oral: false, requiredContents: ['name'] },
  independence: 'De behandelaar is niet betrokken.',
  steps: [
    { id: 'ontvangst', title: 'Ontvangen', actor: 'team', auto: 'received' },
    {
      id: 'bevestiging',
      title: 'Bevestigd',
      actor: 'behandelaar',
      deadline: { amount: 5, unit: 'workingDays', from: 'received' },
    },
    { id: 'reactie', title: 'Reactie', actor: 'behandelaar', deadline: { amount: 4, unit: 'weeks', from: 'received' } },
    {
      id: 'niet-in-behandeling',
      title: 'Bericht',
      actor: 'behandelaar',
      condition: 'inadmissible',
      deadline: { amount: 4, unit: 'weeks', from: 'received' },
    },
    { id: 'opgelost', title: 'Opgelost', actor: 'behandelaar', event: 'het oplossen van de klacht' },
    { id: 'verslag', title: 'Verslag', actor: 'behandelaar', deadline: { amount: 2, unit: 'weeks', from: 'opgelost' } },
  ],
  extension: { allowed: true, max: { amount: 4, unit: 'weeks' }, times: 1, steps: ['reactie'] },
  suspension: { allowed: true },
  evaluation: { cadence: 'yearly' },
  retention: { amount: 2, unit: 'years' },
};

/** A regulation for tests; `overrides` replace top-level fields. */
export function makeRegulation(overrides: Partial<Record<keyof Regulation, unknown>> = {}): Regulation {
  return RegulationSchema.parse({ ...BASE_REGULATION, ...overrides });
}

/** A one-version regulation set around {@link makeRegulation}. */
export function makeRegulationSet(overrides: Partial<Record<keyof Regulation, unknown>> = {}): RegulationSet {
  return buildRegulationSet([{ file: 'regulations/test/1.md', regulation: makeRegulation(overrides) }]);
}

const BASE_COMPLAINT = {
  id: 'KL-2026-0001',
  organisation: 'test',
  received: '2026-04-01',
  channel: 'email',
  form: 'written',
  complainant: { name: 'Test Verzonnen', email: 'test.verzonnen@voorbeeld.example' },
  handler: 'behandelaar-a',
};

/** Complaint front matter for tests, before parsing. */
export function complaintFields(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  // An override of `undefined` removes the field.
  return Object.fromEntries(
    Object.entries<unknown>({ ...BASE_COMPLAINT, ...overrides }).filter(([, value]) => value !== undefined),
  );
}

/** A parsed complaint for tests. */
export function makeComplaint(overrides: Record<string, unknown> = {}): Complaint {
  return ComplaintSchema.parse(complaintFields(overrides));
}

/** A complaint file's text. */
export function complaintText(overrides: Record<string, unknown> = {}, body = 'Verzonnen klachttekst.\n'): string {
  return `---\n${stringify(complaintFields(overrides))}---\n${body}`;
}

/** A date on its own identifies no one, and the same date is often a step of another complaint. */
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

function stringLeaves(value: unknown, into: Set<string>): Set<string> {
  if (typeof value === 'string') into.add(value);
  else if (Array.isArray(value)) for (const item of value) stringLeaves(item, into);
  else if (value !== null && typeof value === 'object') for (const item of Object.values(value)) stringLeaves(item, into);
  return into;
}

/**
 * Every personal value in a register folder: each field the schema marks as personal data (complainant,
 * notes, reasons, measure descriptions) and each line of complaint text. Used to prove that no output
 * carries them.
 */
export function personalValues(registerDir: string): string[] {
  const values = new Set<string>();
  const dir = join(registerDir, 'complaints');
  for (const name of readdirSync(dir, { recursive: true }).map(String)) {
    if (!name.endsWith('.md')) continue;
    const text = readFileSync(join(dir, name), 'utf8');
    const [, front = '', body = ''] = /^---\n([\s\S]*?)\n---\n([\s\S]*)$/.exec(text) ?? [];
    const complaint = ComplaintSchema.safeParse(parseYaml(front));
    if (complaint.success) {
      const kept = stringLeaves(stripPersonal(ComplaintSchema, complaint.data), new Set());
      for (const value of stringLeaves(complaint.data, new Set()))
        if (!kept.has(value) && value.length > 3 && !ISO_DATE.test(value)) values.add(value);
    }
    for (const line of body.split('\n')) if (line.trim().length > 12) values.add(line.trim());
  }
  return [...values];
}

/** The logins of the sample register's staff: handlers, involved people and owners, all assignable on the GitHub stand-in. */
export const SAMPLE_STAFF: readonly string[] = [
  'behandelaar-a',
  'behandelaar-b',
  'behandelaar-c',
  'coach-demo',
  'coord-voorbeeld',
  'directie-demo',
  'noloc-demo',
  'medewerker-x',
];
