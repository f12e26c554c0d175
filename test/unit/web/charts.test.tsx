import { describe, expect, it } from 'vitest';
import { LineChart, type LineSeries } from '../../../src/web/components/line-chart.js';
import { StackedBarChart, type Bar } from '../../../src/web/components/stacked-bar-chart.js';

// hono/jsx may hand back a string or a promise of one; awaiting covers both.
const render = async (el: { toString(): string | Promise<string> }) => String(await el.toString());

/** Every capture of the first group of `re` in `html`. */
const all = (html: string, re: RegExp) => [...html.matchAll(new RegExp(re.source, 'g'))].map((m) => m[1] ?? '');
/** Every element of `tag` (opening tag plus content up to its close), so attributes can be read. */
const elements = (html: string, tag: string) => [...html.matchAll(new RegExp(`<${tag}\\b[^>]*>(?:[\\s\\S]*?</${tag}>)?`, 'g'))].map((m) => m[0]);
const attr = (el: string, name: string) => new RegExp(`\\s${name}="([^"]*)"`).exec(el)?.[1];
const textOf = (html: string) => all(html, /<text\b[^>]*>([^<]*)/);

/** n consecutive 'YYYY-MM' months from January 2026. */
const months = (n: number) => Array.from({ length: n }, (_, i) => new Date(Date.UTC(2026, i, 1)).toISOString().slice(0, 7));
const series = (label: string, ys: (number | null)[]): LineSeries => ({ label, points: ys.map((y, i) => ({ x: months(ys.length)[i] ?? '', y })) });
const pct = (v: number) => `${v.toFixed(1)}%`;

