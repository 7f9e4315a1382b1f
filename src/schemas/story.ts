import { z } from 'zod';

/** Frontmatter of content/stories/*.mdx: a feature told with the archive's figures. */
export const storySchema = z.object({
  /** Headline. */
  title: z.string().min(1),
  /** One or two sentences under the headline (导语), shown on the index too. */
  dek: z.string().min(1),
  /** Publication date of the story (not of the articles it draws on). */
  date: z.coerce.date(),
  /** Topic names or ids from content/taxonomy.yaml. */
  topics: z.array(z.string().min(1)).default([]),
  /** Region or city names from content/taxonomy.yaml (巨野县, 聊城市). */
  regions: z.array(z.string().min(2)).default([]),
  /** The figure shown large under the headline: "<article-slug>/<metric-id>". */
  hero: z
    .string()
    .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*\/[a-z][a-z0-9]*(?:-[a-z0-9]+)*$/, 'write <article-slug>/<metric-id>')
    .optional(),
  /** Order on the index: lower first (default by date, newest first). */
  order: z.number().int().optional(),
});

export type Story = z.infer<typeof storySchema>;
