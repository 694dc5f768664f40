import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join, resolve } from 'node:path';
import {
  createLocator,
  frozenFileOf,
  frozenProblems,
  mergeScans,
  readEvaluation,
  readRegulations,
  splitFrontMatter,
  type ComplaintFacts,
  type ComplaintScan,
  type Diagnostic,
  type Evaluation,
  type EvaluationRecord,
  type FrozenFigures,
  type IsoDate,
  type Locate,
  type RegulationSet,
  type ScanOptions,
} from '../core/index.ts';
import type { DiagnosticCode } from '../core/register/codes.ts';
import {
  isDir,
  listMarkdown,
  listMarkdownEntries,
  readFileChecked,
  readSources,
  relativeNamer,
  requireDir,
} from './read-sources.ts';
import { scanBlock, ScanWorker, unpackStatuses, type PackedScan } from './scan-worker-client.ts';

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

/** Stops unless the regulations folder exists (before anything else is read). */
function requireRegulations(root: string, dir: string): void {
  requireDir(resolve(root, dir), 'regulations');
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
  const sources = [...readSources(paths, root)];
  sources.forEach((source, index) => {
    const read = readEvaluation(source, regulations);
    diagnostics.push(...read.diagnostics);
    if (!read.record || read.diagnostics.some((d) => d.severity === 'error')) return;
    const frozen = readFrozen(frozenFileOf(paths[index] ?? ''), frozenFileOf(source.file), read.record.evaluation);
    diagnostics.push(...frozen.diagnostics);
    evaluations.push(frozen.figures ? { ...read.record, frozen: frozen.figures } : read.record);
  });
  return { evaluations, diagnostics, fileCount: paths.length };
}

/**
 * The figures fixed at an evaluation's approval, when its `<year>.cijfers.json` exists: read safely,
 * and checked to belong to the evaluation and to publish no count below the threshold.
 */
function readFrozen(path: string, file: string, evaluation: Evaluation): { figures?: FrozenFigures; diagnostics: Diagnostic[] } {
  if (!existsSync(path)) return { diagnostics: [] };
  const { source } = readFileChecked(path, file);
  const finding = (severity: Diagnostic['severity'], code: DiagnosticCode, message: string): Diagnostic => ({
    severity,
    code,
    file,
    line: 1,
    column: 1,
    message,
  });
  let value: unknown;
  try {
    if (source.problem !== undefined) throw new Error('niet te lezen');
    value = JSON.parse(source.text);
  } catch {
    return {
      diagnostics: [
        finding(
          'error',
          'frozen-figures',
          'de vastgestelde cijfers zijn geen leesbare JSON; schrijf ze opnieuw met klachten evaluate --freeze',
        ),
      ],
    };
  }
  const problems = frozenProblems(value, evaluation);
  if (problems.length > 0)
    return {
      diagnostics: problems.slice(0, 5).map((problem) => finding('error', 'frozen-figures', `vastgestelde cijfers: ${problem}`)),
    };
  const diagnostics =
    evaluation.approval === undefined
      ? [finding('warning', 'frozen-draft', 'cijfers vastgelegd voor een evaluatie die nog niet is goedgekeurd')]
      : [];
  return { figures: value as FrozenFigures, diagnostics };
}