describe('LineChart', () => {
  it('draws one marker with a tooltip per non-null point, labelled with the formatted value', async () => {
    const html = await render(<LineChart title="Patched" format={pct} series={[series('Servers', [10, 20, null, 40]), series('Desktops', [5, 6, 7, 8])]} />);
    const tips = all(html, /<title>([^<]*)<\/title>/);
    expect(tips).toHaveLength(7);
    expect(tips).toContain('Servers 2026-02: 20.0%');
    expect(tips).toContain('Desktops 2026-04: 8.0%');
    expect(tips.some((t) => t.startsWith('Servers 2026-03'))).toBe(false);
    expect(html).toContain('<figure class="chart">');
    expect(html).toContain('<figcaption>Patched</figcaption>');
    expect(html).toContain('viewBox="0 0 640 240"');
  });

  it('breaks the line at a null, and draws a lone point as a marker only', async () => {
    const html = await render(<LineChart title="t" series={[series('A', [1, 2, null, 3, 4]), series('B', [null, null, 5, null, null])]} />);
    const lines = elements(html, 'polyline');
    expect(lines).toHaveLength(2);
    expect(lines.every((l) => attr(l, 'points')?.split(' ').length === 2)).toBe(true);
    expect(all(html, /<title>(B [^<]*)<\/title>/)).toEqual(['B 2026-03: 5']);
  });

  it('gives each of four series its own dash pattern and marker shape', async () => {
    const four = ['A', 'B', 'C', 'D'].map((l, i) => series(l, [i, i + 1]));
    const html = await render(<LineChart title="t" series={four} />);
    const dashes = elements(html, 'polyline').map((l) => attr(l, 'stroke-dasharray'));
    expect(dashes).toEqual(['none', '6 4', '2 3', '8 3 2 3']);
    // The marker carrying each series' tooltip: circle, square, then two polygons (triangle, diamond) with different corner counts.
    const markerOf = (label: string) => ['circle', 'rect', 'polygon'].flatMap((tag) => elements(html, tag).map((el) => ({ tag, el }))).find(({ el }) => el.includes(`<title>${label} `));
    const shapes = ['A', 'B', 'C', 'D'].map((l) => {
      const m = markerOf(l);
      return m?.tag === 'polygon' ? `polygon/${attr(m.el, 'points')?.split(' ').length}` : m?.tag;
    });
    expect(shapes).toEqual(['circle', 'rect', 'polygon/3', 'polygon/4']);
    // The legend repeats each style beside its label.
    expect(elements(html, 'line').map((l) => attr(l, 'stroke-dasharray')).filter(Boolean)).toEqual(['none', '6 4', '2 3', '8 3 2 3']);
    expect(textOf(html)).toEqual(expect.arrayContaining(['A', 'B', 'C', 'D']));
  });

  it('labels the last non-null value of each series and summarises it in the aria-label', async () => {
    const html = await render(<LineChart title="Patched on time" format={pct} series={[series('Servers', [50, 62.5, null]), series('Desktops', [70, 80, 91.25])]} />);
    expect(textOf(html)).toEqual(expect.arrayContaining(['62.5%', '91.3%']));
    expect(attr(html, 'aria-label')).toBe('Patched on time: Servers 62.5% in 2026-02; Desktops 91.3% in 2026-03');
  });

  it('puts yMax at the top of the plot, yMax/2 midway and 0 on the baseline', async () => {
    const html = await render(<LineChart title="t" yMax={100} series={[series('A', [0, 50, 100])]} />);
    const cy = (x: string) => Number(attr(elements(html, 'circle').find((c) => c.includes(`<title>A ${x}:`)) ?? '', 'cy'));
    const [bottom, middle, top] = [cy('2026-01'), cy('2026-02'), cy('2026-03')];
    // The y axis runs from y=16 (plot top) to y=172 (baseline).
    expect(top).toBe(16);
    expect(bottom).toBe(172);
    expect(middle).toBe(94);
    expect(textOf(html)).toEqual(expect.arrayContaining(['0', '50', '100']));
  });

  it('labels every month up to 13, then every other month', async () => {
    const thirteen = await render(<LineChart title="t" series={[series('A', months(13).map(() => 1))]} />);
    const fourteen = await render(<LineChart title="t" series={[series('A', months(14).map(() => 1))]} />);
    expect(textOf(thirteen).filter((t) => /^202\d-/.test(t))).toHaveLength(13);
    expect(textOf(fourteen).filter((t) => /^202\d-/.test(t))).toEqual(['2026-01', '2026-03', '2026-05', '2026-07', '2026-09', '2026-11', '2027-01']);
  });

  it('takes the x categories from every series, in first-seen order', async () => {
    const a: LineSeries = { label: 'A', points: [{ x: 'Jan', y: 1 }, { x: 'Feb', y: 2 }] };
    const b: LineSeries = { label: 'B', points: [{ x: 'Feb', y: 3 }, { x: 'Mar', y: 4 }] };
    expect(textOf(await render(<LineChart title="t" series={[a, b]} />)).filter((t) => /^[A-Z][a-z]{2}$/.test(t))).toEqual(['Jan', 'Feb', 'Mar']);
  });

  it('copes with no series, an all-null series and all zeros', async () => {
    const empty = await render(<LineChart title="Nothing yet" series={[]} />);
    expect(attr(empty, 'aria-label')).toBe('Nothing yet: no data');
    expect(empty).not.toContain('<polyline');

    const nulls = await render(<LineChart title="t" series={[series('A', [null, null])]} />);
    expect(attr(nulls, 'aria-label')).toBe('t: A no data');
    expect(nulls).not.toContain('<polyline');
    expect(nulls).not.toContain('<title>');

    const zeros = await render(<LineChart title="t" series={[series('A', [0, 0, 0])]} />);
    expect(zeros).not.toMatch(/NaN|Infinity/);
    expect(elements(zeros, 'circle').filter((c) => c.includes('<title>')).map((c) => attr(c, 'cy'))).toEqual(['172.0', '172.0', '172.0']);
    // Default yMax is at least 1, so the ticks still read 0, 0.5, 1.
    expect(textOf(zeros)).toEqual(expect.arrayContaining(['0', '0.5', '1']));
  });

  it('escapes text taken from data', async () => {
    const html = await render(<LineChart title={'<script>alert(1)</script>'} series={[series('<b>A</b>', [1])]} />);
    expect(html).not.toContain('<script>');
    expect(html).not.toContain('<b>');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
  });
});

const ages = [{ label: '0–2 days' }, { label: '3–7 days' }, { label: '8–30 days' }, { label: 'over 30 days' }];
const bars: Bar[] = [
  { label: 'Critical', values: [1, 0, 2, 3], href: '/alerts?severity=critical&state=open' },
  { label: 'High', values: [4, 4, 0, 0] },
  { label: 'Low', values: [0, 0, 0, 0] },
];

