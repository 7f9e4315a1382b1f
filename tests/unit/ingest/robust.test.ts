/**
 * npm run ingest never crashes and never duplicates (issue 16, points 3, 4 and 7): a folder or a broken
 * link named *.txt, an unreadable or oversized file, a byte-identical copy, a renamed seed, an entry with
 * broken frontmatter, a file that repeats its article. Each gets a message naming the file, the other
 * seeds still go in, and no entry is written twice.
 */
import {
  copyFileSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { checkContent, formatProblem, isError } from '../../../src/content-check/index.ts';
import { readContentFiles } from '../../../src/content-check/read-content.ts';
import { nodeEffects, runIngest, type IngestEffects } from '../../../src/ingest/cli.ts';

const JUYE = '000_0644de5a6c003be9.txt'; // two articles: juye-2020, juye-2020-2
const JIYANG = '003_ac06bc49031416cc.txt'; // jiyang-2024
const SIX = ['jiyang-2024', 'juye-2020', 'juye-2020-2', 'liaocheng-2023', 'shanghe-2020', 'shanting-2018'];

let root: string;
let logged: string[];
let errors: string[];
const effects: IngestEffects = { ...nodeEffects, log: (l) => logged.push(l), error: (l) => errors.push(l) };
const articles = () => join(root, 'content', 'articles');
const seed = (name: string) => join(root, 'seeds', name);
const slugs = () =>
  readdirSync(articles())
    .filter((f) => f.endsWith('.mdx'))
    .map((f) => f.slice(0, -4))
    .sort();
const read = (slug: string) => readFileSync(join(articles(), `${slug}.mdx`), 'utf8');
const ingest = () => runIngest({ root, force: false, effects });

beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'ingest-robust-'));
  mkdirSync(join(root, 'seeds'));
  mkdirSync(join(root, 'content'));
  copyFileSync('content/taxonomy.yaml', join(root, 'content', 'taxonomy.yaml'));
  for (const name of readdirSync('seeds')) copyFileSync(join('seeds', name), seed(name));
  logged = [];
  errors = [];
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

