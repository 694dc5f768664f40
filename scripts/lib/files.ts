import { closeSync, fstatSync, openSync, readdirSync, readFileSync, readSync, statSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { join, relative, resolve } from 'node:path';
import {
  checkUniqueIds,
  createLocator,
  MAX_FILE_BYTES,
  readEvaluation,
  readRegulations,
  sortDiagnostics,
  type ComplaintFacts,
  type EvaluationRecord,
  type RegulationSet,
  splitFrontMatter,
  type IsoDate,
  type Locate,
  type SourceFile,
} from '../../core/index.ts';
import { UsageError } from './args.ts';
import type { ScanWorkerData } from './scan-worker.ts';
import { scanShard, type ShardResult } from './scan-shard.ts';

/** Markdown files below `dir`, sorted, as absolute paths. */
export function listMarkdown(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.md') && entry.name !== 'README.md')
    .map((entry) => join(entry.parentPath, entry.name))
    .sort();
}

/** Stops with a usage error naming the flag when `dir` is not a folder. */
export function requireDir(dir: string, flag: string, what: string): void {
  if (!statSync(dir, { throwIfNoEntry: false })?.isDirectory())
    throw new UsageError(`${what} niet gevonden: ${dir} (geef de map op met ${flag})`);
}

/** Reads a file unless it is over the size limit; one open, fstat and read, as readFileSync does. */
function readLimited(path: string, file: string): SourceFile {
  const fd = openSync(path, 'r');
  try {
    const size = fstatSync(fd).size;
    // An oversized file is never read: the parser reports it from its size alone.
    if (size > MAX_FILE_BYTES) return { file, text: '', size };
    const buffer = Buffer.allocUnsafe(size);
    let read = 0;
    while (read < size) {
      const n = readSync(fd, buffer, read, size - read, read);
      if (n === 0) break;
      read += n;
    }
    return { file, text: buffer.toString('utf8', 0, read) };
  } finally {
    closeSync(fd);
  }
}

/** Reads files lazily, so a large register is never held in memory as text all at once. */
export function* readSources(paths: readonly string[], cwd: string): Generator<SourceFile> {
  for (const path of paths) {
    const file = relative(cwd, path) || path;
    yield readLimited(path, file);
  }
}

/** The complaints folder of a register. */
export function complaintsDir(cwd: string, register: string): string {
  return resolve(cwd, register, 'complaints');
}

/** The complaints folder of a register; a usage error when it does not exist. */
export function existingComplaintsDir(cwd: string, register: string): string {
  const dir = complaintsDir(cwd, register);
  requireDir(dir, '--register', COMPLAINTS_DIR);
  return dir;
}

/** How messages name the complaints folder. */
export const COMPLAINTS_DIR = 'map met klachtdossiers (<register>/complaints)';

/** The evaluations folder of a register. */
export function evaluationsDir(cwd: string, register: string): string {
  return resolve(cwd, register, 'evaluations');
}

/**
 * Reads and checks the directors' evaluations, `<register>/evaluations/<slug>/<year>.md`; a register
 * without that folder has none.
 */
export function loadEvaluations(
  cwd: string,
  register: string,
  regulations: RegulationSet,
): { evaluations: EvaluationRecord[]; diagnostics: ReturnType<typeof readEvaluation>['diagnostics']; fileCount: number } {
  const dir = evaluationsDir(cwd, register);
  if (!statSync(dir, { throwIfNoEntry: false })?.isDirectory()) return { evaluations: [], diagnostics: [], fileCount: 0 };
  const evaluations: EvaluationRecord[] = [];
  const diagnostics = [];
  const paths = listMarkdown(dir);
  for (const source of readSources(paths, cwd)) {
    const read = readEvaluation(source, regulations);
    diagnostics.push(...read.diagnostics);
    if (read.record && !read.diagnostics.some((d) => d.severity === 'error')) evaluations.push(read.record);
  }
  return { evaluations, diagnostics, fileCount: paths.length };
}

/** Reads and checks the regulations (the site also takes their text). */
export function loadRegulations(cwd: string, dir: string): ReturnType<typeof readRegulations> {
  const root = resolve(cwd, dir);
  requireDir(root, '--regulations', 'map met reglementen');
  return readRegulations([...readSources(listMarkdown(root), cwd)]);
}

/** Below this many files one thread is quicker than starting a worker. */
const PARALLEL_FROM = 4000;

/** Where an id stands in a file, read again only for the rare duplicate. */
function idLocator(path: string): Locate {
  return (p, key = false) => {
    try {
      const parts = splitFrontMatter(readFileSync(path, 'utf8'), path);
      return createLocator(parts.yaml, parts.yamlLine)(p, key);
    } catch {
      return { line: 1, column: 1 };
    }
  };
}

/**
 * Reads and checks regulations and every complaint file; with `withStatus`, also computes each
 * complaint's status (as JSON, sorted by id). Large registers are checked on two threads.
 */
export async function loadRegister(options: {
  cwd: string;
  register: string;
  regulations: string;
  today: IsoDate;
  withStatus?: boolean;
  /** Also collect each complaint's facts for the evaluation (files with errors left out). */
  withFacts?: boolean;
  organisation?: string | undefined;
}) {
  const { regulations, diagnostics: regulationDiagnostics } = loadRegulations(options.cwd, options.regulations);
  const dir = existingComplaintsDir(options.cwd, options.register);
  const paths = listMarkdown(dir);
  const shardOptions = {
    withStatus: options.withStatus ?? false,
    withFacts: options.withFacts ?? false,
    organisation: options.organisation,
  };
  // The main thread also merges afterwards, so the worker takes a little more than half.
  const split = paths.length >= PARALLEL_FROM && availableParallelism() > 1 ? Math.ceil(paths.length * 0.45) : paths.length;
  let worker: Promise<ShardResult> | undefined;
  if (split < paths.length) {
    const workerData: ScanWorkerData = {
      paths: paths.slice(split),
      cwd: options.cwd,
      regulations: options.regulations,
      today: options.today,
      ...shardOptions,
    };
    worker = runWorker(new URL('./scan-worker.ts', import.meta.url), workerData);
  }
  const shards = [scanShard(readSources(paths.slice(0, split), options.cwd), regulations, options.today, shardOptions)];
  if (worker) shards.push(await worker);

  const byPath = new Map(paths.map((path) => [relative(options.cwd, path) || path, path]));
  const items = shards.flatMap((shard) =>
    shard.ids.map(([id, file]) => ({ file, complaint: { id }, locate: idLocator(byPath.get(file) ?? file) })),
  );
  const evaluations = loadEvaluations(options.cwd, options.register, regulations);
  const diagnostics = sortDiagnostics([
    ...regulationDiagnostics,
    ...evaluations.diagnostics,
    ...shards.flatMap((s) => s.diagnostics),
    ...checkUniqueIds(items),
  ]);
  const statuses = shards.flatMap((s) => s.statuses).sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  const invalidFiles = new Set(diagnostics.filter((d) => d.severity === 'error').map((d) => d.file));
  const facts: ComplaintFacts[] = [];
  for (const shard of shards) for (const [file, fact] of shard.facts) if (!invalidFiles.has(file)) facts.push(fact);
  return {
    regulations,
    fileCount: paths.length,
    diagnostics,
    invalidFiles,
    statuses: statuses.map(([, json]) => json),
    facts,
    evaluations: evaluations.evaluations,
    evaluationFileCount: evaluations.fileCount,
  };
}

/** The register a command names with `--register` and `--regulations`, with every complaint's status on `today`. */
export function loadStatuses(
  io: { cwd: string },
  values: { register: string; regulations: string },
  today: IsoDate,
  organisation?: string,
): ReturnType<typeof loadRegister> {
  return loadRegister({
    cwd: io.cwd,
    register: values.register,
    regulations: values.regulations,
    today,
    withStatus: true,
    organisation,
  });
}

function runWorker(url: URL, workerData: ScanWorkerData): Promise<ShardResult> {
  return new Promise((resolvePromise, reject) => {
    const worker = new Worker(url, { workerData });
    worker.once('message', (result: ShardResult) => {
      resolvePromise(result);
    });
    worker.once('error', reject);
    worker.once('exit', (code) => {
      if (code !== 0) reject(new Error(`controle-thread stopte met code ${code}`));
    });
  });
}