describe('StackedBarChart', () => {
  it('writes each total above its bar and summarises them in the aria-label', async () => {
    const html = await render(<StackedBarChart title="Open alerts by severity and age" segments={ages} bars={bars} />);
    expect(textOf(html)).toEqual(expect.arrayContaining(['6', '8', '0', 'Critical', 'High', 'Low', ...ages.map((a) => a.label)]));
    expect(attr(html, 'aria-label')).toBe('Open alerts by severity and age: Critical 6; High 8; Low 0');
    expect(html).toContain('<figcaption>Open alerts by severity and age</figcaption>');
  });

  it('draws only non-zero segments, each with a tooltip, bottom segment lowest', async () => {
    const html = await render(<StackedBarChart title="t" segments={ages} bars={bars} />);
    const segs = elements(html, 'rect').filter((r) => r.includes('<title>'));
    expect(segs.map((r) => /<title>([^<]*)/.exec(r)?.[1])).toEqual(['Critical, 0–2 days: 1', 'Critical, 8–30 days: 2', 'Critical, over 30 days: 3', 'High, 0–2 days: 4', 'High, 3–7 days: 4']);
    const [first, second] = segs.map((r) => Number(attr(r, 'y')));
    expect(first).toBeGreaterThan(second ?? Infinity);
  });

  it('scales the tallest bar to the full plot height', async () => {
    const html = await render(<StackedBarChart title="t" segments={[{ label: 'a' }, { label: 'b' }]} bars={[{ label: 'X', values: [1, 1] }, { label: 'Y', values: [1, 0] }]} />);
    const [a, b, c] = elements(html, 'rect').filter((r) => r.includes('<title>'));
    const bottom = (r: string | undefined) => Number(attr(r ?? '', 'y')) + Number(attr(r ?? '', 'height'));
    // Plot runs from y=22 to the baseline at y=172.
    expect(Number(attr(b ?? '', 'y'))).toBe(22);
    expect(bottom(a)).toBe(172);
    expect(bottom(c)).toBe(172);
    expect(Number(attr(c ?? '', 'height'))).toBe(75);
  });

  it('fills segments with patterns whose ids are unique per chart', async () => {
    const one = await render(<StackedBarChart title="Open alerts by severity and age" segments={ages} bars={bars} />);
    const two = await render(<StackedBarChart title="Devices by kind" segments={ages} bars={bars} />);
    const ids = [...all(one, /<pattern\b[^>]*\sid="([^"]+)"/), ...all(two, /<pattern\b[^>]*\sid="([^"]+)"/)];
    expect(ids).toHaveLength(10);
    expect(new Set(ids).size).toBe(10);
    expect(ids).toContain('bars-open-alerts-by-severity-and-age-p0');
    // Every fill used refers to a pattern defined in the same chart, and the layers use different ones.
    const fills = new Set(all(one, /fill="url\(#([^)]+)\)"/));
    expect(fills.size).toBe(4);
    for (const f of fills) expect(one).toContain(`id="${f}"`);
  });

  it('links the whole bar when it has an href', async () => {
    const html = await render(<StackedBarChart title="t" segments={ages} bars={bars} />);
    const links = elements(html, 'a');
    expect(links).toHaveLength(1);
    expect(attr(links[0] ?? '', 'href')).toBe('/alerts?severity=critical&amp;state=open');
    expect(links[0]).toContain('Critical, over 30 days: 3');
    expect(links[0]).not.toContain('High');
  });

  it('copes with no bars and all-zero bars', async () => {
    const none = await render(<StackedBarChart title="Nothing" segments={ages} bars={[]} />);
    expect(attr(none, 'aria-label')).toBe('Nothing: no data');
    expect(none).not.toMatch(/NaN|Infinity/);
    const zeros = await render(<StackedBarChart title="t" segments={ages} bars={[{ label: 'A', values: [0, 0, 0, 0] }, { label: 'B', values: [] }]} />);
    expect(zeros).not.toMatch(/NaN|Infinity/);
    expect(zeros).not.toContain('<title>');
    expect(textOf(zeros).filter((t) => t === '0').length).toBeGreaterThanOrEqual(3);
  });

  it('escapes text taken from data', async () => {
    const html = await render(<StackedBarChart title={'<script>alert(1)</script>'} segments={[{ label: '<i>a</i>' }]} bars={[{ label: '"x"', values: [1] }]} />);
    expect(html).not.toContain('<script>');
    expect(html).not.toContain('<i>');
    expect(html).toContain('&lt;script&gt;');
    expect(all(html, /<pattern\b[^>]*\sid="([^"]+)"/)[0]).toBe('bars-script-alert-1-script-p0');
  });
});
