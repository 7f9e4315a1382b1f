import { z } from 'zod';

/**
 * Frontmatter of content/stories/*.mdx, as CONTRIBUTING.md documents it.
 * Provisional: the stories collection (charts/stories work) will own the real
 * schema in src/schemas/story.ts; switch this import to it when it lands.
 */
export const storyFrontmatterSchema = z.object({
  /** Headline. */
  title: z.string().min(1),
  /** One-sentence summary under the headline. */
  dek: z.string().min(1),
  /** Publication date, YYYY-MM-DD (YAML may read it as a date). */
  date: z.union([z.date(), z.string().regex(/^\d{4}-\d{2}-\d{2}$/u, 'write the date as 2024-05-01')]),
  /** A region (or city) from content/taxonomy.yaml, when the story is about one place. */
  region: z.string().min(2).optional(),
  /** Topic ids from content/taxonomy.yaml. */
  topics: z.array(z.string().min(1)).default([]),
});
