import { z } from 'zod';

/**
 * One label an editor corrected (content/label-corrections.yaml): the figure
 * `id` of article `article` is labelled `after` instead of the extractor's
 * `before`. Ingest applies it, so a re-ingest keeps the editor's label, and
 * refuses it once the extractor's label is no longer `before` (the editor
 * then decides again).
 */
export const labelCorrectionSchema = z.strictObject({
  /** The article's slug: jiyang-2024. */
  article: z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'use the slug, the file name without .mdx'),
  /** The metric's id in the article's frontmatter. */
  id: z.string().trim().min(1),
  /** The label ingest writes without this correction, exactly. */
  before: z.string().trim().min(1),
  /** The label readers see (CONTRIBUTING.md, "标签怎么写"). */
  after: z.string().trim().min(1),
  /** Which rule the old label broke, in a sentence. */
  reason: z.string().trim().min(1),
});

export type LabelCorrection = z.infer<typeof labelCorrectionSchema>;
