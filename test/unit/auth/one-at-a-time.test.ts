import { describe, expect, it } from 'vitest';
import { OneAtATime, oneAtATime } from '../../../src/auth/one-at-a-time.js';

interface Job {
  run: () => Promise<string>;
  finish: () => void;
}

/** Work the test finishes when it chooses, one job per name; `started` lists the names in the order their work began. */
function jobs<N extends string>(...names: N[]): Record<N, Job> & { started: string[] } {
  const started: string[] = [];
  const job = (name: N): Job => {
    let finish!: () => void;
    const done = new Promise<string>((resolve) => (finish = () => resolve(name)));
    return { run: () => (started.push(name), done), finish };
  };
  return Object.assign(Object.fromEntries(names.map((name) => [name, job(name)])) as Record<N, Job>, { started });
}

/** Lets every queued promise callback run. */
const settle = () => new Promise<void>((resolve) => setImmediate(resolve));

describe('OneAtATime', () => {
  it('runs calls one at a time, in the order they arrived', async () => {
    const line = new OneAtATime();
    const j = jobs('a', 'b', 'c');
    const results = [line.run(j.a.run), line.run(j.b.run), line.run(j.c.run)];
    await settle();
    expect([j.started, line.waiting]).toEqual([['a'], 2]);
    j.a.finish();
    await settle();
    expect(j.started).toEqual(['a', 'b']);
    j.b.finish();
    j.c.finish();
    expect(await Promise.all(results)).toEqual(['a', 'b', 'c']);
    expect(line.idle).toBe(true);
  });

  it('is full once `limit` calls wait behind the running one, and refuses a call beyond it without running it', async () => {
    const line = new OneAtATime(2);
    const j = jobs('running', 'first', 'second', 'refused');
    const results = [line.run(j.running.run), line.run(j.first.run), line.run(j.second.run)];
    expect([line.waiting, line.full]).toEqual([2, true]);
    await expect(line.run(j.refused.run)).rejects.toThrow(RangeError);
    for (const name of ['running', 'first', 'second'] as const) j[name].finish();
    await Promise.all(results);
    expect([j.started, line.full]).toEqual([['running', 'first', 'second'], false]);
  });

  it('takes a waiting call out of the line when its signal aborts: it never runs, and the calls behind it keep their turn', async () => {
    const line = new OneAtATime(4);
    const j = jobs('running', 'leaving', 'staying');
    const client = new AbortController();
    const [, leaving, staying] = [line.run(j.running.run), line.run(j.leaving.run, client.signal), line.run(j.staying.run)];
    client.abort();
    await expect(leaving).rejects.toMatchObject({ name: 'AbortError' });
    expect(line.waiting).toBe(1);
    j.running.finish();
    j.staying.finish();
    expect(await staying).toBe('staying');
    expect(j.started).toEqual(['running', 'staying']);
  });

  it('answers a running call at once when its signal aborts, drops its result, and starts the next only once that work is done', async () => {
    const line = new OneAtATime();
    const j = jobs('running', 'next');
    const client = new AbortController();
    const dropped = line.run(j.running.run, client.signal);
    const next = line.run(j.next.run);
    await settle();
    client.abort();
    await expect(dropped).rejects.toMatchObject({ name: 'AbortError' });
    await settle();
    expect(j.started).toEqual(['running']);
    j.running.finish();
    j.next.finish();
    expect(await next).toBe('next');
    expect(j.started).toEqual(['running', 'next']);
  });

  it('never runs a call whose signal has already aborted', async () => {
    const line = new OneAtATime();
    const j = jobs('late');
    await expect(line.run(j.late.run, AbortSignal.abort())).rejects.toMatchObject({ name: 'AbortError' });
    expect([j.started, line.idle]).toEqual([[], true]);
  });

  it('passes a failure to its caller and goes on with the next call', async () => {
    const line = new OneAtATime();
    const failing = line.run(() => Promise.reject(new Error('boom')));
    const next = line.run(async () => 'next');
    await expect(failing).rejects.toThrow('boom');
    expect(await next).toBe('next');
  });
});

describe('oneAtATime', () => {
  it('runs calls with the same key one after another and calls with other keys side by side', async () => {
    const j = jobs('a1', 'a2', 'b');
    const results = [oneAtATime('a', j.a1.run), oneAtATime('a', j.a2.run), oneAtATime('b', j.b.run)];
    await settle();
    expect(j.started).toEqual(['a1', 'b']);
    j.a1.finish();
    await settle();
    expect(j.started).toEqual(['a1', 'b', 'a2']);
    j.a2.finish();
    j.b.finish();
    expect(await Promise.all(results)).toEqual(['a1', 'a2', 'b']);
  });
});
