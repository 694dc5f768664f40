import type { Worker } from 'node:worker_threads';
import {
  safeJson,
  scanComplaints,
  type ComplaintScan,
  type Diagnostic,
  type IsoDate,
  type RegulationSet,
  type ScanOptions,
  type SourceFile,
} from '../core/index.ts';
import { readSources } from './read-sources.ts';

/** What the worker needs to start: where the register is, the date and what to compute. */
export interface ScanWorkerData extends ScanOptions {
  root: string;
  regulations: string;
  today: IsoDate;
}

/** One block of paths to check. */
export interface ScanRequest {
  id: number;
  paths: readonly string[];
}

/**
 * Statuses packed as UTF-8 in one buffer, one per line: `status,\nstatus,\n…status`, each ending at
 * its offset in `ends` (the separator follows it). As they are, they are a piece of the JSON array
 * `klachten status --json` writes, so the main thread writes them out without decoding them. The worker transfers the
 * buffers (moved, not copied), where structured clone would copy every string twice and, for a
 * message over 100 KB, allocate them straight into the old generation; as bytes they also wait for
 * their turn without burdening the garbage collector. A pack holds {@link BATCH} statuses, about
 * 85 KB: small enough for the C library to reuse the memory of one pack for the next.
 */
export interface PackedStatuses {
  text: Uint8Array;
  ends: Uint32Array;
}

/**
 * A block's scan on its way to being taken: its statuses packed, and the ids (kept to the end for the
 * rule across files) with their file's place in the block instead of its name, which would take a
 * third of the main thread's heap.
 */
export interface PackedScan {
  /** Findings of the files on their own. */
  diagnostics: Diagnostic[];
  /** The id of every complaint with valid front matter, in file order… */
  ids: string[];
  /** …and the place of its file in the block. */
  at: Int32Array;
  /** `[file, facts]` of every complaint, when asked for. */
  facts: ComplaintScan['facts'];
  statuses: PackedStatuses[];
}

/** What the worker says: that it is ready for blocks, or the scan of one. */
export type ScanAnswer = { ready: true } | { id: number; scan: PackedScan };

/** Files scanned at a time within a block: their statuses are packed before the next ones are made. */
const BATCH = 50;

/**
 * Where packs are written before each is copied out at its own size: one buffer per thread, kept for
 * the next pack and grown when a pack needs more (UTF-8 takes at most three bytes per UTF-16 unit).
 */
let scratch = Buffer.allocUnsafeSlow(256 * 1024);

/** Room for `units` UTF-16 units more after the first `used` bytes of {@link scratch}. */
function makeRoom(used: number, units: number): void {
  if (scratch.length - used >= 3 * units) return;
  const bigger = Buffer.allocUnsafeSlow(Math.max(2 * scratch.length, used + 3 * units));
  scratch.copy(bigger, 0, 0, used);
  scratch = bigger;
}

/**
 * Writes `text` at `at` in {@link scratch} made safe, and returns the bytes written. Values from a file
 * may hold control or format characters, escaped with safeJson. A text whose UTF-8 is as long as the
 * text is ASCII, and JSON.stringify has escaped every control character in it but DEL: such a text
 * (most of them) is safe as it is, known from the one pass that encodes it.
 */
function writeSafe(text: string, at: number): number {
  makeRoom(at, text.length);
  const bytes = scratch.write(text, at);
  const safe = bytes === text.length && !text.includes('\x7f') ? text : safeJson(text);
  if (safe === text) return bytes;
  makeRoom(at, safe.length);
  return scratch.write(safe, at);
}

/**
 * Packs statuses (see {@link PackedStatuses}), each `file` added as its last field, all made safe
 * (see {@link writeSafe}): the status is written without its closing brace, then `,"file":…}`, with
 * no copy of either made as a string.
 */
function packStatuses(statuses: readonly (readonly [file: string, json: string])[]): PackedStatuses {
  const ends = new Uint32Array(statuses.length);
  let at = 0;
  for (const [index, [file, json]] of statuses.entries()) {
    if (index > 0) at += writeSafe(SEPARATOR, at);
    at += writeSafe(json, at) - 1;
    at += writeSafe(FILE_FIELD, at);
    at += writeSafe(JSON.stringify(file), at);
    makeRoom(at, 1);
    scratch[at++] = 0x7d; // }
    ends[index] = at;
  }
  const text = Buffer.allocUnsafeSlow(at);
  scratch.copy(text, 0, 0, at);
  return { text, ends };
}

/** Between a status and its file. */
const FILE_FIELD = ',"file":';

/** Between two packed statuses. */
export const SEPARATOR = ',\n';

/** Packed statuses as strings again. */
export function unpackStatuses({ text, ends }: PackedStatuses): string[] {
  const buffer = Buffer.from(text.buffer, text.byteOffset, text.byteLength);
  const statuses: string[] = [];
  let start = 0;
  for (const end of ends) {
    statuses.push(buffer.toString('utf8', start, end));
    start = end + SEPARATOR.length;
  }
  return statuses;
}

/** The buffers of a scan, to transfer rather than copy. */
export function transferables(scan: PackedScan): ArrayBuffer[] {
  return [scan.at.buffer, ...scan.statuses.flatMap(({ text, ends }) => [text.buffer, ends.buffer])] as ArrayBuffer[];
}

/**
 * Scans a block of complaint files, the main thread's share and the worker's alike, {@link BATCH}
 * files at a time: the statuses of a batch are packed before the next batch is read, so they never
 * live long in the heap (on the main thread too, where a block may wait for the worker's before it).
 */
