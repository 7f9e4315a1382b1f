import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';
import { buildSearchIndex, readFragment, writeSearchFiles } from '../../../src/search/build/integration.ts';
import { seededRandom } from '../../../scripts/support/random.ts';
import { readShardNames, searchFilePaths } from '../../../src/search/shared/files.ts';
import { readDisplayChunk, readPagesFile } from '../../../src/search/shared/pages.ts';
import { readTermShard } from '../../../src/search/shared/terms.ts';
import { buildProfile, endStage } from '../../../src/lib/build-profile.ts';

let dir = '';
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('writeSearchFiles', () => {
  const fragment = (url: string, content: string, year: string) =>
    gzipSync(
      Buffer.from(
        `pagefind_dcd${JSON.stringify({ url, content, word_count: 2, meta: { title: url, year }, filters: {}, anchors: [] })}`,
      ),
    );
  const read = (path: string) => gunzipSync(readFileSync(join(dir, 'bundle', path)));

  it("writes the facts, term shards, display chunks and page texts from Pagefind's fragments, replacing an older bundle", () => {
    dir = mkdtempSync(join(tmpdir(), 'pagefind-'));
    mkdirSync(join(dir, 'fragment'));
    mkdirSync(join(dir, 'bundle', 'terms'), { recursive: true });
    writeFileSync(join(dir, 'bundle', 'terms', 'old-0.bin.gz'), '');
    writeFileSync(join(dir, 'bundle', 'pagefind.js'), '');
    writeFileSync(join(dir, 'fragment', 'zh-cn_b.pf_fragment'), fragment('/stories/b/', '急救\u200b电话', '2026'));
    writeFileSync(join(dir, 'fragment', 'zh-cn_a.pf_fragment'), fragment('/articles/a/', '家庭\u200b医生', '2018'));
    expect(writeSearchFiles(join(dir, 'fragment'), join(dir, 'bundle'))).toBe(2);
    const facts = readPagesFile(read(searchFilePaths.facts));
    expect(
      readDisplayChunk(read(searchFilePaths.chunk(facts.names.chunks[0]!, 0)).toString('utf8')).map((p) => [
        p.id,
        p.url,
      ]),
    ).toEqual([
      ['zh-cn_b', '/stories/b/'],
      ['zh-cn_a', '/articles/a/'],
    ]);
    expect(read(searchFilePaths.text('zh-cn_b')).toString('utf8')).toBe('急救电话');
    const shardNames = readShardNames(facts, (path) => read(path).toString('utf8'));
    const grams = Array.from({ length: facts.shards }, (_, n) => [
      ...readTermShard(read(searchFilePaths.shard(shardNames[n]!, n))).keys(),
    ]).flat();
    expect(grams).toEqual(expect.arrayContaining(['急救', '医生', '家']));
    // Nothing of the older bundle is left.
    expect(readdirSync(join(dir, 'bundle')).sort()).toEqual([
      'display',
      'facts.bin.gz',
      'filters',
      'shard-names',
      'terms',
      'text',
      'traditional',
    ]);
    expect(readdirSync(join(dir, 'bundle', 'terms'))).toHaveLength(facts.shards);
  });

  it('refuses a file that is not a Pagefind fragment', () => {
    expect(() => readFragment(gzipSync(Buffer.from('{"url":"/"}')))).toThrow(/signature/u);
  });

  it('refuses a fragment whose format changed, naming the file and the field', () => {
    const changed = gzipSync(Buffer.from('pagefind_dcd{"url":"/a/","text":"x","meta":{},"filters":{}}'));
    expect(() => readFragment(changed, 'zh-cn_a.pf_fragment')).toThrow(
      /zh-cn_a\.pf_fragment: Pagefind's fragment format[\s\S]*content/u,
    );
  });
});

