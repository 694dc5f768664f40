import { readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { basename, relative, resolve } from 'node:path';
import {
  createLocator,
  mergeScans,
  readEvaluation,
  readRegulations,
  scanComplaints,
  splitFrontMatter,
  type ComplaintFacts,
  type ComplaintScan,
  type Diagnostic,
  type EvaluationRecord,
  type IsoDate,
  type Locate,
  type RegulationSet,
  type ScanOptions,
} from '../core/index.ts';
import { isDir, listMarkdown, readSources, requireDir } from './read-sources.ts';
import { ScanWorker } from './scan-worker-client.ts';

/** Where a register is: `root` is the folder relative paths start from (the CLI's cwd, the site's root). */
export interface RegisterLocation {
  root: string;
  /** The register folder (complaints in `<register>/complaints`, evaluations in `<register>/evaluations`). */
  register: string;
  /** The regulations folder. */
  regulations: string;
}

/** The regulations, read and checked. */
export interface LoadedRegulations {
  regulations: RegulationSet;
  /** Findings in the regulation files; a file with errors is not in `regulations`. */
  diagnostics: Diagnostic[];
  /** The text of each valid regulation file, by file, for the site. */
  bodies: Map<string, string>;
}

/**
 * Reads and checks the regulations.
 * @throws {RegisterError} `folder-missing` (folder `regulations`).
 */
export function loadRegulations(root: string, dir: string): LoadedRegulations {
  const path = resolve(root, dir);
  requireDir(path, 'regulations');
  return readRegulations([...readSources(listMarkdown(path), root)]);
}

/** The complaints folder of a register. */
export function complaintsDir(root: string, register: string): string {
  return resolve(root, register, 'complaints');
}

/** The evaluations folder of a register. */
export function evaluationsDir(root: string, register: string): string {
  return resolve(root, register, 'evaluations');
}

/**
 * The complaints folder of a register.
 * @throws {RegisterError} `folder-missing` (folder `complaints`) when it does not exist.
 */
export function existingComplaintsDir(root: string, register: string): string {
  const dir = complaintsDir(root, register);
  requireDir(dir, 'complaints');
  return dir;
}

/**
 * Reads and checks the directors' evaluations, `<register>/evaluations/<slug>/<year>.md`; a register
 * without that folder has none.
 */
export function loadEvaluations(
  root: string,
  register: string,
  regulations: RegulationSet,
): { evaluations: EvaluationRecord[]; diagnostics: Diagnostic[]; fileCount: number } {
  const dir = evaluationsDir(root, register);
  if (!isDir(dir)) return { evaluations: [], diagnostics: [], fileCount: 0 };
  const evaluations: EvaluationRecord[] = [];
  const diagnostics: Diagnostic[] = [];
  const paths = listMarkdown(dir);
  for (const source of readSources(paths, root)) {
    const read = readEvaluation(source, regulations);
    diagnostics.push(...read.diagnostics);
    if (read.record && !read.diagnostics.some((d) => d.severity === 'error')) evaluations.push(read.record);
  }
  return { evaluations, diagnostics, fileCount: paths.length };
}

/** What to read besides checking. */
export interface LoadOptions extends RegisterLocation, Partial<ScanOptions> {
  today: IsoDate;
  /**
   * Receives the statuses (JSON, with `file`) in file order while the register is read, so a large
   * register is never held whole; without it they come back in `statuses`.
   */
  onStatuses?: (batch: readonly string[]) => void;
  /** A register without a complaints folder: an error (the CLI) or an empty register (the site). */
  missingComplaints?: 'error' | 'empty';
  /** Regulations already read (the site reads them once per build). */
  loadedRegulations?: LoadedRegulations;
}

/** The files with errors, by kind: a broken regulation stops more than a broken complaint. */
export interface InvalidByKind {
  regulations: string[];
  complaints: string[];
  evaluations: string[];
}

/** The whole register, read and checked. */
export interface LoadedRegister {
  regulations: RegulationSet;
  /** The text of each valid regulation file (for the site). */
  regulationBodies: Map<string, string>;
  /** Number of complaint files. */
  fileCount: number;
  /** Every finding in regulations, complaints and evaluations, sorted by file, line and column. */
  diagnostics: Diagnostic[];
  /** Files with at least one error: their complaints do not count in figures or issues. */
  invalidFiles: Set<string>;
  /** The same files by kind, sorted. */
  invalid: InvalidByKind;
  /** Statuses as JSON in file order, when asked for and not streamed to `onStatuses`. */
  statuses: string[];
  /** Facts of the valid complaints, when asked for. */
  facts: ComplaintFacts[];
  /** The valid evaluations. */
  evaluations: EvaluationRecord[];
  /** Number of evaluation files. */
  evaluationFileCount: number;
}

/** Below this many complaint files one thread is quicker than starting a worker. */
const PARALLEL_FROM = 4000;
/** Files per block handed to a thread; two blocks in flight bound the memory of a streamed status. */
const BLOCK = 2000;

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

/** Complaint files in id order: by file name (which `check` holds equal to the id), then by path. */
function complaintPaths(dir: string): string[] {
  return listMarkdown(dir)
    .map((path) => ({ path, name: basename(path) }))
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : a.path < b.path ? -1 : a.path > b.path ? 1 : 0))
    .map((entry) => entry.path);
}

