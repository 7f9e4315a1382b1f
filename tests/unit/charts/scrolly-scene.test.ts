import { describe, expect, it } from 'vitest';
import { MAX_DOTS, scrollyScene, type SceneStep } from '../../../src/charts/scrolly-scene.ts';
import { expectAccessibleSvg } from './helpers.ts';

const steps: SceneStep[] = [
  { title: '全市急救站', kind: 'numbers', data: [{ id: 'a', label: '急救站', value: 55, unit: '家' }] },
  {
    title: '电话与救治',
    kind: 'numbers',
    data: [
      { id: 'b', label: '受理急救电话次数', value: 426184, unit: '次' },
      { id: 'c', label: '救治患者人次', value: 101085, unit: '人次' },
    ],
  },
  {
    title: '接听与出车',
    kind: 'proportion',
    data: [
      { id: 'd', label: '呼救电话10秒内接听率', value: 100, unit: '%' },
      { id: 'e', label: '三分钟出车率', value: 97, unit: '%' },
    ],
  },
  {
    title: '献血者队伍',
    kind: 'bar',
    data: [
      { id: 'f', label: '固定献血者队伍', value: 20000, unit: '人', qualifier: 'over' },
      { id: 'g', label: '机采血小板队伍', value: 500, unit: '人', qualifier: 'over' },
    ],
  },
];

const states = (svg: string) => [...svg.matchAll(/<g class="scrolly-state" data-state="(\d+)"( data-active="")?/gu)];

describe('the scrollytelling scene', () => {
  it('is one accessible SVG with one state per step, the first active', () => {
    const svg = scrollyScene(steps, { title: '聊城', id: 's' });
    expectAccessibleSvg(svg, '聊城');
    expect((svg.match(/<svg/gu) ?? []).length).toBe(1);
    expect(states(svg).map((m) => [m[1], Boolean(m[2])])).toEqual([
      ['0', true],
      ['1', false],
      ['2', false],
      ['3', false],
    ]);
    expect(svg).not.toMatch(/NaN|undefined|Infinity/u);
  });

  it('draws one state alone, active, for a step without JavaScript', () => {
    const svg = scrollyScene(steps, { title: '接听与出车', id: 's-2', only: 2 });
    expect(states(svg).map((m) => [m[1], Boolean(m[2])])).toEqual([['2', true]]);
    expect(svg).toContain('3 / 4');
  });

  it('prints every figure with its unit; counts up to the limit also as one dot each; different units never on one scale', () => {
    const svg = scrollyScene(steps, { title: '聊城', id: 's' });
    const state = (i: number) =>
      svg.slice(svg.indexOf(`data-state="${i}"`), svg.indexOf(`data-state="${i + 1}"`) >>> 0);
    expect((state(0).match(/<circle/gu) ?? []).length).toBe(55);
    expect(55).toBeLessThanOrEqual(MAX_DOTS);
    // Calls and patients: numbers each on their own, no bars and no dots.
    expect(state(1)).toContain('42.6万次');
    expect(state(1)).toContain('10.1万人次');
    expect(state(1)).not.toMatch(/<circle|scrolly-bar/u);
    // Rates on 0–100 % tracks, bars of one unit with their values.
    expect(state(2)).toContain('97%');
    expect(svg).toContain('2万余人');
    expect(svg).toContain('500余人');
  });
});
