import { parentPort, workerData } from 'node:worker_threads';
import { writeBundleFile, type BundleRecord } from './bundle-cache.ts';
import {
  FAILED,
  QUEUED,
  type BundleWriterInput,
  type BundleWriterRequest,
  type BundleWriterResult,
} from './bundle-writer.ts';

const input = workerData as BundleWriterInput;
const counters = new Int32Array(input.counters);
const bundle: BundleRecord = {};
let written = 0;
let unchanged = 0;

parentPort?.on('message', (request: BundleWriterRequest) => {
  if (request.kind === 'done') {
    parentPort?.postMessage({ bundle, written, unchanged } satisfies BundleWriterResult);
    return;
  }
  try {
    if (Atomics.load(counters, FAILED) === 0) {
      const result = writeBundleFile(input.bundleDir, input.kept, request.path, request.data);
      bundle[request.path] = result.entry;
      if (result.written) written += 1;
      else unchanged += 1;
    }
  } catch (error) {
    input.failures.postMessage(`${request.path}: ${error instanceof Error ? error.message : String(error)}`);
    Atomics.store(counters, FAILED, 1);
  } finally {
    Atomics.sub(counters, QUEUED, 1);
    Atomics.notify(counters, QUEUED);
  }
});
