import { describe, expect, it } from 'vitest';
import { parseQuietHours } from '../../../agents/quiet-hours.js';
import { createScheduledRun, schedule } from '../../../agents/schedule.js';

describe('createScheduledRun', () => {
  it('skips a run that would start in quiet hours, and runs outside them', async () => {
    let ran = 0;
    const logs: string[] = [];
    let now = new Date('2026-11-23T10:00:00');
    const tick = createScheduledRun({ jitterSeconds: 0, quietHours: parseQuietHours('08:00-18:00'), now: () => now, log: (m) => logs.push(m), run: async () => void (ran += 1) });
    await tick();
    expect(ran).toBe(0);
    expect(logs).toEqual(['quiet hours 08:00-18:00: skipping this run']);
    now = new Date('2026-11-23T19:00:00');
    await tick();
    expect(ran).toBe(1);
  });

  it('waits a random jitter of up to jitterSeconds before running', async () => {
    let ran = 0;
    const tick = createScheduledRun({ jitterSeconds: 1, random: () => 0.1, run: async () => void (ran += 1) });
    const started = Date.now();
    await tick();
    expect(ran).toBe(1);
    expect(Date.now() - started).toBeGreaterThanOrEqual(90);
  });

  it('skips a tick while the previous run is still going', async () => {
    let release = () => undefined as void;
    let runs = 0;
    const logs: string[] = [];
    const tick = createScheduledRun({
      jitterSeconds: 0,
      log: (message) => logs.push(message),
      run: () => {
        runs += 1;
        return new Promise<void>((resolve) => (release = resolve));
      },
    });
    const first = tick();
    await new Promise((resolve) => setTimeout(resolve, 10));
    await tick();
    expect(runs).toBe(1);
    expect(logs).toEqual(['previous run still in progress; skipping this one']);
    release();
    await first;
    const third = tick();
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(runs).toBe(2);
    release();
    await third;
  });

  it('logs a failed run and stays usable', async () => {
    const logs: string[] = [];
    const tick = createScheduledRun({
      jitterSeconds: 0,
      log: (message) => logs.push(message),
      run: async () => {
        throw new Error('disk full');
      },
    });
    await tick();
    await tick();
    expect(logs).toEqual(['run failed: disk full', 'run failed: disk full']);
  });

  it('cancels a pending jitter wait when stopped, without running', async () => {
    const abort = new AbortController();
    let ran = false;
    const tick = createScheduledRun({ jitterSeconds: 600, random: () => 1, signal: abort.signal, run: async () => void (ran = true) });
    const pending = tick();
    abort.abort();
    await pending;
    expect(ran).toBe(false);
  });
});

describe('schedule', () => {
  it('rejects an invalid cron expression', () => {
    expect(() => schedule({ cron: '61 * * * *', run: async () => undefined })).toThrow(/not a valid cron expression/);
  });

  it('runs on the cron schedule (every second) and stops cleanly', async () => {
    let runs = 0;
    const agent = schedule({ cron: '* * * * * *', jitterSeconds: 0, run: async () => void (runs += 1) });
    await new Promise((resolve) => setTimeout(resolve, 2_300));
    await agent.stop();
    expect(runs).toBeGreaterThanOrEqual(1);
  });
});