export function scanBlock(
  paths: readonly string[],
  root: string,
  regulations: RegulationSet,
  today: IsoDate,
  options: ScanOptions,
): PackedScan {
  const diagnostics: Diagnostic[] = [];
  const ids: string[] = [];
  const at: number[] = [];
  const facts: ComplaintScan['facts'] = [];
  const statuses: PackedStatuses[] = [];
  for (let start = 0; start < paths.length; start += BATCH) {
    const files: string[] = [];
    const sources = function* (): Generator<SourceFile> {
      for (const source of readSources(paths.slice(start, start + BATCH), root)) {
        files.push(source.file);
        yield source;
      }
    };
    const part = scanComplaints(sources(), regulations, today, options);
    for (const diagnostic of part.diagnostics) diagnostics.push(diagnostic);
    // The ids come in file order, each with its source's own name: find its place.
    let place = 0;
    for (const [id, file] of part.ids) {
      while (place < files.length && files[place] !== file) place += 1;
      ids.push(id);
      at.push(start + place);
      place += 1;
    }
    for (const fact of part.facts) facts.push(fact);
    if (part.statuses.length > 0) statuses.push(packStatuses(part.statuses));
  }
  return { diagnostics, ids, at: Int32Array.from(at), facts, statuses };
}

/**
 * The worker's entry, in plain JavaScript: it turns on the compile cache (a worker does not share the
 * main thread's) before it loads the TypeScript modules, so it neither compiles the core again nor
 * loads the TypeScript stripper for an entry of its own.
 */
const BOOT = `require('node:module').enableCompileCache();
import(require('node:worker_threads').workerData.entry);`;

/**
 * The worker's heap, in MB. Its young generation starts at its full size (two halves of 16 MB: V8
 * would start at 1 MB and double it up to 64 MB as blocks go by); the old one holds little more than
 * the code and one block at a time (about 20 MB) and is collected before it takes 96 MB. (Halves of
 * 8 MB and 64 MB measured slower at 100,000 complaints.) Should the worker still run out, the main
 * thread reads its blocks (see loadRegister).
 */
const SEMI_SPACE_MB = 16;
const OLD_GENERATION_MB = 96;

/**
 * Where the worker's module is, seen from this module: beside it in the sources (`node/scan-worker.ts`),
 * or, in the compiled CLI (tools/build-cli.ts), `build/node/scan-worker.js` seen from the chunk
 * `build/chunks/…js` that holds this code.
 */
export function workerEntry(here: string): string {
  return here.endsWith('.ts') ? new URL('./scan-worker.ts', here).href : new URL('../node/scan-worker.js', here).href;
}

/** The worker thread of {@link loadRegister}: blocks go in, scans come back in the same order. */
export class ScanWorker {
  readonly #worker: Worker;
  readonly #waiting = new Map<number, { resolve: (scan: PackedScan) => void; reject: (error: unknown) => void }>();
  #next = 0;
  #failure: Error | undefined;
  #ready = false;
  #closing = false;

  /**
   * Starts the thread, at once (the caller goes on listing files while it boots). Node's worker and V8
   * modules are fetched only here: a small register, read on one thread, does without them.
   */
  static start(data: ScanWorkerData): ScanWorker {
    const { Worker } = process.getBuiltinModule('node:worker_threads');
    const { setFlagsFromString } = process.getBuiltinModule('node:v8');
    const entry = workerEntry(import.meta.url);
    // The initial size of a new heap's young generation is a process-wide V8 setting, read when the
    // worker's heap is made: set for this worker, put back once it runs.
    setFlagsFromString(`--min-semi-space-size=${String(SEMI_SPACE_MB)}`);
    const worker = new Worker(BOOT, {
      eval: true,
      workerData: { ...data, entry },
      resourceLimits: { maxYoungGenerationSizeMb: 3 * SEMI_SPACE_MB, maxOldGenerationSizeMb: OLD_GENERATION_MB },
    });
    return new ScanWorker(worker, () => {
      setFlagsFromString('--min-semi-space-size=0');
    });
  }

  private constructor(worker: Worker, restore: () => void) {
    this.#worker = worker;
    this.#worker.once('online', restore);
    this.#worker.on('message', (answer: ScanAnswer) => {
      if ('ready' in answer) {
        this.#ready = true;
        return;
      }
      this.#waiting.get(answer.id)?.resolve(answer.scan);
      this.#waiting.delete(answer.id);
    });
    const fail = (error: unknown): void => {
      restore();
      if (this.#failure === undefined && !this.#closing)
        // Nothing is lost (the main thread reads what the worker had), but it takes longer: say why.
        process.emitWarning(
          `de tweede controle-thread stopte (${error instanceof Error ? error.message : String(error)}); de eerste leest verder`,
          { code: 'KLACHTEN_WORKER' },
        );
      this.#failure ??= error instanceof Error ? error : new Error(String(error));
      for (const waiting of this.#waiting.values()) waiting.reject(error);
      this.#waiting.clear();
    };
    this.#worker.on('error', fail);
    this.#worker.on('exit', (code) => {
      fail(new Error(`controle-thread stopte met code ${String(code)}`));
    });
  }

  /** Whether the thread reads blocks: it has started and read the regulations, and has not failed. */
  get ready(): boolean {
    return this.#ready && this.#failure === undefined;
  }

  /** Blocks sent and not answered yet. */
  get pending(): number {
    return this.#waiting.size;
  }

  /** Checks `paths` on the worker thread. */
  scan(paths: readonly string[]): Promise<PackedScan> {
    if (this.#failure !== undefined) return Promise.reject(this.#failure);
    const id = this.#next++;
    return new Promise((resolve, reject) => {
      this.#waiting.set(id, { resolve, reject });
      this.#worker.postMessage({ id, paths } satisfies ScanRequest);
    });
  }

  /** Stops the thread. */
  async close(): Promise<void> {
    this.#closing = true;
    await this.#worker.terminate();
  }
}
