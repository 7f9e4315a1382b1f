import { z } from 'zod';

/**
 * Kinds of change ingest makes to a scanned text. Text-changing kinds
 * (misreading, garbage, gap) are replayed by the lossless check; the others
 * change layout or typography only.
 */
export const CORRECTION_KINDS = [
  'join', //        a paragraph broken at a page or column break, joined
  'reorder', //     a passage printed out of order, put back
  'spacing', //     stray spaces inside Chinese text removed
  'punctuation', // half-width punctuation in Chinese text made full-width
  'markup', //      scan markup (#, **) taken as structure, not text
  'misreading', //  an evident OCR misreading fixed (人选 → 入选)
  'garbage', //     a garbage line dropped
  'gap', //         text missing in the source; what is there is kept
  'structure', //   a byline, note or caption separated from body text
  'invisible', //   invisible format characters (bidi controls and the like) removed
] as const;

/** One change ingest (or an editor) made to the source text, for review. */
export const correctionSchema = z.object({
  kind: z.enum(CORRECTION_KINDS),
  /** 1-based line(s) of the seed file where the change applies. */
  line: z.number().int().positive().optional(),
  /** Text as printed in the source (with a little context). */
  before: z.string(),
  /** Text as published. Empty when something was dropped. */
  after: z.string(),
  /** Why, in a sentence. */
  reason: z.string().min(1),
  /** For repeated mechanical changes summarised in one entry: how many. */
  count: z.number().int().positive().optional(),
});

export type Correction = z.infer<typeof correctionSchema>;
export type CorrectionKind = (typeof CORRECTION_KINDS)[number];
