// A worker thread that checks blocks of a large register while the main thread checks others (see
// loadRegister). It reads the regulations itself, says it is ready, then answers each block of paths
// with its scan. Started by ScanWorker (scan-worker-client.ts), which turns on the compile cache first.
import { parentPort, workerData } from 'node:worker_threads';
import { loadRegulations } from './load-register.ts';
import { scanBlock, transferables, type ScanAnswer, type ScanRequest, type ScanWorkerData } from './scan-worker-client.ts';

const data = workerData as ScanWorkerData;
const { regulations } = loadRegulations(data.root, data.regulations);
const port = parentPort;
port?.on('message', ({ id, paths }: ScanRequest) => {
  const scan = scanBlock(paths, data.root, regulations, data.today, data);
  // The statuses' buffers move to the main thread; they are not copied.
  port.postMessage({ id, scan } satisfies ScanAnswer, transferables(scan));
});
port?.postMessage({ ready: true } satisfies ScanAnswer);