/** What to read besides checking. */
export interface LoadOptions extends RegisterLocation, Partial<ScanOptions> {
  today: IsoDate;
  /**
   * Receives the statuses (JSON, with `file`) in file order while the register is read, so a large
   * register is never held whole; without it they come back in `statuses`.
   */
  onStatuses?: (batch: readonly string[]) => void;
  /**
   * Receives the same statuses as UTF-8 JSON, a batch at a time: one status per line, separated by
   * `,\n` (none before the first or after the last of a batch). What `klachten status --json` writes,
   * without the statuses ever becoming strings on this thread. Takes the place of `onStatuses`.
   */
  onStatusJson?: (batch: Uint8Array) => void;
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
/**
 * Files per block handed to a thread. Small blocks keep both threads busy to the end and keep what
 * waits for its turn small; each costs a message and a turn of the event loop, a fraction of a
 * millisecond.
 */
const BLOCK = 250;
/** Blocks queued at the worker, so it never waits for the main thread to hand it the next one. */
const AHEAD = 2;
/** How far past the first block not yet taken the main thread may read: bounds the blocks held. */
const WINDOW = 8;

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

/** Bytes of folder entries taken for {@link PARALLEL_FROM} files: 16 each (ext4 uses 28 for an id's file name, tmpfs 20, btrfs 34). */
const ENTRY_BYTES = 16;

/**
 * Whether the complaints folder looks as if it holds {@link PARALLEL_FROM} files or more, before they
 * are listed (a tenth of a second at 100,000): from the sizes the folder and its year folders report,
 * which on Linux file systems grow with their entries. Where a folder's size says nothing (0 on
 * Windows) this is false and the worker starts after the listing; where it says too much (a folder
 * that once held many files), a worker starts and stops again unused.
 */
function looksLarge(dir: string): boolean {
  try {
    let bytes = statSync(dir).size;
    // Files straight in the folder (not in year folders): large already, and not listed twice.
    if (bytes >= PARALLEL_FROM * ENTRY_BYTES) return true;
    for (const entry of readdirSync(dir, { withFileTypes: true }))
      if (entry.isDirectory()) bytes += statSync(join(dir, entry.name)).size;
    return bytes >= PARALLEL_FROM * ENTRY_BYTES;
  } catch {
    return false;
  }
}

/** Complaint files in id order: by file name (which `check` holds equal to the id), then by path. */
function complaintPaths(dir: string): string[] {
  return listMarkdownEntries(dir)
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : a.path < b.path ? -1 : a.path > b.path ? 1 : 0))
    .map((entry) => entry.path);
}

function blocksOf<T>(items: readonly T[], size: number): T[][] {
  const blocks: T[][] = [];
  for (let i = 0; i < items.length; i += size) blocks.push(items.slice(i, i + size));
  return blocks;
}

