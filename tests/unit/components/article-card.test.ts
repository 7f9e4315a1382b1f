import { experimental_AstroContainer as AstroContainer } from 'astro/container';
import { parse } from 'node-html-parser';
import { describe, expect, it } from 'vitest';
import ArticleCard from '../../../src/components/ArticleCard.astro';
import DataPanel from '../../../src/components/DataPanel.astro';
import { summarise } from '../../../src/site/article-summary.ts';
import { loadTaxonomy } from '../../../src/lib/taxonomy.ts';
import { elderlyFigure, fixtureEntries, rateFigure } from '../../fixtures/reading/articles.ts';

const taxonomy = loadTaxonomy();

async function render(component: Parameters<AstroContainer['renderToString']>[0], props: Record<string, unknown>) {
  const container = await AstroContainer.create();
  return parse(await container.renderToString(component, { props }));
}

describe('ArticleCard', () => {
  it('shows kicker, headline, dek and the key figure when the article has figures', async () => {
    const card = await render(ArticleCard, { summary: summarise(fixtureEntries[0]!, taxonomy), variant: 'lead' });
    expect(card.querySelector('.card-kicker')?.textContent).toBe('菏泽市 巨野县');
    expect(card.querySelector('.card-title a')?.getAttribute('href')).toBe('/articles/juye-2020/');
    expect(card.querySelector('.card-title')?.textContent).toBe('提升健康水平 增进民生福祉');
    expect(card.querySelector('.card-dek')?.textContent).toBe('奋力谱写新篇章');
    const figure = card.querySelector('.key-figure');
    expect(figure?.querySelector('.key-figure-value')?.textContent).toBe('10.2万人');
    expect(figure?.querySelector('.key-figure-label')?.textContent).toBe(elderlyFigure.label);
    expect(figure?.getAttribute('title')).toBe('101,981人');
    // Read aloud, and indexed for search, as two words: the figure, then what it counts.
    expect(figure?.textContent.trim().replace(/\s+/gu, ' ')).toBe(`10.2万人 ${elderlyFigure.label}`);
  });

  it('shows no figure block when the article has no figures', async () => {
    const card = await render(ArticleCard, { summary: summarise(fixtureEntries[1]!, taxonomy) });
    expect(card.querySelector('.card-title')?.textContent).toBe('生命的摇篮 妇幼的港湾');
    expect(card.querySelector('.card-dek')?.textContent).toBe('巨野县妇幼保健纪实');
    expect(card.querySelector('.key-figure')).toBeNull();
  });
});

describe('DataPanel', () => {
  it('lists every figure with label, value, unit and hedge, linking to its anchor', async () => {
    const panel = await render(DataPanel, { metrics: [rateFigure, elderlyFigure], slug: 'juye-2020' });
    // The complete list (the lead shows only figures the article graphic does not draw).
    const links = panel.querySelectorAll('.data-panel-all a.key-figure');
    expect(links.map((a) => a.getAttribute('href'))).toEqual(['#satisfaction', '#elderly-managed']);
    expect(links.map((a) => a.querySelector('.key-figure-value')?.textContent)).toEqual(['超98.5%', '10.2万人']);
    expect(links.map((a) => a.querySelector('.key-figure-label')?.textContent)).toEqual([
      rateFigure.label,
      elderlyFigure.label,
    ]);
  });

  it('renders nothing without figures', async () => {
    const panel = await render(DataPanel, { metrics: [], slug: 'juye-2020' });
    expect(panel.querySelector('.data-panel')).toBeNull();
  });
});

describe('DataPanel with many figures', () => {
  it('leads with a few key figures and keeps the full list behind a disclosure', async () => {
    const many = Array.from({ length: 12 }, (_, i) => ({
      ...elderlyFigure,
      id: `f${i}`,
      value: 100 + i,
      label: `项目${i}`,
    }));
    const panel = await render(DataPanel, { metrics: many, slug: 'juye-2020' });
    // Figures the article graphic draws are not repeated in the lead; the lead stays short.
    const leading = panel.querySelectorAll('.data-panel > ul a.key-figure');
    expect(leading.length).toBeLessThanOrEqual(6);
    expect(panel.querySelectorAll('.data-panel-all a.key-figure')).toHaveLength(12);
    expect(panel.querySelector('.data-panel-all summary')?.textContent).toBe('全部 12 项数据');
  });
});
