import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { articleSchema } from './schemas/article.ts';
import { storySchema } from './schemas/story.ts';
import { checkArticleTaxonomy, indexTaxonomy } from './content-check/taxonomy-refs.ts';
import { checkStoryData } from './content-check/story-rules.ts';
import { loadTaxonomy } from './lib/taxonomy.ts';

/**
 * Articles: one MDX file per article under content/articles/, frontmatter validated against the shared schema and the taxonomy.
 * The build's content check (src/content-check/integration.ts) reports the same mistakes earlier, with file and line.
 */
const articles = defineCollection({
  loader: glob({ pattern: '**/*.mdx', base: './content/articles' }),
  schema: articleSchema.superRefine((data, ctx) => {
    for (const problem of checkArticleTaxonomy(indexTaxonomy(loadTaxonomy()), data)) {
      ctx.addIssue({ code: 'custom', path: [...problem.path], message: `${problem.message} — ${problem.fix}` });
    }
  }),
});

/** Feature stories: content/stories/*.mdx, told with chart components over the articles' figures. */
const stories = defineCollection({
  loader: glob({ pattern: '**/*.mdx', base: './content/stories' }),
  schema: storySchema.superRefine((data, ctx) => {
    for (const problem of checkStoryData(data))
      ctx.addIssue({ code: 'custom', path: problem.path, message: problem.message });
  }),
});

export const collections = { articles, stories };
