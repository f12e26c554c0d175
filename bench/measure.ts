/** Timing, percentiles and the figures table the benchmark prints. */

export interface Row {
  measure: string;
  value: string;
  floor: string;
  /** value against floor, e.g. "62% of floor" or "1.3× floor". */
  ratio: string;
  target: string;
  /** met, missed, or — where there is no target. */
  verdict: string;
}

export const rows: Row[] = [];

export function record(row: Partial<Row> & Pick<Row, 'measure' | 'value'>): void {
  rows.push({ floor: '—', ratio: '—', target: '—', verdict: '—', ...row });
  console.error(`  ${row.measure}: ${row.value}${row.floor ? ` (floor ${row.floor})` : ''}`);
}

export const verdict = (met: boolean) => (met ? 'met' : 'MISSED');

export async function timed<T>(fn: () => T | Promise<T>): Promise<{ result: T; ms: number }> {
  const started = performance.now();
  const result = await fn();
  return { result, ms: performance.now() - started };
}

export function percentile(samples: number[], p: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;
}

export const perSecond = (count: number, ms: number) => (count / ms) * 1000;
export const fmt = (n: number, digits = 0) => n.toLocaleString('en-GB', { maximumFractionDigits: digits, minimumFractionDigits: digits });

/** The table, as Markdown, for the terminal and docs/performance.md. */
export function table(): string {
  const head = ['measure', 'value', 'floor', 'vs floor', 'target', 'verdict'];
  const body = rows.map((r) => [r.measure, r.value, r.floor, r.ratio, r.target, r.verdict]);
  return [head, head.map(() => '---'), ...body].map((cells) => `| ${cells.join(' | ')} |`).join('\n');
}
