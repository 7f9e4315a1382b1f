/// <reference types="vitest/config" />
import { getViteConfig } from 'astro/config';
import SlowestFirstSequencer from './tests/support/sequencer.ts';

const SITE_BUILD = ['tests/support/build-site.ts'];

// Astro's Vite config, so component tests can render .astro files with the Container API.
// Three projects, each runnable alone (npm run test:unit | test:build | test:e2e); only the last two build the site.
export default getViteConfig({
  test: {
    testTimeout: 60_000,
    hookTimeout: 600_000,
    // Vitest's default on this 2-core machine is one file at a time (cores − 1); browser tests spend most of
    // their time waiting for Chromium, so three files at once finish sooner.
    maxWorkers: 3,
    sequence: { sequencer: SlowestFirstSequencer },
    // No project isolates its files: a fresh module graph per file cost about a second of imports for each of the
    // 94 unit files (the unit project: 52 s alone with isolation, 24 s without). No test relies on a fresh module state.
    projects: [
      { extends: true, test: { name: 'unit', include: ['tests/unit/**/*.test.ts'], isolate: false } },
      {
        extends: true,
        test: { name: 'build', include: ['tests/build/**/*.test.ts'], globalSetup: SITE_BUILD, isolate: false },
      },
      {
        extends: true,
        // Without isolation a worker keeps one served site and one Chromium for all its files (tests/support/e2e.ts).
        test: { name: 'e2e', include: ['tests/e2e/**/*.test.ts'], globalSetup: SITE_BUILD, isolate: false },
      },
    ],
  },
});
