import { MessageChannel, Worker, receiveMessageOnPort, type MessagePort } from 'node:worker_threads';
import { writeBundleFile, type BundleRecord } from './bundle-cache.ts';

/** The writer thread's start: where to write, the last build's record, the shared queue counters and the port for a failure. */
export interface BundleWriterInput {
  bundleDir: string;
  kept: BundleRecord;
  /** Int32 [files queued, failed (0/1)], shared with the deriving thread. */
  counters: SharedArrayBuffer;
  failures: MessagePort;
}

export type BundleWriterRequest = { kind: 'file'; path: string; data: string | Uint8Array } | { kind: 'done' };

export interface BundleWriterResult {
  bundle: BundleRecord;
  written: number;
  unchanged: number;
}

/** The counters' places. */
export const QUEUED = 0;
export const FAILED = 1;

const WORKER = new URL('./bundle-writer-worker.ts', import.meta.url);

/** Files handed over and not yet written before the deriving thread waits: bounds what the queue holds (a few MB). */
export const MAX_QUEUED_FILES = 256;

/** How long the deriving thread waits on a writer thread that writes nothing before it gives up. */
const STALLED_MS = 120_000;

/** Writes derived files into the cache's bundle folder as they are made (writeBundleFile), and says what it wrote. */
export interface BundleWriter {
  /** Where the files are written: a worker thread, or this one (a Node that cannot run a TypeScript worker). */
  thread: 'worker' | 'this';
  /** Hand over one file; throws if an earlier write failed. */
  write(path: string, data: string | Uint8Array): void;
  /** Wait until every file handed over is written: this build's record, and how many were written or unchanged. */
  finish(): Promise<BundleWriterResult>;
  /** Stop without waiting for the files (the derivation failed). */
  stop(): Promise<void>;
}

/**
 * The writer in this thread: for a build whose Node cannot run a TypeScript worker, and for a patch's few files;
 * `result` is what it has written so far.
 */
export function writerInThisThread(
  bundleDir: string,
  kept: BundleRecord,
): BundleWriter & { result: BundleWriterResult } {
  const result: BundleWriterResult = { bundle: {}, written: 0, unchanged: 0 };
  return {
    thread: 'this',
    result,
    write(path, data) {
      const { entry, written } = writeBundleFile(bundleDir, kept, path, data);
      result.bundle[path] = entry;
      if (written) result.written += 1;
      else result.unchanged += 1;
    },
    finish: () => Promise.resolve(result),
    stop: () => Promise.resolve(),
  };
}

/**
 * Write the derived files in a worker thread while this one derives them: hashing, gzip (level 9) and
 * writing were two fifths of the derivation's time on one core, and the build's other core was idle.
 * The deriving thread blocks (Atomics.wait) when MAX_QUEUED_FILES are waiting, so memory stays bounded.
 */
export function startBundleWriter(bundleDir: string, kept: BundleRecord): BundleWriter {
  const nodeRunsTypeScript = Boolean((process.features as { typescript?: string | false }).typescript);
  if (!nodeRunsTypeScript) return writerInThisThread(bundleDir, kept);
  const counters = new Int32Array(new SharedArrayBuffer(2 * Int32Array.BYTES_PER_ELEMENT));
  const { port1: failures, port2 } = new MessageChannel();
  const input: BundleWriterInput = { bundleDir, kept, counters: counters.buffer, failures: port2 };
  const worker = new Worker(WORKER, { workerData: input, transferList: [port2] });
  const failure = (): Error => {
    const message = receiveMessageOnPort(failures)?.message as string | undefined;
    return new Error(`could not write a search file: ${message ?? 'the writer thread failed'}`);
  };
  const result = new Promise<BundleWriterResult>((resolve, reject) => {
    worker.once('message', (message: BundleWriterResult) => {
      if (Atomics.load(counters, FAILED) === 1) reject(failure());
      else resolve(message);
    });
    worker.once('error', reject);
    worker.once('exit', (code) => reject(new Error(`the search files' writer thread ended (exit code ${code})`)));
  });
  // Never an unhandled rejection: stop() may leave the result unread.
  result.catch(() => undefined);
  const post = (request: BundleWriterRequest) => worker.postMessage(request);
  return {
    thread: 'worker',
    write(path, data) {
      for (let queued = Atomics.load(counters, QUEUED); queued >= MAX_QUEUED_FILES;) {
        if (Atomics.wait(counters, QUEUED, queued, STALLED_MS) === 'timed-out')
          throw new Error(`the search files' writer thread wrote nothing for ${STALLED_MS / 1000} s`);
        queued = Atomics.load(counters, QUEUED);
      }
      if (Atomics.load(counters, FAILED) === 1) throw failure();
      Atomics.add(counters, QUEUED, 1);
      post({ kind: 'file', path, data });
    },
    async finish() {
      post({ kind: 'done' });
      try {
        return await result;
      } finally {
        failures.close();
        await worker.terminate();
      }
    },
    async stop() {
      failures.close();
      await worker.terminate();
    },
  };
}
