import { Worker } from 'node:worker_threads';
import type { ComplaintScan, IsoDate, ScanOptions } from '../core/index.ts';

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

/** The worker thread of {@link loadRegister}: blocks go in, scans come back in the same order. */
export class ScanWorker {
  readonly #worker: Worker;
  readonly #waiting = new Map<number, { resolve: (scan: ComplaintScan) => void; reject: (error: unknown) => void }>();
  #next = 0;
  #failure: Error | undefined;

  constructor(data: ScanWorkerData) {
    this.#worker = new Worker(new URL('./scan-worker.ts', import.meta.url), { workerData: data });
    this.#worker.on('message', (answer: { id: number; scan: ComplaintScan }) => {
      this.#waiting.get(answer.id)?.resolve(answer.scan);
      this.#waiting.delete(answer.id);
    });
    const fail = (error: unknown): void => {
      this.#failure = error instanceof Error ? error : new Error(String(error));
      for (const waiting of this.#waiting.values()) waiting.reject(error);
      this.#waiting.clear();
    };
    this.#worker.on('error', fail);
    this.#worker.on('exit', (code) => {
      if (code !== 0) fail(new Error(`controle-thread stopte met code ${String(code)}`));
    });
  }

  /** Checks `paths` on the worker thread. */
  scan(paths: readonly string[]): Promise<ComplaintScan> {
    if (this.#failure !== undefined) return Promise.reject(this.#failure);
    const id = this.#next++;
    return new Promise((resolve, reject) => {
      this.#waiting.set(id, { resolve, reject });
      this.#worker.postMessage({ id, paths } satisfies ScanRequest);
    });
  }

  /** Stops the thread. */
  async close(): Promise<void> {
    await this.#worker.terminate();
  }
}
