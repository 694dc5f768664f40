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
 * Packs statuses (see {@link PackedStatuses}), each `file` added as its last field, made safe: values
 * from a file may hold control or format characters, escaped with safeJson. A text whose UTF-8 is as
 * long as the text is ASCII, and JSON.stringify has escaped every control character in it but DEL:
 * such a text (most of them) is safe as it is, known from the byte count the packing needs anyway,
 * without a pass over it.
 */
function packStatuses(statuses: readonly (readonly [file: string, json: string])[]): PackedStatuses {
  const texts: string[] = [];
  const sizes: number[] = [];
  const add = (text: string): number => {
    let bytes = Buffer.byteLength(text);
    if (bytes !== text.length || text.includes('\x7f')) {
      text = safeJson(text);
      bytes = Buffer.byteLength(text);
    }
    texts.push(text);
    sizes.push(bytes);
    return bytes;
  };
  let size = SEPARATOR.length * Math.max(0, statuses.length - 1);
  for (const [file, json] of statuses) {
    // The status without its closing brace, then `,"file":…}`: no copy of either is made.
    size += add(json) - 1 + FILE_FIELD.length + add(JSON.stringify(file)) + 1;
  }
  const text = Buffer.allocUnsafeSlow(size);
  const ends = new Uint32Array(statuses.length);
  let at = 0;
  for (let index = 0; index < statuses.length; index += 1) {
    if (index > 0) at += text.write(SEPARATOR, at);
    at += text.write(texts[2 * index] ?? '', at, (sizes[2 * index] ?? 1) - 1);
    at += text.write(FILE_FIELD, at);
    at += text.write(texts[2 * index + 1] ?? '', at);
    text[at++] = 0x7d; // }
    ends[index] = at;
  }
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
