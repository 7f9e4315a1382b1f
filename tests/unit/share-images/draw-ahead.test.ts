import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { AstroConfig, AstroIntegration } from 'astro';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { shareImageCacheIntegration } from '../../../src/share-images/cache.ts';
import { drawAhead, drawnAhead, renderOgImage, type OgCard } from '../../../src/share-images/og-image.ts';

const card = (title: string): OgCard => ({
  siteName: '山东卫生健康新闻档案',
  kicker: '菏泽市 巨野县 · 2020年',
  title,
  footer: '约 9 分钟读完',
});

/** Each image drawn ahead is the one its page would draw, and no image is drawn twice. */
describe('share images drawn ahead of their pages', () => {
  let cacheDir: string;
  const images = () => readdirSync(join(cacheDir, 'archive-share-images'));

  beforeAll(async () => {
    cacheDir = mkdtempSync(join(tmpdir(), 'draw-ahead-'));
    // The build's cache, as the integration sets it up for a build.
    const hook = shareImageCacheIntegration().hooks['astro:config:done'] as NonNullable<
      AstroIntegration['hooks']['astro:config:done']
    >;
    await hook({ config: { cacheDir: pathToFileURL(`${cacheDir}/`) } as AstroConfig } as Parameters<typeof hook>[0]);
  });
  afterAll(() => {
    rmSync(cacheDir, { recursive: true, force: true });
    delete (globalThis as Record<symbol, unknown>)[Symbol.for('archive.shareImageCache')];
  });

  it('gives each page the bytes it would have drawn itself', async () => {
    const titles = ['县医院开通夜间门诊', '家庭医生签约服务', '乡镇卫生院标准化建设'];
    drawAhead(titles.map((title) => ({ key: title, card: () => card(title) })));
    for (const title of titles) {
      const ahead = await drawnAhead(title, `og/${title}.png`);
      expect(ahead).toBeInstanceOf(Buffer);
      expect(ahead?.equals(await renderOgImage(card(title)))).toBe(true);
    }
    expect(images()).toHaveLength(3);
  });

  it('leaves a page it has not reached to draw its own image, and then skips it', async () => {
    const before = images().length;
    expect(await drawnAhead('先问到的', 'og/first.png')).toBeUndefined();
    let cardsMade = 0;
    drawAhead([
      {
        key: '先问到的',
        card: () => {
          cardsMade += 1;
          return card('先问到的');
        },
      },
      { key: '后面的', card: () => card('后面的') },
    ]);
    expect(await drawnAhead('后面的', 'og/later.png')).toBeInstanceOf(Buffer);
    expect(cardsMade).toBe(0);
    expect(images()).toHaveLength(before + 1);
  });

  it('hands a failure to the page that awaits the image', async () => {
    const failing = (): OgCard => {
      throw new Error('no card');
    };
    expect(() => drawAhead([{ key: 'broken', card: failing }])).not.toThrow();
    await expect(drawnAhead('broken')).rejects.toThrow('no card');
  });
});
