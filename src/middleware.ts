// Astro looks for middleware here; what it does lives with its feature.
export { onRequest } from './csp/middleware.ts';
