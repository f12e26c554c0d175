import { describe, expect, it } from 'vitest';
import { formatProgress, progressBar } from '../../../src/cli/progress-bar.js';

function stream(isTTY: boolean) {
  const writes: string[] = [];
  return { isTTY, writes, write: (t: string) => writes.push(t) };
}

describe('progressBar', () => {
  it('draws count, bar and percentage with thousands separators', () => {
    expect(formatProgress(1234, 10000, 'importing')).toBe(`importing 1,234/10,000 reports ${'█'.repeat(3)}${'░'.repeat(21)} 12%`);
  });

  it('redraws at most every 100 ms, always at the end, and ends the line', () => {
    const s = stream(true);
    let now = 0;
    const bar = progressBar(s, 1000, 'importing', () => now);
    for (let done = 1; done <= 1000; done++) {
      now = done; // 1 ms per report: 1 s in all
      bar.update(done);
    }
    bar.finish();
    expect(s.writes.length).toBeLessThanOrEqual(12);
    expect(s.writes.at(-2)).toContain('1,000/1,000 reports');
    expect(s.writes.at(-1)).toBe('\n');
  });

  it('writes nothing when stderr is not a terminal', () => {
    const s = stream(false);
    const bar = progressBar(s, 10, 'importing');
    bar.update(10);
    bar.finish();
    expect(s.writes).toEqual([]);
  });
});
