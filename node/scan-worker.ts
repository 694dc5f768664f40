// A worker thread that checks blocks of a large register while the main thread checks others (see
// loadRegister). It reads the regulations itself, then answers each block of paths with its scan.
import { parentPort, workerData } from 'node:worker_threads';
import { scanComplaints } from '../core/index.ts';
import { loadRegulations } from './load-register.ts';
import { readSources } from './read-sources.ts';
import type { ScanRequest, ScanWorkerData } from './scan-worker-client.ts';

const data = workerData as ScanWorkerData;
const { regulations } = loadRegulations(data.root, data.regulations);
parentPort?.on('message', (request: ScanRequest) => {
  parentPort?.postMessage({
    id: request.id,
    scan: scanComplaints(readSources(request.paths, data.root), regulations, data.today, data),
  });
});