describe('files that are not readable seeds', () => {
  it('a folder and a broken link named *.txt: one clear error each, the seeds after them still ingested', async () => {
    mkdirSync(seed('000_a-folder.txt'));
    symlinkSync(join(root, 'nowhere.txt'), seed('000_b-broken-link.txt'));
    const report = await ingest();
    expect(errors).toEqual([
      expect.stringMatching(/^error {2}seeds\/000_a-folder\.txt is a folder, not a file — fix: .*seeds\//u),
      expect.stringMatching(/^error {2}seeds\/000_b-broken-link\.txt is a link to a file that does not exist — fix: /u),
    ]);
    expect(report.errors.map((e) => e.file)).toEqual(['seeds/000_a-folder.txt', 'seeds/000_b-broken-link.txt']);
    expect(slugs()).toEqual(SIX);
  });

  it('matches .txt in any case, and says which other files it skips', async () => {
    renameSync(seed(JIYANG), seed('003_ac06bc49031416cc.TXT'));
    writeFileSync(seed('notes.docx'), 'x');
    const report = await ingest();
    expect(report.errors).toEqual([]);
    expect(slugs()).toEqual(SIX);
    expect(read('jiyang-2024')).toMatch(/file: 003_ac06bc49031416cc\.TXT/u);
    expect(logged.join('\n')).toMatch(/skipped {2}seeds\/notes\.docx: not a \.txt file/u);
  });

  it('refuses a seed over 2 MB, saying how to split it, without reading it as an article', async () => {
    writeFileSync(seed('zz-huge.txt'), `标题\n\n${'重复的正文，一遍又一遍。'.repeat(100_000)}\n`);
    const report = await ingest();
    expect(report.errors.map((e) => e.format())).toEqual([
      expect.stringMatching(
        /^seeds\/zz-huge\.txt the file is 3\.\d MB; a seed may be at most 2 MB .* — fix: split it/u,
      ),
    ]);
    expect(slugs()).toEqual(SIX);
  });

  it('the command exits non-zero with a summary naming the failures', async () => {
    mkdirSync(seed('000_a-folder.txt'));
    const { spawnSync } = await import('node:child_process');
    const result = spawnSync(join(process.cwd(), 'node_modules/.bin/tsx'), [join(process.cwd(), 'src/ingest/cli.ts')], {
      cwd: root,
      encoding: 'utf8',
    });
    expect(result.status).toBe(1);
    expect(result.stderr).not.toMatch(/\n\s+at /u); // no stack trace
    expect(result.stderr).toMatch(/seeds\/000_a-folder\.txt is a folder/u);
    expect(result.stdout).toMatch(/6 entries \(6 created.*; 1 file\(s\) failed: seeds\/000_a-folder\.txt/u);
  });
});

describe('never a duplicate entry', () => {
  it('refuses a byte-identical copy under another name, naming the original', async () => {
    await ingest();
    copyFileSync(seed(JIYANG), seed('zz-copy.txt'));
    const report = await ingest();
    expect(report.errors.map((e) => e.format())).toEqual([
      expect.stringMatching(
        /^seeds\/zz-copy\.txt has exactly the same bytes as seeds\/003_ac06bc49031416cc\.txt — fix: /u,
      ),
    ]);
    expect(slugs()).toEqual(SIX);
  });

  it('keeps the original when the copy sorts first: the seed an entry already cites wins', async () => {
    await ingest();
    copyFileSync(seed(JIYANG), seed('000_aaa-copy.txt'));
    const report = await ingest();
    expect(report.errors.map((e) => e.file)).toEqual(['seeds/000_aaa-copy.txt']);
    expect(slugs()).toEqual(SIX);
    expect(read('jiyang-2024')).toMatch(/file: 003_ac06bc49031416cc\.txt/u);
  });

  it('on a first run, of two identical seeds the first by name goes in and the other is refused', async () => {
    copyFileSync(seed(JIYANG), seed('zz-copy.txt'));
    const report = await ingest();
    expect(report.errors.map((e) => e.file)).toEqual(['seeds/zz-copy.txt']);
    expect(slugs()).toEqual(SIX);
  });

  it('a renamed seed: the entries follow it (same slug, new source.file), no new entry', async () => {
    await ingest();
    renameSync(seed(JUYE), seed('000_juye-renamed.txt'));
    const report = await ingest();
    expect(report.errors).toEqual([]);
    expect(slugs()).toEqual(SIX);
    expect(read('juye-2020')).toMatch(/file: 000_juye-renamed\.txt/u);
    expect(read('juye-2020-2')).toMatch(/file: 000_juye-renamed\.txt/u);
    expect(logged.join('\n')).toMatch(/seeds\/000_0644de5a6c003be9\.txt was renamed seeds\/000_juye-renamed\.txt/u);
    expect(checkContent(readContentFiles(root)).filter(isError).map(formatProblem)).toEqual([]);
  });

  it('a renamed seed whose entry an editor changed: entry left alone, no new entry, and the fix is named', async () => {
    await ingest();
    writeFileSync(join(articles(), 'jiyang-2024.mdx'), read('jiyang-2024').replace(/\n\n/u, '\n\n编辑加的一句。\n\n'));
    renameSync(seed(JIYANG), seed('003_renamed.txt'));
    const report = await ingest();
    expect(slugs()).toEqual(SIX);
    expect(report.actions.find((a) => a.slug === 'jiyang-2024')?.action).toBe('skip-edited');
    expect(logged.join('\n')).toMatch(/jiyang-2024\.mdx.*source\.file.*003_renamed\.txt/u);
    // The content check (and so the build) names the stale source and the new name.
    expect(checkContent(readContentFiles(root)).filter(isError).map(formatProblem)).toEqual([
      expect.stringMatching(
        /^content\/articles\/jiyang-2024\.mdx:\d+ source\.file names seeds\/003_ac06bc49031416cc\.txt.*seeds\/003_renamed\.txt has the same bytes/u,
      ),
    ]);
  });

  it('an entry with broken frontmatter at re-ingest: left alone and reported, not written again under a new name', async () => {
    await ingest();
    const broken = read('juye-2020').replace(/^title: (.*)$/mu, 'title: "$1');
    writeFileSync(join(articles(), 'juye-2020.mdx'), broken);
    const report = await ingest();
    expect(slugs()).toEqual(SIX);
    expect(read('juye-2020')).toBe(broken);
    expect(report.actions.find((a) => a.slug === 'juye-2020')?.action).toBe('skip-edited');
    expect([...logged, ...errors].join('\n')).toMatch(/juye-2020\.mdx.*not valid YAML/u);
  });

  it('an unreadable entry whose source cannot be told: nothing new is created, and the run fails saying why', async () => {
    await ingest();
    rmSync(join(articles(), 'jiyang-2024.mdx'));
    writeFileSync(join(articles(), 'mystery.mdx'), '---\ntitle: [unclosed\n---\n\n正文。\n');
    const report = await ingest();
    expect(slugs()).toEqual([...SIX.filter((s) => s !== 'jiyang-2024'), 'mystery'].sort());
    expect(report.errors.map((e) => e.format())).toEqual([
      expect.stringMatching(/^seeds\/003_ac06bc49031416cc\.txt .*content\/articles\/mystery\.mdx.* — fix: /u),
    ]);
  });

  it('refuses a file that repeats its article word for word (a 3,000-entry file before)', async () => {
    const article = readFileSync(seed(JIYANG), 'utf8');
    rmSync(seed(JIYANG));
    writeFileSync(seed('zz-repeated.txt'), `${article}\n\n${article}\n\n${article}`);
    const report = await ingest();
    expect(report.errors.map((e) => e.format())).toEqual([
      expect.stringMatching(
        /^seeds\/zz-repeated\.txt:\d+ article \d repeats \d+ of its \d+ paragraphs word for word \(this line repeats line \d+\) — fix: delete the repeated copy/u,
      ),
    ]);
    expect(slugs()).toEqual(SIX.filter((s) => s !== 'jiyang-2024'));
  });

  it('refuses the same article under another name with other bytes (line endings changed), naming the first', async () => {
    const article = readFileSync(seed(JIYANG), 'utf8');
    writeFileSync(seed('zz-crlf.txt'), article.replace(/\n/gu, '\r\n'));
    const report = await ingest();
    expect(report.errors.map((e) => e.format())).toEqual([
      expect.stringMatching(
        /^seeds\/zz-crlf\.txt:\d+ article 1 repeats .*\(this line repeats seeds\/003_ac06bc49031416cc\.txt:\d+\)/u,
      ),
    ]);
    expect(slugs()).toEqual(SIX);
  });
});
