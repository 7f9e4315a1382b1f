/**
 * A worker thread's share of the per-file checks (src/content-check/integration.ts checkContentInParallel):
 * it checks the entries it is given against the taxonomy and posts back each one's problems and summary.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { checkEntry, type CheckedEntry, type TextFile } from './index.ts';
import { checkTaxonomyFile } from './taxonomy-file.ts';
import { indexTaxonomy } from './taxonomy-refs.ts';
import type { EntryKind } from './mdx-policy.ts';

export interface EntryWorkerInput {
  taxonomy: TextFile;
  entries: Array<{ kind: EntryKind; file: TextFile }>;
}

const input = workerData as EntryWorkerInput;
const taxonomy = checkTaxonomyFile(input.taxonomy.path, input.taxonomy.text).taxonomy;
const index = taxonomy ? indexTaxonomy(taxonomy) : undefined;
const checked: CheckedEntry[] = input.entries.map(({ kind, file }) => checkEntry(kind, file, index));
parentPort?.postMessage(checked);
