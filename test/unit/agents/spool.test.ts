import { mkdtemp, readdir, readFile, rm, stat, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Spool } from '../../../agents/spool.js';
import { sampleReport } from './_sample-report.js';

describe('Spool', () => {
  let stateDir: string;
  let warnings: string[];
  let spool: Spool;
  beforeEach(async () => {
    stateDir = await mkdtemp(join(tmpdir(), 'ew-spool-'));
    warnings = [];
    spool = new Spool(stateDir, { warn: (message) => warnings.push(message) });
  });
  afterEach(async () => {
    await rm(stateDir, { recursive: true, force: true });
  });

  it('writes <15-digit ms>-<uuid>.json holding {id, report}, the id matching the name', async () => {
    const name = await spool.add(sampleReport());
    const match = /^(\d{15})-([0-9a-f-]{36})\.json$/.exec(name);
    expect(match).not.toBeNull();
    const entry = JSON.parse(await readFile(join(stateDir, 'spool', name), 'utf8'));
    expect(entry).toEqual({ id: match?.[2], report: sampleReport() });
    expect((await stat(join(stateDir, 'spool', name))).mode & 0o777).toBe(0o600);
  });

  it('lists entries oldest-first even when added within one millisecond', async () => {
    const names: string[] = [];
    for (let i = 0; i < 20; i += 1) names.push(await spool.add(sampleReport(`host-${i}`)));
    expect(await spool.list()).toEqual(names);
    const hosts = await Promise.all((await spool.list()).map(async (name) => (await spool.read(name))?.report.host.hostname));
    expect(hosts).toEqual(names.map((_, i) => `host-${i}`));
  });

  it('leaves no temp file behind and ignores stray files when listing', async () => {
    await spool.add(sampleReport());
    await writeFile(join(spool.dir, '.tmp-crashed-write'), '{"id":');
    await writeFile(join(spool.dir, 'README'), 'not an entry');
    const files = await readdir(spool.dir);
    expect(files.filter((file) => file.endsWith('.json'))).toHaveLength(1);
    expect(await spool.list()).toHaveLength(1);
  });

  it('sweeps only temp files old enough to be left by a crash', async () => {
    await spool.add(sampleReport());
    const old = join(spool.dir, '.tmp-old');
    await writeFile(old, '{');
    await utimes(old, new Date(Date.now() - 2 * 3600_000), new Date(Date.now() - 2 * 3600_000));
    await writeFile(join(spool.dir, '.tmp-fresh'), '{');
    await spool.sweepTemp();
    expect((await readdir(spool.dir)).filter((file) => file.startsWith('.tmp-'))).toEqual(['.tmp-fresh']);
  });

  it('removes an entry and tolerates it already being gone', async () => {
    const name = await spool.add(sampleReport());
    await spool.remove(name);
    await spool.remove(name);
    expect(await spool.list()).toEqual([]);
  });

  it('moves a rejected entry to rejected/ with the reason beside it', async () => {
    const name = await spool.add(sampleReport());
    await spool.reject(name, 'hub answered 400\n{"error":{"code":"invalid-report"}}');
    expect(await spool.list()).toEqual([]);
    const stem = name.replace(/\.json$/, '');
    expect((await readdir(spool.rejectedDir)).sort()).toEqual([`${stem}.error.txt`, name]);
    expect(await readFile(join(spool.rejectedDir, `${stem}.error.txt`), 'utf8')).toContain('invalid-report');
  });

  it('moves an unreadable entry to rejected/ instead of blocking the queue', async () => {
    const name = await spool.add(sampleReport());
    await writeFile(join(spool.dir, name), '{"id": "x", "rep');
    expect(await spool.read(name)).toBeUndefined();
    expect(await readdir(spool.rejectedDir)).toContain(name);
    expect(warnings[0]).toMatch(/not a valid spool entry/);
  });

  it('reads nothing, without rejecting, for an entry another drain already removed', async () => {
    const name = await spool.add(sampleReport());
    await spool.remove(name);
    expect(await spool.read(name)).toBeUndefined();
    expect(await readdir(stateDir)).toEqual(['spool']);
  });

  it('warns once it holds over half its bound', async () => {
    const small = new Spool(stateDir, { limits: { maxFiles: 4 }, warn: (message) => warnings.push(message) });
    for (let i = 0; i < 2; i += 1) await small.add(sampleReport());
    expect(warnings).toEqual([]);
    await small.add(sampleReport());
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(/holds 3 reports .* over half its bound; is the hub reachable/);
  });

  it('over its bound, folds the oldest report into the next, which then stands for both, and says so', async () => {
    const small = new Spool(stateDir, { limits: { maxFiles: 3 }, warn: (message) => warnings.push(message) });
    const collected = ['2026-11-01T08:00:00Z', '2026-11-02T08:00:00Z', '2026-11-03T08:00:00Z', '2026-11-04T08:00:00Z', '2026-11-05T08:00:00Z', '2026-11-06T08:00:00Z'];
    for (const collectedAt of collected) await small.add({ ...sampleReport(), collectedAt });
    const names = await small.list();
    expect(names).toHaveLength(3);
    const entries = await Promise.all(names.map((name) => small.read(name)));
    // Every collection is accounted for: the oldest entry stands for the four folded into it.
    expect(entries.map((e) => e?.report.spool)).toEqual([{ reports: 4, firstCollectedAt: collected[0] }, undefined, undefined]);
    expect(entries.map((e) => e?.report.collectedAt)).toEqual(collected.slice(3));
    expect(warnings.at(-1)).toMatch(/reached its bound of 3 reports .* stands for 4 collected since 2026-11-01T08:00:00Z/);
  });

  it('folds by size too, keeping at least the newest report', async () => {
    const tiny = new Spool(stateDir, { limits: { maxBytes: 100 }, warn: (message) => warnings.push(message) });
    await tiny.add(sampleReport());
    await tiny.add(sampleReport());
    expect(await tiny.list()).toHaveLength(1);
    expect((await tiny.read((await tiny.list())[0]!))?.report.spool?.reports).toBe(2);
  });

  it('lists nothing before the first report', async () => {
    expect(await spool.list()).toEqual([]);
  });
});