/** One turn of the event loop: the worker's answers come in, a piped stdout writes out. */
function turn(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

/**
 * Whether stdout holds more than its buffer should. Writing to a pipe is asynchronous: a slow reader
 * must not make the streamed statuses pile up in the stream's buffer.
 */
function stdoutFull(): boolean {
  return process.stdout.writableNeedDrain && !process.stdout.destroyed;
}

/** Waits until stdout has written what it holds (or is closed). */
async function stdoutDrained(): Promise<void> {
  if (!stdoutFull()) return;
  const out = process.stdout;
  await new Promise<void>((resolve) => {
    const done = (): void => {
      out.off('drain', done);
      out.off('close', done);
      resolve();
    };
    out.on('drain', done);
    out.on('close', done);
  });
}

/**
 * The main thread's young generation, in MB per half. V8 doubles a heap's young generation whenever
 * enough of it survived a collection, here up to two halves of 64 MB: reading a large register (ids
 * that live to the end, blocks that wait their turn) grows it all the way, though 16 MB halves read as
 * fast. While a register of more than one block is read, on one thread or two, it stops growing once
 * it is that size (the worker's is fixed at that size, see ScanWorker): about 100 MB less at the peak
 * with two threads, 280 MB instead of 180 MB with one. V8's growth factor is a process-wide setting,
 * put back afterwards.
 */
const SEMI_SPACE_MB = 16;

async function holdYoungGeneration(): Promise<{ check: () => void; release: () => void }> {
  const { getHeapSpaceStatistics, setFlagsFromString } = await import('node:v8');
  let held = false;
  return {
    check: () => {
      if (held) return;
      const young = getHeapSpaceStatistics().find((space) => space.space_name === 'new_space');
      if ((young?.space_size ?? 0) < 2 * SEMI_SPACE_MB * 1024 * 1024) return;
      setFlagsFromString('--semi-space-growth-factor=1');
      held = true;
    },
    release: () => {
      if (held) setFlagsFromString('--semi-space-growth-factor=2');
      held = false;
    },
  };
}

/**
 * Reads the blocks on two threads and hands each scan to `take` in block order. Once the worker is
 * ready it is kept {@link AHEAD} blocks ahead; the main thread reads the next block itself whenever
 * the one due is still at the worker, or cannot be taken yet because stdout is full (at most
 * {@link WINDOW} blocks past it), and takes the scans in between, its own and the worker's: neither
 * thread waits for the other. Should the worker fail, the main thread reads its blocks again.
 */
async function scanInTurns(
  blocks: readonly (readonly string[])[],
  worker: ScanWorker,
  scanHere: (block: readonly string[]) => PackedScan,
  take: (scan: PackedScan) => void,
  options: { streaming: boolean; between: () => void },
): Promise<void> {
  const done: (PackedScan | undefined)[] = [];
  const atWorker = new Map<number, Promise<PackedScan>>();
  let next = 0;
  // A worker started before the listing has often read the regulations by now: its word that it is
  // ready comes in on a turn of the event loop, which a first block read here (the slowest, before the
  // code is compiled: 50–70 ms at 100,000) would put off while the worker waits.
  if (!worker.ready) await turn();
  for (let first = 0; first < blocks.length;) {
    while (worker.ready && atWorker.size < AHEAD && next < blocks.length) {
      const index = next++;
      const scan = worker.scan(blocks[index] ?? []);
      atWorker.set(index, scan);
      scan.then(
        (result) => {
          done[index] = result;
          atWorker.delete(index);
        },
        () => undefined, // handled below, where the block is due
      );
    }
    options.between();
    const due = done[first];
    const full = options.streaming && stdoutFull();
    if (due !== undefined && !full) {
      done[first] = undefined;
      first += 1;
      take(due);
    } else if (next < blocks.length && next - first < WINDOW) {
      const index = next++;
      done[index] = scanHere(blocks[index] ?? []);
      await turn();
    } else if (due !== undefined) {
      await stdoutDrained();
    } else {
      try {
        await atWorker.get(first);
      } catch {
        // The worker stopped (it never should): what it had, this thread reads.
        for (const index of atWorker.keys()) done[index] = scanHere(blocks[index] ?? []);
        atWorker.clear();
      }
    }
  }
}

/**
 * `[id, file]` of every id that occurs more than once, in file order: all the rule across files
 * (unique ids) needs, without a file name for each of 100,000 complaints.
 */
function repeatedIds(ids: readonly string[], at: Int32Array, fileOf: (index: number) => string): [string, string][] {
  const count = new Map<string, number>();
  for (const id of ids) count.set(id, (count.get(id) ?? 0) + 1);
  const repeated: [string, string][] = [];
  ids.forEach((id, index) => {
    if ((count.get(id) ?? 0) > 1) repeated.push([id, fileOf(at[index] ?? 0)]);
  });
  return repeated;
}

/**
 * The one way to read a register, for every command and the site: regulations, complaints and
 * evaluations, each file checked on its own, then the rules across files (unique ids). A large
 * register is read in blocks on two threads, the main thread and a worker, while the statuses stream
 * out in file order.
 * @throws {RegisterError} `folder-missing` for the regulations folder, and for the complaints folder
 *   unless `missingComplaints` is `empty`. Broken files never throw: they are in `diagnostics`.
 */
export async function loadRegister(options: LoadOptions): Promise<LoadedRegister> {
  const { root, today } = options;
  if (!options.loadedRegulations) requireRegulations(root, options.regulations);
  const dir = complaintsDir(root, options.register);
  const hasComplaints = isDir(dir);
  if (!hasComplaints && options.missingComplaints !== 'empty') requireDir(dir, 'complaints');
  const scanOptions: ScanOptions = {
    withStatus: options.withStatus ?? false,
    withFacts: options.withFacts ?? false,
    organisation: options.organisation,
  };
  const parallel = availableParallelism() > 1;
  const startWorker = (): ScanWorker => ScanWorker.start({ root, regulations: options.regulations, today, ...scanOptions });
  // A large register's worker starts before the files are listed: it boots and reads the regulations
  // while this thread lists the files and reads the regulations too.
  // (Should it fail to start, a large register tries again below and says why; a small one never needed it.)
  let early: ScanWorker | undefined;
  try {
    if (parallel && hasComplaints && looksLarge(dir)) early = startWorker();
  } catch {
    early = undefined;
  }
  const paths = hasComplaints ? complaintPaths(dir) : [];
  let worker: ScanWorker | undefined;
  if (paths.length >= PARALLEL_FROM && parallel) worker = early ?? startWorker();
  // Fewer files than it looked: the worker stops unused.
  else await early?.close();

  const statuses: string[] = [];
  const scans: ComplaintScan[] = [];
  // Every id, in file order, with the place of its file in `paths`: for the rule across files.
  const ids: string[] = [];
  const idAt = new Int32Array(paths.length);
  const { onStatuses, onStatusJson } = options;
  let taken = 0;
  const take = (scan: PackedScan): void => {
    const first = taken * BLOCK;
    taken += 1;
    scans.push({ diagnostics: scan.diagnostics, ids: [], statuses: [], facts: scan.facts });
    scan.ids.forEach((id, index) => {
      idAt[ids.length] = first + (scan.at[index] ?? 0);
      ids.push(id);
    });
    for (const packed of scan.statuses) {
      if (onStatusJson) {
        onStatusJson(packed.text);
        continue;
      }
      // A status is a string only from here until it is written.
      const batch = unpackStatuses(packed);
      if (onStatuses) onStatuses(batch);
      else for (const status of batch) statuses.push(status);
    }
  };

  let regs: LoadedRegulations;
  try {
    regs = options.loadedRegulations ?? loadRegulations(root, options.regulations);
  } catch (error) {
    await worker?.close();
    throw error;
  }
  const scanHere = (block: readonly string[]): PackedScan => {
    const scan = scanBlock(block, root, regs.regulations, today, scanOptions);
    // What is kept to the end is copied, as a worker's scan is on its way here: a string the YAML
    // parser cut from a file's text (an id, a slug) would otherwise keep that whole text alive.
    return { ...scan, ...structuredClone({ ids: scan.ids, facts: scan.facts }) };
  };

  const streaming = onStatuses !== undefined || onStatusJson !== undefined;
  const blocks = blocksOf(paths, BLOCK);
  const young = blocks.length > 1 ? await holdYoungGeneration() : undefined;
  try {
    if (worker) await scanInTurns(blocks, worker, scanHere, take, { streaming, between: () => young?.check() });
    else {
      // One thread (a small register, or a machine with one core): the same blocks in turn, each handed
      // over as soon as it is read, so the statuses stream here too.
      for (const block of blocks) {
        take(scanHere(block));
        young?.check();
        if (streaming) await stdoutDrained();
      }
    }
  } finally {
    young?.release();
    await worker?.close();
  }

  // Complaint files by the name messages use; worked out only for a duplicate id or a broken file.
  const nameOf = relativeNamer(root);
  let byFile: Map<string, string> | undefined;
  const pathOf = (file: string): string | undefined => {
    byFile ??= new Map(paths.map((path) => [nameOf(path), path]));
    return byFile.get(file);
  };
  const evaluations = loadEvaluations(root, options.register, regs.regulations);
  const merged = mergeScans(
    [...scans, { diagnostics: [], ids: repeatedIds(ids, idAt, (index) => nameOf(paths[index] ?? '')), statuses: [], facts: [] }],
    (file) => idLocator(pathOf(file) ?? file),
    [...regs.diagnostics, ...evaluations.diagnostics],
  );
  const kindOf = (file: string): keyof InvalidByKind => {
    const path = resolve(root, file);
    if (pathOf(file) !== undefined) return 'complaints';
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
