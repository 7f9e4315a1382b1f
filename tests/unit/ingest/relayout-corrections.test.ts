import { cpSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { nodeEffects, runIngest } from '../../../src/ingest/cli.ts';

// The same texts laid out otherwise: the editors' label corrections must all still apply.
const LAYOUTS: Record<string, (text: string) => string> = {
  'CRLF line ends': (t) => t.replace(/\n/gu, '\r\n'),
  'extra blank lines': (t) => t.replace(/\n\n/gu, '\n\n\n'),
  'trailing spaces': (t) => t.replace(/\n/gu, '  \n'),
  'lines within a paragraph joined': (t) => t.replace(/([^\n。！？”])\n(?=[^\n])/gu, '$1'),
};

const labels = (mdx: string) => mdx.match(/^ {4}label: .*$/gmu) ?? [];
let root: string | undefined;
afterEach(() => {
  if (root) rmSync(root, { recursive: true, force: true });
});

describe('label corrections under other layouts of the same seeds', () => {
  it.each(Object.keys(LAYOUTS))('%s: every correction applies and every published label is unchanged', async (name) => {
    root = mkdtempSync(join(tmpdir(), 'relayout-'));
    mkdirSync(join(root, 'seeds'));
    mkdirSync(join(root, 'content'));
    cpSync('content/taxonomy.yaml', join(root, 'content', 'taxonomy.yaml'));
    cpSync('content/label-corrections.yaml', join(root, 'content', 'label-corrections.yaml'));
    for (const seed of readdirSync('seeds'))
      writeFileSync(join(root, 'seeds', seed), LAYOUTS[name]!(readFileSync(join('seeds', seed), 'utf8')));
    const errors: string[] = [];
    const report = await runIngest({
      root,
      force: false,
      effects: { ...nodeEffects, log: () => {}, error: (l) => errors.push(l) },
    });
    expect(errors).toEqual([]);
    expect(report.actions).toHaveLength(6);
    for (const { slug } of report.actions)
      expect(labels(readFileSync(join(root, 'content', 'articles', `${slug}.mdx`), 'utf8')), slug).toEqual(
        labels(readFileSync(join('content', 'articles', `${slug}.mdx`), 'utf8')),
      );
  });
});
