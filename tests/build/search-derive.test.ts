import { createHash } from 'node:crypto';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { builtSite } from '../support/site.ts';
import { TEST_CACHE_DIR } from '../support/build-site.ts';
import { referenceSearchFiles } from '../support/search-files-reference.ts';
import { SEARCH_BUNDLE, readFragment } from '../../src/search/build/integration.ts';
import { buildTraditionalDictionary, traditionalGrams } from '../../src/search/build/traditional.ts';

/** Where the test build keeps Pagefind's fragments (its own cacheDir, archive-search/ in it). */
const FRAGMENT_CACHE = join(TEST_CACHE_DIR, 'archive-search', 'fragments');

describe('the streaming derive, on the test build', () => {
  it("publishes the very files, by name and by bytes, that the in-memory derive makes from the build's fragments", () => {
    const site = builtSite();
    const fragments = readdirSync(FRAGMENT_CACHE)
      .filter((file) => file.endsWith('.pf_fragment'))
      .sort()
      .map((file) => ({
        id: file.slice(0, -'.pf_fragment'.length),
        fragment: readFragment(readFileSync(join(FRAGMENT_CACHE, file)), file),
      }));
    const expected = referenceSearchFiles(
      fragments,
      (bytes) => createHash('sha256').update(bytes).digest('hex').slice(0, 10),
      (texts) => {
        const dictionary = buildTraditionalDictionary(texts);
        return { dictionary, grams: traditionalGrams(dictionary, texts) };
      },
    );
    const bundle = join(site, SEARCH_BUNDLE);
    const published = readdirSync(bundle, { recursive: true, encoding: 'utf8' }).filter((path) => path.endsWith('.gz'));
    expect(published.sort()).toEqual([...expected.keys()].sort());
    for (const [path, data] of expected) {
      const bytes = typeof data === 'string' ? Buffer.from(data, 'utf8') : Buffer.from(data);
      expect(gunzipSync(readFileSync(join(bundle, path))).equals(bytes), path).toBe(true);
    }
    expect(fragments.length).toBeGreaterThan(5);
  });
});
