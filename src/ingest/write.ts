import { isUntouched } from './to-mdx.ts';

/** What ingest does with one generated entry, given what is on disk. */
export type WriteAction =
  | 'create' //     no file yet
  | 'unchanged' //  the file already says exactly this
  | 'update' //     the file is ingest's own, unedited: replace it
  | 'skip-edited' // an editor changed it (or wrote it): leave it alone
  | 'overwrite'; // an editor changed it, but --force was given

/** Decide, never touching an editor's change unless forced. */
export function planWrite(existing: string | undefined, generated: string, force: boolean): WriteAction {
  if (existing === undefined) return 'create';
  if (existing === generated) return 'unchanged';
  if (isUntouched(existing) === true) return 'update';
  return force ? 'overwrite' : 'skip-edited';
}