describe('buildSearchIndex on its cache, one page changed', () => {
  // Pages of seeded random text from a pool of common characters; the added sentence uses characters outside it.
  const POOL = [
    ...'的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说产种面而方后多定行学法所民得经十三之进着等部度家电力里如水化高自二理起小物现实加量都两体制机当使点从业本去把性好应开它合还因由其些然前外天政四日那社义事平形相全表间样与关各重新线内数正心反你明看原又么利比或但质气第向道命此变条只没结解问意建月公无系军很情者最立代想已通并提直题党程展五果料象员革位入常文总次品式活设及管特件长求老头基资边流路级少图山统接知较将组见计别她手角期根论运农指几九区强放决西被干做必战先回则任取据处队南给色光门即保治北造百规热领七海口东导器压志世金增争济阶油思术极交受联什认六共权收证改清己美再采转更单风切打白教速花带安场身车例真务具万每目至达走积示议声报斗完类八离华名确才科张信马节话米整空元况今集温传土许步群广石记需段研界拉林律叫且究观越织装影算低持音众书布复容儿须际商非验连断深难近矿千周委素技备半办青省列习响约支般史感劳便团往酸历市克何除消构府称太准精值号率族维划选标写存候毛亲快效斯院查江型眼王按格养易置派层片始却专状育厂京识适属圆包火住调满县局照参红细引听该铁价严',
  ];
  const SENTENCE = '鹦鹉螺鲸鳄鳗'; // none of these is in POOL
  const page = (title: string, text: string) =>
    `<!doctype html><html lang="zh-cn"><head><meta charset="utf-8"><title>${title}</title></head><body><main data-pagefind-body><h1>${title}</h1><p>${text}</p></main></body></html>`;
  const snapshot = (root: string): Map<string, { bytes: Buffer; mtimeMs: number }> =>
    new Map(
      readdirSync(root, { recursive: true, encoding: 'utf8' })
        .filter((path) => statSync(join(root, path)).isFile())
        .map((path) => [path, { bytes: readFileSync(join(root, path)), mtimeMs: statSync(join(root, path)).mtimeMs }]),
    );

  it("rewrites the facts file, that page's text and display chunk and only the term shards holding its changed grams; every other file keeps its name and bytes", async () => {
    dir = mkdtempSync(join(tmpdir(), 'search-incremental-'));
    const site = join(dir, 'site');
    const cacheDir = join(dir, 'cache');
    const random = seededRandom(18);
    const texts = Array.from({ length: 80 }, () => Array.from({ length: 700 }, () => random.pick(POOL)).join(''));
    texts.forEach((text, n) => {
      mkdirSync(join(site, 'articles', `a${n}`), { recursive: true });
      writeFileSync(join(site, 'articles', `a${n}`, 'index.html'), page(`文章${n}`, text));
    });
    const logger = { info: () => undefined };
    await buildSearchIndex(site, logger, { cacheDir });
    const before = snapshot(join(site, 'pagefind'));
    const cachedBefore = snapshot(join(cacheDir, 'bundle'));
    const factsBefore = readPagesFile(gunzipSync(before.get(searchFilePaths.facts)!.bytes));
    expect(factsBefore.shards).toBeGreaterThan(8);

    writeFileSync(join(site, 'articles', 'a7', 'index.html'), page('文章7', `${texts[7]}${SENTENCE}`));
    await new Promise((resolve) => setTimeout(resolve, 20));
    await buildSearchIndex(site, logger, { cacheDir });
    const after = snapshot(join(site, 'pagefind'));
    const cachedAfter = snapshot(join(cacheDir, 'bundle'));
    const factsAfter = readPagesFile(gunzipSync(after.get(searchFilePaths.facts)!.bytes));
    expect(factsAfter.shards).toBe(factsBefore.shards);

    const gone = [...before.keys()].filter((path) => !after.has(path));
    const added = [...after.keys()].filter((path) => !before.has(path));
    const kept = [...after.keys()].filter((path) => before.has(path));
    // A kept name means kept bytes, and the cache did not write it again.
    for (const path of kept) {
      if (path === searchFilePaths.facts) continue;
      expect(after.get(path)!.bytes.equals(before.get(path)!.bytes), path).toBe(true);
      expect(cachedAfter.get(path)!.mtimeMs, path).toBe(cachedBefore.get(path)!.mtimeMs);
    }
    // The changed page's display entry names its new text file: its chunk, and no other, is new.
    expect(added.filter((path) => path.startsWith('display/'))).toEqual(
      factsAfter.names.chunks.flatMap((name, n) =>
        name === factsBefore.names.chunks[n] ? [] : [searchFilePaths.chunk(name, n)],
      ),
    );
    expect(factsAfter.names.chunks.filter((name, n) => name !== factsBefore.names.chunks[n])).toHaveLength(1);
    expect(added.filter((path) => path.startsWith('text/'))).toHaveLength(1);
    expect(gone.filter((path) => path.startsWith('text/'))).toHaveLength(1);

    // Each shard's grams, read back: a shard with a new name is one whose postings changed, and only by grams with a character of the sentence.
    const grams = (files: typeof before, name: string, n: number) =>
      readTermShard(gunzipSync(files.get(searchFilePaths.shard(name, n))!.bytes));
    const sentence = new Set(SENTENCE);
    // A gram may also be a Traditional marker (鸚鵡 for 鹦鹉): read its characters through the build's dictionary.
    const dictionary = gunzipSync(after.get(searchFilePaths.traditional(factsAfter.names.traditional))!.bytes)
      .toString('utf8')
      .split('|')
      .map((entry) => entry.split(' '));
    const simplified = new Map(
      dictionary.filter(([from = '']) => [...from].length === 1).map(([from, to]) => [from, to]),
    );
    const touchesSentence = (gram: string) =>
      [...gram].some((ch) => sentence.has(ch) || sentence.has(simplified.get(ch) ?? ''));
    const namesOf = (files: typeof before, facts: typeof factsAfter) =>
      readShardNames(facts, (path) => gunzipSync(files.get(path)!.bytes).toString('utf8'));
    const namesBefore = namesOf(before, factsBefore);
    const namesAfter = namesOf(after, factsAfter);
    let rewritten = 0;
    const renamedDirectories = new Set<number>();
    for (let n = 0; n < factsAfter.shards; n += 1) {
      const old = grams(before, namesBefore[n]!, n);
      const now = grams(after, namesAfter[n]!, n);
      const changed = [...new Set([...old.keys(), ...now.keys()])].filter(
        (gram) => JSON.stringify(old.get(gram)) !== JSON.stringify(now.get(gram)),
      );
      expect(namesAfter[n] === namesBefore[n], `shard ${n}`).toBe(changed.length === 0);
      for (const gram of changed) expect(touchesSentence(gram), gram).toBe(true);
      if (changed.length > 0) {
        rewritten += 1;
        renamedDirectories.add(Math.floor(n / factsAfter.shardsPerDirectory));
      }
    }
    // A shard directory is new only where one of its shards is.
    expect(added.filter((path) => path.startsWith('shard-names/')).sort()).toEqual(
      [...renamedDirectories].map((d) => searchFilePaths.directory(factsAfter.names.directories[d]!, d)).sort(),
    );
    expect(rewritten).toBeGreaterThan(0);
    expect(rewritten).toBeLessThan(factsAfter.shards / 2);
    expect(added.filter((path) => path.startsWith('terms/'))).toHaveLength(rewritten);
    // The Traditional dictionary lists the characters of every text, so it may change with them.
    expect(added.filter((path) => !/^(terms|shard-names|text|display|traditional)\//u.test(path))).toEqual([]);
  }, 60_000);

  it('patches the files for the changed page, reading only it, into the very bytes a build without the cache derives', async () => {
    dir = mkdtempSync(join(tmpdir(), 'search-patch-'));
    const site = join(dir, 'site');
    const random = seededRandom(19);
    const texts = Array.from({ length: 60 }, () => Array.from({ length: 500 }, () => random.pick(POOL)).join(''));
    const write = (n: number, text: string) => {
      mkdirSync(join(site, 'articles', `a${n}`), { recursive: true });
      writeFileSync(join(site, 'articles', `a${n}`, 'index.html'), page(`文章${n}`, text));
    };
    texts.forEach((text, n) => write(n, text));
    const logged: string[] = [];
    const logger = { info: (message: string) => void logged.push(message) };
    await buildSearchIndex(site, logger, { cacheDir: join(dir, 'cache') });
    // A sentence of characters the archive has: the Traditional dictionary stays, so the files can be patched.
    write(12, `${texts[12]}${POOL.slice(0, 40).join('')}`);
    await buildSearchIndex(site, logger, { cacheDir: join(dir, 'cache') });
    endStage();
    const derive = buildProfile()
      .stages.filter((stage) => stage.name === 'search: derive files')
      .at(-1)!;
    expect(derive.work).toMatchObject({
      'pages read for the search files': 1,
      'pages whose search files were patched': 1,
    });
    expect(logged.filter((message) => message.includes('derived again'))).toEqual([]);
    const patched = snapshot(join(site, 'pagefind'));
    await buildSearchIndex(site, logger, { cacheDir: join(dir, 'fresh-cache') });
    const fresh = snapshot(join(site, 'pagefind'));
    expect([...patched.keys()].sort()).toEqual([...fresh.keys()].sort());
    for (const [path, file] of fresh) expect(patched.get(path)!.bytes.equals(file.bytes), path).toBe(true);
  }, 60_000);

  it('links the files into the site, and a later build never changes the bytes of a site already published', async () => {
    dir = mkdtempSync(join(tmpdir(), 'search-links-'));
    const cacheDir = join(dir, 'cache');
    const logger = { info: () => undefined };
    const build = async (name: string, changed: string) => {
      const site = join(dir, name);
      for (const n of [0, 1, 2]) {
        mkdirSync(join(site, 'articles', `a${n}`), { recursive: true });
        writeFileSync(join(site, 'articles', `a${n}`, 'index.html'), page(`文章${n}`, n === 1 ? changed : POOL[0]!));
      }
      await buildSearchIndex(site, logger, { cacheDir });
      return join(site, 'pagefind');
    };
    const published = await build('first', POOL[0]!.slice(0, 300));
    const facts = join(published, searchFilePaths.facts);
    // A link into the cache (two names for one file), not a copy.
    expect(statSync(facts).nlink).toBe(2);
    const before = snapshot(published);
    // The next build, into a folder of its own as `npm run build` makes, with one page changed: its facts file differs.
    const next = await build('second', `${POOL[0]!.slice(0, 300)}${SENTENCE}`);
    expect(readFileSync(join(next, searchFilePaths.facts)).equals(before.get(searchFilePaths.facts)!.bytes)).toBe(
      false,
    );
    const after = snapshot(published);
    expect([...after.keys()].sort()).toEqual([...before.keys()].sort());
    for (const [path, file] of before) expect(after.get(path)!.bytes.equals(file.bytes), path).toBe(true);
  });
});