function blocksOf<T>(items: readonly T[], size: number): T[][] {
  const blocks: T[][] = [];
  for (let i = 0; i < items.length; i += size) blocks.push(items.slice(i, i + size));
  return blocks;
}

/**
 * The one way to read a register, for every command and the site: regulations, complaints and
 * evaluations, each file checked on its own, then the rules across files (unique ids). A large
 * register is read in blocks on two threads, the main thread and a worker taking turns, so statuses
 * stream out in order while the next block is being read.
 * @throws {RegisterError} `folder-missing` for the regulations folder, and for the complaints folder
 *   unless `missingComplaints` is `empty`. Broken files never throw: they are in `diagnostics`.
 */
export async function loadRegister(options: LoadOptions): Promise<LoadedRegister> {
  const { root, today } = options;
  const regs = options.loadedRegulations ?? loadRegulations(root, options.regulations);
  const dir = complaintsDir(root, options.register);
  if (!isDir(dir) && options.missingComplaints !== 'empty') requireDir(dir, 'complaints');
  const paths = isDir(dir) ? complaintPaths(dir) : [];
  const scanOptions: ScanOptions = {
    withStatus: options.withStatus ?? false,
    withFacts: options.withFacts ?? false,
    organisation: options.organisation,
  };

  const statuses: string[] = [];
  const scans: ComplaintScan[] = [];
  const take = (scan: ComplaintScan): void => {
    if (scan.statuses.length > 0) {
      if (options.onStatuses) options.onStatuses(scan.statuses);
      else for (const status of scan.statuses) statuses.push(status);
    }
    scans.push({ ...scan, statuses: [] });
  };
  const scanHere = (block: readonly string[]): ComplaintScan =>
    scanComplaints(readSources(block, root), regs.regulations, today, scanOptions);

  if (paths.length >= PARALLEL_FROM && availableParallelism() > 1) {
    const worker = new ScanWorker({ root, regulations: options.regulations, today, ...scanOptions });
    try {
      const blocks = blocksOf(paths, BLOCK);
      // The worker takes the odd blocks, one ahead: while this thread reads block i, it reads i + 1.
      for (let i = 0; i < blocks.length; i += 2) {
        const next = blocks[i + 1];
        const pending = next === undefined ? undefined : worker.scan(next);
        take(scanHere(blocks[i] ?? []));
        if (pending) take(await pending);
      }
    } finally {
      await worker.close();
    }
  } else {
    take(scanHere(paths));
  }

  const byFile = new Map(paths.map((path) => [relative(root, path) || path, path]));
  const evaluations = loadEvaluations(root, options.register, regs.regulations);
  const merged = mergeScans(scans, (file) => idLocator(byFile.get(file) ?? file), [
    ...regs.diagnostics,
    ...evaluations.diagnostics,
  ]);
  const kindOf = (file: string): keyof InvalidByKind => {
    const path = resolve(root, file);
    if (byFile.has(file)) return 'complaints';
    return path.startsWith(evaluationsDir(root, options.register)) ? 'evaluations' : 'regulations';
  };
  const invalid: InvalidByKind = { regulations: [], complaints: [], evaluations: [] };
  for (const file of [...merged.invalidFiles].sort()) invalid[kindOf(file)].push(file);
  return {
    regulations: regs.regulations,
    regulationBodies: regs.bodies,
    fileCount: paths.length,
    diagnostics: merged.diagnostics,
    invalidFiles: merged.invalidFiles,
    invalid,
    statuses,
    facts: merged.facts,
    evaluations: evaluations.evaluations,
    evaluationFileCount: evaluations.fileCount,
  };
}
