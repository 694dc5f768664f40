// Checks the second half of a large register in parallel with the main thread (see scanRegister).
import { parentPort, workerData } from 'node:worker_threads';
import { loadRegulations, readSources } from './files.ts';
import { scanShard } from './scan-shard.ts';

export interface ScanWorkerData {
  paths: string[];
  cwd: string;
  regulations: string;
  today: string;
  withStatus: boolean;
  withFacts: boolean;
  organisation: string | undefined;
}

const data = workerData as ScanWorkerData;
const { regulations } = loadRegulations(data.cwd, data.regulations);
parentPort?.postMessage(scanShard(readSources(data.paths, data.cwd), regulations, data.today, data));
