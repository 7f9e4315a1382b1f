// Lint: typescript-eslint with type information for .ts, eslint-plugin-astro for components, and the
// import boundaries of ARCHITECTURE.md. `npm run lint` must report zero warnings.
import js from '@eslint/js';
import astro from 'eslint-plugin-astro';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const NODE_ONLY = [
  'node:*',
  'fs',
  'fs/*',
  'path',
  'os',
  'sharp',
  'esbuild',
  'pagefind',
  'opentype.js',
  'yaml',
  'astro:content',
];
const FEATURES = ['search', 'offline', 'content-check', 'charts', 'figures', 'share-images', 'site', 'ingest', 'theme'];
const noTests = {
  group: ['**/tests/**'],
  message: 'Only tests import tests/; shared helpers live in scripts/support/.',
};

/** A no-restricted-imports rule from forbidden module patterns, each with why. */
const forbid = (...patterns) => ['error', { patterns }];

export default tseslint.config(
  // dist is a link to the published build in .dist-builds/ (src/publish/).
  { ignores: ['dist', '.dist-builds/'] },
  { ignores: ['dist/', '.tmp/', '.bench/', '.astro/', 'node_modules/', 'content/', 'seeds/', 'public/', 'coverage/'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
      globals: { ...globals.node },
    },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      // Template literals of numbers are how the charts write SVG coordinates.
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true }],
      // The text cleaners (ingest, SVG, search excerpts) match control characters on purpose.
      'no-control-regex': 'off',
    },
  },
  { files: ['**/*.js', '**/*.mjs'], ...tseslint.configs.disableTypeChecked },
  {
    files: ['tests/**'],
    rules: {
      // expect.any(…) and friends are typed any by vitest; fakes of async file APIs need no await.
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/require-await': 'off',
    },
  },
  ...astro.configs.recommended,
  { files: ['**/*.astro', '**/*.astro/*.ts'], ...tseslint.configs.disableTypeChecked },

  // Boundaries (ARCHITECTURE.md). Code that ships to the browser or the service worker never reaches Node.
  {
    files: ['src/**/browser/**', 'src/**/shared/**', 'src/offline/worker/**', 'src/theme/**'],
    rules: {
      'no-restricted-imports': forbid(
        { group: NODE_ONLY, message: 'Browser, worker and shared code runs where Node modules do not exist.' },
        { group: ['**/build/**'], message: 'Build code is Node-only; move what both need into shared/.' },
        { group: ['**/lib/taxonomy.ts'], message: 'The taxonomy reads files with node:fs; pass the values in.' },
        noTests,
      ),
    },
  },
  {
    files: ['src/lib/**'],
    rules: {
      'no-restricted-imports': forbid(
        {
          group: FEATURES.map((f) => `**/${f}/**`),
          message: 'src/lib holds helpers features share; it imports no feature.',
        },
        noTests,
      ),
    },
  },
  {
    files: ['src/**', 'scripts/**'],
    ignores: ['src/**/browser/**', 'src/**/shared/**', 'src/offline/worker/**', 'src/theme/**', 'src/lib/**'],
    rules: { 'no-restricted-imports': forbid(noTests) },
  },
  {
    files: ['src/offline/worker/**'],
    languageOptions: { globals: { ...globals.serviceworker } },
  },
);
