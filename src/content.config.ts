import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { articleSchema } from './schemas/article.ts';
import { checkArticleData } from './lib/content-rules.ts';
import { storySchema } from './schemas/story.ts';
import { checkStoryData } from './lib/story-rules.ts';

/** Articles: one MDX file per article under content/articles/, frontmatter validated against the shared schema and the taxonomy. */
const articles = defineCollection({
  loader: glob({ pattern: '**/*.mdx', base: './content/articles' }),
  schema: articleSchema.superRefine((data, ctx) => {
    for (const problem of checkArticleData(data)) ctx.addIssue({ code: 'custom', path: problem.path, message: problem.message });
  }),
});

/** Feature stories: content/stories/*.mdx, told with chart components over the articles' figures. */
const stories = defineCollection({
  loader: glob({ pattern: '**/*.mdx', base: './content/stories' }),
  schema: storySchema.superRefine((data, ctx) => {
    for (const problem of checkStoryData(data)) ctx.addIssue({ code: 'custom', path: problem.path, message: problem.message });
  }),
});

export const collections = { articles, stories };
