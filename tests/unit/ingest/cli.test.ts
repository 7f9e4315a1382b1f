import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { nodeEffects, runIngest, type IngestEffects } from '../../../src/ingest/cli.ts';

let root: string;
let logged: string[];
let errors: string[];
const effects: IngestEffects = { ...nodeEffects, log: (l) => logged.push(l), error: (l) => errors.push(l) };
const articles = () => join(root, 'content', 'articles');
const listEntries = () => readdirSync(articles()).sort();
const read = (slug: string) => readFileSync(join(articles(), `${slug}.mdx`), 'utf8');
const ingest = (force = false) => runIngest({ root, force, effects });

beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'ingest-'));
  mkdirSync(join(root, 'seeds'));
  mkdirSync(join(root, 'content'));
  copyFileSync('content/taxonomy.yaml', join(root, 'content', 'taxonomy.yaml'));
  copyFileSync('content/label-corrections.yaml', join(root, 'content', 'label-corrections.yaml'));
  for (const seed of readdirSync('seeds')) copyFileSync(join('seeds', seed), join(root, 'seeds', seed));
  logged = [];
  errors = [];
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

describe('npm run ingest', () => {
  it('writes six entries from the five seeds, with readable ASCII slugs', async () => {
    const report = await ingest();
    expect(report.errors).toEqual([]);
    expect(listEntries()).toEqual([
      'jiyang-2024.mdx',
      'juye-2020-2.mdx',
      'juye-2020.mdx',
      'liaocheng-2023.mdx',
      'shanghe-2020.mdx',
      'shanting-2018.mdx',
    ]);
  });

  it('reproduces the committed entries exactly (generated files are golden)', async () => {
    await ingest();
    for (const file of listEntries()) {
      const committed = readFileSync(join('content', 'articles', file), 'utf8');
      if (!committed.includes('\ningest:\n  hash: ')) continue; // written by an editor: not ingest's to reproduce
      const generated = read(file.slice(0, -4));
      if (generated !== committed) writeFileSync(join('tests', 'fixtures', `${file}-changed.mdx`), generated);
      expect(
        generated,
        `${file} differs from content/articles (see tests/fixtures/${file}-changed.mdx); run npm run ingest`,
      ).toBe(committed);
    }
  });

  it('is idempotent: a second run changes nothing', async () => {
    await ingest();
    const first = listEntries().map((f) => read(f.slice(0, -4)));
    const report = await ingest();
    expect(report.actions.every((a) => a.action === 'unchanged')).toBe(true);
    expect(listEntries().map((f) => read(f.slice(0, -4)))).toEqual(first);
  });

  it("never overwrites an editor's change unless forced, and says so", async () => {
    await ingest();
    const edited = read('juye-2020').replace('title: 提升健康水平 增进民生福祉', 'title: 提升健康水平，增进民生福祉');
    writeFileSync(join(articles(), 'juye-2020.mdx'), edited);
    const report = await ingest();
    expect(report.actions.find((a) => a.slug === 'juye-2020')?.action).toBe('skip-edited');
    expect(read('juye-2020')).toBe(edited);
    expect(logged.join('\n')).toMatch(/skipped.*juye-2020\.mdx/u);
    await ingest(true);
    expect(read('juye-2020')).not.toBe(edited);
  });

  it("applies an editor's label correction, and the entry stays ingest's own (updated by later runs)", async () => {
    await ingest();
    const [id, label] = /\n {2}- id: (\S+)\n(?: {4}.*\n)*? {4}label: (\S+)\n/u.exec(read('shanting-2018'))!.slice(1);
    const corrections = join(root, 'content', 'label-corrections.yaml');
    writeFileSync(
      corrections,
      `- article: shanting-2018\n  id: ${id}\n  before: ${label}\n  after: 编辑改的标签\n  reason: test\n`,
    );
    const report = await ingest();
    expect(report.actions.find((a) => a.slug === 'shanting-2018')?.action).toBe('update');
    expect(read('shanting-2018')).toContain(`  - id: ${id}\n`);
    expect(read('shanting-2018')).toContain('    label: 编辑改的标签\n');
    expect(read('shanting-2018')).not.toContain(`    label: ${label}\n`);
    expect((await ingest()).actions.every((a) => a.action === 'unchanged')).toBe(true);
  });

  it('stops before writing anything when the corrections file is wrong, naming its line and field', async () => {
    writeFileSync(join(root, 'content', 'label-corrections.yaml'), '- article: shanting-2018\n  id: x\n  before: a\n');
    const report = await ingest();
    expect(existsSync(articles())).toBe(false);
    expect(errors.join('\n')).toMatch(/content\/label-corrections\.yaml:1 after: .* — fix: /u);
    expect(report.errors).toHaveLength(1);
  });

  it('never writes over a hand-written entry that has the name a seed would get', async () => {
    mkdirSync(articles(), { recursive: true });
    const handMade = '---\ntitle: 编辑手写的文章\nregion: 巨野县\ncity: 菏泽市\nyear: 2020\n---\n\n正文。\n';
    writeFileSync(join(articles(), 'juye-2020.mdx'), handMade);
    // The project's corrections name the slugs the seeds got; here they get others, so none applies.
    writeFileSync(join(root, 'content', 'label-corrections.yaml'), '');
    await ingest(true);
    expect(read('juye-2020')).toBe(handMade);
    expect(listEntries()).toEqual(expect.arrayContaining(['juye-2020-2.mdx', 'juye-2020-3.mdx']));
  });

  it('keeps a slug once given, even if the rules would now choose another', async () => {
    await ingest();
    const text = read('juye-2020-2');
    rmSync(join(articles(), 'juye-2020-2.mdx'));
    writeFileSync(join(articles(), 'juye-fuyou-2020.mdx'), text);
    await ingest();
    expect(listEntries()).toContain('juye-fuyou-2020.mdx');
    expect(listEntries()).not.toContain('juye-2020-2.mdx');
  });

  describe('bad input: a clear error, nothing written for that file, the rest carries on', () => {
    const bad: Record<string, { bytes: Uint8Array; message: RegExp }> = {
      'empty.txt': { bytes: new Uint8Array(), message: /^seeds\/empty\.txt the file is empty .* — fix: / },
      'gbk.txt': {
        bytes: Uint8Array.from([0xb1, 0xea, 0xcc, 0xe2, 0x0a, 0x0a, 0xd5, 0xfd, 0xce, 0xc4, 0xa1, 0xa3]),
        message: /^seeds\/gbk\.txt:1 the text is not valid UTF-8 .* — fix: convert it to UTF-8/,
      },
      'binary.txt': {
        bytes: Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0x0d]),
        message: /^seeds\/binary\.txt:1 the file holds binary data/,
      },
      'no-title.txt': {
        bytes: new TextEncoder().encode(
          '这是一段没有标题的正文，只有一句话，写得很长很长，足够长，长到不像是一个标题的样子。\n\n第二段同样是正文，讲的是巨野县的卫生健康工作，2020年取得了进展。\n',
        ),
        message: /^seeds\/no-title\.txt:1 title: no recognisable title.* — fix: put the headline on its own line/,
      },
    };

    it.each(Object.keys(bad))('%s', async (name) => {
      const { bytes, message } = bad[name]!;
      writeFileSync(join(root, 'seeds', name), bytes);
      const report = await ingest();
      expect(report.errors).toHaveLength(1);
      expect(errors).toHaveLength(1);
      expect(errors[0]).toMatch(new RegExp(`^error {2}${message.source.slice(1)}`, 'u'));
      expect(report.actions.filter((a) => a.file === name)).toEqual([]);
      expect(listEntries()).toHaveLength(6);
    });

    it('exits non-zero when any file failed', async () => {
      writeFileSync(join(root, 'seeds', 'empty.txt'), '');
      const { spawnSync } = await import('node:child_process');
      const result = spawnSync(
        join(process.cwd(), 'node_modules/.bin/tsx'),
        [join(process.cwd(), 'src/ingest/cli.ts')],
        { cwd: root, encoding: 'utf8' },
      );
      expect(result.status).toBe(1);
      expect(result.stderr).toMatch(/seeds\/empty\.txt the file is empty/u);
      expect(result.stdout).toMatch(/6 entries \(6 created/u);
    });
  });
});
