// Astro looks for middleware here; what each one does lives with its feature.
import { sequence } from 'astro:middleware';
import { onRequest as pruneCsp } from './csp/middleware.ts';
import { onRequest as feedSearch } from './search/build/middleware.ts';

// The search feed is outermost: it sees each page as it is written, its policy already pruned.
export const onRequest = sequence(feedSearch, pruneCsp);
